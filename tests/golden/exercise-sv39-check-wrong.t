$ vmlab exercise sv39 -s 92 -a 12 -A "$(cat tests/data/exercise/sv39-accesses.txt)" --check tests/data/exercise/sv39-wrong.txt
question 1, VA 0x3de4a05123 fetch user: you answered 0x600123; the answer is 0x605123
    VA 0x3de4a05123 = VPN[2] 011110111 (247) | VPN[1] 100100101 (293) | VPN[0] 000000101 (5) | offset 000100100011 (0x123)
    level 2: PTE at 0x909 * 4096 + VPN[2] 247 * 8 = 0x9097b8: 0x0000000000286001 (PPN 0xa18, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
      R=W=X=0: a pointer to the next table, at PPN 0xa18
    level 1: PTE at 0xa18 * 4096 + VPN[1] 293 * 8 = 0xa18928: 0x0000000000180059 (PPN 0x600, V=1 R=0 W=0 X=1 U=1 A=1 D=0)
      R or X set: a leaf, a 2 MiB megapage
    permission: a fetch needs X=1 (X=1); user mode needs U=1 (U=1): allowed
    A/D (Svade): an access needs A=1 (A=1): no fault
    PA = PPN 0x600 << 12 | VA bits 20..0 (VPN[0] and offset) 0x005123 = 0x605123
question 6, VA 0x23a5a125c8 store user: you answered 0x865a12; the answer is fault
    VA 0x23a5a125c8 = VPN[2] 010001110 (142) | VPN[1] 100101101 (301) | VPN[0] 000010010 (18) | offset 010111001000 (0x5c8)
    level 2: PTE at 0x909 * 4096 + VPN[2] 142 * 8 = 0x909470: 0x00000000003a2001 (PPN 0xe88, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
      R=W=X=0: a pointer to the next table, at PPN 0xe88
    level 1: PTE at 0xe88 * 4096 + VPN[1] 301 * 8 = 0xe88968: 0x00000000002c1401 (PPN 0xb05, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
      R=W=X=0: a pointer to the next table, at PPN 0xb05
    level 0: PTE at 0xb05 * 4096 + VPN[0] 18 * 8 = 0xb05090: 0x000000000032a05f (PPN 0xca8, V=1 R=1 W=1 X=1 U=1 A=1 D=0)
      R or X set: a leaf, a 4 KiB page
    permission: a store needs W=1 (W=1); user mode needs U=1 (U=1): allowed
    A/D (Svade): an access needs A=1 (A=1), a store D=1 too: D=0: a page fault (the hardware never sets A or D)
question 7, VA 0x3df3dc50f0 load user: you answered 0x2be0f0; the answer is fault
    VA 0x3df3dc50f0 = VPN[2] 011110111 (247) | VPN[1] 110011110 (414) | VPN[0] 111000101 (453) | offset 000011110000 (0x0f0)
    level 2: PTE at 0x909 * 4096 + VPN[2] 247 * 8 = 0x9097b8: 0x0000000000286001 (PPN 0xa18, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
      R=W=X=0: a pointer to the next table, at PPN 0xa18
    level 1: PTE at 0xa18 * 4096 + VPN[1] 414 * 8 = 0xa18cf0: 0x00000000002f9401 (PPN 0xbe5, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
      R=W=X=0: a pointer to the next table, at PPN 0xbe5
    level 0: PTE at 0xbe5 * 4096 + VPN[0] 453 * 8 = 0xbe5e28: 0x000000000033f01f (PPN 0xcfc, V=1 R=1 W=1 X=1 U=1 A=0 D=0)
      R or X set: a leaf, a 4 KiB page
    permission: a load needs R=1 (R=1); user mode needs U=1 (U=1): allowed
    A/D (Svade): an access needs A=1 (A=0): a page fault (the hardware never sets A or D)
question 22, VA 0x23a5a125c8 fetch user: you answered fault; the answer is 0xca85c8
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
score 18/22
[1]
