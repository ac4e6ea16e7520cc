$ vmlab exercise --help
usage: vmlab exercise NAME [the simulator's flags] [--explain | --check FILE | --json]
Prints what the OSTEP homework simulator NAME prints for the same flags, byte for
byte (-c: the answers); NAME -h lists its flags.

  --explain     the answers, then how each is found, step by step
  --check FILE  grade the answers in FILE, one per line in question order (an
                address or fault; hit or miss; a returned address or -1); blank
                lines and # comments are skipped; exit 0 when all are right
  --json        the problem, the answers and the working as one JSON object

exercises:
  relocation         base and bounds (OSTEP ch. 15, relocation.py)
  segmentation       two segments, one growing down (OSTEP ch. 16, segmentation.py)
  paging-linear      linear page tables (OSTEP ch. 18, paging-linear-translate.py)
  paging-multilevel  two-level page table (OSTEP ch. 20, vm-smalltables)
  paging-policy      replacement policies (OSTEP ch. 22, paging-policy.py)
