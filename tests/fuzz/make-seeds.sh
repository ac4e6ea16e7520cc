#!/usr/bin/env bash
# Writes the seed corpora of the fuzz targets (tests/fuzz/TARGET/), each
# input in its target's layout (see the comment at the top of
# tests/fuzz/fuzz_TARGET.c): a few small, valid inputs per target, from the
# trace and ELF files of tests/data and the golden tests' command lines.
# The fuzzers find the bad ones. Run from anywhere; rewrites the corpora.
set -euo pipefail
cd "$(dirname "$0")"
root=../..

# seed TARGET NAME: standard input becomes tests/fuzz/TARGET/NAME.
seed() { mkdir -p "$1"; cat > "$1/$2"; }

# One binary trace record: va pid size access flags (decimal or 0x hex).
le() { local v=$1 n=$2 i; for ((i = 0; i < n; i++)); do printf "\\x$(printf %02x $(((v >> 8 * i) & 255)))"; done; }
rec() { le "$1" 8; le "$2" 4; le "$3" 2; le "$4" 1; le "$5" 1; }
bin_header() { printf 'VMLABTR1'; le 1 4; le 16 4; }
binary_trace() {
	bin_header
	rec 0x10000 1 8 0 0; rec 0x10ff8 1 16 1 0; rec 0x20000 1 4 2 1; rec 0x20000 1 4 2 0
	rec 2 1 1 5 0; rec 0x10000 2 8 1 0; rec 0x10000 2 1 3 0; rec 0 2 1 4 0; rec 0x30000 1 4096 0 0
	rec 0x30000 1 1 6 0; rec 0 1 1 7 0
}
plain='1 R 0x1000 8
1 W 0x1ffc 8
2 X 4096
# a comment

r 0x7fffeff8 4096
4097 w 0x2000
'
lackey=$(cat "$root/tests/data/trace/lackey_hello.txt")
pages='7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1
1,2,3
'
textbook='16916
62493
30198
'

# ---- trace_reader: how (format | 8 skip_bad | 16 chunked), shift, chunk ----
t=trace_reader
{ printf '\x01\x0c\x00'; printf '%s' "$plain"; } | seed $t plain
{ printf '\x19\x4c\x03'; printf '%s' "$plain"; printf 'garbage\n1 Q 0x10\n'; } | seed $t plain-chunked-bad
{ printf '\x00\x0c\x00'; printf '%s\n' "$lackey"; } | seed $t auto-lackey
{ printf '\x1b\x0c\x10'; printf '%s\n M 1000,4\n I  zz,3\n' "$lackey"; } | seed $t lackey-chunked
{ printf '\x02\x08\x00'; printf '%s' "$pages"; } | seed $t pages
{ printf '\x04\x0c\x00'; printf '%s' "$textbook"; } | seed $t textbook
{ printf '\x05\x0c\x00'; binary_trace; } | seed $t binary
{ printf '\x15\x0c\x06'; binary_trace; rec 0x1000 1 0 0 0; printf 'trunc'; } | seed $t binary-chunked-bad

# ---- replay: 11 machine bytes, 6 bytes per region, then the trace ----
t=replay
# clock, global, 4 frames, sv39, 16 swap slots, 8-entry TLB, plain
{ printf '\x02\x03\x00\x00\x00\x00\x10\x08\x00\x01\x01'; printf '%s' "$plain"; } | seed $t clock-sv39-plain
# opt, local, 3 frames, sv32, swap 8, TLB 4 entries 2 ways, pages
{ printf '\x15\x02\x02\x00\x00\x00\x08\x84\x00\x02\x07'; printf '%s' "$pages"; } | seed $t opt-local-pages
# lru, 5 frames, x86-64, split TLBs + L2 + caches, lackey, explain
{ printf '\x01\x04\x03\x00\x00\x00\x20\x10\x0b\x43\x03'; printf '%s\n' "$lackey"; } | seed $t lru-x86-lackey
# fifo, 2 frames, custom 4-byte entries 2 levels (3,9 bits), binary with events
{ printf '\x00\x01\x06\x08\x11\x0e\x04\x02\x00\x04\x05'; binary_trace; } | seed $t fifo-custom-binary
# random, strict, software A/D and refill, ostep-2level, 2 regions, plain
{ printf '\xe4\x05\x04\x00\x00\x00\x04\x00\x04\x21\x02'
  printf '\x01\x00\x0f\x00\x03\x00'; printf '\xf0\x07\x0f\x00\x0b\x01'; printf '%s' "$plain"; } | seed $t random-strict-regions
