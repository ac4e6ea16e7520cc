$ r=$PWD; d=$(mktemp -d) && chmod 755 "$d" && touch "$d/store" && chmod 000 "$d/store" && cd "$d" && as=(); [ "$(id -u)" = 0 ] && as=(setpriv --reuid=65534 --regid=65534 --clear-groups); "${as[@]}" vmlab trace --backing-store store "$r/../shared/data/vmm-textbook/addresses.txt"; s=$?; cd "$r"; rm -rf "$d"; exit $s
vmlab: --backing-store store: Permission denied
[2]
