$ vmlab run tests/programs/hello.c --cflags
vmlab: --cflags needs a value (FLAGS)
[2]
