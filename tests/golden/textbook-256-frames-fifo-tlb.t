$ vmlab trace --format textbook --backing-store ../shared/data/vmm-textbook/BACKING_STORE.bin --page-size 256 --tlb-entries 16 --pt linear --va-bits 16 ../shared/data/vmm-textbook/addresses.txt --frames 256 --tlb-policy fifo > /tmp/vmlab-tb.out; head -n 1000 /tmp/vmlab-tb.out | cmp - ../shared/data/vmm-textbook/correct.txt && echo identical to correct.txt; tail -n 5 /tmp/vmlab-tb.out
identical to correct.txt
Number of Translated Addresses = 1000
Page Faults = 244
Page Fault Rate = 0.244
TLB Hits = 54
TLB Hit Rate = 0.054
