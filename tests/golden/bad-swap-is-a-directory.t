$ echo 'W 0x1000' | vmlab trace --swap /tmp
vmlab: /tmp: cannot open the swap file: Is a directory
[2]
