$ vmlab exercise relocation -s 1 --check tests/data/exercise/relocation-too-many.txt
tests/data/exercise/relocation-too-many.txt:6: an answer beyond the last question (there are 5)
tests/data/exercise/relocation-too-many.txt:7: an answer beyond the last question (there are 5)
score 5/5 (and 2 answers beyond the last question)
[1]
