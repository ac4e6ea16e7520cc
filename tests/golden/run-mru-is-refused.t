$ vmlab run --policy mru examples/hotcold.c
vmlab: run: --policy mru needs every reference reported, which a running program does not give;
record the run and replay the recording: vmlab run --record prog.vmt ... PROGRAM,
then vmlab trace --policy mru prog.vmt (with the same machine options)
[2]
