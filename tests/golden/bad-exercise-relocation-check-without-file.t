$ vmlab exercise relocation -s 1 --check
vmlab: exercise relocation: --check needs a FILE of answers
[2]
