#!/usr/bin/env bash
# Tests of `vmlab run --memcheck` (issue 12) against valgrind's own reports
# and against plain runs. Ends with one line: "memcheck: N passed, N failed".
#
#   tests/memcheck.sh BUILD
#
# - reports: each examples/mistake-NAME.c and tests/memcheck/NAME.c runs
#   under `BUILD/vmlab run --memcheck`; the facts of its report (headlines,
#   main's source lines, where each address is, ERROR SUMMARY: see
#   tests/memcheck_oracle.sh --facts) must equal tests/memcheck/NAME.expected,
#   which memcheck_oracle.sh checks against valgrind on the same source; the
#   same under memory pressure (--ram 64k: 16 frames, pages swapped out and
#   faulted in again, instructions retried), which must change nothing.
# - origins: each of those whose report holds an uninitialised value runs
#   with --track-origins=yes; the facts, with "Uninitialised value was created
#   by a heap/stack allocation" and its main frame, must be valgrind's with
#   the same option, derived now (tests/memcheck_oracle.sh --derive).
# - kinds: tests/memcheck/leak-kinds.c with each --show-leak-kinds setting
#   gives valgrind's loss records with the same setting, derived so too.
# - clean: every program of the differential suite (tests/guest/NAME.c with
#   its NAME.args) runs with ERROR SUMMARY: 0 errors in each process, and its
#   stdout (addresses aside: redzones move blocks) and exit status are those of
#   a plain `vmlab run` of the same source. malloc_errors and malloc_policies
#   are left out: they test the plain malloc's aborts and block placement,
#   which --memcheck replaces by design (the program goes on; realloc moves).
# - json: under --json each mistake's report is one JSON object per line
#   (jq reads them all), with the same headlines in the same order as the
#   text, and the same ERROR SUMMARY counts.
# - many: a program with 3000 allocation sites, each leaking a block, gives
#   3000 loss records (found through an index, not a search per block).
# - goes on: after a double free the program runs to its end, as under
#   valgrind.
set -u
cd "$(dirname "$0")/.." || exit 1
build=${1:-build}
vmlab=$build/vmlab
passed=0 failed=0
not_clean=" malloc_errors malloc_policies "
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

pass() { passed=$((passed + 1)); }
fail() { echo "FAIL memcheck: $*"; failed=$((failed + 1)); }

if [ ! -x "$vmlab" ]; then
	fail "no $vmlab (run make)"
	echo "memcheck: $passed passed, $failed failed"
	exit 1
fi

