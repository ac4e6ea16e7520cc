$ d=$(mktemp -d) && truncate -s 300m "$d/big.elf" && cd "$d" && vmlab run big.elf; s=$?; cd /; rm -rf "$d"; exit $s
vmlab: run: program big.elf: 314572800 bytes, larger than the 256 MiB vmlab accepts for a program
[2]
