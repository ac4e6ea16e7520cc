$ echo 'R 0' | vmlab trace --latency dram=2000000000
vmlab: --latency dram=2000000000: expects NAME=NANOSECONDS such as dram=100, from 0 to 1000000000
[2]
