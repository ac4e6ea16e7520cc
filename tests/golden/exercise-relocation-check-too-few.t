$ vmlab exercise relocation -s 1 --check=tests/data/exercise/relocation-too-few.txt
question 3, VA  2: 0x000001fb (decimal:  507): no answer; the answer is fault
    bounds check: VA 507 >= limit 290: out of bounds, a segmentation violation
question 4, VA  3: 0x000001cc (decimal:  460): no answer; the answer is fault
    bounds check: VA 460 >= limit 290: out of bounds, a segmentation violation
question 5, VA  4: 0x0000029b (decimal:  667): no answer; the answer is fault
    bounds check: VA 667 >= limit 290: out of bounds, a segmentation violation
score 2/5
[1]
