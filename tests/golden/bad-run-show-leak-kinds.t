$ vmlab run --memcheck --show-leak-kinds=definite,lost tests/programs/hello.c
vmlab: --show-leak-kinds definite,lost: 'definite,lost' is not a list of definite, indirect, possible and reachable, or all or none
[2]
