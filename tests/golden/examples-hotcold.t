$ for p in fifo lru clock; do vmlab run --ram 64k --policy $p examples/hotcold.c 2>&1 | grep -E "rounds|page faults|^ +1 "; done
8 rounds over 48 cold pages: sum 3072
page faults       448 (52 minor, 396 major)
    1 hotcold                 10132      13178        896     448        0       0    0  exit 0
8 rounds over 48 cold pages: sum 3072
page faults       397 (52 minor, 345 major)
    1 hotcold                 10132      13204        794     397        0       0    0  exit 0
8 rounds over 48 cold pages: sum 3072
page faults       397 (52 minor, 345 major)
    1 hotcold                 10132      13093        905     397        0       0    0  exit 0
