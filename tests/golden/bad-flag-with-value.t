$ echo 'R 0' | vmlab trace --json=yes
vmlab: --json takes no value
[2]
