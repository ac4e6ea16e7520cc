$ vmlab exercise relocation --a 1k
Usage: relocation.py [options]

relocation.py: error: ambiguous option: --a (--addresses, --asize?)
[2]
