$ vmlab run --record - examples/mem.c
vmlab: --record -: expects a file: the programs' output goes to standard output
[2]
