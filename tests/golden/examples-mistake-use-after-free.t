$ vmlab run --json examples/mistake-use-after-free.c 2>&1 | grep -v '^{'; exit ${PIPESTATUS[0]}
password at 0x15020
before free:                    hunter2 (the secret text
after free (the mistake):       ................ret text
name at 0x15020 (the freed block)
password now reads:             Alice...........ret text
after password[0] = 'J', name = "Jlice"
