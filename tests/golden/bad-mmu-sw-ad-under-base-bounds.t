$ echo 'R 0' | vmlab trace --mmu base-bounds --sw-ad
vmlab: --sw-ad: base-bounds has no page tables
[2]
