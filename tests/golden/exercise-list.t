$ vmlab exercise --help
usage: vmlab exercise NAME [the simulator's flags]
Prints what the OSTEP homework simulator NAME prints for the same flags, byte for
byte (-c: the answers); NAME -h lists its flags.

exercises:
  relocation         base and bounds (OSTEP ch. 15, relocation.py)
  segmentation       two segments, one growing down (OSTEP ch. 16, segmentation.py)
  paging-linear      linear page tables (OSTEP ch. 18, paging-linear-translate.py)
  paging-multilevel  two-level page table (OSTEP ch. 20, vm-smalltables)
