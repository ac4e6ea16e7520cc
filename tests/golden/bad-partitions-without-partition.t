$ echo 'R 0' | vmlab trace --mmu base-bounds --partitions 4
vmlab: --partitions: only --mmu partition has fixed partitions (this machine is --mmu base-bounds)
[2]
