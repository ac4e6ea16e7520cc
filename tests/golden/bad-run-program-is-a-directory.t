$ vmlab run examples
vmlab: run: program examples: is a directory, not a file
[2]
