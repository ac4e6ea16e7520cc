$ vmlab trace --format textbook --backing-store /nonexistent/store.bin --pt linear --page-size 256 --va-bits 16 ../shared/data/vmm-textbook/addresses.txt
vmlab: /nonexistent/store.bin: cannot open the backing store: No such file or directory
[2]
