$ vmlab run --vmstat 5ms --ram 1m --swap-size 8m examples/swap.c 2>&1 | grep -c '^procs'
5
