$ echo 'R 0' | vmlab trace --tlb-entries 48 --tlb-ways 5
vmlab: --tlb-ways 5: must be 0 (fully associative) or one of 3, 6, 12, 24, 48 (48 entries in a power-of-two number of sets)
[2]
