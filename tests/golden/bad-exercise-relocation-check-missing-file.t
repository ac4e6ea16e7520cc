$ vmlab exercise relocation -s 1 --check tests/data/exercise/no-such-answers.txt
vmlab: exercise relocation: --check tests/data/exercise/no-such-answers.txt: No such file or directory
[2]
