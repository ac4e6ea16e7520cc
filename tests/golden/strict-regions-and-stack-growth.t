$ printf 'R 0x1000\nW 0x7fffeff8 8\nW 0x1000000\n' | vmlab trace --strict --region 0x1000-0x2000:r --region 0x7ffff000-0x80000000:rws | tail -n 3
vmlab: pid 0: segmentation fault: write of 0x1000000 (no region): no region contains the address
simulated time    0.004 ms (effective access time 1321.7 ns)
process  resident  swapped  faults
      0         0        0       2  killed
