$ vmlab exercise sv39 -p 1000
vmlab: exercise sv39: -p 1000: physical memory must be a positive multiple of 4 KiB, at most 4g
[2]
