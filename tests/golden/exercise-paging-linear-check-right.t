$ vmlab exercise paging-linear -s 5 --check tests/data/exercise/paging-linear-right.txt
score 5/5
