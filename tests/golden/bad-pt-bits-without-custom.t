$ echo 'R 0' | vmlab trace --pt-bits 10,10,10
vmlab: --pt-bits 10,10,10: --pt sv39 has 9,9,9 (use --pt custom)
[2]
