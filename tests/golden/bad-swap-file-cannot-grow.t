$ d=$(mktemp -d) && cd "$d" && (trap '' XFSZ; ulimit -f 4; printf 'W 0x1000\nW 0x2000\nW 0x3000\n' | vmlab trace --frames 1 --swap swapfile); s=$?; rm -rf "$d"; exit $s
vmlab: swapfile: write of swap slot 1 failed: File too large
[1]
