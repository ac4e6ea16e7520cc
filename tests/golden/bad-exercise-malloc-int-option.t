$ vmlab exercise malloc -n ten
Usage: malloc.py [options]

malloc.py: error: option -n: invalid integer value: 'ten'
[2]
