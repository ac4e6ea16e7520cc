$ vmlab exercise tlb -s 1 -l 0 -m 1024 -c | tail -2
FINALSTATS hits 0  misses 10  hit rate 0.00%  total 1610 ns  EAT 161.00 ns
