$ vmlab exercise sv39 -s 92 -a 12 -A "$(cat tests/data/exercise/sv39-accesses.txt)" --check tests/data/exercise/sv39-right.txt
score 22/22
