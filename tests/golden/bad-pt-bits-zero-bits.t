$ echo 'R 0' | vmlab trace --pt custom --pt-bits 9,0,9
vmlab: --pt-bits 9,0,9: expects 1 to 6 levels of index bits, root first (9,9,9), each from 1 to 32
[2]
