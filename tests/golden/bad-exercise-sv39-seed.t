$ vmlab exercise sv39 -s x
Usage: vmlab exercise sv39 [options]

vmlab exercise sv39: error: option -s: invalid integer value: 'x'
[2]
