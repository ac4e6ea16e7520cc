$ echo 'R 0' | vmlab trace --cache-l1 32k:0
vmlab: --cache-l1 32k:0: expects SIZE[:WAYS] such as 32k:8, SIZE from 0 (no such level) to 16 GiB and WAYS from 1 to 64
[2]
