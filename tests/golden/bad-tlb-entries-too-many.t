$ echo 'R 0' | vmlab trace --tlb-entries 65537
vmlab: --tlb-entries 65537: must be a number from 1 to 65536
[2]
