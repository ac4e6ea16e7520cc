$ vmlab run --vmstat 50ms --ram 1m --swap-size 8m examples/swap.c 2>&1 | sed '/^instructions/,$d'
procs --memory (KiB)-- --swap (pages/s)- ---faults/s---- -TLB/s- --cpu %--
 r  b     swpd     free       si       so    minor    major  misses us sy id
 1  0      552        0        0     2691     7643       97   15519 71 29  0
 1  0     1568        0        0     5138     5138        0   10316 48 52  0
 1  0     2584        0        0     5138     5138        0   10316 48 52  0
wrote 4 MiB
 1  0     3432        0     1674     4225     2511     1714    8489 40 60  0
 1  0     4108        0     3323     3266        0     3323    6685 34 66  0
 1  0     4108        0     4932        0        0     4932    9865 50 50  0
 1  0     4108        0     4924        0        0     4924    9887 50 50  0
 1  0     4108        0     4932        0        0     4932    9906 50 50  0
read it back: OK
 0  0        0     1024     4920        0        0     5249   10716 47 53  0
