$ vmlab exercise sv39 -A 0x1000:store:kernel
vmlab: exercise sv39: -A: access 1: unknown mode "kernel" (user or supervisor)
[2]
