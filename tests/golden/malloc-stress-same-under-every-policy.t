$ for p in first next best worst; do vmlab run --malloc $p tests/guest/malloc_stress.c 2>/dev/null | tail -n 2; done
checksum c5290c88dc9692c9
malloc_stress: 0 failures
checksum c5290c88dc9692c9
malloc_stress: 0 failures
checksum c5290c88dc9692c9
malloc_stress: 0 failures
checksum c5290c88dc9692c9
malloc_stress: 0 failures
