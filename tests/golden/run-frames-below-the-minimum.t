$ timeout 20 vmlab run --frames 3 tests/programs/hello.c
vmlab: --frames 3: too small; this machine needs at least 16 KiB, 4 pages of 4 KiB (one instruction's fetch can touch 2 pages and its load or store 2 more, each across a page boundary)
[2]
