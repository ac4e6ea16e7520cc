$ echo 'R 0' | vmlab trace --pt linear --page-size 2g
vmlab: --page-size 2g: must be a power of two from 4 bytes to 1 GiB
[2]
