$ echo 'R 0' | vmlab trace --pt linear --va-bits 65
vmlab: --va-bits 65: must be a number from 3 to 64
[2]
