$ echo 'R 0' | vmlab trace --tlb-entries 48 --tlb-ways 3 --tlb-policy plru
vmlab: --tlb-ways 3: plru needs a power-of-two number of ways, and 48 entries cannot be split so
[2]
