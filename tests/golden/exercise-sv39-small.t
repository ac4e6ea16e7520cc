$ vmlab exercise sv39 -s 5 -a 3 -m 0 -p 40k -n 4 -c
ARG seed 5
ARG allocated 3
ARG megapages 0
ARG physmem 40k
ARG accesses -1
ARG num 4

Sv39: 39-bit virtual addresses, 4 KiB pages, three levels of 512 8-byte PTEs.
  VA:  VPN[2] (bits 38..30) | VPN[1] (29..21) | VPN[0] (20..12) | offset (11..0)
  PTE: PPN (bits 53..10) | RSW (9..8) | D A G U X W R V (bits 7..0)
A PTE with R or X set is a leaf (a 2 MiB megapage at level 1); R=W=X=0 points to the
next table. A/D are managed by software (Svade): A=0, or D=0 on a store, is a page
fault. sstatus.SUM=0 and MXR=0.

satp: MODE 8 (Sv39), PPN 0x6

Page-table pages (non-zero entries: index, PTE, flags VRWXUGAD):
page-table page at PPN 0x6 (PA 0x6000):
  [189] 0x0000000000000001  V-------
  [236] 0x0000000000001401  V-------
page-table page at PPN 0x0 (PA 0x0):
  [482] 0x0000000000000801  V-------
page-table page at PPN 0x2 (PA 0x2000):
  [ 64] 0x0000000000001c4b  VR-X--A-
  [293] 0x000000000000101f  VRWXU---
page-table page at PPN 0x5 (PA 0x5000):
  [ 14] 0x0000000000002001  V-------
page-table page at PPN 0x8 (PA 0x8000):
  [492] 0x000000000000244a  -R-X--A-

Accesses (VA, type, mode):
   0: VA 0x2f7c4402a7  load  supervisor --> PA 0x00000072a7
   1: VA 0x2f7c525ad8  store supervisor --> FAULT: store/AMO page fault (cause 15): U=1: a user page, supervisor access with SUM=0
   2: VA 0x2f7c5257b3  fetch supervisor --> FAULT: instruction page fault (cause 12): U=1: a user page, supervisor fetch
   3: VA 0x3b01decd84  load  user       --> FAULT: load page fault (cause 13): V=0 at level 0
