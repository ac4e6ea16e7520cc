$ vmlab run --mmu base-bounds --ram 1m --fit best --as-size 256k,128k,256k,384k,128k,128k "tests/programs/nap.c 10" "tests/programs/nap.c 100" "tests/programs/nap.c 10" "tests/programs/nap.c 100" "tests/programs/nap.c 5" "tests/programs/nap.c 5" --show-mmu
nap: pid 1 slept 10 ms
vmlab: pid 1 (nap) exits; its base-bounds registers:
  base 0x0  bounds 0x40000
nap: pid 3 slept 10 ms
vmlab: pid 3 (nap) exits; its base-bounds registers:
  base 0x60000  bounds 0x40000
nap: pid 5 slept 5 ms
vmlab: pid 5 (nap) exits; its base-bounds registers:
  base 0x0  bounds 0x20000
nap: pid 6 slept 5 ms
vmlab: pid 6 (nap) exits; its base-bounds registers:
  base 0x20000  bounds 0x20000
nap: pid 2 slept 100 ms
vmlab: pid 2 (nap) exits; its base-bounds registers:
  base 0x40000  bounds 0x20000
nap: pid 4 slept 100 ms
vmlab: pid 4 (nap) exits; its base-bounds registers:
  base 0xa0000  bounds 0x60000
mechanism         base-bounds: address spaces of 256.0 KiB, 128.0 KiB, 256.0 KiB, 384.0 KiB, 128.0 KiB, 128.0 KiB (pid 1, 2, ...; later ones the last), best fit; no TLB (pa = base + va, va < bounds)
internal frag.    at most 704.0 KiB of 1.0 MiB unused (68.8%) inside the 4 address spaces then in memory, between each heap's break and the room kept for its stack
memory            0 blocks, 0 bytes used; 1 hole, 1.0 MiB free, the largest 1.0 MiB
external frag.    0.0% now (1 - largest hole / free bytes), at worst 50.0% (512.0 KiB free, the largest hole 256.0 KiB); nothing fit 1 time
instructions      15456
translations      21348 (each relocated by the MMU's registers)
copied in memory  0 bytes (relocation, compaction, fork)
simulated time    101.373 ms
  pid name             instructions resident swapped   waited  ending
    1 nap                      2576        0       0    0.0 ms  exit 0
    2 nap                      2642        0       0    0.0 ms  exit 0
    3 nap                      2576        0       0    0.0 ms  exit 0
    4 nap                      2642        0       0    0.0 ms  exit 0
    5 nap                      2510        0       0   10.4 ms  exit 0
    6 nap                      2510        0       0   10.8 ms  exit 0
