$ printf 'R 0x1000\nR 0x2000\nR 0x1000\nR 0x3000\nR 0x2000\n' | vmlab trace --frames 2 --policy mru -v | head -5
pid 0 R 0x1000: vpn 0x1 offset 0x0 | TLB miss | fault: not present (invalid PTE at level 2) -> demand-zero (new region), frame 0 | walk 4 refs | pa 0x0
pid 0 R 0x2000: vpn 0x2 offset 0x0 | TLB miss | fault: not present (invalid PTE at level 0) -> demand-zero, frame 1 | walk 6 refs | pa 0x1000
pid 0 R 0x1000: vpn 0x1 offset 0x0 | TLB hit | walk 0 refs | pa 0x0
pid 0 R 0x3000: vpn 0x3 offset 0x0 | TLB miss | fault: not present (invalid PTE at level 0) -> demand-zero, frame 0, evicting pid 0 va 0x1000 (clean, dropped) | walk 6 refs | pa 0x0
pid 0 R 0x2000: vpn 0x2 offset 0x0 | TLB hit | walk 0 refs | pa 0x1000
