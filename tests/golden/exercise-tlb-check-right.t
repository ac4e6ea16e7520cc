$ vmlab exercise tlb -s 1 --check tests/data/exercise/tlb-s1-right.txt
score 13/13
