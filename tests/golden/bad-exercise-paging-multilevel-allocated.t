$ vmlab exercise paging-multilevel -a x
Usage: paging-multilevel-translate.py [options]

paging-multilevel-translate.py: error: option -a: invalid integer value: 'x'
[2]
