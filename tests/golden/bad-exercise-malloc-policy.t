$ vmlab exercise malloc -p NONE
malloc.py: AssertionError
[1]
