$ vmlab run --json tests/programs/ebreak.c 2>&1 | grep -v '^{'; exit ${PIPESTATUS[0]}
ebreak: hitting a breakpoint
vmlab: pid 1 (ebreak): breakpoint (ebreak) 0x00009002 at pc 0x10046 (c.ebreak)
[133]
