$ head -c 1000 ../shared/data/vmm-textbook/BACKING_STORE.bin > /tmp/vmlab-short.bin; vmlab trace --backing-store /tmp/vmlab-short.bin --pt linear --page-size 256 --va-bits 16 ../shared/data/vmm-textbook/addresses.txt
vmlab: --backing-store /tmp/vmlab-short.bin: holds 1000 bytes but the 16-bit address space needs 65536
[2]
