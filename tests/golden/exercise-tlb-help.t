$ vmlab exercise tlb -h
Usage: vmlab exercise tlb [options]

Options:
  -h, --help            show this help message and exit
  -s SEED, --seed=SEED  the random seed
  -e ENTRIES, --entries=ENTRIES
                        number of TLB entries
  -w WAYS, --ways=WAYS  ways per set (1: direct-mapped; the entries: fully
                        associative)
  -p POLICY, --policy=POLICY
                        replacement policy: LRU, FIFO, RANDOM or PLRU
  -P PAGESIZE, --pagesize=PAGESIZE
                        page size (e.g., 16, 4k, 2m)
  -a ADDRESSES, --addresses=ADDRESSES
                        a set of comma-separated virtual addresses (decimal or
                        0x-hex) to access; -1 means randomly generate
  -n NUMADDRS, --numaddrs=NUMADDRS
                        if -a (--addresses) is -1, the number of addresses to
                        generate
  -m MAXPAGE, --maxpage=MAXPAGE
                        if -a is -1, the generated VPNs are below this
  -W WORKINGSET, --workingset=WORKINGSET
                        if -a is -1, the pages of the working set
  -l LOCALITY, --locality=LOCALITY
                        if -a is -1, the percentage of accesses to the working
                        set (the others go to a random page, which joins it)
  -L LEVELS, --levels=LEVELS
                        page-table levels a TLB miss reads from memory
  -c, --compute         compute answers for me
