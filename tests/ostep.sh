#!/usr/bin/env bash
# The OSTEP homework cases: for each simulator of the data, every NAME/NNN.args
# of the data (../shared/data/ostep from the project root, or
# $VMLAB_DATA/ostep) must print exactly NAME/NNN.out on standard output.
# Prints "ostep: N passed, N failed"; a failure shows a diff.
set -u
build=${1:-build}
vmlab=$build/vmlab
data=${VMLAB_DATA:-../shared/data}/ostep
if [ ! -d "$data" ]; then
	echo "ostep: no test data at $data (put ../shared beside the project, or set VMLAB_DATA to its data directory)"
	echo "ostep: 0 passed, 1 failed"
	exit 1
fi
passed=0 failed=0
for dir in "$data"/*/; do
	name=$(basename "$dir")
	for args in "$data/$name"/*.args; do
		want=${args%.args}.out
		# shellcheck disable=SC2046 # the flags are words
		if "$vmlab" exercise "$name" $(cat "$args") 2>/dev/null | cmp -s - "$want"; then
			passed=$((passed + 1))
		else
			failed=$((failed + 1))
			echo "FAIL ostep: vmlab exercise $name $(cat "$args")"
			# shellcheck disable=SC2046
			diff <("$vmlab" exercise "$name" $(cat "$args") 2>&1) "$want" | head -10
		fi
	done
done
echo "ostep: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