for src in examples/mistake-*.c tests/memcheck/*.c; do
	name=$(basename "$src" .c)
	for machine in "" "--ram 64k --swap-size 16m"; do
		# shellcheck disable=SC2086 # machine is words
		"$vmlab" run --memcheck $machine "$src" >/dev/null 2>"$work/$name.log" </dev/null
		if diff <(tests/memcheck_oracle.sh --facts <"$work/$name.log") "tests/memcheck/$name.expected" >"$work/diff"; then
			pass
		else
			fail "$name ${machine:-(default machine)}: the report's facts differ from valgrind's (< vmlab, > tests/memcheck/$name.expected):"
			head -20 "$work/diff"
		fi
	done
done

# vmlab's facts for src run with the options, against valgrind's for the
# same source with the same options, derived now (valgrind is a dependency:
# a missing one fails the derivation).
against_valgrind() {
	local src=$1 name
	shift
	name=$(basename "$src" .c)
	"$vmlab" run --memcheck "$@" "$src" >/dev/null 2>"$work/live.log" </dev/null
	if ! tests/memcheck_oracle.sh --derive "$name" "$@" >"$work/live.vg"; then
		fail "$name $*: valgrind's facts could not be derived: $(cat "$work/live.vg")"
	elif diff <(tests/memcheck_oracle.sh --facts <"$work/live.log") "$work/live.vg" >"$work/diff"; then
		pass
	else
		fail "$name $*: the facts differ from valgrind's (< vmlab, > valgrind):"
		head -20 "$work/diff"
	fi
}

for src in examples/mistake-*.c tests/memcheck/*.c; do
	grep -q uninitialised "tests/memcheck/$(basename "$src" .c).expected" && against_valgrind "$src" --track-origins=yes
done
for kinds in all none reachable indirect definite,indirect possible,reachable; do
	against_valgrind tests/memcheck/leak-kinds.c --show-leak-kinds=$kinds
done

# Addresses printed by a program depend on where blocks lie.
no_addresses() { sed -E 's/0x[0-9a-fA-F]+/ADDR/g' "$1"; }

for src in tests/guest/*.c; do
	name=$(basename "$src" .c)
	[[ $not_clean == *" $name "* ]] && continue
	args=$(cat "tests/guest/$name.args" 2>/dev/null)
	"$vmlab" run "$src $args" >"$work/plain.out" 2>/dev/null </dev/null
	plain=$?
	"$vmlab" run --memcheck "$src $args" >"$work/mc.out" 2>"$work/mc.log" </dev/null
	status=$?
	errors=$(grep -c 'ERROR SUMMARY: ' "$work/mc.log")
	dirty=$(grep 'ERROR SUMMARY: ' "$work/mc.log" | grep -vc 'ERROR SUMMARY: 0 errors')
	if [ "$errors" -eq 0 ] || [ "$dirty" -ne 0 ]; then
		fail "$name: not clean under --memcheck:"
		grep -v '^[a-zA-Z ]' "$work/mc.log" | head -30
	elif [ "$status" -ne "$plain" ]; then
		fail "$name: exit status $status under --memcheck, $plain plain"
	elif ! diff <(no_addresses "$work/plain.out") <(no_addresses "$work/mc.out") >"$work/diff"; then
		fail "$name: stdout under --memcheck differs from a plain run's (< plain, > --memcheck):"
		head -20 "$work/diff"
	else
		pass
	fi
done

# The text's headlines: the lines right after an empty "==PID== " line (or
# the first), without the summaries.
headlines() {
	sed -E 's/^==[0-9]+== ?//' | awk 'NR == 1 || blank { if ($0 != "" && $0 !~ /^(HEAP SUMMARY|LEAK SUMMARY|All heap blocks|ERROR SUMMARY|Process terminating)/) print } { blank = ($0 == "") }'
}
if ! command -v jq >/dev/null 2>&1; then
	fail "jq not found: run scripts/install-deps.sh (make deps)"
else
	for src in examples/mistake-*.c tests/memcheck/*.c; do
		name=$(basename "$src" .c)
		"$vmlab" run --memcheck "$src" >/dev/null 2>"$work/text" </dev/null
		"$vmlab" run --memcheck --json "$src" >/dev/null 2>"$work/json" </dev/null
		grep '^{' "$work/json" >"$work/objects"
		if ! jq -e . "$work/objects" >/dev/null 2>&1; then
			fail "$name --json: not JSON lines:"
			head -5 "$work/objects"
		elif ! diff <(grep -a '^==' "$work/text" | headlines) <(jq -r 'select(.what) | .what' "$work/objects") >"$work/diff"; then
			fail "$name --json: the headlines differ from the text's (< text, > json):"
			head -10 "$work/diff"
		elif [ "$(grep -a -o 'ERROR SUMMARY: [0-9]* errors from [0-9]* contexts' "$work/text")" != \
			"$(jq -r 'select(.kind == "ErrorSummary") | "ERROR SUMMARY: \(.errors) errors from \(.contexts) contexts"' "$work/objects")" ]; then
			fail "$name --json: the ERROR SUMMARY differs from the text's"
		else
			pass
		fi
	done
fi

{
	echo '#include <stdlib.h>'
	echo 'void *keep[3000];'
	echo 'int main(void)'
	echo '{'
	for i in $(seq 0 2999); do echo "	keep[$i] = malloc($i + 1); keep[$i] = 0;"; done
	echo '	return 0;'
	echo '}'
} >"$work/many.c"
if "$vmlab" run --memcheck -q "$work/many.c" 2>&1 >/dev/null | grep -q 'definitely lost in loss record 3000 of 3000'; then
	pass
else
	fail "many.c: not 3000 loss records"
fi

out=$("$vmlab" run --memcheck examples/mistake-double-free.c 2>/dev/null </dev/null)
if [ $? -eq 0 ] && [[ $out == *"still running"* ]]; then
	pass
else
	fail "mistake-double-free did not run to its end under --memcheck (stdout: $out)"
fi

echo "memcheck: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
