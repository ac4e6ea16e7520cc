$ echo 'R 0x1000' | vmlab trace --pt linear --page-size 256 --va-bits 16 --region 1:0xff00-0x10100:rw
vmlab: --region 1:0xff00-0x10100:rw: region 0xff00-0x10100 does not lie in the 16-bit virtual address space of linear
[2]
