#!/usr/bin/env bash
# Golden tests of the command line. Each tests/golden/*.t file holds one case:
#   $ COMMAND            (run with bash from the repository root, vmlab on PATH)
#   expected output...   (stdout and stderr together)
#   [N]                  (optional last line: the expected exit status; default 0)
# Prints "golden: N passed, N failed"; a failure shows a diff.
set -u
build=${1:-build}
export PATH="$PWD/$build:$PATH"
passed=0 failed=0
for t in tests/golden/*.t; do
	cmd=$(sed -n '1s/^\$ //p' "$t")
	want_status=0
	last=$(tail -n 1 "$t")
	if [[ $last =~ ^\[([0-9]+)\]$ ]]; then
		want_status=${BASH_REMATCH[1]}
		want=$(sed '1d;$d' "$t")
	else
		want=$(sed '1d' "$t")
	fi
	got=$(bash -c "$cmd" 2>&1)
	status=$?
	if [ "$got" == "$want" ] && [ "$status" -eq "$want_status" ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL golden: $t (exit $status, expected $want_status)"
		diff <(printf '%s\n' "$want") <(printf '%s\n' "$got") | head -20
	fi
done
# Every example in README.md is a test too: in a ``` block, a line starting
# with "$ " (continued by trailing backslashes) is a command and the lines up
# to the next command or the end of the block are its output.
check_example() {
	local cmd=$1 want=$2 got
	got=$(bash -c "$cmd" 2>&1)
	if [ "$got" == "$want" ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL README example: $cmd"
		diff <(printf '%s\n' "$want") <(printf '%s\n' "$got") | head -20
	fi
}
in_block=0 cmd="" want="" continued=0 lines=0 # lines: of want so far (its first may be empty)
while IFS= read -r line; do
	if [[ $line == '```'* ]]; then
		[ -n "$cmd" ] && check_example "$cmd" "$want"
		in_block=$((1 - in_block)) cmd="" want="" continued=0 lines=0
	elif [ $in_block -eq 1 ] && [ $continued -eq 1 ]; then
		cmd+=$'\n'"$line"
		[[ $line == *'\' ]] || continued=0
	elif [ $in_block -eq 1 ] && [[ $line == '$ '* ]]; then
		[ -n "$cmd" ] && check_example "$cmd" "$want"
		cmd=${line#\$ } want="" lines=0
		[[ $line == *'\' ]] && continued=1
	elif [ $in_block -eq 1 ] && [ -n "$cmd" ]; then
		[ $lines -gt 0 ] && want+=$'\n'
		want+=$line lines=$((lines + 1))
	fi
done < README.md

echo "golden: $passed passed, $failed failed"
