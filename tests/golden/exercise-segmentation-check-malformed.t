$ vmlab exercise segmentation -s 1 --check tests/data/exercise/segmentation-malformed.txt
tests/data/exercise/segmentation-malformed.txt:2: "SEG0" is not an answer: expected a number (decimal or 0x-hex) or fault
question 1, VA  0: 0x000001fb (decimal:  507): line 2 cannot be read; the answer is fault
    VA 0x000001fb in 10 bits, segment bit | offset: 0 | 111111011
    segment bit 0: segment 0, which grows positive; offset 0x1fb = 507
    limit check: offset 507 >= limit 290: out of bounds, a segmentation violation
tests/data/exercise/segmentation-malformed.txt:3: "fault (SEG0)" is not an answer: expected a number (decimal or 0x-hex) or fault
question 2, VA  1: 0x000001cc (decimal:  460): line 3 cannot be read; the answer is fault
    VA 0x000001cc in 10 bits, segment bit | offset: 0 | 111001100
    segment bit 0: segment 0, which grows positive; offset 0x1cc = 460
    limit check: offset 460 >= limit 290: out of bounds, a segmentation violation
question 3, VA  2: 0x0000029b (decimal:  667): no answer; the answer is 0x10c6
    VA 0x0000029b in 10 bits, segment bit | offset: 1 | 010011011
    segment bit 1: segment 1, which grows negative; offset 0x9b = 155
    negative offset = offset - maximum segment size = 155 - 512 = -357
    limit check: |-357| = 357 <= limit 472, so the address is valid
    PA = base 1 + negative offset = 4651 + (-357) = 4294 (0x10c6)
question 4, VA  3: 0x00000327 (decimal:  807): no answer; the answer is 0x1152
    VA 0x00000327 in 10 bits, segment bit | offset: 1 | 100100111
    segment bit 1: segment 1, which grows negative; offset 0x127 = 295
    negative offset = offset - maximum segment size = 295 - 512 = -217
    limit check: |-217| = 217 <= limit 472, so the address is valid
    PA = base 1 + negative offset = 4651 + (-217) = 4434 (0x1152)
question 5, VA  4: 0x00000060 (decimal:   96): no answer; the answer is 0x3141
    VA 0x00000060 in 10 bits, segment bit | offset: 0 | 001100000
    segment bit 0: segment 0, which grows positive; offset 0x60 = 96
    limit check: offset 96 < limit 290, so the address is valid
    PA = base 0 + offset = 12513 + 96 = 12609 (0x3141)
score 0/5
[1]
