$ echo 'R 0' | vmlab trace --mmu partition --pt sv48
vmlab: --pt: partition has no page tables
[2]
