$ vmlab run --json examples/stacktest.c 2>/dev/null | grep "&local" | { prev=; while read -r fn _ _ addr; do [ -n "$prev" ] && if [ $((addr)) -lt $((prev)) ]; then echo "${fn%:}: its frame is below its caller's (the stack grows down)"; else echo "${fn%:}: its frame is ABOVE its caller's"; fi; prev=$addr; done; }
f1: its frame is below its caller's (the stack grows down)
f2: its frame is below its caller's (the stack grows down)
