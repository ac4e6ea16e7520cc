$ (for i in $(seq 0 40); do printf '1 W 0x%x\n' $((0x100000 + i * 4096)); done; printf '2 W 0x1000\n2 R 0x1000\n') | vmlab trace --frames 8 --swap-size 32k | tail -n 3
vmlab: pid 1: out of memory: killed process 1 holding 16 pages (8 resident, 8 in swap)
process  resident  swapped  faults
      1         0        0      16  killed
      2         1        0       1
