$ vmlab run --memcheck -q build/guest/hash 2>&1 >/dev/null | sed '/^instructions/,$d'
vmlab: --memcheck: build/guest/hash has a malloc that does not tell the checker of its blocks: they are not checked (give vmlab the program's .c file to link it with the checked malloc)
