$ vmlab trace --frobnicate
vmlab: trace: unknown option '--frobnicate' (try 'vmlab trace --help')
[2]
