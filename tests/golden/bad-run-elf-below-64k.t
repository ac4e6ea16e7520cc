$ d=$(mktemp -d) && riscv64-unknown-elf-gcc -O2 -march=rv64imac -mabi=lp64 -static -nostdlib -ffreestanding -Wl,-Ttext-segment=0x1000 -o "$d/low.elf" tests/data/elf/hello.c && cd "$d" && vmlab run low.elf; s=$?; rm -rf "$d"; exit $s
vmlab: low.elf: segment 1 at 0x1000 lies below 0x10000, the lowest address a program may map (as Linux's vm.mmap_min_addr; link it higher, as riscv64-unknown-elf-gcc does by default at 0x10000)
[2]
