$ vmlab run --json --tlb-entries 16 --tlb-ways 0 examples/tlb.c 2>&1 | grep -v '^{'; exit ${PIPESTATUS[0]}
pages    1:  185.7 ns per access
pages    2:  178.9 ns per access
pages    4:  175.4 ns per access
pages    8:  173.7 ns per access
pages   16:  413.5 ns per access
pages   32:  412.7 ns per access
pages   64:  412.4 ns per access
pages  128:  412.2 ns per access
pages  256:  412.1 ns per access
pages  512:  412.0 ns per access
pages 1024:  412.0 ns per access
