$ vmlab exercise sv39 -m 1 -a 8 -p 2m
vmlab: exercise sv39: -p 2m: 0 frames are left beside the megapages, fewer than the 8 pages and up to 7 page-table pages need
[2]
