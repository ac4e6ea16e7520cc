$ printf 'W 0x1000\nW 0x2000\nW 0x3000\n' | vmlab trace --frames 1 --swap /dev/full
vmlab: /dev/full: write of swap slot 0 failed: No space left on device
[1]
