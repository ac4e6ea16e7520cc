$ vmlab trace --format textbook --backing-store ../shared/data/vmm-textbook/BACKING_STORE.bin --page-size 256 --tlb-entries 16 --pt linear --va-bits 16 ../shared/data/vmm-textbook/addresses.txt --frames 256 --tlb-policy lru | tail -n 5
Number of Translated Addresses = 1000
Page Faults = 244
Page Fault Rate = 0.244
TLB Hits = 55
TLB Hit Rate = 0.055
