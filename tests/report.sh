#!/usr/bin/env bash
# Tests of the HTML reports, `vmlab run --report` and `vmlab trace --report`
# (issue 13). Ends with one line: "report: N passed, N failed".
#
#   tests/report.sh BUILD [--screenshot PNG]
#
# - render: each kind of report (programs under paging, with swapping, 64
#   processes at once, base-bounds and segmentation; a small trace and one
#   of over 50 million references, recorded from a program through a FIFO)
#   is rendered by headless Chromium: its DOM must hold every section and a
#   data-pid element for every process of the data, the page's script must
#   have finished (body data-rendered), the browser must have logged nothing
#   on its console, the file must stay under 5 MB, and a screenshot at
#   1280x800 must not be blank (many times the size of a blank page's).
# - numbers: the report's last point holds the run's own counts (faults,
#   evictions, swap-ins and -outs, COW copies: the --json summary of the same
#   run); its last snapshot gives each process as many frames as it has
#   resident pages; its working set is, window by window, the distinct pages
#   a trace references (counted here with awk).
# - bad input: a --report path that cannot be opened fails before the run;
#   a full disk fails the run with a message; the same run gives the same
#   file byte for byte.
# With --screenshot PNG, also writes the README's screenshots of a run of
# 8 processes in 256 KiB: PNG (its top at 1280x800) and PNG's name with
# -page (the whole page; docs/report.png and docs/report-page.png).
set -u
cd "$(dirname "$0")/.." || exit 1
build=${1:-build}
shot_out=""
[ "${2:-}" = --screenshot ] && shot_out=${3:?--screenshot needs a PNG path}
vmlab=$build/vmlab
passed=0 failed=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

pass() { passed=$((passed + 1)); }
fail() { echo "FAIL report: $*"; failed=$((failed + 1)); }
check() { # check WHAT COMMAND...: passes when the command succeeds
	local what=$1
	shift
	if "$@"; then pass; else fail "$what"; fi
}

for tool in "$vmlab" chromium jq; do
	if ! command -v "$tool" >/dev/null; then
		fail "no $tool (make; scripts/install-deps.sh installs chromium and jq)"
		echo "report: $passed passed, $failed failed"
		exit 1
	fi
done

browser() { # browser ARGS... FILE: headless Chromium on a local file
	local file=$1
	shift
	chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --enable-logging=stderr --v=0 \
		--user-data-dir="$work/profile" --window-size=1280,800 "$@" "file://$(realpath "$file")"
}

# The data of a report: the line after its data script's opening tag.
data() { sed -n '/<script type="application\/json" id="vmlab-data">/{n;p;q}' "$1"; }

blank=$work/blank.html
printf '<!DOCTYPE html><html><body></body></html>\n' >"$blank"
browser "$blank" --screenshot="$work/blank.png" >/dev/null 2>&1
blank_size=$(stat -c %s "$work/blank.png" 2>/dev/null || echo 0)

# render NAME: the checks every report must pass.
render() {
	local name=$1 html=$work/$1.html
	local size
	size=$(stat -c %s "$html")
	check "$name: $size bytes, not under 5 MB" [ "$size" -lt 5000000 ]
	if ! data "$html" | jq -e .vmlab >/dev/null 2>&1; then
		fail "$name: its data does not parse as JSON"
		return
	fi
	browser "$html" --dump-dom >"$work/$name.dom" 2>"$work/$name.log"
	local kind sections=(pressure proc-table physmem spaces pagetable tlb timeline)
	kind=$(data "$html" | jq -r .kind)
	[ "$kind" = trace ] && sections+=(workingset)
	for id in "${sections[@]}"; do
		check "$name: no element id=\"$id\" in the rendered page" grep -q "id=\"$id\"" "$work/$name.dom"
	done
	local missing=""
	for pid in $(data "$html" | jq -r '.procs[].pid'); do
		grep -q "data-pid=\"$pid\"" "$work/$name.dom" || missing+=" $pid"
	done
	check "$name: no data-pid element for pids$missing" [ -z "$missing" ]
	check "$name: the page's script did not finish (no body data-rendered)" \
		grep -q '<body[^>]*data-rendered="[0-9]*"' "$work/$name.dom"
	if grep -q CONSOLE "$work/$name.log"; then
		fail "$name: the browser's console says:"
		grep CONSOLE "$work/$name.log" | head -5
	else
		pass
	fi
	browser "$html" --screenshot="$work/$name.png" >/dev/null 2>&1
	local shot
	shot=$(stat -c %s "$work/$name.png" 2>/dev/null || echo 0)
	check "$name: the screenshot ($shot bytes) looks blank (a blank page's: $blank_size)" \
		test "$blank_size" -gt 0 -a "$shot" -gt $((10 * blank_size))
}

run_report() { # run_report NAME VMLAB-ARGS...: vmlab run --report NAME.html --json ...
	local name=$1
	shift
	"$vmlab" run --report "$work/$name.html" --json "$@" >"$work/$name.out" 2>"$work/$name.err" </dev/null
	if [ ! -s "$work/$name.html" ]; then
		fail "$name: vmlab run $* wrote no report:"
		head -5 "$work/$name.err"
		return 1
	fi
}

# ---- every kind of report, rendered ----

run_report multi examples/cow.c "examples/arraytest.c 5" examples/hotcold.c && render multi
run_report swap --ram 1m examples/swap.c && render swap
run_report family64 "tests/programs/family.c 64 16" && render family64
check "family64: the report does not hold 64 processes" \
	[ "$(data "$work/family64.html" | jq '.procs | length')" = 64 ]
