$ vmlab run --json --ram 1m examples/swap.c 2>&1 | sed -E 's/^\{.*("page_faults": [0-9]+).*("swap_ins": [0-9]+, "swap_outs": [0-9]+).*/\1, \2/'; exit ${PIPESTATUS[0]}
wrote 4 MiB
read it back: OK
"page_faults": 2066, "swap_ins": 1030, "swap_outs": 1029
