$ vmlab run --max-insns 0 tests/programs/hello.c
vmlab: --max-insns 0: must be a number from 1 to 18446744073709551615
[2]
