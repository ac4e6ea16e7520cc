$ echo 'R 0' | vmlab trace --latency disk=5
vmlab: --latency disk=5: NAME must be tlb, tlb-l2, l1, l2, l3, dram, fault, disk-read or disk-write
[2]
