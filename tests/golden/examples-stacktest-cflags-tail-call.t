$ for flags in -O2 ""; do echo "--cflags ${flags:-(default)}:"; vmlab run --json ${flags:+--cflags "$flags"} examples/stacktest.c 2>/dev/null | grep "&local" | { prev=; while read -r fn _ _ addr; do [ -n "$prev" ] && if [ $((addr)) -lt $((prev)) ]; then echo "  ${fn%:} is below its caller"; else echo "  ${fn%:} is ABOVE its caller (f1 jumped to f2, which took over its frame)"; fi; prev=$addr; done; }; done
--cflags -O2:
  f1 is below its caller
  f2 is ABOVE its caller (f1 jumped to f2, which took over its frame)
--cflags (default):
  f1 is below its caller
  f2 is below its caller
