$ r=$PWD; d=$(mktemp -d) && chmod 755 "$d" && cp tests/data/elf/hello.elf "$d/" && chmod 000 "$d/hello.elf" && cd "$d" && as=(); [ "$(id -u)" = 0 ] && as=(setpriv --reuid=65534 --regid=65534 --clear-groups); "${as[@]}" vmlab run hello.elf; s=$?; cd "$r"; rm -rf "$d"; exit $s
vmlab: run: program hello.elf: Permission denied
[2]
