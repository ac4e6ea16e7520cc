$ vmlab exercise sv39 --seed=2 --allocated 2 --megapages=2 --physmem=8m --addresses=3 --compute
ARG seed 2
ARG allocated 2
ARG megapages 2
ARG physmem 8m
ARG accesses -1
ARG num 3

Sv39: 39-bit virtual addresses, 4 KiB pages, three levels of 512 8-byte PTEs.
  VA:  VPN[2] (bits 38..30) | VPN[1] (29..21) | VPN[0] (20..12) | offset (11..0)
  PTE: PPN (bits 53..10) | RSW (9..8) | D A G U X W R V (bits 7..0)
A PTE with R or X set is a leaf (a 2 MiB megapage at level 1); R=W=X=0 points to the
next table. A/D are managed by software (Svade): A=0, or D=0 on a store, is a page
fault. sstatus.SUM=0 and MXR=0.

satp: MODE 8 (Sv39), PPN 0x5e3

Page-table pages (non-zero entries: index, PTE, flags VRWXUGAD):
page-table page at PPN 0x5e3 (PA 0x5e3000):
  [155] 0x0000000000116801  V-------
  [171] 0x00000000000a3001  V-------
page-table page at PPN 0x45a (PA 0x45a000):
  [ 81] 0x000000000016e001  V-------
  [486] 0x0000000000180059  V--XU-A-
page-table page at PPN 0x28c (PA 0x28c000):
  [238] 0x0000000000000059  V--XU-A-
  [310] 0x0000000000159401  V-------
page-table page at PPN 0x565 (PA 0x565000):
  [511] 0x00000000000a644b  VR-X--A-
page-table page at PPN 0x5b8 (PA 0x5b8000):
  [ 82] 0x00000000000b505d  V-WXU-A-

Accesses (VA, type, mode):
   0: VA 0x2ae6dff7d7  fetch user       --> FAULT: instruction page fault (cause 12): U=0: a supervisor page, user access
   1: VA 0x26ca252e65  store user       --> FAULT: store/AMO page fault (cause 15): reserved PTE at level 0 (W=1 without R)
   2: VA 0x2e5f249835  load  user       --> FAULT: load page fault (cause 13): V=0 at level 2
