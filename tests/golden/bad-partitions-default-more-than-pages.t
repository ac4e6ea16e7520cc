$ echo 'R 0' | vmlab trace --mmu partition --frames 4
vmlab: --partitions 8 (the default): 4 pages of RAM make at most 4 partitions of a page (4 KiB) or more
[2]
