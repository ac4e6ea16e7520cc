$ echo 'R 0' | vmlab trace --pt sv39 --page-size 8k
vmlab: --pt sv39 has fixed 39-bit addresses and 4096-byte pages (use linear or custom)
[2]
