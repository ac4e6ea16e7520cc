$ echo 'R 0' | vmlab trace --tlb-entries 0
vmlab: --tlb-entries 0: must be a number from 1 to 65536
[2]
