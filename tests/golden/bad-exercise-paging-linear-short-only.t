$ vmlab exercise paging-linear --verbose
Usage: paging-linear-translate.py [options]

paging-linear-translate.py: error: no such option: --verbose
[2]
