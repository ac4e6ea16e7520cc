$ vmlab exercise sv39 -s 3 -a 0 -m 0 -n 2 -c
ARG seed 3
ARG allocated 0
ARG megapages 0
ARG physmem 16m
ARG accesses -1
ARG num 2

Sv39: 39-bit virtual addresses, 4 KiB pages, three levels of 512 8-byte PTEs.
  VA:  VPN[2] (bits 38..30) | VPN[1] (29..21) | VPN[0] (20..12) | offset (11..0)
  PTE: PPN (bits 53..10) | RSW (9..8) | D A G U X W R V (bits 7..0)
A PTE with R or X set is a leaf (a 2 MiB megapage at level 1); R=W=X=0 points to the
next table. A/D are managed by software (Svade): A=0, or D=0 on a store, is a page
fault. sstatus.SUM=0 and MXR=0.

satp: MODE 8 (Sv39), PPN 0x3ce

Page-table pages (non-zero entries: index, PTE, flags VRWXUGAD):
page-table page at PPN 0x3ce (PA 0x3ce000):
  (every entry is zero)

Accesses (VA, type, mode):
   0: VA 0x22d7bfd786  fetch user       --> FAULT: instruction page fault (cause 12): V=0 at level 2
   1: VA 0x22e6bbc85e  fetch user       --> FAULT: instruction page fault (cause 12): V=0 at level 2
