$ vmlab exercise paging-linear -P 1 -a 8 -p 32 -c -v -A 0,1,2,3,4,5,6,7,4294967297
ARG seed 0
ARG address space size 8
ARG phys mem size 32
ARG page size 1
ARG verbose True
ARG addresses 0,1,2,3,4,5,6,7,4294967297


The format of the page table is simple:
The high-order (left-most) bit is the VALID bit.
  If the bit is 1, the rest of the entry is the PFN.
  If the bit is 0, the page is not valid.
Use verbose mode (-v) if you want to print the VPN # by
each entry of the page table.

Page Table (from entry 0 down to the max size)
  [       0]  0x80000018
  [       1]  0x00000000
  [       2]  0x00000000
  [       3]  0x8000000c
  [       4]  0x80000009
  [       5]  0x00000000
  [       6]  0x8000001d
  [       7]  0x80000013

Virtual Address Trace
  VA 0x00000000 (decimal:        0) --> 00000018 (decimal       24) [VPN 0]
  VA 0x00000001 (decimal:        1) -->  Invalid (VPN 1 not valid)
  VA 0x00000002 (decimal:        2) -->  Invalid (VPN 2 not valid)
  VA 0x00000003 (decimal:        3) --> 0000000c (decimal       12) [VPN 3]
  VA 0x00000004 (decimal:        4) --> 00000009 (decimal        9) [VPN 4]
  VA 0x00000005 (decimal:        5) -->  Invalid (VPN 5 not valid)
  VA 0x00000006 (decimal:        6) --> 0000001d (decimal       29) [VPN 6]
  VA 0x00000007 (decimal:        7) --> 00000013 (decimal       19) [VPN 7]
  VA 0x100000001 (decimal: 4294967297) -->  Invalid (VPN 1 not valid)
