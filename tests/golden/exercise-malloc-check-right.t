$ vmlab exercise malloc -s 0 --check tests/data/exercise/malloc-s0-right.txt
score 10/10
