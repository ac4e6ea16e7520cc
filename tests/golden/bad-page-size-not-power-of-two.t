$ echo 'R 0' | vmlab trace --pt linear --page-size 1000
vmlab: --page-size 1000 is not a power of two
[2]
