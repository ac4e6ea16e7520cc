$ echo 'R 0' | vmlab trace --ram
vmlab: --ram needs a value (SIZE)
[2]
