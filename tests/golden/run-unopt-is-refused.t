$ vmlab run --policy unopt examples/hotcold.c
vmlab: run: --policy unopt needs the future, which a running program does not know;
record the run and replay the recording: vmlab run --record prog.vmt ... PROGRAM,
then vmlab trace --policy unopt prog.vmt (with the same machine options)
[2]
