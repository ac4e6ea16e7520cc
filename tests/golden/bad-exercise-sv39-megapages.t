$ vmlab exercise sv39 -m 9
vmlab: exercise sv39: -m 9: the number of 2 MiB megapages must be 0 to 8
[2]
