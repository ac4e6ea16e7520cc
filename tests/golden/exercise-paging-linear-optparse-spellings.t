$ vmlab exercise paging-linear -vcs1 -n2 --pages=1k -a1k --ph 4k
ARG seed 1
ARG address space size 1k
ARG phys mem size 4k
ARG page size 1k
ARG verbose True
ARG addresses -1


The format of the page table is simple:
The high-order (left-most) bit is the VALID bit.
  If the bit is 1, the rest of the entry is the PFN.
  If the bit is 0, the page is not valid.
Use verbose mode (-v) if you want to print the VPN # by
each entry of the page table.

Page Table (from entry 0 down to the max size)
  [       0]  0x00000000

Virtual Address Trace
  VA 0x00000363 (decimal:      867) -->  Invalid (VPN 0 not valid)
  VA 0x0000030e (decimal:      782) -->  Invalid (VPN 0 not valid)
