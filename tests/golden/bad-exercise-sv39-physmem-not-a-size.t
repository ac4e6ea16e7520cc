$ vmlab exercise sv39 -p 16q
vmlab: exercise sv39: -p 16q: not a size (a number with an optional k, m or g)
[2]
