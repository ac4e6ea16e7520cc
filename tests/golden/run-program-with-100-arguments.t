$ vmlab run --json "tests/guest/args.c $(seq 100 | sed 's/^/w/' | tr '\n' ' ')" 2>&1 | grep -v '^{' | sed -n '1p;3p;102p'; exit ${PIPESTATUS[0]}
argc = 101
argv[1] = "w1" (2 bytes)
argv[100] = "w100" (4 bytes)
