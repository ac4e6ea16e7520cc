$ vmlab exercise tlb -s 1 -L 4 -n 4 --explain | sed -n '/^[0-9]*\. total/,$p'
7. total time (ns): 1604
   every access: a TLB lookup (1 ns) and its memory reference (80 ns): 4 x 81 = 324 ns
   every miss: 4 page-table reads (80 ns each): 4 x 4 x 80 = 1280 ns
   total 1604 ns; effective access time = 1604 / 4 = 401.00 ns
