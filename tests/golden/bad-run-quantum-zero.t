$ vmlab run --quantum 0 tests/programs/hello.c
vmlab: --quantum 0: must be a number from 1 to 18446744073709551615
[2]
