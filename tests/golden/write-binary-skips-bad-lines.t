$ f=$(mktemp); printf "R 0x1000\ngarbage\nW 0x2000 8\n" | vmlab trace --skip-bad --write-binary $f > /dev/null; vmlab trace -v $f; rm -f $f
vmlab: <stdin>:2: expected [pid] R|W|X address [size]: 'garbage'
pid 0 R 0x1000: vpn 0x1 offset 0x0 | TLB miss | fault: not present (invalid PTE at level 2) -> demand-zero (new region), frame 0 | walk 4 refs | pa 0x0
pid 0 W 0x2000: vpn 0x2 offset 0x0 | TLB miss | fault: not present (invalid PTE at level 0) -> demand-zero, frame 1 | walk 6 refs | pa 0x1000
references        2
TLB hits          0 (0.0%)
TLB misses        2
page-walk refs    10
page faults       2 (2 minor, 0 major)
evictions         0 (0 dirty written back)
swap ins / outs   0 / 0
TLB shootdowns    0
page-table frames 5 (at most 5)
simulated time    0.003 ms (effective access time 1482.0 ns)
process  resident  swapped  faults
      0         2        0       2
