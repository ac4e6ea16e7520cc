$ vmlab run --json examples/cow.c 2>&1 | grep -o '^[a-z].*\|"pid": [0-9]*\|"cow_copies": [0-9]*'; exit ${PIPESTATUS[0]}
parent: 64 pages filled, sum 65536
child:  wrote one int in each of 16 pages, sum 81520
parent: after the child's writes, sum 65536 (its pages were never touched)
parent: wrote one int in each of its 64 pages, sum 65600
"cow_copies": 18
"pid": 1
"cow_copies": 0
"pid": 2
"cow_copies": 18
