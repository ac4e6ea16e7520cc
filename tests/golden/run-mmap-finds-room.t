$ vmlab run --json tests/programs/mmaps.c | grep -v '^{'; exit ${PIPESTATUS[0]}
mmaps: second below first: yes
mmaps: third reuses the hole: yes
