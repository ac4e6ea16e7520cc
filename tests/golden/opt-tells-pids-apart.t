$ printf '1 R 0x1000\n4097 R 0x2000\n1 R 0x3000\n4097 R 0x1000\n1 R 0x2000\n1 R 0x1000\n' | vmlab trace --frames 2 --policy opt | grep 'page faults'
page faults       5 (5 minor, 0 major)
