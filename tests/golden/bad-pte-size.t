$ echo 'R 0' | vmlab trace --pt custom --pt-bits 10,10 --pte-size 2
vmlab: --pte-size 2: must be 4 or 8 (bytes per entry)
[2]
