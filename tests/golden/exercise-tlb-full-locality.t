$ vmlab exercise tlb -s 1 -l 100 -W 2 -n 20 -c | tail -2
FINALSTATS hits 18  misses 2  hit rate 90.00%  total 1780 ns  EAT 89.00 ns
