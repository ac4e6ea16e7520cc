$ vmlab run --swap /tmp examples/mem.c
vmlab: --swap /tmp: is a directory, not a file
[2]
