$ vmlab run "tests/programs/forkloop.c 300" 2>&1 | sed -n '1p;/^    1 /p;/^  256 /,$p'; vmlab run --json "tests/programs/forkloop.c 300" | grep -o '"more_processes": {[^}]*}'
forkloop: 300 children forked and reaped
    1 forkloop                25968      33901       1211     306        0       0    0  exit 0
  256 forkloop                   17         17          2       0        0       0    0  exit 254
+45 more                        765        765         90       0        0       0    0  all ended
"more_processes": {"count": 45, "resident": 0, "swapped": 0, "faults": 0, "killed": false, "instructions": 765, "tlb_hits": 765, "tlb_misses": 90, "cow_copies": 0, "running": false}
