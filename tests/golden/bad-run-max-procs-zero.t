$ vmlab run --max-procs 0 tests/programs/hello.c
vmlab: --max-procs 0: must be a number from 1 to 4194304
[2]
