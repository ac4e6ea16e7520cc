$ vmlab exercise paging-linear -s 5 --explain
ARG seed 5
ARG address space size 16k
ARG phys mem size 64k
ARG page size 4k
ARG verbose False
ARG addresses -1


The format of the page table is simple:
The high-order (left-most) bit is the VALID bit.
  If the bit is 1, the rest of the entry is the PFN.
  If the bit is 0, the page is not valid.
Use verbose mode (-v) if you want to print the VPN # by
each entry of the page table.

Page Table (from entry 0 down to the max size)
  0x8000000b
  0x8000000f
  0x8000000e
  0x00000000

Virtual Address Trace
  VA 0x00001dcc (decimal:     7628) --> 0000fdcc (decimal    64972) [VPN 1]
  VA 0x00003c5f (decimal:    15455) -->  Invalid (VPN 3 not valid)
  VA 0x00002988 (decimal:    10632) --> 0000e988 (decimal    59784) [VPN 2]
  VA 0x000039a8 (decimal:    14760) -->  Invalid (VPN 3 not valid)
  VA 0x0000073e (decimal:     1854) --> 0000b73e (decimal    46910) [VPN 0]

How each answer is found:

1. VA 0x00001dcc (decimal:     7628): 0xfdcc
   VA 0x1dcc in 14 bits, VPN | offset: 01 | 110111001100
   VPN = 1, offset = 0xdcc = 3532
   the page table entry of VPN 1 is at 0x10004 in the machine's memory (the table at 0x10000 + 1 * 4 bytes)
   the machine's entry holds 0x3cd7 (the table above: 0x8000000f): valid bit 1, PFN 15
   PA = PFN << 12 | offset = 0xf << 12 | 0xdcc = 0xfdcc (64972)

2. VA 0x00003c5f (decimal:    15455): fault
   VA 0x3c5f in 14 bits, VPN | offset: 11 | 110001011111
   VPN = 3, offset = 0xc5f = 3167
   the page table entry of VPN 3 is at 0x1000c in the machine's memory (the table at 0x10000 + 3 * 4 bytes)
   the machine's entry holds 0x0 (the table above: 0x00000000): valid bit 0, PFN 0
   the valid bit is 0: VPN 3 is not mapped, the access faults

3. VA 0x00002988 (decimal:    10632): 0xe988
   VA 0x2988 in 14 bits, VPN | offset: 10 | 100110001000
   VPN = 2, offset = 0x988 = 2440
   the page table entry of VPN 2 is at 0x10008 in the machine's memory (the table at 0x10000 + 2 * 4 bytes)
   the machine's entry holds 0x38d7 (the table above: 0x8000000e): valid bit 1, PFN 14
   PA = PFN << 12 | offset = 0xe << 12 | 0x988 = 0xe988 (59784)

4. VA 0x000039a8 (decimal:    14760): fault
   VA 0x39a8 in 14 bits, VPN | offset: 11 | 100110101000
   VPN = 3, offset = 0x9a8 = 2472
   the page table entry of VPN 3 is at 0x1000c in the machine's memory (the table at 0x10000 + 3 * 4 bytes)
   the machine's entry holds 0x0 (the table above: 0x00000000): valid bit 0, PFN 0
   the valid bit is 0: VPN 3 is not mapped, the access faults

5. VA 0x0000073e (decimal:     1854): 0xb73e
   VA 0x73e in 14 bits, VPN | offset: 00 | 011100111110
   VPN = 0, offset = 0x73e = 1854
   the page table entry of VPN 0 is at 0x10000 in the machine's memory (the table at 0x10000 + 0 * 4 bytes)
   the machine's entry holds 0x2cd7 (the table above: 0x8000000b): valid bit 1, PFN 11
   PA = PFN << 12 | offset = 0xb << 12 | 0x73e = 0xb73e (46910)
