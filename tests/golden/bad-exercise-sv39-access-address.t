$ vmlab exercise sv39 -A 0x1000:load,0xzz:load
vmlab: exercise sv39: -A: access 2: "0xzz" is not an address (decimal or 0x-hex, at most 64 bits)
[2]
