$ vmlab exercise paging-linear -A 1,16384 --check tests/data/exercise/paging-linear-right.txt
paging-linear-translate.py: IndexError: array index out of range
ARG seed 0
ARG address space size 16k
ARG phys mem size 64k
ARG page size 4k
ARG verbose False
ARG addresses 1,16384


The format of the page table is simple:
The high-order (left-most) bit is the VALID bit.
  If the bit is 1, the rest of the entry is the PFN.
  If the bit is 0, the page is not valid.
Use verbose mode (-v) if you want to print the VPN # by
each entry of the page table.

Page Table (from entry 0 down to the max size)
  0x8000000c
  0x00000000
  0x00000000
  0x80000006

Virtual Address Trace
  VA 0x00000001 (decimal:        1) --> PA or invalid address?
[1]
