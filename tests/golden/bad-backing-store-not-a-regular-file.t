$ vmlab trace --backing-store /dev/null --pt linear --page-size 256 --va-bits 16 ../shared/data/vmm-textbook/addresses.txt
vmlab: --backing-store /dev/null: not a regular file
[2]
