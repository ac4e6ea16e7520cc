$ vmlab exercise malloc -a 0
malloc.py: AssertionError
[1]
