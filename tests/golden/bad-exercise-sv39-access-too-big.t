$ vmlab exercise sv39 -A 0x10000000000000000:load
vmlab: exercise sv39: -A: access 1: "0x10000000000000000" is not an address (decimal or 0x-hex, at most 64 bits)
[2]
