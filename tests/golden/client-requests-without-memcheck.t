$ vmlab run tests/programs/client.c 2>/dev/null
running: -38
a block of 100: -38
one overlapping it: -38
one in its redzone: -38
one outside every region: -38
one wrapping around: -38
its size: -38
the size of no block: -38
a release with nothing in quarantine: -38
an unknown request: -38
freeing it: -38
freeing it again: -38
