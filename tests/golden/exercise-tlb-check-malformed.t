$ vmlab exercise tlb -s 1 --check tests/data/exercise/tlb-s1-malformed.txt
tests/data/exercise/tlb-s1-malformed.txt:3: "perhaps" is not an answer: expected one of: hit miss
question 3, VA  2: 0x0000d008: line 3 cannot be read; the answer is miss
    VA 0x0000d008: VPN = VA >> 12 = 0x0d, offset 0x8
    VPN bits 011 01 (tag | set index): set 1, tag 0x3
    set 1 before: [- -]
    miss: no way of set 1 holds VPN 0x0d; the page walk's translation is inserted
    set 1 has an empty way: the lowest, way 0, is filled; nothing is replaced
    set 1 after: [0x0d -]
tests/data/exercise/tlb-s1-malformed.txt:11: "five" is not an answer: expected a number (decimal or 0x-hex)
question 11, hits: line 11 cannot be read; the answer is 5
    5 of the 10 accesses hit: hit rate 5 / 10 = 50.00%
tests/data/exercise/tlb-s1-malformed.txt:14: an answer beyond the last question (there are 13)
score 11/13 (and 1 answer beyond the last question)
[1]
