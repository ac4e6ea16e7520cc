$ vmlab exercise relocation -s 1 --check tests/data/exercise/relocation-right.txt --json
vmlab: exercise relocation: --explain, --check and --json go one at a time
[2]