# the same with a region in bytes, not page-aligned (refused)
{ printf '\xe4\x05\x04\x00\x00\x00\x04\x00\x04\x11\x02'
  printf '\x01\x10\x0f\x00\x83\x00'; printf '%s' "$plain"; } | seed $t random-unaligned-region
# eclock and twolist, linear 256-byte pages, 16-bit VA, no swap, no TLB
{ printf '\x03\x07\x05\x64\x00\x00\x00\x00\x00\x02\x09'; printf '%s' "$pages"; } | seed $t eclock-linear
{ printf '\x16\x03\x05\x64\x00\x00\x05\x40\xc0\x0a\x09'; printf '%s' "$pages"; printf 'x y\n'; } | seed $t twolist-linear-bad
# partition: 2 partitions of 10 frames, swap 16, swapping processes, plain (3 pids), explain
{ printf '\x02\x14\x00\x00\x00\x00\x50\x00\x11\x41\x01'; printf '%s' "$plain"; } | seed $t partition-swap-plain
# base-bounds: 20 frames, swap 32, swapping and compaction, binary with events
{ printf '\x02\x14\x00\x00\x00\x00\xa0\x00\x03\x04\x01'; binary_trace; } | seed $t base-bounds-binary
# segmentation: 20 frames, swap 16, swapping, plain (violations kill)
{ printf '\x02\x14\x00\x00\x00\x00\xd0\x00\x01\x41\x01'; printf '%s' "$plain"; } | seed $t segmentation-plain

# ---- elf: page-size byte, limit/load byte, then the file ----
t=elf
{ printf '\x0a\x00'; cat "$root/tests/data/elf/hello.elf"; } | seed $t hello
{ printf '\x0a\x81'; cat "$root/tests/data/elf/hello.elf"; } | seed $t hello-load
{ printf '\x0c\x02'; cat "$root/tests/data/elf/hello.elf"; } | seed $t hello-16k-top
{ printf '\x0a\x00'; head -c 120 "$root/tests/data/elf/hello.elf"; } | seed $t hello-truncated

# ---- opt: subcommand byte (0 trace, 1 run), then NUL-separated words ----
t=opt
words() { local sub=$1; shift; printf '\\x%02x' "$sub" | xargs -0 printf; printf '%s\0' "$@"; }
words 0 --format pages --frames 3 --policy opt - | seed $t trace-pages
words 0 --pt custom --pt-bits 9,9 --pte-size 4 --page-size 8k --ram 1m | seed $t trace-custom
words 0 --pt linear --page-size 256 --va-bits 16 --tlb-entries 16 --tlb-ways 4 --tlb-policy plru | seed $t trace-linear
words 0 --strict --region 1:0x1000-0x2000:rx --region 0x7ffff000-0x80000000:rws --skip-bad -v a.trace | seed $t trace-regions
words 0 --caches --cache-l1 32k:8 --cache-line 64 --latency dram=100 --tlb-l2 512:4 --swap-size 0 -s 7 --json | seed $t trace-caches
words 1 --time 200ms --max-insns 1000 --quantum 10 --malloc best --aslr --show-va 0x15020 --ram 64k prog.c | seed $t run-limits
words 1 --scope local --policy lru --tlb-split --no-asid --sw-ad --tlb-refill sw --path dir "a b" --record=x.vmt prog | seed $t run-machine
words 1 --help | seed $t run-help
words 0 --mmu base-bounds --as-size 64k --fit best --compact --swap-processes --ram 1m --page-size 8k | seed $t trace-base-bounds
words 1 --mmu partition --partitions 16 --swap-processes --show-mmu --tlb-entries 8 prog.c | seed $t run-partition
words 0 --mmu segmentation --fit next --compact --caches -s 3 - | seed $t trace-segmentation
