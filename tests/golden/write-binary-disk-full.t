$ vmlab trace --format lackey --write-binary /dev/full tests/data/trace/lackey_hello.txt
vmlab: --write-binary /dev/full: write error: No space left on device
references        50
TLB hits          43 (86.0%)
TLB misses        7
page-walk refs    39
page faults       7 (7 minor, 0 major)
evictions         0 (0 dirty written back)
swap ins / outs   0 / 0
TLB shootdowns    0
page-table frames 9 (at most 9)
simulated time    0.011 ms (effective access time 227.5 ns)
process  resident  swapped  faults
      0         7        0       7
[1]
