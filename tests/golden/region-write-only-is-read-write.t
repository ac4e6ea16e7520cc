$ printf 'W 0x1000\nR 0x1008\n' | vmlab trace --strict --region 0x1000-0x2000:w -v | head -n 2
pid 0 W 0x1000: vpn 0x1 offset 0x0 | TLB miss | fault: not present (invalid PTE at level 2) -> demand-zero, frame 0 | walk 4 refs | pa 0x0
pid 0 R 0x1008: vpn 0x1 offset 0x8 | TLB hit | walk 0 refs | pa 0x8
