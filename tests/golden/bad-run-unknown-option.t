$ vmlab run tests/programs/hello.c --frobnicate
vmlab: run: unknown option '--frobnicate' (try 'vmlab run --help')
[2]
