$ vmlab trace --format lackey tests/data/trace/lackey_hello.txt | head -n 5
references        50
TLB hits          43 (86.0%)
TLB misses        7
page-walk refs    39
page faults       7 (7 minor, 0 major)
