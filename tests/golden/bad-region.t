$ echo 'R 0' | vmlab trace --region 0x2000-0x1000
vmlab: --region 0x2000-0x1000: expects [PID:]START-END[:rwxs] (at most 16)
[2]
