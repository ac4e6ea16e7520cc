$ vmlab exercise tlb -s 1
ARG seed 1
ARG entries 8
ARG ways 2
ARG policy lru
ARG pagesize 4k
ARG addresses -1
ARG numaddrs 10
ARG maxpage 32
ARG workingset 4
ARG locality 80
ARG levels 1

TLB: 8 entries, set associative (4 sets of 2 ways), lru replacement
Pages of 4096 bytes: VPN = VA >> 12; set = VPN mod 4 (its low 2 bits), tag = VPN >> 2
Latency: a TLB lookup 1 ns, a memory reference 80 ns (DRAM); a miss also reads 1 page-table level from memory
A set is shown as [way 0 way 1 ...]: the VPN each way holds, - when empty; the TLB starts empty.

Virtual Address Trace
  VA  0: 0x0001ba6c --> hit or miss?
  VA  1: 0x00004074 --> hit or miss?
  VA  2: 0x0000d008 --> hit or miss?
  VA  3: 0x000183a9 --> hit or miss?
  VA  4: 0x0001c068 --> hit or miss?
  VA  5: 0x0000d619 --> hit or miss?
  VA  6: 0x0001b076 --> hit or miss?
  VA  7: 0x0001b7ee --> hit or miss?
  VA  8: 0x0001c380 --> hit or miss?
  VA  9: 0x0001b058 --> hit or miss?

For each virtual address, write down whether it hits or misses in the TLB; then the
number of hits, the number of misses and the total time of the trace in ns (from
which the hit rate and the effective access time follow).
