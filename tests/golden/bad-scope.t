$ echo 'R 0' | vmlab trace --scope world
vmlab: --scope world: expects global or local
[2]
