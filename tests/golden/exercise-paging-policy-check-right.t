$ vmlab exercise paging-policy -s 0 -p LRU --check tests/data/exercise/paging-policy-lru-right.txt
score 10/10
