$ echo 'R 0x1000' | vmlab trace --pt linear --page-size 256 --va-bits 16 --region 0x1000-0x1080
vmlab: --region 0x1000-0x1080: region 0x1000-0x1080 is not page-aligned (pages of 256 bytes)
[2]
