$ echo 'R 0' | vmlab trace -x
vmlab: trace: unknown option '-x' (try 'vmlab trace --help')
[2]
