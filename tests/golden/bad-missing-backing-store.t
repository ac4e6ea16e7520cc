$ vmlab trace --format textbook --backing-store /nonexistent/store.bin --pt linear --page-size 256 --va-bits 16 ../shared/data/vmm-textbook/addresses.txt
vmlab: --backing-store /nonexistent/store.bin: No such file or directory
[2]
