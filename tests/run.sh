#!/usr/bin/env bash
# Runs every test binary in BUILD/tests and every golden command test, then
# prints one line: "N passed, N failed". Exits non-zero on any failure.
set -u
build=${1:-build}
passed=0 failed=0
for t in "$build"/tests/test_*; do
	[ -x "$t" ] || continue
	case "$t" in *.o|*.d) continue ;; esac
	out=$("$t" 2>&1)
	line=$(printf '%s\n' "$out" | tail -n 1)
	if [[ $line =~ ([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
		passed=$((passed + BASH_REMATCH[1]))
		failed=$((failed + BASH_REMATCH[2]))
		[ "${BASH_REMATCH[2]}" -eq 0 ] || printf '%s\n' "$out"
	else
		printf '%s\n%s: crashed or printed no summary\n' "$out" "$t"
		failed=$((failed + 1))
	fi
done
# Scripts that print their own "NAME: N passed, N failed" line.
for script in "tests/golden.sh $build" "tests/guest_diff.sh $build" "tests/record_replay.sh $build" \
	"tests/procmem.sh $build" "tests/ostep.sh $build" "tests/memcheck_oracle.sh" \
	"tests/memcheck.sh $build" "tests/report.sh $build"; do
	out=$($script 2>&1)
	printf '%s\n' "$out"
	line=$(printf '%s\n' "$out" | tail -n 1)
	if [[ $line =~ ([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
		passed=$((passed + BASH_REMATCH[1]))
		failed=$((failed + BASH_REMATCH[2]))
	else
		echo "$script: printed no summary"
		failed=$((failed + 1))
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
