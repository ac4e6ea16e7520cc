$ echo '7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1' | vmlab trace --frames 3 --policy mru | grep 'page faults'
page faults       16 (16 minor, 0 major)
