#!/usr/bin/env bash
# Ctrl-C of a running `vmlab run`, for golden tests:
#   tests/interrupt.sh LINE VMLAB-RUN-ARGS...
# starts `vmlab run VMLAB-RUN-ARGS` (vmlab on PATH, stdin from a FIFO that
# never ends, stdout thrown away), waits until its stderr holds LINE (the
# program has started what it must be stopped in) and 0.3 s more (it is deep
# in it), sends it SIGINT and gives
# it one second of host time to end. Prints its exit status, whether it ended
# in time, its stop line (the virtual time elided) and whether the summary
# followed. A vmlab that does not end is killed; waiting for LINE gives up
# after 60 s.
set -u
line=$1
shift
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
mkfifo "$tmp/in"
: >"$tmp/err" # there before the first look at it
exec 3<>"$tmp/in" # read-write: a reader never sees the end of it
vmlab run "$@" <&3 >/dev/null 2>"$tmp/err" &
pid=$!
for ((i = 0; i < 600; i++)); do
	grep -qF -- "$line" "$tmp/err" && break
	kill -0 "$pid" 2>/dev/null || break
	sleep 0.1
done
grep -qF -- "$line" "$tmp/err" || echo "never printed: $line"
sleep 0.3
kill -INT "$pid"
for ((i = 0; i < 20; i++)); do # 20 x 50 ms
	kill -0 "$pid" 2>/dev/null || break
	sleep 0.05
done
if kill -0 "$pid" 2>/dev/null; then
	echo "still running 1 s after Ctrl-C"
	kill -KILL "$pid"
else
	echo "ended within 1 s of Ctrl-C"
fi
wait "$pid"
echo "exit $?"
grep '^vmlab: stopped' "$tmp/err" | sed 's/after .* of virtual time/after some virtual time/'
grep -q '^simulated time' "$tmp/err" && echo "summary printed" || echo "no summary"
