$ vmlab exercise sv39 -s 1
ARG seed 1
ARG allocated 8
ARG megapages 1
ARG physmem 16m
ARG accesses -1
ARG num 10

Sv39: 39-bit virtual addresses, 4 KiB pages, three levels of 512 8-byte PTEs.
  VA:  VPN[2] (bits 38..30) | VPN[1] (29..21) | VPN[0] (20..12) | offset (11..0)
  PTE: PPN (bits 53..10) | RSW (9..8) | D A G U X W R V (bits 7..0)
A PTE with R or X set is a leaf (a 2 MiB megapage at level 1); R=W=X=0 points to the
next table. A/D are managed by software (Svade): A=0, or D=0 on a store, is a page
fault. sstatus.SUM=0 and MXR=0.

satp: MODE 8 (Sv39), PPN 0xd8f

Page-table pages (non-zero entries: index, PTE, flags VRWXUGAD):
page-table page at PPN 0xd8f (PA 0xd8f000):
  [115] 0x00000000003f8401  V-------
  [195] 0x0000000000002001  V-------
page-table page at PPN 0x8 (PA 0x8000):
  [130] 0x00000000003c1801  V-------
  [253] 0x0000000000136801  V-------
  [390] 0x0000000000080057  VRW-U-A-
page-table page at PPN 0xf06 (PA 0xf06000):
  [118] 0x00000000001c0453  VR--U-A-
  [260] 0x00000000002b2853  VR--U-A-
  [277] 0x000000000039b047  VRW---A-
  [408] 0x000000000025b00b  VR-X----
page-table page at PPN 0xfe1 (PA 0xfe1000):
  [403] 0x0000000000370801  V-------
page-table page at PPN 0xdc2 (PA 0xdc2000):
  [ 95] 0x0000000000359859  V--XU-A-
  [440] 0x00000000003ed85b  VR-XU-A-
page-table page at PPN 0x4da (PA 0x4da000):
  [343] 0x00000000003bec5d  V-WXU-A-
  [503] 0x000000000001e459  V--XU-A-

Accesses (VA, type, mode):
   0: VA 0x30dfb57f3d  store user       --> PA or fault?
   1: VA 0x30dfb57f50  load  user       --> PA or fault?
   2: VA 0x1cf279e84c  store user       --> PA or fault?
   3: VA 0x30dfbf791e  fetch user       --> PA or fault?
   4: VA 0x1cf265f89d  fetch user       --> PA or fault?
   5: VA 0x30d04762d5  load  user       --> PA or fault?
   6: VA 0x30dfbf7415  fetch user       --> PA or fault?
   7: VA 0x30f0d82dc4  load  user       --> PA or fault?
   8: VA 0x30f0c51ba6  store user       --> PA or fault?
   9: VA 0x30dfb57526  store user       --> PA or fault?

For each access, walk the page table from satp and write down the physical address
it translates to, or that it faults (and why: V=0, a reserved PTE, a permission,
or A/D).
