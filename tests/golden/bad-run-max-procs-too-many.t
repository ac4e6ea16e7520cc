$ vmlab run --max-procs 4194305 tests/programs/hello.c
vmlab: --max-procs 4194305: must be a number from 1 to 4194304
[2]
