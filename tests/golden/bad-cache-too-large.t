$ echo 'R 0' | vmlab trace --cache-l2 32g
vmlab: --cache-l2 32g: expects SIZE[:WAYS] such as 32k:8, SIZE from 0 (no such level) to 16 GiB and WAYS from 1 to 64
[2]
