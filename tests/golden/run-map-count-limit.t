$ timeout 60 vmlab run --json tests/programs/maplimit.c 2>&1 | grep -v '^{'; exit ${PIPESTATUS[0]}
maplimit: 262140 maps, then mmap failed: Cannot allocate memory
maplimit: munmap of the middle page of a region: Cannot allocate memory
maplimit: mprotect of the middle page of a region: Cannot allocate memory
maplimit: munmap of the first page of a region: ok
maplimit: munmap of a whole region: ok
maplimit: mmap after it: ok
