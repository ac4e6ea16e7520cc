$ echo 'R 0x10000' | vmlab trace --pt linear --page-size 256 --va-bits 16
vmlab: <stdin>:1: address 0x10000 (size 1) is beyond the 16-bit virtual address space of linear
[2]
