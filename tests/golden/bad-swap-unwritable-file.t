$ r=$PWD; d=$(mktemp -d) && chmod 755 "$d" && touch "$d/swap" && chmod 444 "$d/swap" && cd "$d" && as=(); [ "$(id -u)" = 0 ] && as=(setpriv --reuid=65534 --regid=65534 --clear-groups); echo 'W 0x1000' | "${as[@]}" vmlab trace --swap swap; s=$?; cd "$r"; rm -rf "$d"; exit $s
vmlab: --swap swap: Permission denied
[2]
