$ vmlab exercise relocation -s x
Usage: relocation.py [options]

relocation.py: error: option -s: invalid integer value: 'x'
[2]
