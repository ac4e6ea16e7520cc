$ vmlab exercise relocation -s 1 --check tests/data/exercise/relocation-malformed.txt
tests/data/exercise/relocation-malformed.txt:2: "segfault" is not an answer: expected a number (decimal or 0x-hex) or fault
question 1, VA  0: 0x0000030e (decimal:  782): line 2 cannot be read; the answer is fault
    bounds check: VA 782 >= limit 290: out of bounds, a segmentation violation
tests/data/exercise/relocation-malformed.txt:3: "0x3741 fault" is not an answer: expected a number (decimal or 0x-hex) or fault
question 2, VA  1: 0x00000105 (decimal:  261): line 3 cannot be read; the answer is 0x3741
    bounds check: VA 261 < limit 290, so the address is valid
    PA = base + VA = 13884 + 261 = 14145 (0x3741)
tests/data/exercise/relocation-malformed.txt:4: "0x10000000000000000" is not an answer: expected a number (decimal or 0x-hex) or fault
question 3, VA  2: 0x000001fb (decimal:  507): line 4 cannot be read; the answer is fault
    bounds check: VA 507 >= limit 290: out of bounds, a segmentation violation
tests/data/exercise/relocation-malformed.txt:5: "0x" is not an answer: expected a number (decimal or 0x-hex) or fault
question 4, VA  3: 0x000001cc (decimal:  460): line 5 cannot be read; the answer is fault
    bounds check: VA 460 >= limit 290: out of bounds, a segmentation violation
tests/data/exercise/relocation-malformed.txt:6: "-fault" is not an answer: expected a number (decimal or 0x-hex) or fault
question 5, VA  4: 0x0000029b (decimal:  667): line 6 cannot be read; the answer is fault
    bounds check: VA 667 >= limit 290: out of bounds, a segmentation violation
score 0/5
[1]
