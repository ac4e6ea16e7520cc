$ vmlab run --path /nonexistent-dir examples/mem.c
vmlab: --path /nonexistent-dir: No such file or directory
[2]
