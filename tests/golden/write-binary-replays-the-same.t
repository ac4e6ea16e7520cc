$ f=$(mktemp); vmlab trace --format lackey --write-binary $f tests/data/trace/lackey_hello.txt > $f.a && vmlab trace $f > $f.b && cmp $f.a $f.b && echo same summary; vmlab trace --format binary $f | head -n 3; rm -f $f $f.a $f.b
same summary
references        50
TLB hits          43 (86.0%)
TLB misses        7
