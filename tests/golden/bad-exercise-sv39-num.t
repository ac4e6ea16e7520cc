$ vmlab exercise sv39 -n -1
vmlab: exercise sv39: -n -1: the number of accesses must be 0 or more
[2]
