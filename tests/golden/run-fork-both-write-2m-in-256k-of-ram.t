$ for s in global local; do echo "--scope $s:"; timeout 20 vmlab run --json --ram 256k --swap-size 32m --scope $s tests/programs/forkwrite.c 2>&1 | grep -v '^{'; echo "exit ${PIPESTATUS[0]}"; done
--scope global:
parent: wrote 2 MiB twice, 0 bad
child: wrote 2 MiB twice, 0 bad
parent: child exited 0
exit 0
--scope local:
parent: wrote 2 MiB twice, 0 bad
child: wrote 2 MiB twice, 0 bad
parent: child exited 0
exit 0
