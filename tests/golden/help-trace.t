$ vmlab trace -h
usage: vmlab trace [options] [FILE|-]
Replays a memory trace (default: standard input) and prints what the TLB,
the page tables and the kernel did.

trace options:
  --format F           auto, plain, pages, lackey, textbook or binary (default
                       auto)
  --backing-store FILE textbook format: the pages' contents
  --region [PID:]START-END[:rwxs]
                       declare a region of whole pages (w implies r; s: a stack
                       that grows down; repeatable)
  --strict             an address outside every declared region is a
                       segmentation fault
  --skip-bad           report bad trace lines and carry on
  --write-binary OUT   also write the records read (bad lines skipped) to OUT
                       as a binary trace, which replays fastest
  --report FILE        write an HTML report of the replay to FILE: physical
                       memory over time, address spaces, page tables, the TLB,
                       faults and the working set over time
  -v                   explain every access
  --json               print the summary as one JSON object
  -h, --help           show this help

machine options:
  --mmu MECH           memory mechanism: paging, partition (fixed partitions),
                       base-bounds or segmentation; the page-table, TLB and
                       replacement options are paging's (default paging)
  --partitions N       partition: how many equal fixed partitions the RAM is
                       cut into, 1 to 4096 (each at least a page) (default 8)
  --as-size SIZE[,SIZE...]
                       base-bounds: the address spaces' size (of pid 1, 2, ...;
                       the last for later pids), whole pages, 16 pages to the
                       RAM (default 1m)
  --fit F              base-bounds, segmentation: which hole a block goes to:
                       first, next, best or worst (default first)
  --compact            base-bounds, segmentation: move blocks together when no
                       hole is large enough
  --swap-processes     partition, base-bounds, segmentation: swap whole
                       processes out to make room
  --pt PRESET          page tables: sv39, sv48, sv32, x86-64, ostep-2level,
                       linear or custom (default sv39)
  --page-size SIZE     base page size of linear and custom tables, the granule
                       memory is handed out in under the other mechanisms: a
                       power of two from 4 bytes to 1 GiB (default 4k)
  --va-bits N          virtual-address width of linear and custom tables: 3 to
                       64 (default 32 for linear, the page and index bits for
                       custom)
  --pt-bits B,B,...    custom: index bits per level, root first (1 to 6 levels
                       of 1 to 32)
  --pte-size N         custom: bytes per page-table entry, 4 or 8 (default 8)
  --ram SIZE           memory for processes, in whole pages (default 16m)
  --frames N           memory for processes in frames, instead of --ram
  --tlb-entries N      TLB size: 1 to 65536 (default 64)
  --tlb-ways N         TLB associativity: 1 (direct-mapped) to the entries, 0 =
                       fully associative (default 0)
  --tlb-policy P       TLB replacement: lru, fifo, random or plru (default lru)
  --tlb-split          separate instruction and data TLBs
  --tlb-l2 N[:WAYS]    a second-level TLB of N entries (1 to 65536)
  --tlb-refill hw|sw   hardware walker or software-managed TLB (default hw)
  --no-asid            no ASID tags: flush the TLB on every switch
  --sw-ad              A/D bits managed by the kernel (a clear bit faults)
  --policy P           page replacement: clock, fifo, lru, eclock, random, opt,
                       twolist, mru, unopt or rclock (OSTEP's CLOCK: random
                       probes) (default clock)
  --scope global|local replacement among all pages or the faulting process's
                       own (default global)
  --swap FILE          swap file (default an unlinked temporary file)
  --swap-size SIZE     swap size, in whole pages up to 1 TiB; 0 = no swap
                       (default 8 x RAM)
  --caches             model L1/L2/L3 caches (without it every reference costs
                       DRAM latency)
  --cache-l1 SIZE[:W]  L1 cache of W ways (1 to 64); SIZE 0 = none; implies
                       --caches (default 32k:8)
  --cache-l2 SIZE[:W]  L2 cache, alike (default 512k:8)
  --cache-l3 SIZE[:W]  L3 cache, alike (default 8m:16)
  --cache-line N       line size of every level: a power of two from 4 to 4096
                       bytes; implies --caches (default 64)
  --latency NAME=NS    the cost of one event, 0 to 1000000000 ns (repeatable):
                       tlb=1, tlb-l2=4, l1=1, l2=4, l3=40, dram=80, fault=1000,
                       disk-read=100000, disk-write=100000 by default
  -s SEED              seed of every random choice (default 1)
