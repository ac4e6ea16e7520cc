$ vmlab exercise segmentation -s 1 --check tests/data/exercise/segmentation-wrong.txt
question 2, VA  1: 0x000001cc (decimal:  460): you answered 0x1cc; the answer is fault
    VA 0x000001cc in 10 bits, segment bit | offset: 0 | 111001100
    segment bit 0: segment 0, which grows positive; offset 0x1cc = 460
    limit check: offset 460 >= limit 290: out of bounds, a segmentation violation
question 3, VA  2: 0x0000029b (decimal:  667): you answered 0x13c4; the answer is 0x10c6
    VA 0x0000029b in 10 bits, segment bit | offset: 1 | 010011011
    segment bit 1: segment 1, which grows negative; offset 0x9b = 155
    negative offset = offset - maximum segment size = 155 - 512 = -357
    limit check: |-357| = 357 <= limit 472, so the address is valid
    PA = base 1 + negative offset = 4651 + (-357) = 4294 (0x10c6)
question 4, VA  3: 0x00000327 (decimal:  807): you answered fault; the answer is 0x1152
    VA 0x00000327 in 10 bits, segment bit | offset: 1 | 100100111
    segment bit 1: segment 1, which grows negative; offset 0x127 = 295
    negative offset = offset - maximum segment size = 295 - 512 = -217
    limit check: |-217| = 217 <= limit 472, so the address is valid
    PA = base 1 + negative offset = 4651 + (-217) = 4434 (0x1152)
score 2/5
[1]
