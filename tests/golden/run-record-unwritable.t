$ vmlab run --record /nonexistent-dir/x.vmt examples/mem.c
vmlab: --record /nonexistent-dir/x.vmt: No such file or directory
[2]
