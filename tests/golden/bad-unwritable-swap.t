$ echo 'W 0x1000' | vmlab trace --swap /nonexistent-dir/swap
vmlab: /nonexistent-dir/swap: cannot open the swap file: No such file or directory
[2]
