$ echo 'R 0' | vmlab trace --tlb-l2 512:3
vmlab: --tlb-l2 512:3: WAYS must be 0 (fully associative) or one of 1, 2, 4, 8, 16, 32, 64, 128, 256, 512 (512 entries in a power-of-two number of sets)
[2]
