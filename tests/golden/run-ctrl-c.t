$ vmlab run --json tests/programs/loop.c > /tmp/vmlab-ctrl-c.out 2>&1 & sleep 1; kill -INT $!; wait $!; echo exit $?; sed 's/after .* of virtual/after some/' /tmp/vmlab-ctrl-c.out | grep -v '^{'
exit 124
vmlab: stopped by Ctrl-C after some time
