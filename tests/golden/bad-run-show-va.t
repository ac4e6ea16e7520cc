$ vmlab run --show-va -4 tests/programs/hello.c
vmlab: --show-va -4: expects an address such as 0x12010, from 0 to 0xffffffffffffffff
[2]
