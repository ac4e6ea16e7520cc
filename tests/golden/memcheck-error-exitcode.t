$ vmlab run --memcheck -q --error-exitcode=7 examples/mistake-double-free.c >/dev/null 2>&1

[7]
