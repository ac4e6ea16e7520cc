$ timeout 20 vmlab run --pt linear --page-size 8m tests/programs/hello.c
vmlab: the default RAM (16 MiB, give --ram): too small; this machine needs at least 32 MiB, 4 pages of 8 MiB (one instruction's fetch can touch 2 pages and its load or store 2 more, each across a page boundary)
[2]
