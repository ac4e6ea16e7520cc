$ vmlab exercise segmentation -s 1 --check tests/data/exercise/segmentation-right.txt
score 5/5
