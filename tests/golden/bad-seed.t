$ echo 'R 0' | vmlab trace -s -1
vmlab: -s -1: must be a number from 0 to 18446744073709551615
[2]
