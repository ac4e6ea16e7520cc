$ vmlab exercise paging-multilevel -a 100 -n 1
ARG seed 0
ARG allocated 100
ARG num 1

vmlab: exercise paging-multilevel: -a 100: the 128 pages of physical memory are full after mapping 96 virtual pages (paging-multilevel-translate.py fails an assertion in findFree)
[1]
