#!/usr/bin/env bash
# Host memory for processes (vmlab issue 9, point 3): guests that fork without
# end run under `timeout`, so a regression fails instead of hanging, and
# vmlab's peak RSS is measured by /usr/bin/time -v (Debian package `time`):
#   forkbomb   every process forks for ever, under --time 2s: vmlab stops it
#              by the limit within 60 s of host time, at most 400 MB of RSS,
#              in global and in local scope (where each process has its own
#              replacement policy)
#   forkloop   20,000 sequential fork/wait cycles: at most 300 MB of RSS, and
#              at most 4 MB (about 280 bytes a process) more than 5,000 take
#   forklimit  with the default --max-procs, fork fails with EAGAIN after
#              4,095 children (4,096 processes)
# Ends with one line: "procmem: N passed, N failed". Runs from the repository
# root; BUILD is relative to it or absolute.
set -u
cd "$(dirname "$0")/.." || exit 1
build=${1:-build}
vmlab=$build/vmlab
# ASan keeps freed memory in quarantine (256 MB by default), which is no
# host memory vmlab holds; a small one keeps the bounds meaningful under make
# san, and it is full after a few hundred cycles, before the 5,000 the
# 20,000 are compared with.
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=16
passed=0 failed=0
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

fail() {
	failed=$((failed + 1))
	echo "FAIL procmem: $*"
}

# measure NAME SECONDS ARGS...: runs vmlab ARGS under timeout and time -v;
# stdout in $tmp/NAME.out, stderr in $tmp/NAME.err, the exit status in
# $status and the peak RSS in KiB in $rss (empty when time printed none).
measure() {
	local name=$1 limit=$2
	shift 2
	timeout "$limit" /usr/bin/time -v -o "$tmp/$name.time" "$vmlab" run "$@" </dev/null >"$tmp/$name.out" 2>"$tmp/$name.err"
	status=$?
	rss=$(sed -n 's/^\tMaximum resident set size (kbytes): //p' "$tmp/$name.time" 2>/dev/null)
}

if [ ! -x /usr/bin/time ]; then
	fail "/usr/bin/time is missing: run 'make deps' (Debian package time)"
	echo "procmem: $passed passed, $failed failed"
	exit 1
fi

# First each program once, so that the compiler's RSS (vmlab compiles a .c
# program the first time it runs it) is in no measurement.
for prog in forkbomb forkloop forklimit; do
	timeout 120 "$vmlab" run --max-insns 1 "tests/programs/$prog.c 0" </dev/null >/dev/null 2>&1
done

for scope in global local; do
	measure forkbomb-$scope 60 --scope $scope --time 2s tests/programs/forkbomb.c
	if [ "$status" -ne 124 ] || ! grep -q 'stopped by the limit' "$tmp/forkbomb-$scope.err"; then
		fail "forkbomb ($scope scope) did not stop by --time 2s within 60 s (exit $status)"
		tail -n 3 "$tmp/forkbomb-$scope.err"
	elif [ -z "$rss" ] || [ "$rss" -gt 409600 ]; then
		fail "forkbomb ($scope scope): peak RSS ${rss:-unknown} KiB, more than 400 MB"
	else
		passed=$((passed + 1))
	fi
done

measure forkloop5000 60 "tests/programs/forkloop.c 5000"
rss5000=$rss
measure forkloop 120 "tests/programs/forkloop.c 20000"
if [ "$status" -ne 0 ] || [ "$(cat "$tmp/forkloop.out")" != "forkloop: 20000 children forked and reaped" ]; then
	fail "forkloop 20000 (exit $status): $(cat "$tmp/forkloop.out")"
elif [ -z "$rss" ] || [ "$rss" -gt 307200 ]; then
	fail "forkloop 20000: peak RSS ${rss:-unknown} KiB, more than 300 MB"
elif [ -z "$rss5000" ] || [ $((rss - rss5000)) -gt 4096 ]; then
	fail "forkloop: 20000 cycles took $rss KiB, 5000 cycles ${rss5000:-unknown} KiB: reaped processes keep memory"
else
	passed=$((passed + 1))
fi

measure forklimit 120 tests/programs/forklimit.c
want="forklimit: sleepers: 4095 children, then fork failed: EAGAIN: Resource temporarily unavailable"
if [ "$status" -ne 0 ] || [ "$(head -n 1 "$tmp/forklimit.out")" != "$want" ]; then
	fail "forklimit with the default --max-procs (exit $status): $(head -n 1 "$tmp/forklimit.out")"
else
	passed=$((passed + 1))
fi

echo "procmem: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
