$ vmlab run --json --show-mmu tests/data/elf/hello.elf 2>&1 | grep -v '^{'
hello from vmlab
vmlab: pid 1 (hello.elf) exits; its page table:
page table 0x1004000 (sv39)
 ..0: pte 0x0000000000402401 pa 0x1009000
 .. ..0: pte 0x0000000000402801 pa 0x100a000
 .. .. ..16: pte 0x000000000000045b pa 0x1000 VR-XU-A- va 0x10000
 .. .. ..17: pte 0x0000000000000c57 pa 0x3000 VRW-U-A- va 0x11000
 .. .. ..19: pte 0x00000000000008d7 pa 0x2000 VRW-U-AD va 0x13000
 ..255: pte 0x0000000000401c01 pa 0x1007000
 .. ..511: pte 0x0000000000402001 pa 0x1008000
 .. .. ..511: pte 0x00000000000000d7 pa 0x0 VRW-U-AD va 0x3ffffff000
 ..511: pte 0x0000000000401401 pa 0x1005000
 .. ..511: pte 0x0000000000401801 pa 0x1006000
 .. .. ..508: pte 0x00000000004000ef pa 0x1000000 VRWX-GAD va 0xffffffffffffc000
 .. .. ..509: pte 0x00000000004004ef pa 0x1001000 VRWX-GAD va 0xffffffffffffd000
 .. .. ..510: pte 0x00000000004008ef pa 0x1002000 VRWX-GAD va 0xffffffffffffe000
 .. .. ..511: pte 0x0000000000400cef pa 0x1003000 VRWX-GAD va 0xfffffffffffff000
