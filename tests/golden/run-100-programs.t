$ seq 100 | sed 's|^|tests/programs/hello.c |' | tr '\n' '\0' | xargs -0 vmlab run --json > /tmp/vmlab-100.out; echo "exit $?"; grep -v '^{' /tmp/vmlab-100.out | sed -n '1,2p;$p'; grep -c ': pid' /tmp/vmlab-100.out; grep '^{' /tmp/vmlab-100.out | grep -o '"pid": [0-9]*' | sed -n '$p'
exit 0
1: pid 1
2: pid 2
100: pid 100
100
"pid": 100
