$ printf 'R 0x1000\nR 0x1008\nW 0x1010\n' | vmlab trace --tlb-refill sw -v | head -n 3
pid 0 R 0x1000: vpn 0x1 offset 0x0 | TLB miss | fault: not present (invalid PTE at level 2) -> demand-zero (new region), frame 0 | TLB refill by the kernel | walk 4 refs | pa 0x0
pid 0 R 0x1008: vpn 0x1 offset 0x8 | TLB hit | walk 0 refs | pa 0x8
pid 0 W 0x1010: vpn 0x1 offset 0x10 | TLB hit | TLB refill by the kernel | walk 3 refs | pa 0x10
