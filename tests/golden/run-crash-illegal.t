$ vmlab run --json tests/programs/illegal.c 2>&1 | grep -v '^{'; exit ${PIPESTATUS[0]}
illegal: executing 0x0000
vmlab: pid 1 (illegal): illegal instruction 0x00000000 at pc 0x10046 (c.unimp)
[132]
