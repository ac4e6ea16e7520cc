$ vmlab exercise segmentation --c
Usage: segmentation.py [options]

segmentation.py: error: no such option: --c
[2]
