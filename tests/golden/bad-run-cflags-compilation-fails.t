$ vmlab run --cflags '-include /nonexistent/missing.h' tests/programs/hello.c 2>&1 | tail -n 1; exit ${PIPESTATUS[0]}
vmlab: tests/programs/hello.c: compilation failed
[2]
