$ echo 'R 0' | vmlab trace --frames 300000000
vmlab: --frames 300000000: must be a number from 1 to 268435456 (1 TiB of 4 KiB frames)
[2]
