$ for p in fifo clock lru; do echo "7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1" | vmlab trace --format pages --pt ostep-2level --frames 3 --policy $p | grep -E "page faults|A/D bits"; done
page faults       15 (6 minor, 9 major)
A/D bits          kept by the kernel: ostep-2level PTEs have none (every evicted page is written)
page faults       14 (6 minor, 8 major)
A/D bits          kept by the kernel: ostep-2level PTEs have none (every evicted page is written)
page faults       12 (6 minor, 6 major)
A/D bits          kept by the kernel: ostep-2level PTEs have none (every evicted page is written)
