$ printf '1 R 0x1000\nhello\n\n# x\n2 W 0x8000000000 8\n1 R 0x2000 8\n2 R 0x3fffffffff 2\n1 W 0x1000\n' | vmlab trace --policy opt --frames 1 --skip-bad -v 2>&1 | head -n 9
vmlab: <stdin>:2: expected [pid] R|W|X address [size]: 'hello'
vmlab: <stdin>:5: address 0x8000000000 (size 8) is beyond the 39-bit virtual address space of sv39
vmlab: <stdin>:7: address 0x3fffffffff (size 2) is beyond the 39-bit virtual address space of sv39
pid 1 R 0x1000: vpn 0x1 offset 0x0 | TLB miss | fault: not present (invalid PTE at level 2) -> demand-zero (new region), frame 0 | walk 4 refs | pa 0x0
pid 1 R 0x2000: vpn 0x2 offset 0x0 | TLB miss | fault: not present (invalid PTE at level 0) -> demand-zero, frame 0, evicting pid 1 va 0x1000 (clean, dropped) | walk 6 refs | pa 0x0
pid 1 W 0x1000: vpn 0x1 offset 0x0 | TLB miss | fault: not present (invalid PTE at level 0) -> demand-zero, frame 0, evicting pid 1 va 0x2000 (clean, dropped) | walk 6 refs | pa 0x0
references        3
TLB hits          0 (0.0%)
TLB misses        3
