$ echo 'R 0' | vmlab trace --pt sv48 --va-bits 39
vmlab: --pt sv48 has fixed 48-bit addresses and 4096-byte pages (use linear or custom)
[2]
