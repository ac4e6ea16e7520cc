$ vmlab exercise paging-linear -a 4k -P 4k -p 16k -c -s 3 -A 0,4095
ARG seed 3
ARG address space size 4k
ARG phys mem size 16k
ARG page size 4k
ARG verbose False
ARG addresses 0,4095


The format of the page table is simple:
The high-order (left-most) bit is the VALID bit.
  If the bit is 1, the rest of the entry is the PFN.
  If the bit is 0, the page is not valid.
Use verbose mode (-v) if you want to print the VPN # by
each entry of the page table.

Page Table (from entry 0 down to the max size)
  0x00000000

Virtual Address Trace
  VA 0x00000000 (decimal:        0) -->  Invalid (VPN 0 not valid)
  VA 0x00000fff (decimal:     4095) -->  Invalid (VPN 0 not valid)
