#!/usr/bin/env bash
# Benchmark of the HTML reports (issue 13): for the report of a 64-process
# run and of a trace of over 50 million references, the file's size (target:
# under 5 MB) and the time headless Chromium takes to render it, from the
# start of navigation to the end of the page's script (body data-rendered;
# target: under 5 s), the median of 3; then what --report costs a replay of
# that trace: the ratio of `vmlab trace --report` to `vmlab trace` on the
# same file, medians of A B A B runs.
#
#   bench/report.sh BUILD
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
vmlab=$build/vmlab
command -v chromium >/dev/null || { echo "bench report: no chromium (scripts/install-deps.sh)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

render_ms() { # render_ms FILE: the page's own time to rendered, in ms
	chromium --headless=new --no-sandbox --disable-gpu --user-data-dir="$work/profile" --window-size=1280,800 \
		--dump-dom "file://$(realpath "$1")" 2>/dev/null | grep -o 'data-rendered="[0-9]*"' | grep -o '[0-9]*'
}

report() { # report NAME FILE
	local size ms
	size=$(stat -c %s "$2")
	ms=$(for _ in 1 2 3; do render_ms "$2"; done | median)
	awk -v name="$1" -v size="$size" -v ms="$ms" 'BEGIN { printf "bench report: %-28s %6.2f MB (target < 5), " \
		"rendered in %5d ms (target < 5000)\n", name, size / 1e6, ms }'
}

"$vmlab" run --report "$work/family.html" "tests/programs/family.c 64 16" >/dev/null 2>&1
report "64 processes" "$work/family.html"

"$vmlab" run --record "$work/sweep.trace" "tests/programs/sweep.c 2048 9" >/dev/null 2>&1
refs=$("$vmlab" trace --json --report "$work/trace.html" "$work/sweep.trace" | jq .references)
report "trace of $((refs / 1000000))M references" "$work/trace.html"

seconds() { /usr/bin/time -f %e "$@" >/dev/null 2>>"$work/time" || true; tail -n 1 "$work/time"; }
plain=() with=()
for _ in 1 2 3; do
	plain+=("$(seconds "$vmlab" trace "$work/sweep.trace")")
	with+=("$(seconds "$vmlab" trace --report "$work/r.html" "$work/sweep.trace")")
done
p=$(printf '%s\n' "${plain[@]}" | median) w=$(printf '%s\n' "${with[@]}" | median)
awk -v refs="$refs" -v p="$p" -v w="$w" 'BEGIN { printf "bench report: replaying %dM references: %.2f s, " \
	"with --report %.2f s: %.2fx\n", refs / 1e6, p, w, w / p }'
