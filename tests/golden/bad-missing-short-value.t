$ echo 'R 0' | vmlab trace -s
vmlab: -s needs a value (SEED)
[2]
