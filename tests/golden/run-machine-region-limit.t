$ timeout 60 vmlab run --json tests/programs/mapfork.c 2>&1 | grep -v '^{'; exit ${PIPESTATUS[0]}
mapfork: 8 processes of 262140 more regions each, then fork failed: Cannot allocate memory
