$ vmlab run --vmstat 0 tests/programs/hello.c
vmlab: --vmstat 0: expects a duration such as 1s, 10ms or 100us, from 1ns to 18446744073s
[2]
