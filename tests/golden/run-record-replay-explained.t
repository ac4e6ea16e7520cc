$ f=$(mktemp); vmlab run --record $f build/guest/exitcode 2>/dev/null; vmlab trace -v $f | grep -v "TLB hit |"; rm -f $f
exitcode: returning 42 from main
pid 1 W 0x3fffffff70: vpn 0x3ffffff offset 0xf70 | TLB miss | fault: not present (invalid PTE at level 2) -> demand-zero (new region), frame 0 | the program makes it again
pid 1 W 0x3fffffff70: vpn 0x3ffffff offset 0xf70 | TLB miss | walk 3 refs | pa 0xf70
pid 1 X 0x10000: vpn 0x10 offset 0x0 | TLB miss | fault: not present (invalid PTE at level 2) -> demand-zero (new region), frame 1 | the program makes it again
pid 1 X 0x10000: vpn 0x10 offset 0x0 | TLB miss | walk 3 refs | pa 0x1000
pid 1 W 0x13058: vpn 0x13 offset 0x58 | TLB miss | fault: not present (invalid PTE at level 0) -> demand-zero, frame 2 | the program makes it again
pid 1 W 0x13058: vpn 0x13 offset 0x58 | TLB miss | walk 3 refs | pa 0x2058
pid 1 X 0x114e4: vpn 0x11 offset 0x4e4 | TLB miss | fault: not present (invalid PTE at level 0) -> demand-zero, frame 3 | the program makes it again
pid 1 X 0x114e4: vpn 0x11 offset 0x4e4 | TLB miss | walk 3 refs | pa 0x34e4
pid 1 R 0x121e8: vpn 0x12 offset 0x1e8 | TLB miss | fault: not present (invalid PTE at level 0) -> demand-zero, frame 4 | the program makes it again
pid 1 R 0x121e8: vpn 0x12 offset 0x1e8 | TLB miss | walk 3 refs | pa 0x41e8
pid 1 empties its address space (exit or exec)
references        3544
TLB hits          3534 (99.7%)
TLB misses        10
page-walk refs    26
page faults       5 (5 minor, 0 major)
evictions         0 (0 dirty written back)
swap ins / outs   0 / 0
TLB shootdowns    1
page-table frames 7 (at most 7)
simulated time    0.097 ms (effective access time 27.3 ns)
process  resident  swapped  faults
      1         0        0       5
