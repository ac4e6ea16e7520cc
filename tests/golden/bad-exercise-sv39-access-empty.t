$ vmlab exercise sv39 -A 0x1000:load,,0x2000:load
vmlab: exercise sv39: -A: access 2 is empty
[2]
