$ echo 'R 0' | vmlab trace --mmu base-bounds --fit good
vmlab: --fit good: expects first, next, best or worst
[2]
