$ vmlab run --record /dev/full build/guest/arith 2>&1 >/dev/null | grep "^vmlab:"; exit ${PIPESTATUS[0]}
vmlab: --record /dev/full: write error: No space left on device
[1]
