$ echo 'R 0' | vmlab trace --tlb-ways 65537
vmlab: --tlb-ways 65537: must be a number from 0 to 65536
[2]
