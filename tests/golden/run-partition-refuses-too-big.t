$ vmlab run --mmu partition --ram 1m --partitions 16 tests/data/elf/hello.elf
vmlab: tests/data/elf/hello.elf: its segments end at 0x14000, beyond 0xc000 (the partition address space of 0x10000 bytes less 0x4000 for the stack); partition needs code and data at the bottom of the address space, from 0: give vmlab the .c file, or link it with -Ttext=0 (or use fewer --partitions)
[2]
