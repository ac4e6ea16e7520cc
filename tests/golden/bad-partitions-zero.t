$ echo 'R 0' | vmlab trace --mmu partition --partitions 0
vmlab: --partitions 0: must be a number from 1 to 4096
[2]
