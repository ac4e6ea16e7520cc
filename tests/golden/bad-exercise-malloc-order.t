$ vmlab exercise malloc -l ADDR
malloc.py: AssertionError
[1]
