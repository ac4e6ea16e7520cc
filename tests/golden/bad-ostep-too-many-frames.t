$ echo 'R 0' | vmlab trace --pt ostep-2level --frames 128
vmlab: --frames 128: must be a number from 1 to 127 (the most frames ostep-2level page-table entries can name)
[2]
