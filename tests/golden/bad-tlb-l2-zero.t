$ echo 'R 0' | vmlab trace --tlb-l2 0
vmlab: --tlb-l2 0: expects ENTRIES[:WAYS], ENTRIES from 1 to 65536 and WAYS from 0 (fully associative) to 65536
[2]
