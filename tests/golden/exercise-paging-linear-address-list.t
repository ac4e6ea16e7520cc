$ vmlab exercise paging-linear -c -u 100 -A 4294967301,16383,-0
ARG seed 0
ARG address space size 16k
ARG phys mem size 64k
ARG page size 4k
ARG verbose False
ARG addresses 4294967301,16383,-0


The format of the page table is simple:
The high-order (left-most) bit is the VALID bit.
  If the bit is 1, the rest of the entry is the PFN.
  If the bit is 0, the page is not valid.
Use verbose mode (-v) if you want to print the VPN # by
each entry of the page table.

Page Table (from entry 0 down to the max size)
  0x8000000c
  0x80000004
  0x80000006
  0x80000009

Virtual Address Trace
  VA 0x100000005 (decimal: 4294967301) --> 0000c005 (decimal    49157) [VPN 0]
  VA 0x00003fff (decimal:    16383) --> 00009fff (decimal    40959) [VPN 3]
  VA 0x00000000 (decimal:        0) --> 0000c000 (decimal    49152) [VPN 0]
