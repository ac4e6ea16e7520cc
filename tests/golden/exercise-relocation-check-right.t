$ vmlab exercise relocation -s 1 --check tests/data/exercise/relocation-right.txt
score 5/5
