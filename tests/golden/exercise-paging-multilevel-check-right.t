$ vmlab exercise paging-multilevel -s 1 --check tests/data/exercise/paging-multilevel-right.txt
score 10/10
