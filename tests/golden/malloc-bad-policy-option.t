$ vmlab run --malloc fastest tests/guest/malloc_policies.c
vmlab: --malloc fastest: expects first, next, best or worst
[2]
