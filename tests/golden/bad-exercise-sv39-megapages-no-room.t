$ vmlab exercise sv39 -m 2 -p 3m
vmlab: exercise sv39: -p 3m: 2 megapages need as many 2 MiB-aligned 2 MiB runs of physical memory; it has 1
[2]
