$ vmlab exercise paging-multilevel -s 1 --check tests/data/exercise/paging-multilevel-malformed.txt
tests/data/exercise/paging-multilevel-malformed.txt:2: "0xc34 0x06" is not an answer: expected a number (decimal or 0x-hex) or fault
question 1, Virtual Address 0x6c74: line 2 cannot be read; the answer is 0xc34
    VA 0x6c74 in 15 bits, PDE index | PTE index | offset: 11011 | 00011 | 10100
    PDE index 27, PTE index 3, offset 0x14
    page directory entry: page 17 (the PDBR), index 27: the byte at 17 * 32 + 27 = 0x23b is 0xa0 = 1 | 0100000: valid bit 1, PFN 0x20 (32)
    page table entry: page 32 (the PDE's PFN), index 3: the byte at 32 * 32 + 3 = 0x403 is 0xe1 = 1 | 1100001: valid bit 1, PFN 0x61 (97)
    PA = PFN << 5 | offset = 0x61 << 5 | 0x14 = 0xc34
    the value fetched: the byte at 0xc34, 0x06
tests/data/exercise/paging-multilevel-malformed.txt:3: "pde-fault" is not an answer: expected a number (decimal or 0x-hex) or fault
question 2, Virtual Address 0x6b22: line 3 cannot be read; the answer is 0x8e2
    VA 0x6b22 in 15 bits, PDE index | PTE index | offset: 11010 | 11001 | 00010
    PDE index 26, PTE index 25, offset 0x02
    page directory entry: page 17 (the PDBR), index 26: the byte at 17 * 32 + 26 = 0x23a is 0xd2 = 1 | 1010010: valid bit 1, PFN 0x52 (82)
    page table entry: page 82 (the PDE's PFN), index 25: the byte at 82 * 32 + 25 = 0xa59 is 0xc7 = 1 | 1000111: valid bit 1, PFN 0x47 (71)
    PA = PFN << 5 | offset = 0x47 << 5 | 0x02 = 0x8e2
    the value fetched: the byte at 0x8e2, 0x1a
question 3, Virtual Address 0x03df: no answer; the answer is 0xbf
    VA 0x03df in 15 bits, PDE index | PTE index | offset: 00000 | 11110 | 11111
    PDE index 0, PTE index 30, offset 0x1f
    page directory entry: page 17 (the PDBR), index 0: the byte at 17 * 32 + 0 = 0x220 is 0xda = 1 | 1011010: valid bit 1, PFN 0x5a (90)
    page table entry: page 90 (the PDE's PFN), index 30: the byte at 90 * 32 + 30 = 0xb5e is 0x85 = 1 | 0000101: valid bit 1, PFN 0x05 (5)
    PA = PFN << 5 | offset = 0x05 << 5 | 0x1f = 0x0bf
    the value fetched: the byte at 0x0bf, 0x0f
question 4, Virtual Address 0x69dc: no answer; the answer is fault
    VA 0x69dc in 15 bits, PDE index | PTE index | offset: 11010 | 01110 | 11100
    PDE index 26, PTE index 14, offset 0x1c
    page directory entry: page 17 (the PDBR), index 26: the byte at 17 * 32 + 26 = 0x23a is 0xd2 = 1 | 1010010: valid bit 1, PFN 0x52 (82)
    page table entry: page 82 (the PDE's PFN), index 14: the byte at 82 * 32 + 14 = 0xa4e is 0x7f = 0 | 1111111: valid bit 0, PFN 0x7f (127)
    the page table entry's valid bit is 0: the walk faults at the page table
question 5, Virtual Address 0x317a: no answer; the answer is 0x6ba
    VA 0x317a in 15 bits, PDE index | PTE index | offset: 01100 | 01011 | 11010
    PDE index 12, PTE index 11, offset 0x1a
    page directory entry: page 17 (the PDBR), index 12: the byte at 17 * 32 + 12 = 0x22c is 0x98 = 1 | 0011000: valid bit 1, PFN 0x18 (24)
    page table entry: page 24 (the PDE's PFN), index 11: the byte at 24 * 32 + 11 = 0x30b is 0xb5 = 1 | 0110101: valid bit 1, PFN 0x35 (53)
    PA = PFN << 5 | offset = 0x35 << 5 | 0x1a = 0x6ba
    the value fetched: the byte at 0x6ba, 0x1e
question 6, Virtual Address 0x4546: no answer; the answer is fault
    VA 0x4546 in 15 bits, PDE index | PTE index | offset: 10001 | 01010 | 00110
    PDE index 17, PTE index 10, offset 0x06
    page directory entry: page 17 (the PDBR), index 17: the byte at 17 * 32 + 17 = 0x231 is 0xa1 = 1 | 0100001: valid bit 1, PFN 0x21 (33)
    page table entry: page 33 (the PDE's PFN), index 10: the byte at 33 * 32 + 10 = 0x42a is 0x7f = 0 | 1111111: valid bit 0, PFN 0x7f (127)
    the page table entry's valid bit is 0: the walk faults at the page table
question 7, Virtual Address 0x2c03: no answer; the answer is 0xae3
    VA 0x2c03 in 15 bits, PDE index | PTE index | offset: 01011 | 00000 | 00011
    PDE index 11, PTE index 0, offset 0x03
    page directory entry: page 17 (the PDBR), index 11: the byte at 17 * 32 + 11 = 0x22b is 0xc4 = 1 | 1000100: valid bit 1, PFN 0x44 (68)
    page table entry: page 68 (the PDE's PFN), index 0: the byte at 68 * 32 + 0 = 0x880 is 0xd7 = 1 | 1010111: valid bit 1, PFN 0x57 (87)
    PA = PFN << 5 | offset = 0x57 << 5 | 0x03 = 0xae3
    the value fetched: the byte at 0xae3, 0x16
question 8, Virtual Address 0x7fd7: no answer; the answer is fault
    VA 0x7fd7 in 15 bits, PDE index | PTE index | offset: 11111 | 11110 | 10111
    PDE index 31, PTE index 30, offset 0x17
    page directory entry: page 17 (the PDBR), index 31: the byte at 17 * 32 + 31 = 0x23f is 0x92 = 1 | 0010010: valid bit 1, PFN 0x12 (18)
    page table entry: page 18 (the PDE's PFN), index 30: the byte at 18 * 32 + 30 = 0x25e is 0x7f = 0 | 1111111: valid bit 0, PFN 0x7f (127)
    the page table entry's valid bit is 0: the walk faults at the page table
question 9, Virtual Address 0x390e: no answer; the answer is fault
    VA 0x390e in 15 bits, PDE index | PTE index | offset: 01110 | 01000 | 01110
    PDE index 14, PTE index 8, offset 0x0e
    page directory entry: page 17 (the PDBR), index 14: the byte at 17 * 32 + 14 = 0x22e is 0x7f = 0 | 1111111: valid bit 0, PFN 0x7f (127)
    the page directory entry's valid bit is 0: the walk faults at the page directory
question 10, Virtual Address 0x748b: no answer; the answer is fault
    VA 0x748b in 15 bits, PDE index | PTE index | offset: 11101 | 00100 | 01011
    PDE index 29, PTE index 4, offset 0x0b
    page directory entry: page 17 (the PDBR), index 29: the byte at 17 * 32 + 29 = 0x23d is 0x80 = 1 | 0000000: valid bit 1, PFN 0x00 (0)
    page table entry: page 0 (the PDE's PFN), index 4: the byte at 0 * 32 + 4 = 0x004 is 0x7f = 0 | 1111111: valid bit 0, PFN 0x7f (127)
    the page table entry's valid bit is 0: the walk faults at the page table
score 0/10
[1]
