$ vmlab trace --format textbook --backing-store ../shared/data/vmm-textbook/BACKING_STORE.bin --page-size 256 --tlb-entries 16 --pt linear --va-bits 16 ../shared/data/vmm-textbook/addresses.txt --frames 128 --tlb-policy fifo --policy fifo | tail -n 7
Virtual address: 45563 Physical address: 6395 Value: 126
Virtual address: 12107 Physical address: 6475 Value: -46
Number of Translated Addresses = 1000
Page Faults = 538
Page Fault Rate = 0.538
TLB Hits = 54
TLB Hit Rate = 0.054
