$ vmlab exercise sv39 -A 0x1000:load,0x2000:read
vmlab: exercise sv39: -A: access 2: unknown access type "read" (load, store or fetch)
[2]
