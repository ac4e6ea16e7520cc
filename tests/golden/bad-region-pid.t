$ echo 'R 0' | vmlab trace --region 4294967297:0x1000-0x2000
vmlab: --region 4294967297:0x1000-0x2000: expects [PID:]START-END[:rwxs] (at most 16)
[2]
