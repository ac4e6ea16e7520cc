$ echo 'R 0' | vmlab trace --pt custom --pt-bits 2,2,2,2,2,2,2
vmlab: --pt-bits 2,2,2,2,2,2,2: expects 1 to 6 levels of index bits, root first (9,9,9), each from 1 to 32
[2]
