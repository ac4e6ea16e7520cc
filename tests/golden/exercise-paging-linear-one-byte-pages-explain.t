$ vmlab exercise paging-linear -P 1 -a 8 -p 32 -v -A 0,1,5 --explain
ARG seed 0
ARG address space size 8
ARG phys mem size 32
ARG page size 1
ARG verbose True
ARG addresses 0,1,5


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
  VA 0x00000005 (decimal:        5) -->  Invalid (VPN 5 not valid)

How each answer is found:

1. VA 0x00000000 (decimal:        0): 0x18
   VA 0x0 in 3 bits, VPN | offset: 000 | -
   VPN = 0, offset = 0x0 = 0
   the machine's pages are 4 times these (its addresses are the script's << 2)
   the page table entry of VPN 0 is at 0x80 in the machine's memory (the table at 0x80 + 0 * 4 bytes)
   the machine's entry holds 0x60d7 (the table above: 0x80000018): valid bit 1, PFN 24
   PA = PFN << 0 | offset = 0x18 << 0 | 0x0 = 0x18 (24)

2. VA 0x00000001 (decimal:        1): fault
   VA 0x1 in 3 bits, VPN | offset: 001 | -
   VPN = 1, offset = 0x0 = 0
   the machine's pages are 4 times these (its addresses are the script's << 2)
   the page table entry of VPN 1 is at 0x84 in the machine's memory (the table at 0x80 + 1 * 4 bytes)
   the machine's entry holds 0x0 (the table above: 0x00000000): valid bit 0, PFN 0
   the valid bit is 0: VPN 1 is not mapped, the access faults

3. VA 0x00000005 (decimal:        5): fault
   VA 0x5 in 3 bits, VPN | offset: 101 | -
   VPN = 5, offset = 0x0 = 0
   the machine's pages are 4 times these (its addresses are the script's << 2)
   the page table entry of VPN 5 is at 0x94 in the machine's memory (the table at 0x80 + 5 * 4 bytes)
   the machine's entry holds 0x0 (the table above: 0x00000000): valid bit 0, PFN 0
   the valid bit is 0: VPN 5 is not mapped, the access faults
