$ echo 'R 0' | vmlab trace --pt linear --page-size 1000
vmlab: --page-size 1000: must be a power of two from 4 bytes to 1 GiB
[2]
