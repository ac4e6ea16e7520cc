$ echo 'R 0' | vmlab trace --ram 1m --frames 4
vmlab: give --ram or --frames, not both
[2]
