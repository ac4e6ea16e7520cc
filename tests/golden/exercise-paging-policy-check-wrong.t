$ vmlab exercise paging-policy -s 0 -p LRU --check tests/data/exercise/paging-policy-lru-wrong.txt
question 6, Access: 4: you answered miss; the answer is hit
    page 4 is in memory [4, 2, 5]: a hit
    memory [4, 2, 5] -> [2, 5, 4]
question 10, Access: 5: no answer; the answer is miss
    page 5 is not in memory [7, 3, 4]: a miss
    the cache is full (3 pages): LRU chooses a page to replace
    LRU replaces page 7, the least recently used (last at access 7)
    memory [7, 3, 4] -> [3, 4, 5]
score 8/10
[1]
