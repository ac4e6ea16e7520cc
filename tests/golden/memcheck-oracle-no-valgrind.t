$ VALGRIND=no-such-valgrind tests/memcheck_oracle.sh
memcheck_oracle: no-such-valgrind not found: run scripts/install-deps.sh (make deps) to install it
memcheck_oracle: 0 passed, 1 failed
[1]
