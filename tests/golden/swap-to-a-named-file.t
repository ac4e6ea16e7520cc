$ f=$(mktemp) && (for i in 1 2 3 4 5 6; do printf 'W 0x%x000\n' $i; done; for i in 1 2 3 4 5 6; do printf 'R 0x%x000\n' $i; done) | vmlab trace --frames 2 --swap "$f" | grep -E 'page faults|swap ins'; s=${PIPESTATUS[0]}; [ -s "$f" ] && echo "the swap file is not empty"; rm -f "$f"; exit $s
page faults       12 (6 minor, 6 major)
swap ins / outs   6 / 6
the swap file is not empty
