#!/usr/bin/env bash
# `make demo`: installs what is missing, builds vmlab, and runs the classic
# address-space experiment (OSTEP's mem.c) twice at once for five seconds of
# virtual time: both processes print the SAME virtual address for p, and each
# counts on its own. Then vmlab shows where that virtual page is mapped in each
# process: two different physical frames.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
make -s -j2 all guest-runtime >/dev/null
vmlab=build/vmlab
# mem.c's address for p is the same on every run (no ASLR): learn it first
addr=$({ "$vmlab" run --json --max-insns 1000000 "examples/mem.c 0" 2>/dev/null || true; } |
	sed -n 's/.*addr pointed to by p: //p' | head -n 1)
echo "\$ vmlab run --time 5s --show-va $addr \"examples/mem.c 0\" \"examples/mem.c 0\""
"$vmlab" run --time 5s --show-va "$addr" "examples/mem.c 0" "examples/mem.c 0" || [ $? -eq 124 ]
