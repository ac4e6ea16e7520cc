$ echo 'W 0' | vmlab trace --swap-size 2t
vmlab: --swap-size 2t: must be from 0 (no swap) to 268435456 pages of 4 KiB (1 TiB), such as 64m
[2]
