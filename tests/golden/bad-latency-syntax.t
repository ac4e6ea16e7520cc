$ echo 'R 0' | vmlab trace --latency dram
vmlab: --latency dram: expects NAME=NANOSECONDS such as dram=100, from 0 to 1000000000
[2]
