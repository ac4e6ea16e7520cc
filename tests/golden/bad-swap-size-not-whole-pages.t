$ echo 'W 0' | vmlab trace --swap-size 1000
vmlab: --swap-size 1000: must be from 0 (no swap) to 268435456 pages of 4 KiB (1 TiB), such as 64m
[2]
