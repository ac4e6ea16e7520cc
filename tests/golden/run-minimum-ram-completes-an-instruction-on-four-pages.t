$ for p in fifo lru clock eclock random twolist; do for s in global local; do printf '%s %s: ' $p $s; timeout 20 vmlab run --json --ram 16k --policy $p --scope $s tests/programs/straddle.c 2>&1 | grep -v '^{'; echo "exit ${PIPESTATUS[0]}"; done; done
fifo global: straddle: 64 loads across two page boundaries each, sum 0x1dd995510cc88440
exit 0
fifo local: straddle: 64 loads across two page boundaries each, sum 0x1dd995510cc88440
exit 0
lru global: straddle: 64 loads across two page boundaries each, sum 0x1dd995510cc88440
exit 0
lru local: straddle: 64 loads across two page boundaries each, sum 0x1dd995510cc88440
exit 0
clock global: straddle: 64 loads across two page boundaries each, sum 0x1dd995510cc88440
exit 0
clock local: straddle: 64 loads across two page boundaries each, sum 0x1dd995510cc88440
exit 0
eclock global: straddle: 64 loads across two page boundaries each, sum 0x1dd995510cc88440
exit 0
eclock local: straddle: 64 loads across two page boundaries each, sum 0x1dd995510cc88440
exit 0
random global: straddle: 64 loads across two page boundaries each, sum 0x1dd995510cc88440
exit 0
random local: straddle: 64 loads across two page boundaries each, sum 0x1dd995510cc88440
exit 0
twolist global: straddle: 64 loads across two page boundaries each, sum 0x1dd995510cc88440
exit 0
twolist local: straddle: 64 loads across two page boundaries each, sum 0x1dd995510cc88440
exit 0
