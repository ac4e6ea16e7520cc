$ out=$(vmlab run --json --time 3s "examples/mem.c 0" "examples/mem.c 0" 2>/dev/null | grep -v "^{"); echo "$out" | grep -c "addr pointed"; echo "$out" | grep "addr pointed" | awk "{print \$NF}" | sort -u | wc -l; echo "$out" | grep "value of p: 2"
2
1
(1) value of p: 2
(2) value of p: 2
