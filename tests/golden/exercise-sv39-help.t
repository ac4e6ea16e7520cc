$ vmlab exercise sv39 -h
Usage: vmlab exercise sv39 [options]

vmlab's own exercise: a RISC-V Sv39 page table (privileged spec, section Sv39)
in simulated physical memory, built by vmlab's page-table code with random 4
KiB pages and 2 MiB megapages, mixed R/W/X/U permissions, some A or D bits
clear, some invalid and some reserved (W without R) entries. It prints satp's
root PPN and the non-zero entries of every page-table page, then accesses (VA,
load/store/fetch, user or supervisor mode) to translate by hand: to a physical
address, or a page fault. The answers (-c) come from vmlab's MMU. A/D bits are
managed by software (Svade): the hardware never sets them, and an access to a
page with A=0, or a store to one with D=0, is a page fault. sstatus.SUM and
MXR are 0: the supervisor cannot touch user pages.

Options:
  -h, --help            show this help message and exit
  -s SEED, --seed=SEED  the random seed
  -a ALLOCATED, --allocated=ALLOCATED
                        number of 4 KiB pages mapped
  -m MEGAPAGES, --megapages=MEGAPAGES
                        number of 2 MiB megapages mapped
  -p PSIZE, --physmem=PSIZE
                        physical memory size (e.g., 64k, 16m, 1g)
  -n NUM, --addresses=NUM
                        number of accesses to generate
  -A ACCESSES, --accesses=ACCESSES
                        a set of comma-separated accesses VA:TYPE[:MODE] (TYPE
                        load, store or fetch; MODE user or supervisor, user if
                        left out); -1 means randomly generate
  -c, --compute         compute answers for me
