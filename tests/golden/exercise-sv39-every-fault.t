$ vmlab exercise sv39 -s 92 -a 12 -A "$(cat tests/data/exercise/sv39-accesses.txt)" -c
ARG seed 92
ARG allocated 12
ARG megapages 1
ARG physmem 16m
ARG accesses 0x3de4a05123:fetch,0x3de4a05123:load,0x3df3dfb9a4:load,0x3df3dfb9a4:store,0x23b3463010:store,0x23a5a125c8:store,0x3df3dc50f0:load,0x3df3c507f8:load,0x23a5a012c0:load,0x23a5ba3040:store:supervisor,0x23a5ba3040:load,0x3df3dfb9a4:load:supervisor,0x23b3463abc:fetch:supervisor,0x23b3546344:fetch:supervisor,0x23b3546344:store:supervisor,0x23b3546344:fetch,0x3200000777:load,0x3de5800008:load,0x8000000000:load,0xffffffc000000000:store:supervisor,153331579580:load:user,0x23a5a125c8:fetch
ARG num 22

Sv39: 39-bit virtual addresses, 4 KiB pages, three levels of 512 8-byte PTEs.
  VA:  VPN[2] (bits 38..30) | VPN[1] (29..21) | VPN[0] (20..12) | offset (11..0)
  PTE: PPN (bits 53..10) | RSW (9..8) | D A G U X W R V (bits 7..0)
A PTE with R or X set is a leaf (a 2 MiB megapage at level 1); R=W=X=0 points to the
next table. A/D are managed by software (Svade): A=0, or D=0 on a store, is a page
fault. sstatus.SUM=0 and MXR=0.

satp: MODE 8 (Sv39), PPN 0x909

Page-table pages (non-zero entries: index, PTE, flags VRWXUGAD):
page-table page at PPN 0x909 (PA 0x909000):
  [142] 0x00000000003a2001  V-------
  [247] 0x0000000000286001  V-------
page-table page at PPN 0xa18 (PA 0xa18000):
  [293] 0x0000000000180059  V--XU-A-
  [344] 0x00000000003fe401  V-------
  [414] 0x00000000002f9401  V-------
page-table page at PPN 0xbe5 (PA 0xbe5000):
  [ 80] 0x00000000000a8c4a  -R-X--A-
  [453] 0x000000000033f01f  VRWXU---
  [507] 0x000000000013fc53  VR--U-A-
page-table page at PPN 0xe88 (PA 0xe88000):
  [301] 0x00000000002c1401  V-------
  [410] 0x000000000014e801  V-------
page-table page at PPN 0xb05 (PA 0xb05000):
  [  1] 0x0000000000026c5d  V-WXU-A-
  [ 18] 0x000000000032a05f  VRWXU-A-
  [187] 0x000000000012fc4a  -R-X--A-
  [419] 0x0000000000144cc7  VRW---AD
page-table page at PPN 0xff9 (PA 0xff9000):
  [ 37] 0x00000000000dbc0b  VR-X----
  [146] 0x0000000000006c53  VR--U-A-
page-table page at PPN 0x53a (PA 0x53a000):
  [ 99] 0x00000000002194df  VRWXU-AD
  [326] 0x00000000000b784b  VR-X--A-
  [476] 0x000000000003900b  VR-X----

Accesses (VA, type, mode):
   0: VA 0x3de4a05123  fetch user       --> PA 0x0000605123
   1: VA 0x3de4a05123  load  user       --> FAULT: load page fault (cause 13): R=0: not readable
   2: VA 0x3df3dfb9a4  load  user       --> PA 0x00004ff9a4
   3: VA 0x3df3dfb9a4  store user       --> FAULT: store/AMO page fault (cause 15): W=0: not writable
   4: VA 0x23b3463010  store user       --> PA 0x0000865010
   5: VA 0x23a5a125c8  store user       --> FAULT: store/AMO page fault (cause 15): D=0 on a store (Svade)
   6: VA 0x3df3dc50f0  load  user       --> FAULT: load page fault (cause 13): A=0 (Svade)
   7: VA 0x3df3c507f8  load  user       --> FAULT: load page fault (cause 13): V=0 at level 0
   8: VA 0x23a5a012c0  load  user       --> FAULT: load page fault (cause 13): reserved PTE at level 0 (W=1 without R)
   9: VA 0x23a5ba3040  store supervisor --> PA 0x0000513040
  10: VA 0x23a5ba3040  load  user       --> FAULT: load page fault (cause 13): U=0: a supervisor page, user access
  11: VA 0x3df3dfb9a4  load  supervisor --> FAULT: load page fault (cause 13): U=1: a user page, supervisor access with SUM=0
  12: VA 0x23b3463abc  fetch supervisor --> FAULT: instruction page fault (cause 12): U=1: a user page, supervisor fetch
  13: VA 0x23b3546344  fetch supervisor --> PA 0x00002de344
  14: VA 0x23b3546344  store supervisor --> FAULT: store/AMO page fault (cause 15): W=0: not writable
  15: VA 0x23b3546344  fetch user       --> FAULT: instruction page fault (cause 12): U=0: a supervisor page, user access
  16: VA 0x3200000777  load  user       --> FAULT: load page fault (cause 13): V=0 at level 2
  17: VA 0x3de5800008  load  user       --> FAULT: load page fault (cause 13): V=0 at level 1
  18: VA 0x8000000000  load  user       --> FAULT: load page fault (cause 13): VA not canonical (bits 63..39 must equal bit 38)
  19: VA 0xffffffc000000000  store supervisor --> FAULT: store/AMO page fault (cause 15): V=0 at level 2
  20: VA 0x23b3463abc  load  user       --> PA 0x0000865abc
  21: VA 0x23a5a125c8  fetch user       --> PA 0x0000ca85c8
