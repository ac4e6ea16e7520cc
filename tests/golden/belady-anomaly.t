$ for f in 3 4; do echo '1 2 3 4 1 2 5 1 2 3 4 5' | vmlab trace --frames $f --policy fifo | grep 'page faults'; done
page faults       9 (9 minor, 0 major)
page faults       10 (10 minor, 0 major)
