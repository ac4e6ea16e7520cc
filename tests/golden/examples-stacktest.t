$ vmlab run --json examples/stacktest.c 2>&1 | grep -v '^{'; exit ${PIPESTATUS[0]}
main: &local    = 0x0000003fffffff5c
main: &argv     = 0x0000003fffffff48
f1:   &local    = 0x0000003fffffff2c
f2:   &local    = 0x0000003ffffffeec
f2:   &array[0] = 0x0000003ffffffee8  (a)
f2:   &array[1] = 0x0000003ffffffee9  (b)
f2:   &array[2] = 0x0000003ffffffeea  (c)
f2:   &array[3] = 0x0000003ffffffeeb  (d)
