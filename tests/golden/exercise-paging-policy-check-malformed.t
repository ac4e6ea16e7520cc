$ vmlab exercise paging-policy -s 0 -p LRU --check tests/data/exercise/paging-policy-lru-malformed.txt
tests/data/exercise/paging-policy-lru-malformed.txt:3: "maybe" is not an answer: expected one of: hit miss
question 3, Access: 4: line 3 cannot be read; the answer is miss
    page 4 is not in memory [8, 7]: a miss
    the cache holds 2 of 3 pages: no replacement
    memory [8, 7] -> [8, 7, 4]
tests/data/exercise/paging-policy-lru-malformed.txt:11: an answer beyond the last question (there are 10)
score 9/10 (and 1 answer beyond the last question)
[1]
