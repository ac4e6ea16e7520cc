$ echo 'R 0x1000' | vmlab trace --cache-l3 12m
vmlab: L3 cache sets (12582912 bytes / 1024 per set = 12288) must be a power of two
[2]
