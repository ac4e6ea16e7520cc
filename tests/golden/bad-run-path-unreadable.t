$ r=$PWD; d=$(mktemp -d) && chmod 755 "$d" && mkdir "$d/bin" && chmod 000 "$d/bin" && cd "$d" && as=(); [ "$(id -u)" = 0 ] && as=(setpriv --reuid=65534 --regid=65534 --clear-groups); "${as[@]}" vmlab run --path bin "$r/tests/data/elf/hello.elf"; s=$?; cd "$r"; rm -rf "$d"; exit $s
vmlab: --path bin: Permission denied
[2]
