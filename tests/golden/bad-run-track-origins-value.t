$ vmlab run --memcheck --track-origins=maybe tests/programs/hello.c
vmlab: --track-origins maybe: 'maybe' is not yes or no
[2]
