$ vmlab run 'examples/nope.c 1' examples/mem.c
vmlab: run: program examples/nope.c: No such file or directory
[2]
