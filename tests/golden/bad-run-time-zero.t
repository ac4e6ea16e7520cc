$ vmlab run --time 0s tests/programs/hello.c
vmlab: --time 0s: expects a duration such as 5s, 200ms or 1m, from 1ns to 18446744073s
[2]
