#!/usr/bin/env bash
# Record and replay: `vmlab run --record FILE` then `vmlab trace FILE` with the
# same machine options must give the run's own numbers: page faults,
# references, TLB hits and misses, page-walk references, evictions, write-backs,
# swap-outs, copy-on-write copies, shootdowns and kills, under every policy a
# running program can use, several RAM sizes and TLB configurations, for
# single-process programs and ones that fork. OPT on the same recording must
# fault no more than any of them. Ends with "record: N passed, N failed".
#
#   tests/record_replay.sh BUILD     BUILD/vmlab and BUILD/guest/NAME must exist
#
# What the replay cannot know is not compared: which pages the run read from
# the program's file (the replay demand-zeroes them: the minor/major split and
# the disk time differ) and the time of the instructions themselves.
set -u
cd "$(dirname "$0")/.." || exit 1
build=${1:-build}
vmlab=$build/vmlab
guest=$build/guest
passed=0 failed=0
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

fields=(page_faults references tlb_hits tlb_misses page_walk_refs evictions writebacks swap_outs cow_copies
	shootdowns segfaults oom_kills)

# numbers JSON: the compared fields of a summary, one line.
numbers() {
	local f line=""
	for f in "${fields[@]}"; do
		line+="$f=$(grep -o "\"$f\": [0-9]*" "$1" | head -n 1 | grep -o '[0-9]*$') "
	done
	echo "$line"
}

fail() {
	failed=$((failed + 1))
	echo "FAIL record: $*"
}

# check PROGRAM OPTIONS...: records a run of PROGRAM, replays it, compares.
check() {
	local prog=$1
	shift
	if [ ! -x "$guest/$prog" ]; then
		fail "$guest/$prog is missing (make guest)"
		return
	fi
	"$vmlab" run "$@" --record "$tmp/rec.vmt" --json "$guest/$prog" </dev/null >"$tmp/run.out" 2>"$tmp/run.err"
	if ! grep -q '"page_faults"' "$tmp/run.out"; then
		fail "$prog $*: vmlab run printed no summary: $(tail -n 3 "$tmp/run.err")"
		return
	fi
	tail -n 1 "$tmp/run.out" >"$tmp/run.json"
	if ! "$vmlab" trace "$@" --json "$tmp/rec.vmt" >"$tmp/trace.json" 2>"$tmp/trace.err"; then
		fail "$prog $*: vmlab trace failed: $(tail -n 3 "$tmp/trace.err")"
		return
	fi
	local want got
	want=$(numbers "$tmp/run.json")
	got=$(numbers "$tmp/trace.json")
	if [ "$want" != "$got" ]; then
		fail "$prog $*:"$'\n'"  run:   $want"$'\n'"  trace: $got"
		return
	fi
	passed=$((passed + 1))
}

# opt_is_best PROGRAM OPTIONS...: OPT's faults on a recording of PROGRAM are
# at most those of every other policy on it.
opt_is_best() {
	local prog=$1 p opt other
	shift
	"$vmlab" run "$@" --record "$tmp/rec.vmt" "$guest/$prog" </dev/null >/dev/null 2>&1
	opt=$("$vmlab" trace "$@" --policy opt --json "$tmp/rec.vmt" 2>/dev/null | grep -o '"page_faults": [0-9]*' | grep -o '[0-9]*$')
	for p in fifo lru clock eclock twolist random; do
		other=$("$vmlab" trace "$@" --policy $p --json "$tmp/rec.vmt" 2>/dev/null | grep -o '"page_faults": [0-9]*' | grep -o '[0-9]*$')
		if [ -z "$opt" ] || [ -z "$other" ] || [ "$opt" -gt "$other" ]; then
			fail "$prog $*: opt faults '$opt' > $p faults '$other'"
			return
		fi
	done
	passed=$((passed + 1))
}

for prog in strings malloc_policies fork loadstore; do
	for ram in 32k 128k; do
		for policy in fifo lru clock eclock twolist random; do
			check "$prog" --ram "$ram" --policy "$policy"
		done
	done
done
check malloc_policies --ram 64k --policy lru --tlb-entries 8 --tlb-policy fifo
check malloc_policies --ram 64k --policy clock --tlb-split --tlb-ways 4 --tlb-entries 16
check malloc_policies --ram 64k --policy lru --tlb-refill sw --tlb-l2 128
check fork --ram 64k --policy lru --scope local
check fork --ram 64k --policy clock --scope local --no-asid
check strings --ram 64k --policy lru --pt sv48 --caches
check hash --ram 64k --policy lru
check hash --ram 64k --policy clock --swap-size 1m
opt_is_best malloc_policies --ram 32k
opt_is_best fork --ram 64k

echo "record: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
