#!/usr/bin/env bash
# Runs each libFuzzer target built by `make fuzz` for FUZZ_SECONDS (default 20)
# from its seed corpus (tests/fuzz/TARGET/, never written to: new inputs go
# to a scratch directory) and fails when any target finds a crash, a leak or
# a timeout. Usage: scripts/fuzz.sh BUILD TARGET...  (BUILD: build-fuzz)
# A finding is kept as BUILD/fuzz-findings/TARGET/crash-*; reproduce it with
# BUILD/fuzz/fuzz_TARGET FILE, then make it a test of the normal suite.
# FUZZ_CORPUS=DIR keeps the inputs found in DIR/TARGET/ for the next run.
set -uo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: scripts/fuzz.sh BUILD TARGET...}
shift
seconds=${FUZZ_SECONDS:-20}
failed=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# The option parsers' dictionary: every long option name of the tables.
sed -n 's/^[[:space:]]*{"\([a-z0-9-]*\)", [0-9a-z'\'']*, .*/"--\1"/p' cli/options.c cli/run.c cli/trace.c \
	> "$scratch/opt.dict"

for t in "$@"; do
	bin=$build/fuzz/fuzz_$t
	findings=$build/fuzz-findings/$t
	if [ ! -x "$bin" ]; then
		echo "fuzz: $t: $bin is missing (run make fuzz)"
		failed=1
		continue
	fi
	rm -rf "$findings"
	corpus=${FUZZ_CORPUS:-$scratch}/$t
	mkdir -p "$findings" "$corpus"
	dict=()
	[ "$t" = opt ] && dict=(-dict="$scratch/opt.dict")
	"$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -close_fd_mask=3 \
		-print_final_stats=1 -artifact_prefix="$findings/" "${dict[@]}" \
		"$corpus" "tests/fuzz/$t" > "$scratch/$t.log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$scratch/$t.log")
	speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$scratch/$t.log")
	found=$(find "$findings" -type f | head -n 5)
	cp "$scratch/$t.log" "$build/fuzz-findings/$t.log"
	if [ "$rc" -ne 0 ] || [ -n "$found" ]; then
		tail -n 40 "$scratch/$t.log"
		echo "fuzz: $t: FAILED (exit status $rc) after ${runs:-?} runs; findings: ${found:-none}"
		failed=1
	else
		echo "fuzz: $t: ${runs:-?} runs in ${seconds} s (${speed:-?}/s), nothing found"
		rmdir "$findings"
	fi
done
exit $failed
