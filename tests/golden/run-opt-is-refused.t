$ vmlab run --policy opt examples/mem.c
vmlab: run: --policy opt needs the future, which a running program does not know;
record the run and replay the recording: vmlab run --record prog.vmt ... PROGRAM,
then vmlab trace --policy opt prog.vmt (with the same machine options)
[2]
