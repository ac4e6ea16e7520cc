$ vmlab run --json --tlb-entries 16 --tlb-ways 0 examples/tlb.c 2>&1 | grep -v '^{'; exit ${PIPESTATUS[0]}
pages    1:  183.5 ns per access
pages    2:  177.8 ns per access
pages    4:  174.9 ns per access
pages    8:  173.4 ns per access
pages   16:  413.3 ns per access
pages   32:  412.7 ns per access
pages   64:  412.3 ns per access
pages  128:  412.2 ns per access
pages  256:  412.1 ns per access
pages  512:  412.0 ns per access
pages 1024:  412.0 ns per access
