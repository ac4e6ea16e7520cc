$ vmlab run --malloc worst tests/guest/malloc_policies.c 2>/dev/null
policy: worst
the rest of the heap is plugged: yes
hole 0: a 128-byte block at +0
hole 1: a 64-byte block at +176
hole 2: a 256-byte block at +288
hole 3: a 96-byte block at +592
malloc(224) -> +288
malloc(48) -> +0
malloc(32) -> +592
after freeing everything, malloc(100) -> +0 (one free block again)
realloc(p, 200) grows into the free neighbour: yes
realloc(p, 40) shrinks in place: yes
malloc(48) -> +384
realloc(p, 500) moves: yes
  and keeps the contents: yes
realloc(p, 0) frees it: yes
calloc(100000, 3) is mapped outside the heap and zeroed: yes
malloc(200000) is mapped outside the heap: yes
realloc of a mapped block to 150000 keeps it: yes
calloc(SIZE_MAX / 2, 3) fails: yes
malloc(SIZE_MAX) fails: yes
