$ vmlab exercise sv39 -a 513
vmlab: exercise sv39: -a 513: the number of 4 KiB pages must be 0 to 512
[2]
