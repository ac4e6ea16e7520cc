$ echo 'R 0x1000' | vmlab trace --write-binary /tmp
vmlab: --write-binary /tmp: is a directory, not a file
[2]
