$ vmlab run --json
vmlab: run: name at least one program (try 'vmlab run --help')
[2]
