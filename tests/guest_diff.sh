#!/usr/bin/env bash
# Differential tests of guest programs: every tests/guest/NAME.c, built by
# `make guest` into BUILD/guest/NAME (this script builds nothing), runs under
# qemu-riscv64 and under `BUILD/vmlab run`; stdout and the exit status must
# be identical. Ends with one line: "guest: N passed, N failed".
#
#   tests/guest_diff.sh BUILD              for each program, three checks:
#       qemu   qemu-riscv64 BUILD/guest/NAME ARGS matches the committed
#              tests/guest/NAME.expected (stdout) and NAME.status (exit status)
#       vmlab  BUILD/vmlab run "BUILD/guest/NAME ARGS" matches qemu
#       ram    BUILD/vmlab run --ram 64k --swap-size 16m "BUILD/guest/NAME ARGS"
#              matches qemu too: with 16 frames the program pages constantly,
#              and paging must never change what a program computes
#   tests/guest_diff.sh --qemu-only BUILD  only the qemu check (until vmlab
#              has a `run` command)
#   tests/guest_diff.sh --update BUILD     rewrites NAME.expected and
#              NAME.status from qemu (review the diff before committing)
#
# ARGS come from tests/guest/NAME.args (one line of words; no quoting).
# vmlab's stderr (its summary) is not compared. A missing qemu-riscv64,
# cross compiler, binary, expected file or vmlab `run` is a failure, never a
# skip. Runs from the repository root; BUILD is relative to it or absolute.
# Environment: QEMU (default qemu-riscv64), RISCV_CC (default
# riscv64-unknown-elf-gcc), GUEST_TIMEOUT seconds per run (default 120).
set -u
cd "$(dirname "$0")/.." || exit 1

mode=diff
case "${1:-}" in
--qemu-only) mode=qemu; shift ;;
--update) mode=update; shift ;;
-*) echo "usage: tests/guest_diff.sh [--qemu-only | --update] BUILD" >&2; exit 2 ;;
esac
build=${1:-build}
guest=$build/guest
vmlab=$build/vmlab
qemu=${QEMU:-qemu-riscv64}
riscv_cc=${RISCV_CC:-riscv64-unknown-elf-gcc}
limit=${GUEST_TIMEOUT:-120}
pressure=(--ram 64k --swap-size 16m)

passed=0 failed=0
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

fail() {
	failed=$((failed + 1))
	echo "FAIL guest: $*"
}

# run OUT CMD...: runs CMD with stdin from /dev/null, stdout to OUT and
# stderr to OUT.err, killed after $limit seconds; returns CMD's exit status
# (124: timed out).
run() {
	local out=$1
	shift
	if command -v timeout >/dev/null; then
		timeout "$limit" "$@" </dev/null >"$out" 2>"$out.err"
	else
		"$@" </dev/null >"$out" 2>"$out.err"
	fi
}

# same NAME CHECK WANT_OUT WANT_STATUS GOT_OUT GOT_STATUS: counts a pass or a
# failure (showing the difference and the run's stderr).
same() {
	local name=$1 check=$2 want=$3 want_status=$4 got=$5 got_status=$6
	if cmp -s "$want" "$got" && [ "$want_status" = "$got_status" ]; then
		passed=$((passed + 1))
		return
	fi
	if [ "$want_status" != "$got_status" ]; then
		fail "$name ($check): exit status $got_status, expected $want_status"
		[ "$got_status" = 124 ] && echo "  (timed out after ${limit}s)"
	else
		fail "$name ($check): stdout differs (< expected, > got)"
	fi
	diff "$want" "$got" | head -n 20 | sed 's/^/  /'
	head -n 5 "$got.err" | sed 's/^/  stderr: /'
}

# Tools. A missing one fails here and again for every program that needs it.
have_qemu=yes have_vmlab=yes
qemu_path=$(command -v "$qemu") || {
	have_qemu=""
	fail "$qemu not found: run 'make deps' (installs qemu-user)"
}
command -v "$riscv_cc" >/dev/null ||
	fail "$riscv_cc not found: run 'make deps' (installs gcc-riscv64-unknown-elf), then 'make guest'"
if [ "$mode" = diff ]; then
	if [ ! -x "$vmlab" ]; then
		have_vmlab=""
		vmlab_why="$vmlab does not exist (run 'make')"
	elif "$vmlab" run </dev/null 2>&1 | grep -q "unknown command 'run'"; then
		have_vmlab=""
		vmlab_why="$vmlab has no 'run' command yet (use --qemu-only until it does)"
	fi
fi

shopt -s nullglob
sources=(tests/guest/*.c)
[ ${#sources[@]} -gt 0 ] || fail "no programs in tests/guest"
for src in "${sources[@]}"; do
	name=$(basename "$src" .c)
	bin=$guest/$name
	args=""
	[ -f "tests/guest/$name.args" ] && args=$(head -n 1 "tests/guest/$name.args")
	read -r -a argv <<<"$args"
	if [ ! -x "$bin" ]; then
		fail "$name: $bin is not built (run 'make guest')"
		continue
	fi
	if [ -z "$have_qemu" ]; then
		fail "$name: not run, $qemu is missing"
		continue
	fi
	# qemu passes its environment to the program: give it an empty one
	run "$tmp/qemu" env -i "$qemu_path" "$bin" "${argv[@]}"
	qemu_status=$?

	if [ "$mode" = update ]; then
		cp "$tmp/qemu" "tests/guest/$name.expected"
		echo "$qemu_status" >"tests/guest/$name.status"
		echo "updated tests/guest/$name.expected (exit status $qemu_status)"
		passed=$((passed + 1))
		continue
	fi
	if [ ! -f "tests/guest/$name.expected" ] || [ ! -f "tests/guest/$name.status" ]; then
		fail "$name: tests/guest/$name.expected or .status is missing (run tests/guest_diff.sh --update $build)"
	else
		same "$name" qemu "tests/guest/$name.expected" "$(cat "tests/guest/$name.status")" \
			"$tmp/qemu" "$qemu_status"
	fi
	[ "$mode" = diff ] || continue

	if [ -z "$have_vmlab" ]; then
		fail "$name (vmlab): $vmlab_why"
		fail "$name (ram): $vmlab_why"
		continue
	fi
	run "$tmp/vmlab" "$vmlab" run "$bin${args:+ $args}"
	same "$name" vmlab "$tmp/qemu" "$qemu_status" "$tmp/vmlab" $?
	run "$tmp/ram" "$vmlab" run "${pressure[@]}" "$bin${args:+ $args}"
	same "$name" "ram: ${pressure[*]}" "$tmp/qemu" "$qemu_status" "$tmp/ram" $?
done

echo "guest: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
