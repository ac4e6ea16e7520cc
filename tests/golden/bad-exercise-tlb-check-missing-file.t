$ vmlab exercise tlb --check tests/data/exercise/no-such-file.txt
vmlab: exercise tlb: --check tests/data/exercise/no-such-file.txt: No such file or directory
[2]
