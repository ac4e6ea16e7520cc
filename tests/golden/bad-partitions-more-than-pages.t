$ echo 'R 0' | vmlab trace --mmu partition --frames 16 --partitions 17
vmlab: --partitions 17: 16 pages of RAM make at most 16 partitions of a page (4 KiB) or more
[2]
