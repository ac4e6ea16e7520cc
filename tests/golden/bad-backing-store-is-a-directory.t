$ vmlab trace --backing-store /tmp --pt linear --page-size 256 --va-bits 16 ../shared/data/vmm-textbook/addresses.txt
vmlab: --backing-store /tmp: is a directory, not a file
[2]
