$ echo 'R 0' | vmlab trace --cache-line 48
vmlab: --cache-line 48: must be a power of two from 4 to 4096 (bytes)
[2]
