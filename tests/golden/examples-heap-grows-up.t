$ vmlab run --json examples/arraytest.c 2>/dev/null | grep -v "^{" | { read -r line; stack=${line##* }; prev=; while read -r line; do addr=${line##* }; [ $((addr)) -lt $((stack)) ] && where="below the stack" || where="ABOVE the stack"; echo "${line%% 0x*}: ${prev:+$((addr - prev)) bytes up, }$where"; prev=$addr; done; }
heap:  sbrk(40) returned: below the stack
heap:  sbrk(40) returned: 40 bytes up, below the stack
heap:  sbrk(40) returned: 40 bytes up, below the stack
heap:  the break is now: 40 bytes up, below the stack
