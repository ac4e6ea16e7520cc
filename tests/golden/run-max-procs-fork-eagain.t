$ vmlab run --max-procs 10 tests/programs/forklimit.c 2>/dev/null; echo "exit $?"
forklimit: sleepers: 9 children, then fork failed: EAGAIN: Resource temporarily unavailable
forklimit: after one reap, fork works again
forklimit: zombies: 9 children, then fork failed: EAGAIN: Resource temporarily unavailable
forklimit: after one reap, fork works again
forklimit: every child reaped
exit 0
