$ vmlab run --vmstat 2ms 'tests/programs/nap.c 7' 'tests/programs/nap.c 3' 2>&1 | sed '/^instructions/,$d'
procs --memory (KiB)-- --swap (pages/s)- ---faults/s---- -TLB/s- --cpu %--
 r  b     swpd     free       si       so    minor    major  misses us sy id
 1  1        0    16352        0        0      553     1660    4426  0 17 83
nap: pid 2 slept 3 ms
 1  0        0    16368        0        0        0      271     541  2  3 95
nap: pid 1 slept 7 ms
 0  0        0    16384        0        0        0     5511   11023 44 56  0
