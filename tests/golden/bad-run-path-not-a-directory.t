$ vmlab run --path examples/mem.c examples/mem.c
vmlab: --path examples/mem.c: is not a directory
[2]
