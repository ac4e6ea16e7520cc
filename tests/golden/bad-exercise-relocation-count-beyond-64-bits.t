$ vmlab exercise relocation -n 100000000000000000000
vmlab: exercise: option -n: 100000000000000000000: integers beyond 64 bits are not simulated (relocation.py takes them)
[1]
