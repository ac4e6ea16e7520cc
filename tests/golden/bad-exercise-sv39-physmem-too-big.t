$ vmlab exercise sv39 -p 8g
vmlab: exercise sv39: -p 8g: physical memory must be a positive multiple of 4 KiB, at most 4g
[2]
