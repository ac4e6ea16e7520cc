$ printf '1 R 0x1000\n1 R 0x1008\n1 R 0x1040\n1 W 0x1000 8\n' | vmlab trace --cache-l1 128:2 | grep -E 'memory refs|simulated'
memory refs       L1 2, L2 4, L3 0, DRAM 5
simulated time    0.001 ms (effective access time 355.8 ns)
