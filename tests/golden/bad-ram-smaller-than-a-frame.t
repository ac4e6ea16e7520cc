$ echo 'R 0' | vmlab trace --ram 1000
vmlab: RAM of 1000 bytes is smaller than one 4096-byte frame
[2]
