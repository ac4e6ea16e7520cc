$ vmlab trace /tmp
vmlab: trace: /tmp: is a directory, not a file
[2]
