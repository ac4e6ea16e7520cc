$ vmlab exercise sv39 -s 92 -a 12 -A "$(cat tests/data/exercise/sv39-accesses.txt)" --check tests/data/exercise/sv39-malformed.txt
tests/data/exercise/sv39-malformed.txt:4: "pagefault" is not an answer: expected a number (decimal or 0x-hex) or fault
question 3, VA 0x3df3dfb9a4 load user: line 4 cannot be read; the answer is 0x4ff9a4
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
tests/data/exercise/sv39-malformed.txt:6: "0x865g10" is not an answer: expected a number (decimal or 0x-hex) or fault
question 5, VA 0x23b3463010 store user: line 6 cannot be read; the answer is 0x865010
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
question 9, VA 0x23a5a012c0 load user: no answer; the answer is fault
    VA 0x23a5a012c0 = VPN[2] 010001110 (142) | VPN[1] 100101101 (301) | VPN[0] 000000001 (1) | offset 001011000000 (0x2c0)
    level 2: PTE at 0x909 * 4096 + VPN[2] 142 * 8 = 0x909470: 0x00000000003a2001 (PPN 0xe88, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
      R=W=X=0: a pointer to the next table, at PPN 0xe88
    level 1: PTE at 0xe88 * 4096 + VPN[1] 301 * 8 = 0xe88968: 0x00000000002c1401 (PPN 0xb05, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
      R=W=X=0: a pointer to the next table, at PPN 0xb05
    level 0: PTE at 0xb05 * 4096 + VPN[0] 1 * 8 = 0xb05008: 0x0000000000026c5d (PPN 0x9b, V=1 R=0 W=1 X=1 U=1 A=1 D=0)
      W=1 without R: a reserved encoding
    a page fault: reserved PTE at level 0 (W=1 without R)
question 10, VA 0x23a5ba3040 store supervisor: no answer; the answer is 0x513040
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
question 11, VA 0x23a5ba3040 load user: no answer; the answer is fault
    VA 0x23a5ba3040 = VPN[2] 010001110 (142) | VPN[1] 100101101 (301) | VPN[0] 110100011 (419) | offset 000001000000 (0x040)
    level 2: PTE at 0x909 * 4096 + VPN[2] 142 * 8 = 0x909470: 0x00000000003a2001 (PPN 0xe88, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
      R=W=X=0: a pointer to the next table, at PPN 0xe88
    level 1: PTE at 0xe88 * 4096 + VPN[1] 301 * 8 = 0xe88968: 0x00000000002c1401 (PPN 0xb05, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
      R=W=X=0: a pointer to the next table, at PPN 0xb05
    level 0: PTE at 0xb05 * 4096 + VPN[0] 419 * 8 = 0xb05d18: 0x0000000000144cc7 (PPN 0x513, V=1 R=1 W=1 X=0 U=0 A=1 D=1)
      R or X set: a leaf, a 4 KiB page
    permission: a load needs R=1 (R=1); user mode needs U=1 (U=0): a page fault, U=0: a supervisor page, user access
question 12, VA 0x3df3dfb9a4 load supervisor: no answer; the answer is fault
    VA 0x3df3dfb9a4 = VPN[2] 011110111 (247) | VPN[1] 110011110 (414) | VPN[0] 111111011 (507) | offset 100110100100 (0x9a4)
    level 2: PTE at 0x909 * 4096 + VPN[2] 247 * 8 = 0x9097b8: 0x0000000000286001 (PPN 0xa18, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
      R=W=X=0: a pointer to the next table, at PPN 0xa18
    level 1: PTE at 0xa18 * 4096 + VPN[1] 414 * 8 = 0xa18cf0: 0x00000000002f9401 (PPN 0xbe5, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
      R=W=X=0: a pointer to the next table, at PPN 0xbe5
    level 0: PTE at 0xbe5 * 4096 + VPN[0] 507 * 8 = 0xbe5fd8: 0x000000000013fc53 (PPN 0x4ff, V=1 R=1 W=0 X=0 U=1 A=1 D=0)
      R or X set: a leaf, a 4 KiB page
    permission: a load needs R=1 (R=1); supervisor mode needs U=0 (U=1): a page fault, U=1: a user page, supervisor access with SUM=0
question 13, VA 0x23b3463abc fetch supervisor: no answer; the answer is fault
    VA 0x23b3463abc = VPN[2] 010001110 (142) | VPN[1] 110011010 (410) | VPN[0] 001100011 (99) | offset 101010111100 (0xabc)
    level 2: PTE at 0x909 * 4096 + VPN[2] 142 * 8 = 0x909470: 0x00000000003a2001 (PPN 0xe88, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
      R=W=X=0: a pointer to the next table, at PPN 0xe88
    level 1: PTE at 0xe88 * 4096 + VPN[1] 410 * 8 = 0xe88cd0: 0x000000000014e801 (PPN 0x53a, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
      R=W=X=0: a pointer to the next table, at PPN 0x53a
    level 0: PTE at 0x53a * 4096 + VPN[0] 99 * 8 = 0x53a318: 0x00000000002194df (PPN 0x865, V=1 R=1 W=1 X=1 U=1 A=1 D=1)
      R or X set: a leaf, a 4 KiB page
    permission: a fetch needs X=1 (X=1); supervisor mode needs U=0 (U=1): a page fault, U=1: a user page, supervisor fetch
question 14, VA 0x23b3546344 fetch supervisor: no answer; the answer is 0x2de344
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
question 15, VA 0x23b3546344 store supervisor: no answer; the answer is fault
    VA 0x23b3546344 = VPN[2] 010001110 (142) | VPN[1] 110011010 (410) | VPN[0] 101000110 (326) | offset 001101000100 (0x344)
    level 2: PTE at 0x909 * 4096 + VPN[2] 142 * 8 = 0x909470: 0x00000000003a2001 (PPN 0xe88, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
      R=W=X=0: a pointer to the next table, at PPN 0xe88
    level 1: PTE at 0xe88 * 4096 + VPN[1] 410 * 8 = 0xe88cd0: 0x000000000014e801 (PPN 0x53a, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
      R=W=X=0: a pointer to the next table, at PPN 0x53a
    level 0: PTE at 0x53a * 4096 + VPN[0] 326 * 8 = 0x53aa30: 0x00000000000b784b (PPN 0x2de, V=1 R=1 W=0 X=1 U=0 A=1 D=0)
      R or X set: a leaf, a 4 KiB page
    permission: a store needs W=1 (W=0); supervisor mode needs U=0 (U=0): a page fault, W=0: not writable
question 16, VA 0x23b3546344 fetch user: no answer; the answer is fault
    VA 0x23b3546344 = VPN[2] 010001110 (142) | VPN[1] 110011010 (410) | VPN[0] 101000110 (326) | offset 001101000100 (0x344)
    level 2: PTE at 0x909 * 4096 + VPN[2] 142 * 8 = 0x909470: 0x00000000003a2001 (PPN 0xe88, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
      R=W=X=0: a pointer to the next table, at PPN 0xe88
    level 1: PTE at 0xe88 * 4096 + VPN[1] 410 * 8 = 0xe88cd0: 0x000000000014e801 (PPN 0x53a, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
      R=W=X=0: a pointer to the next table, at PPN 0x53a
    level 0: PTE at 0x53a * 4096 + VPN[0] 326 * 8 = 0x53aa30: 0x00000000000b784b (PPN 0x2de, V=1 R=1 W=0 X=1 U=0 A=1 D=0)
      R or X set: a leaf, a 4 KiB page
    permission: a fetch needs X=1 (X=1); user mode needs U=1 (U=0): a page fault, U=0: a supervisor page, user access
question 17, VA 0x3200000777 load user: no answer; the answer is fault
    VA 0x3200000777 = VPN[2] 011001000 (200) | VPN[1] 000000000 (0) | VPN[0] 000000000 (0) | offset 011101110111 (0x777)
    level 2: PTE at 0x909 * 4096 + VPN[2] 200 * 8 = 0x909640: 0x0000000000000000 (PPN 0x0, V=0 R=0 W=0 X=0 U=0 A=0 D=0)
      V=0: not valid (its other bits do not matter)
    a page fault: V=0 at level 2
question 18, VA 0x3de5800008 load user: no answer; the answer is fault
    VA 0x3de5800008 = VPN[2] 011110111 (247) | VPN[1] 100101100 (300) | VPN[0] 000000000 (0) | offset 000000001000 (0x008)
    level 2: PTE at 0x909 * 4096 + VPN[2] 247 * 8 = 0x9097b8: 0x0000000000286001 (PPN 0xa18, V=1 R=0 W=0 X=0 U=0 A=0 D=0)
      R=W=X=0: a pointer to the next table, at PPN 0xa18
    level 1: PTE at 0xa18 * 4096 + VPN[1] 300 * 8 = 0xa18960: 0x0000000000000000 (PPN 0x0, V=0 R=0 W=0 X=0 U=0 A=0 D=0)
      V=0: not valid (its other bits do not matter)
    a page fault: V=0 at level 1
question 19, VA 0x8000000000 load user: no answer; the answer is fault
    VA 0x8000000000 = VPN[2] 000000000 (0) | VPN[1] 000000000 (0) | VPN[0] 000000000 (0) | offset 000000000000 (0x000)
    bits 63..39 of the VA are not all copies of bit 38: a page fault before any PTE is read
question 20, VA 0xffffffc000000000 store supervisor: no answer; the answer is fault
    VA 0xffffffc000000000 = VPN[2] 100000000 (256) | VPN[1] 000000000 (0) | VPN[0] 000000000 (0) | offset 000000000000 (0x000)
    level 2: PTE at 0x909 * 4096 + VPN[2] 256 * 8 = 0x909800: 0x0000000000000000 (PPN 0x0, V=0 R=0 W=0 X=0 U=0 A=0 D=0)
      V=0: not valid (its other bits do not matter)
    a page fault: V=0 at level 2
question 21, VA 0x23b3463abc load user: no answer; the answer is 0x865abc
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
question 22, VA 0x23a5a125c8 fetch user: no answer; the answer is 0xca85c8
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
score 6/22
[1]
