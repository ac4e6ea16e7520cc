$ echo 'R 0' | vmlab trace --pt linear --page-size 256 --va-bits 16 --ram 100
vmlab: --ram 100: must be from 1 to 4194303 pages of 256 bytes (256 bytes to 1073741568 bytes), such as 64k, 16m or 1g
[2]
