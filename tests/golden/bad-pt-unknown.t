$ echo 'R 0' | vmlab trace --pt sv57
vmlab: --pt sv57: expects sv39, sv48, sv32, x86-64, ostep-2level, linear or custom
[2]
