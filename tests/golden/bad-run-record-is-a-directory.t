$ vmlab run --record /tmp examples/mem.c
vmlab: --record /tmp: is a directory, not a file
[2]
