$ echo 'R 0' | vmlab trace --pt linear --va-bits 0
vmlab: --va-bits 0: must be a number from 3 to 64
[2]
