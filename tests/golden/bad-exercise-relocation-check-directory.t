$ vmlab exercise relocation -s 1 --check tests/data/exercise
vmlab: exercise relocation: --check tests/data/exercise: Is a directory
[2]
