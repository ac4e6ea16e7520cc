$ r=$PWD; d=$(mktemp -d) && chmod 555 "$d" && cd "$d" && as=(); [ "$(id -u)" = 0 ] && as=(setpriv --reuid=65534 --regid=65534 --clear-groups); echo 'R 0x1000' | "${as[@]}" vmlab trace --write-binary out.vmt; s=$?; cd "$r"; rm -rf "$d"; exit $s
vmlab: --write-binary out.vmt: Permission denied
[2]
