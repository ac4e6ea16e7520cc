$ echo 'R 0' | vmlab trace --ram 2t
vmlab: --ram 2t: must be from 1 to 268435456 pages of 4 KiB (4 KiB to 1 TiB), such as 64k, 16m or 1g
[2]
