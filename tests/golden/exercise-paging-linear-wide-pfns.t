$ vmlab exercise paging-linear -P 8 -a 64 -p 64m -c -u 100 -v -n 8
ARG seed 0
ARG address space size 64
ARG phys mem size 64m
ARG page size 8
ARG verbose True
ARG addresses -1


The format of the page table is simple:
The high-order (left-most) bit is the VALID bit.
  If the bit is 1, the rest of the entry is the PFN.
  If the bit is 0, the page is not valid.
Use verbose mode (-v) if you want to print the VPN # by
each entry of the page table.

Page Table (from entry 0 down to the max size)
  [       0]  0x806104a6
  [       1]  0x8021242f
  [       2]  0x8033d4e1
  [       3]  0x8026d2f3
  [       4]  0x804aac43
  [       5]  0x80409994
  [       6]  0x8060be31
  [       7]  0x80201097

Virtual Address Trace
  VA 0x0000003a (decimal:       58) --> 010084ba (decimal 16811194) [VPN 7]
  VA 0x0000003e (decimal:       62) --> 010084be (decimal 16811198) [VPN 7]
  VA 0x00000033 (decimal:       51) --> 0305f18b (decimal 50721163) [VPN 6]
  VA 0x00000039 (decimal:       57) --> 010084b9 (decimal 16811193) [VPN 7]
  VA 0x00000013 (decimal:       19) --> 019ea70b (decimal 27174667) [VPN 2]
  VA 0x0000002e (decimal:       46) --> 0204cca6 (decimal 33868966) [VPN 5]
  VA 0x00000039 (decimal:       57) --> 010084b9 (decimal 16811193) [VPN 7]
  VA 0x0000002b (decimal:       43) --> 0204cca3 (decimal 33868963) [VPN 5]
