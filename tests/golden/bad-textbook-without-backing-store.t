$ vmlab trace --format textbook ../shared/data/vmm-textbook/addresses.txt
vmlab: --format textbook needs --backing-store FILE
[2]
