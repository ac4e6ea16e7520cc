$ vmlab run --mmu partition "tests/programs/nap.c 10" "tests/programs/nap.c 10" "tests/programs/nap.c 10" "tests/programs/nap.c 10" "tests/programs/nap.c 10" "tests/programs/nap.c 10" "tests/programs/nap.c 10" "tests/programs/nap.c 10" "tests/programs/nap.c 10"
nap: pid 1 slept 10 ms
nap: pid 2 slept 10 ms
nap: pid 3 slept 10 ms
nap: pid 4 slept 10 ms
nap: pid 5 slept 10 ms
nap: pid 6 slept 10 ms
nap: pid 7 slept 10 ms
nap: pid 8 slept 10 ms
nap: pid 9 slept 10 ms
mechanism         partition: 8 fixed partitions of 2.0 MiB; no TLB (pa = base + va, va < size)
partitions        0 taken of 8; a program found none free 1 time
internal frag.    at most 11.9 MiB of 16.0 MiB unused (74.2%) inside the 8 address spaces then in memory, between each heap's break and the room kept for its stack
instructions      23184
translations      32022 (each relocated by the MMU's registers)
copied in memory  0 bytes (relocation, compaction, fork)
simulated time    23.443 ms
  pid name             instructions resident swapped   waited  ending
    1 nap                      2576        0       0    0.0 ms  exit 0
    2 nap                      2576        0       0    0.0 ms  exit 0
    3 nap                      2576        0       0    0.0 ms  exit 0
    4 nap                      2576        0       0    0.0 ms  exit 0
    5 nap                      2576        0       0    0.0 ms  exit 0
    6 nap                      2576        0       0    0.0 ms  exit 0
    7 nap                      2576        0       0    0.0 ms  exit 0
    8 nap                      2576        0       0    0.0 ms  exit 0
    9 nap                      2576        0       0   10.4 ms  exit 0
