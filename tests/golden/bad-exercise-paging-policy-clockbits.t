$ vmlab exercise paging-policy -b two
Usage: paging-policy.py [options]

paging-policy.py: error: option -b: invalid integer value: 'two'
[2]
