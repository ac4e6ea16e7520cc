$ echo 'W 0x1000' | vmlab trace --swap /tmp
vmlab: --swap /tmp: is a directory, not a file
[2]