run_report basebounds --mmu base-bounds examples/cow.c && render basebounds
run_report segmentation --mmu segmentation examples/cow.c examples/arraytest.c && render segmentation

# a command line (the page's title) that would end the data's script
run_report script "examples/arraytest.c 2 </script><b>x" && render script
check "script: the title did not come through whole" \
	[ "$(data "$work/script.html" | jq -r .title | grep -c '</script><b>x')" = 1 ]

# a trace of over 50 million references, streamed from the program
mkfifo "$work/fifo"
"$vmlab" run --record "$work/fifo" "tests/programs/sweep.c 2048 9" >/dev/null 2>"$work/sweep.err" </dev/null &
"$vmlab" trace --report "$work/longtrace.html" --json "$work/fifo" >"$work/longtrace.out" 2>"$work/longtrace.err"
wait
refs=$(jq .references "$work/longtrace.out" 2>/dev/null)
check "longtrace: ${refs:-no} references, not over 50 million" [ "${refs:-0}" -gt 50000000 ]
render longtrace

# ---- the numbers are the run's ----

last_point() { data "$1" | jq -c '.samples | [.minor[-1], .major[-1], .evictions[-1], .swap_ins[-1], .swap_outs[-1], .cow[-1]]'; }
summary() { tail -n 1 "$1" | jq -c '[.minor_faults, .major_faults, .evictions, .swap_ins, .swap_outs, .cow_copies]'; }
for name in swap family64 multi; do
	check "$name: the last point $(last_point "$work/$name.html") is not the summary's $(summary "$work/$name.out")" \
		[ "$(last_point "$work/$name.html")" = "$(summary "$work/$name.out")" ]
	check "$name: the processes' faults are not the summary's" [ \
		"$(data "$work/$name.html" | jq '[.procs[] | .minor + .major] | add')" = \
		"$(tail -n 1 "$work/$name.out" | jq '[.processes[].faults] | add')" ]
done

# two programs stopped while they run: each holds its resident pages' frames
"$vmlab" run --time 2s --report "$work/mem.html" "examples/mem.c 1" "examples/mem.c 2" >/dev/null 2>&1 </dev/null
held=$(data "$work/mem.html" | jq -c '[.snapshots[-1].runs[] | select(.[1] >= 4)] | group_by(.[1]) |
	map(map(.[0]) | add)')
resident=$(data "$work/mem.html" | jq -c '[.procs[].resident]')
check "mem: the last snapshot's frames per process $held are not their resident pages $resident" \
	test "$held" = "$resident" -a "$resident" != "[]"

# the working set, window by window: pid 1 and 2 take turns over pages that
# move on every 50 references, and pid 3 comes back to page 0 every 1000
awk 'BEGIN { for (i = 0; i < 40000; i++) {
	if (i % 1000 == 999) printf "3 R 0x10000000\n"; else printf "%d R 0x%x\n", 1 + i % 2, 0x10000000 + int(i / 50) * 4096 } }' \
	>"$work/ws.trace"
"$vmlab" trace --report "$work/ws.html" "$work/ws.trace" >/dev/null 2>"$work/ws.err"
render ws
tau=$(data "$work/ws.html" | jq '.samples.t[1]')
expected=$(awk -v tau="$tau" '{ w = int((NR - 1) / tau); if (!seen[w, $1, $3]++) n[w]++; last = w }
	END { printf "[0"; for (w = 0; w <= last; w++) printf ",%d", n[w]; printf "]\n" }' "$work/ws.trace")
got=$(data "$work/ws.html" | jq -c .samples.ws)
check "ws: the working set per window of $tau references $got is not $expected" [ "$got" = "$expected" ]
check "ws: the interval between points ($tau) did not double from 64 to a power of two" \
	test "$tau" -gt 64 -a $((tau & (tau - 1))) -eq 0

# ---- bad input ----

"$vmlab" run --report /nonexistent/dir/r.html examples/arraytest.c >"$work/bad.out" 2>"$work/bad.err" </dev/null
st=$?
check "a report path that cannot be opened: exit $st, not 2" [ "$st" = 2 ]
check "a report path that cannot be opened: no message naming it" \
	grep -q "vmlab: --report /nonexistent/dir/r.html: No such file or directory" "$work/bad.err"
check "a report path that cannot be opened: the program ran" [ ! -s "$work/bad.out" ]
if [ -w /dev/full ]; then
	"$vmlab" trace --report /dev/full "$work/ws.trace" >/dev/null 2>"$work/full.err"
	st=$?
	check "a full disk: exit $st, not 1" [ "$st" = 1 ]
	check "a full disk: no message" grep -q "vmlab: --report /dev/full: No space left on device" "$work/full.err"
fi
cp "$work/swap.html" "$work/swap-first.html"
run_report swap --ram 1m examples/swap.c
check "the same run twice gives two reports" cmp -s "$work/swap.html" "$work/swap-first.html"

if [ -n "$shot_out" ]; then # the README's: the top of the page at 1280x800, and the whole page
	run_report readme --ram 256k "tests/programs/family.c 8 24"
	browser "$work/readme.html" --screenshot="$shot_out" >/dev/null 2>&1
	browser "$work/readme.html" --window-size=1280,3300 --screenshot="${shot_out%.png}-page.png" >/dev/null 2>&1
	echo "report: wrote $shot_out and ${shot_out%.png}-page.png"
fi
echo "report: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
