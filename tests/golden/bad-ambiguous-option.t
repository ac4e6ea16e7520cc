$ echo 'R 0' | vmlab trace --cache 1
vmlab: trace: ambiguous option '--cache' (could be --caches, --cache-l1, --cache-l2, --cache-l3, --cache-line)
[2]
