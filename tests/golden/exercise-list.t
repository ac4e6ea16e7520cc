$ vmlab exercise --help
usage: vmlab exercise NAME [the simulator's flags] [--explain | --check FILE | --json]
Prints what the OSTEP homework simulator NAME prints for the same flags, byte for
byte (-c: the answers); NAME -h lists its flags. tlb and sv39 are vmlab's own,
in the same style.

  --explain     the answers, then how each is found, step by step
  --check FILE  grade the answers in FILE, one per line in question order (an
                address or fault; hit or miss; a returned address or -1); blank
                lines and # comments are skipped; exit 0 when all are right
  --json        the problem, the answers and the working as one JSON object

exercises:
  relocation         base and bounds (OSTEP ch. 15, relocation.py)
  segmentation       two segments, one growing down (OSTEP ch. 16, segmentation.py)
  malloc             a free list: best, worst and first fit (OSTEP ch. 17, malloc.py)
  paging-linear      linear page tables (OSTEP ch. 18, paging-linear-translate.py)
  paging-multilevel  two-level page table (OSTEP ch. 20, vm-smalltables)
  paging-policy      replacement policies (OSTEP ch. 22, paging-policy.py)
  tlb                a TLB's hits, misses and access time (vmlab's own, OSTEP ch. 19)
  sv39               a RISC-V Sv39 three-level page table (vmlab's own)
