$ MEMCHECK_EXPECTED=tests/data/memcheck-stale tests/memcheck_oracle.sh mistake-double-free mistake-leak mistake-nothing
FAIL memcheck_oracle: tests/data/memcheck-stale/mistake-gone.expected has no examples/mistake-gone.c or tests/memcheck/mistake-gone.c (remove it)
FAIL memcheck_oracle: mistake-double-free: valgrind now reports other facts than tests/data/memcheck-stale/mistake-double-free.expected (< committed, > valgrind):
2c2
<   main (mistake-double-free.c:17)
---
>   main (mistake-double-free.c:18)
FAIL memcheck_oracle: mistake-leak: no tests/data/memcheck-stale/mistake-leak.expected (write it with tests/memcheck_oracle.sh --write mistake-leak)
FAIL memcheck_oracle: mistake-nothing: no such program: tests/memcheck/mistake-nothing.c
memcheck_oracle: 0 passed, 4 failed
[1]
