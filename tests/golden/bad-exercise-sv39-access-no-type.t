$ vmlab exercise sv39 -A 0x1000
vmlab: exercise sv39: -A: access 1 (0x1000) has no type: expected VA:TYPE[:MODE] (TYPE load, store or fetch; MODE user or supervisor)
[2]
