$ echo 'R 0' | vmlab trace --mmu partition --partitions 4097
vmlab: --partitions 4097: must be a number from 1 to 4096
[2]
