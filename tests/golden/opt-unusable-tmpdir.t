$ printf 'R 0x1000\n' | TMPDIR=/nonexistent-dir vmlab trace --policy opt --swap-size 0
vmlab: opt: cannot create a temporary file in /nonexistent-dir: No such file or directory
[2]
