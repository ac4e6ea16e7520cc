$ vmlab exercise tlbx
vmlab: exercise: no exercise tlbx (vmlab exercise --help lists them)
[2]
