$ vmlab exercise relocation -s 1 --check tests/data/exercise/relocation-wrong.txt
question 1, VA  0: 0x0000030e (decimal:  782): you answered 0x3741; the answer is fault
    bounds check: VA 782 >= limit 290: out of bounds, a segmentation violation
question 2, VA  1: 0x00000105 (decimal:  261): you answered fault; the answer is 0x3741
    bounds check: VA 261 < limit 290, so the address is valid
    PA = base + VA = 13884 + 261 = 14145 (0x3741)
question 3, VA  2: 0x000001fb (decimal:  507): you answered 0x363c; the answer is fault
    bounds check: VA 507 >= limit 290: out of bounds, a segmentation violation
tests/data/exercise/relocation-wrong.txt:5: "hit" is not an answer: expected a number (decimal or 0x-hex) or fault
question 4, VA  3: 0x000001cc (decimal:  460): line 5 cannot be read; the answer is fault
    bounds check: VA 460 >= limit 290: out of bounds, a segmentation violation
score 1/5
[1]
