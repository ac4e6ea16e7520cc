$ echo 'R 0' | vmlab trace --frames 0
vmlab: --frames 0: must be a number from 1 to 268435456 (1 TiB of 4 KiB frames)
[2]
