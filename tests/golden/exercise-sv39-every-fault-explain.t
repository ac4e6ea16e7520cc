$ vmlab exercise sv39 -s 92 -a 12 -A "$(cat tests/data/exercise/sv39-accesses.txt)" --explain
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

How each answer is found:

1. VA 0x3de4a05123 fetch user: 0x605123
   VA 0x3de4a05123 = VPN[2] 011110111 (247) | VPN[1] 100100101 (293) | VPN[0] 000000101 (5) | offset 000100100011 (0x123)
   level 2: PTE at 0x909 * 4096 + VPN[2] 247 * 8 = 0x9097b8: 0x0000000000286001 (PPN 0xa18, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
     R=W=X=0: a pointer to the next table, at PPN 0xa18
   level 1: PTE at 0xa18 * 4096 + VPN[1] 293 * 8 = 0xa18928: 0x0000000000180059 (PPN 0x600, V=1 R=0 W=0 X=1 U=1 A=1 D=0)
     R or X set: a leaf, a 2 MiB megapage
   permission: a fetch needs X=1 (X=1); user mode needs U=1 (U=1): allowed
   A/D (Svade): an access needs A=1 (A=1): no fault
   PA = PPN 0x600 << 12 | VA bits 20..0 (VPN[0] and offset) 0x005123 = 0x605123

2. VA 0x3de4a05123 load user: fault
   VA 0x3de4a05123 = VPN[2] 011110111 (247) | VPN[1] 100100101 (293) | VPN[0] 000000101 (5) | offset 000100100011 (0x123)
   level 2: PTE at 0x909 * 4096 + VPN[2] 247 * 8 = 0x9097b8: 0x0000000000286001 (PPN 0xa18, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
     R=W=X=0: a pointer to the next table, at PPN 0xa18
   level 1: PTE at 0xa18 * 4096 + VPN[1] 293 * 8 = 0xa18928: 0x0000000000180059 (PPN 0x600, V=1 R=0 W=0 X=1 U=1 A=1 D=0)
     R or X set: a leaf, a 2 MiB megapage
   permission: a load needs R=1 (R=0); user mode needs U=1 (U=1): a page fault, R=0: not readable

3. VA 0x3df3dfb9a4 load user: 0x4ff9a4
   VA 0x3df3dfb9a4 = VPN[2] 011110111 (247) | VPN[1] 110011110 (414) | VPN[0] 111111011 (507) | offset 100110100100 (0x9a4)
   level 2: PTE at 0x909 * 4096 + VPN[2] 247 * 8 = 0x9097b8: 0x0000000000286001 (PPN 0xa18, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
     R=W=X=0: a pointer to the next table, at PPN 0xa18
   level 1: PTE at 0xa18 * 4096 + VPN[1] 414 * 8 = 0xa18cf0: 0x00000000002f9401 (PPN 0xbe5, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
     R=W=X=0: a pointer to the next table, at PPN 0xbe5
   level 0: PTE at 0xbe5 * 4096 + VPN[0] 507 * 8 = 0xbe5fd8: 0x000000000013fc53 (PPN 0x4ff, V=1 R=1 W=0 X=0 U=1 A=1 D=0)
     R or X set: a leaf, a 4 KiB page
   permission: a load needs R=1 (R=1); user mode needs U=1 (U=1): allowed
   A/D (Svade): an access needs A=1 (A=1): no fault
   PA = PPN 0x4ff << 12 | offset 0x9a4 = 0x4ff9a4

4. VA 0x3df3dfb9a4 store user: fault
   VA 0x3df3dfb9a4 = VPN[2] 011110111 (247) | VPN[1] 110011110 (414) | VPN[0] 111111011 (507) | offset 100110100100 (0x9a4)
   level 2: PTE at 0x909 * 4096 + VPN[2] 247 * 8 = 0x9097b8: 0x0000000000286001 (PPN 0xa18, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
     R=W=X=0: a pointer to the next table, at PPN 0xa18
   level 1: PTE at 0xa18 * 4096 + VPN[1] 414 * 8 = 0xa18cf0: 0x00000000002f9401 (PPN 0xbe5, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
     R=W=X=0: a pointer to the next table, at PPN 0xbe5
   level 0: PTE at 0xbe5 * 4096 + VPN[0] 507 * 8 = 0xbe5fd8: 0x000000000013fc53 (PPN 0x4ff, V=1 R=1 W=0 X=0 U=1 A=1 D=0)
     R or X set: a leaf, a 4 KiB page
   permission: a store needs W=1 (W=0); user mode needs U=1 (U=1): a page fault, W=0: not writable

5. VA 0x23b3463010 store user: 0x865010
   VA 0x23b3463010 = VPN[2] 010001110 (142) | VPN[1] 110011010 (410) | VPN[0] 001100011 (99) | offset 000000010000 (0x010)
   level 2: PTE at 0x909 * 4096 + VPN[2] 142 * 8 = 0x909470: 0x00000000003a2001 (PPN 0xe88, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
     R=W=X=0: a pointer to the next table, at PPN 0xe88
   level 1: PTE at 0xe88 * 4096 + VPN[1] 410 * 8 = 0xe88cd0: 0x000000000014e801 (PPN 0x53a, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
     R=W=X=0: a pointer to the next table, at PPN 0x53a
   level 0: PTE at 0x53a * 4096 + VPN[0] 99 * 8 = 0x53a318: 0x00000000002194df (PPN 0x865, V=1 R=1 W=1 X=1 U=1 A=1 D=1)
     R or X set: a leaf, a 4 KiB page
   permission: a store needs W=1 (W=1); user mode needs U=1 (U=1): allowed
   A/D (Svade): an access needs A=1 (A=1), a store D=1 too: D=1: no fault
   PA = PPN 0x865 << 12 | offset 0x010 = 0x865010

6. VA 0x23a5a125c8 store user: fault
   VA 0x23a5a125c8 = VPN[2] 010001110 (142) | VPN[1] 100101101 (301) | VPN[0] 000010010 (18) | offset 010111001000 (0x5c8)
   level 2: PTE at 0x909 * 4096 + VPN[2] 142 * 8 = 0x909470: 0x00000000003a2001 (PPN 0xe88, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
     R=W=X=0: a pointer to the next table, at PPN 0xe88
   level 1: PTE at 0xe88 * 4096 + VPN[1] 301 * 8 = 0xe88968: 0x00000000002c1401 (PPN 0xb05, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
     R=W=X=0: a pointer to the next table, at PPN 0xb05
   level 0: PTE at 0xb05 * 4096 + VPN[0] 18 * 8 = 0xb05090: 0x000000000032a05f (PPN 0xca8, V=1 R=1 W=1 X=1 U=1 A=1 D=0)
     R or X set: a leaf, a 4 KiB page
   permission: a store needs W=1 (W=1); user mode needs U=1 (U=1): allowed
   A/D (Svade): an access needs A=1 (A=1), a store D=1 too: D=0: a page fault (the hardware never sets A or D)

7. VA 0x3df3dc50f0 load user: fault
   VA 0x3df3dc50f0 = VPN[2] 011110111 (247) | VPN[1] 110011110 (414) | VPN[0] 111000101 (453) | offset 000011110000 (0x0f0)
   level 2: PTE at 0x909 * 4096 + VPN[2] 247 * 8 = 0x9097b8: 0x0000000000286001 (PPN 0xa18, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
     R=W=X=0: a pointer to the next table, at PPN 0xa18
   level 1: PTE at 0xa18 * 4096 + VPN[1] 414 * 8 = 0xa18cf0: 0x00000000002f9401 (PPN 0xbe5, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
     R=W=X=0: a pointer to the next table, at PPN 0xbe5
   level 0: PTE at 0xbe5 * 4096 + VPN[0] 453 * 8 = 0xbe5e28: 0x000000000033f01f (PPN 0xcfc, V=1 R=1 W=1 X=1 U=1 A=0 D=0)
     R or X set: a leaf, a 4 KiB page
   permission: a load needs R=1 (R=1); user mode needs U=1 (U=1): allowed
   A/D (Svade): an access needs A=1 (A=0): a page fault (the hardware never sets A or D)

8. VA 0x3df3c507f8 load user: fault
   VA 0x3df3c507f8 = VPN[2] 011110111 (247) | VPN[1] 110011110 (414) | VPN[0] 001010000 (80) | offset 011111111000 (0x7f8)
   level 2: PTE at 0x909 * 4096 + VPN[2] 247 * 8 = 0x9097b8: 0x0000000000286001 (PPN 0xa18, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
     R=W=X=0: a pointer to the next table, at PPN 0xa18
   level 1: PTE at 0xa18 * 4096 + VPN[1] 414 * 8 = 0xa18cf0: 0x00000000002f9401 (PPN 0xbe5, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
     R=W=X=0: a pointer to the next table, at PPN 0xbe5
   level 0: PTE at 0xbe5 * 4096 + VPN[0] 80 * 8 = 0xbe5280: 0x00000000000a8c4a (PPN 0x2a3, V=0 R=1 W=0 X=1 U=0 A=1 D=0)
     V=0: not valid (its other bits do not matter)
   a page fault: V=0 at level 0

9. VA 0x23a5a012c0 load user: fault
   VA 0x23a5a012c0 = VPN[2] 010001110 (142) | VPN[1] 100101101 (301) | VPN[0] 000000001 (1) | offset 001011000000 (0x2c0)
   level 2: PTE at 0x909 * 4096 + VPN[2] 142 * 8 = 0x909470: 0x00000000003a2001 (PPN 0xe88, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
     R=W=X=0: a pointer to the next table, at PPN 0xe88
   level 1: PTE at 0xe88 * 4096 + VPN[1] 301 * 8 = 0xe88968: 0x00000000002c1401 (PPN 0xb05, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
     R=W=X=0: a pointer to the next table, at PPN 0xb05
   level 0: PTE at 0xb05 * 4096 + VPN[0] 1 * 8 = 0xb05008: 0x0000000000026c5d (PPN 0x9b, V=1 R=0 W=1 X=1 U=1 A=1 D=0)
     W=1 without R: a reserved encoding
   a page fault: reserved PTE at level 0 (W=1 without R)

10. VA 0x23a5ba3040 store supervisor: 0x513040
   VA 0x23a5ba3040 = VPN[2] 010001110 (142) | VPN[1] 100101101 (301) | VPN[0] 110100011 (419) | offset 000001000000 (0x040)
   level 2: PTE at 0x909 * 4096 + VPN[2] 142 * 8 = 0x909470: 0x00000000003a2001 (PPN 0xe88, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
     R=W=X=0: a pointer to the next table, at PPN 0xe88
   level 1: PTE at 0xe88 * 4096 + VPN[1] 301 * 8 = 0xe88968: 0x00000000002c1401 (PPN 0xb05, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
     R=W=X=0: a pointer to the next table, at PPN 0xb05
   level 0: PTE at 0xb05 * 4096 + VPN[0] 419 * 8 = 0xb05d18: 0x0000000000144cc7 (PPN 0x513, V=1 R=1 W=1 X=0 U=0 A=1 D=1)
     R or X set: a leaf, a 4 KiB page
   permission: a store needs W=1 (W=1); supervisor mode needs U=0 (U=0): allowed
   A/D (Svade): an access needs A=1 (A=1), a store D=1 too: D=1: no fault
   PA = PPN 0x513 << 12 | offset 0x040 = 0x513040

11. VA 0x23a5ba3040 load user: fault
   VA 0x23a5ba3040 = VPN[2] 010001110 (142) | VPN[1] 100101101 (301) | VPN[0] 110100011 (419) | offset 000001000000 (0x040)
   level 2: PTE at 0x909 * 4096 + VPN[2] 142 * 8 = 0x909470: 0x00000000003a2001 (PPN 0xe88, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
     R=W=X=0: a pointer to the next table, at PPN 0xe88
   level 1: PTE at 0xe88 * 4096 + VPN[1] 301 * 8 = 0xe88968: 0x00000000002c1401 (PPN 0xb05, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
     R=W=X=0: a pointer to the next table, at PPN 0xb05
   level 0: PTE at 0xb05 * 4096 + VPN[0] 419 * 8 = 0xb05d18: 0x0000000000144cc7 (PPN 0x513, V=1 R=1 W=1 X=0 U=0 A=1 D=1)
     R or X set: a leaf, a 4 KiB page
   permission: a load needs R=1 (R=1); user mode needs U=1 (U=0): a page fault, U=0: a supervisor page, user access

12. VA 0x3df3dfb9a4 load supervisor: fault
   VA 0x3df3dfb9a4 = VPN[2] 011110111 (247) | VPN[1] 110011110 (414) | VPN[0] 111111011 (507) | offset 100110100100 (0x9a4)
   level 2: PTE at 0x909 * 4096 + VPN[2] 247 * 8 = 0x9097b8: 0x0000000000286001 (PPN 0xa18, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
     R=W=X=0: a pointer to the next table, at PPN 0xa18
   level 1: PTE at 0xa18 * 4096 + VPN[1] 414 * 8 = 0xa18cf0: 0x00000000002f9401 (PPN 0xbe5, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
     R=W=X=0: a pointer to the next table, at PPN 0xbe5
   level 0: PTE at 0xbe5 * 4096 + VPN[0] 507 * 8 = 0xbe5fd8: 0x000000000013fc53 (PPN 0x4ff, V=1 R=1 W=0 X=0 U=1 A=1 D=0)
     R or X set: a leaf, a 4 KiB page
   permission: a load needs R=1 (R=1); supervisor mode needs U=0 (U=1): a page fault, U=1: a user page, supervisor access with SUM=0

13. VA 0x23b3463abc fetch supervisor: fault
   VA 0x23b3463abc = VPN[2] 010001110 (142) | VPN[1] 110011010 (410) | VPN[0] 001100011 (99) | offset 101010111100 (0xabc)
   level 2: PTE at 0x909 * 4096 + VPN[2] 142 * 8 = 0x909470: 0x00000000003a2001 (PPN 0xe88, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
     R=W=X=0: a pointer to the next table, at PPN 0xe88
   level 1: PTE at 0xe88 * 4096 + VPN[1] 410 * 8 = 0xe88cd0: 0x000000000014e801 (PPN 0x53a, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
     R=W=X=0: a pointer to the next table, at PPN 0x53a
   level 0: PTE at 0x53a * 4096 + VPN[0] 99 * 8 = 0x53a318: 0x00000000002194df (PPN 0x865, V=1 R=1 W=1 X=1 U=1 A=1 D=1)
     R or X set: a leaf, a 4 KiB page
   permission: a fetch needs X=1 (X=1); supervisor mode needs U=0 (U=1): a page fault, U=1: a user page, supervisor fetch

14. VA 0x23b3546344 fetch supervisor: 0x2de344
   VA 0x23b3546344 = VPN[2] 010001110 (142) | VPN[1] 110011010 (410) | VPN[0] 101000110 (326) | offset 001101000100 (0x344)
   level 2: PTE at 0x909 * 4096 + VPN[2] 142 * 8 = 0x909470: 0x00000000003a2001 (PPN 0xe88, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
     R=W=X=0: a pointer to the next table, at PPN 0xe88
   level 1: PTE at 0xe88 * 4096 + VPN[1] 410 * 8 = 0xe88cd0: 0x000000000014e801 (PPN 0x53a, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
     R=W=X=0: a pointer to the next table, at PPN 0x53a
   level 0: PTE at 0x53a * 4096 + VPN[0] 326 * 8 = 0x53aa30: 0x00000000000b784b (PPN 0x2de, V=1 R=1 W=0 X=1 U=0 A=1 D=0)
     R or X set: a leaf, a 4 KiB page
   permission: a fetch needs X=1 (X=1); supervisor mode needs U=0 (U=0): allowed
   A/D (Svade): an access needs A=1 (A=1): no fault
   PA = PPN 0x2de << 12 | offset 0x344 = 0x2de344

15. VA 0x23b3546344 store supervisor: fault
   VA 0x23b3546344 = VPN[2] 010001110 (142) | VPN[1] 110011010 (410) | VPN[0] 101000110 (326) | offset 001101000100 (0x344)
   level 2: PTE at 0x909 * 4096 + VPN[2] 142 * 8 = 0x909470: 0x00000000003a2001 (PPN 0xe88, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
     R=W=X=0: a pointer to the next table, at PPN 0xe88
   level 1: PTE at 0xe88 * 4096 + VPN[1] 410 * 8 = 0xe88cd0: 0x000000000014e801 (PPN 0x53a, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
     R=W=X=0: a pointer to the next table, at PPN 0x53a
   level 0: PTE at 0x53a * 4096 + VPN[0] 326 * 8 = 0x53aa30: 0x00000000000b784b (PPN 0x2de, V=1 R=1 W=0 X=1 U=0 A=1 D=0)
     R or X set: a leaf, a 4 KiB page
   permission: a store needs W=1 (W=0); supervisor mode needs U=0 (U=0): a page fault, W=0: not writable

16. VA 0x23b3546344 fetch user: fault
   VA 0x23b3546344 = VPN[2] 010001110 (142) | VPN[1] 110011010 (410) | VPN[0] 101000110 (326) | offset 001101000100 (0x344)
   level 2: PTE at 0x909 * 4096 + VPN[2] 142 * 8 = 0x909470: 0x00000000003a2001 (PPN 0xe88, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
     R=W=X=0: a pointer to the next table, at PPN 0xe88
   level 1: PTE at 0xe88 * 4096 + VPN[1] 410 * 8 = 0xe88cd0: 0x000000000014e801 (PPN 0x53a, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
     R=W=X=0: a pointer to the next table, at PPN 0x53a
   level 0: PTE at 0x53a * 4096 + VPN[0] 326 * 8 = 0x53aa30: 0x00000000000b784b (PPN 0x2de, V=1 R=1 W=0 X=1 U=0 A=1 D=0)
     R or X set: a leaf, a 4 KiB page
   permission: a fetch needs X=1 (X=1); user mode needs U=1 (U=0): a page fault, U=0: a supervisor page, user access

17. VA 0x3200000777 load user: fault
   VA 0x3200000777 = VPN[2] 011001000 (200) | VPN[1] 000000000 (0) | VPN[0] 000000000 (0) | offset 011101110111 (0x777)
   level 2: PTE at 0x909 * 4096 + VPN[2] 200 * 8 = 0x909640: 0x0000000000000000 (PPN 0x0, V=0 R=0 W=0 X=0 U=0 A=0 D=0)
     V=0: not valid (its other bits do not matter)
   a page fault: V=0 at level 2

18. VA 0x3de5800008 load user: fault
   VA 0x3de5800008 = VPN[2] 011110111 (247) | VPN[1] 100101100 (300) | VPN[0] 000000000 (0) | offset 000000001000 (0x008)
   level 2: PTE at 0x909 * 4096 + VPN[2] 247 * 8 = 0x9097b8: 0x0000000000286001 (PPN 0xa18, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
     R=W=X=0: a pointer to the next table, at PPN 0xa18
   level 1: PTE at 0xa18 * 4096 + VPN[1] 300 * 8 = 0xa18960: 0x0000000000000000 (PPN 0x0, V=0 R=0 W=0 X=0 U=0 A=0 D=0)
     V=0: not valid (its other bits do not matter)
   a page fault: V=0 at level 1

19. VA 0x8000000000 load user: fault
   VA 0x8000000000 = VPN[2] 000000000 (0) | VPN[1] 000000000 (0) | VPN[0] 000000000 (0) | offset 000000000000 (0x000)
   bits 63..39 of the VA are not all copies of bit 38: a page fault before any PTE is read

20. VA 0xffffffc000000000 store supervisor: fault
   VA 0xffffffc000000000 = VPN[2] 100000000 (256) | VPN[1] 000000000 (0) | VPN[0] 000000000 (0) | offset 000000000000 (0x000)
   level 2: PTE at 0x909 * 4096 + VPN[2] 256 * 8 = 0x909800: 0x0000000000000000 (PPN 0x0, V=0 R=0 W=0 X=0 U=0 A=0 D=0)
     V=0: not valid (its other bits do not matter)
   a page fault: V=0 at level 2

21. VA 0x23b3463abc load user: 0x865abc
   VA 0x23b3463abc = VPN[2] 010001110 (142) | VPN[1] 110011010 (410) | VPN[0] 001100011 (99) | offset 101010111100 (0xabc)
   level 2: PTE at 0x909 * 4096 + VPN[2] 142 * 8 = 0x909470: 0x00000000003a2001 (PPN 0xe88, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
     R=W=X=0: a pointer to the next table, at PPN 0xe88
   level 1: PTE at 0xe88 * 4096 + VPN[1] 410 * 8 = 0xe88cd0: 0x000000000014e801 (PPN 0x53a, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
     R=W=X=0: a pointer to the next table, at PPN 0x53a
   level 0: PTE at 0x53a * 4096 + VPN[0] 99 * 8 = 0x53a318: 0x00000000002194df (PPN 0x865, V=1 R=1 W=1 X=1 U=1 A=1 D=1)
     R or X set: a leaf, a 4 KiB page
   permission: a load needs R=1 (R=1); user mode needs U=1 (U=1): allowed
   A/D (Svade): an access needs A=1 (A=1): no fault
   PA = PPN 0x865 << 12 | offset 0xabc = 0x865abc

22. VA 0x23a5a125c8 fetch user: 0xca85c8
   VA 0x23a5a125c8 = VPN[2] 010001110 (142) | VPN[1] 100101101 (301) | VPN[0] 000010010 (18) | offset 010111001000 (0x5c8)
   level 2: PTE at 0x909 * 4096 + VPN[2] 142 * 8 = 0x909470: 0x00000000003a2001 (PPN 0xe88, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
     R=W=X=0: a pointer to the next table, at PPN 0xe88
   level 1: PTE at 0xe88 * 4096 + VPN[1] 301 * 8 = 0xe88968: 0x00000000002c1401 (PPN 0xb05, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
     R=W=X=0: a pointer to the next table, at PPN 0xb05
   level 0: PTE at 0xb05 * 4096 + VPN[0] 18 * 8 = 0xb05090: 0x000000000032a05f (PPN 0xca8, V=1 R=1 W=1 X=1 U=1 A=1 D=0)
     R or X set: a leaf, a 4 KiB page
   permission: a fetch needs X=1 (X=1); user mode needs U=1 (U=1): allowed
   A/D (Svade): an access needs A=1 (A=1): no fault
   PA = PPN 0xca8 << 12 | offset 0x5c8 = 0xca85c8
