$ vmlab run --track-origins=yes tests/programs/hello.c
vmlab: run: --leak-check, --show-leak-kinds, --error-exitcode, --track-origins and -q go with --memcheck
[2]
