$ vmlab exercise paging-multilevel -s 1 --check tests/data/exercise/paging-multilevel-wrong.txt
question 1, Virtual Address 0x6c74: you answered 0x06; the answer is 0xc34
    VA 0x6c74 in 15 bits, PDE index | PTE index | offset: 11011 | 00011 | 10100
    PDE index 27, PTE index 3, offset 0x14
    page directory entry: page 17 (the PDBR), index 27: the byte at 17 * 32 + 27 = 0x23b is 0xa0 = 1 | 0100000: valid bit 1, PFN 0x20 (32)
    page table entry: page 32 (the PDE's PFN), index 3: the byte at 32 * 32 + 3 = 0x403 is 0xe1 = 1 | 1100001: valid bit 1, PFN 0x61 (97)
    PA = PFN << 5 | offset = 0x61 << 5 | 0x14 = 0xc34
    the value fetched: the byte at 0xc34, 0x06
question 3, Virtual Address 0x03df: you answered fault; the answer is 0xbf
    VA 0x03df in 15 bits, PDE index | PTE index | offset: 00000 | 11110 | 11111
    PDE index 0, PTE index 30, offset 0x1f
    page directory entry: page 17 (the PDBR), index 0: the byte at 17 * 32 + 0 = 0x220 is 0xda = 1 | 1011010: valid bit 1, PFN 0x5a (90)
    page table entry: page 90 (the PDE's PFN), index 30: the byte at 90 * 32 + 30 = 0xb5e is 0x85 = 1 | 0000101: valid bit 1, PFN 0x05 (5)
    PA = PFN << 5 | offset = 0x05 << 5 | 0x1f = 0x0bf
    the value fetched: the byte at 0x0bf, 0x0f
question 4, Virtual Address 0x69dc: you answered 0x69dc; the answer is fault
    VA 0x69dc in 15 bits, PDE index | PTE index | offset: 11010 | 01110 | 11100
    PDE index 26, PTE index 14, offset 0x1c
    page directory entry: page 17 (the PDBR), index 26: the byte at 17 * 32 + 26 = 0x23a is 0xd2 = 1 | 1010010: valid bit 1, PFN 0x52 (82)
    page table entry: page 82 (the PDE's PFN), index 14: the byte at 82 * 32 + 14 = 0xa4e is 0x7f = 0 | 1111111: valid bit 0, PFN 0x7f (127)
    the page table entry's valid bit is 0: the walk faults at the page table
score 7/10
[1]
