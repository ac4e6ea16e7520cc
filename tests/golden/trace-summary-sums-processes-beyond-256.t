$ seq 300 | sed 's/$/ W 0x1000/' > /tmp/vmlab-300.trace; vmlab trace /tmp/vmlab-300.trace 2>&1 | tail -n 2; vmlab trace --json /tmp/vmlab-300.trace | grep -o '"more_processes": {[^}]*}'
    256         1        0       1
+44 more       44        0      44
"more_processes": {"count": 44, "resident": 44, "swapped": 0, "faults": 44, "killed": false}
