$ echo 'R 0' | vmlab trace --pt sv39 --pte-size 4
vmlab: --pte-size 4: --pt sv39 has 8-byte entries (use --pt custom)
[2]
