$ vmlab run --mmu segmentation tests/data/elf/hello.elf
vmlab: tests/data/elf/hello.elf: segment 2 (writable) at 0x11148-0x13150 lies outside the heap segment [0x40000000, 0x80000000); segmentation needs code and read-only data in the code segment from 0 and data and bss in the heap segment from 0x40000000: give vmlab the .c file, or link it with -Ttext=0 and its data at 0x40000000
[2]
