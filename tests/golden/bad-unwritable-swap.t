$ echo 'W 0x1000' | vmlab trace --swap /nonexistent-dir/swap
vmlab: --swap /nonexistent-dir/swap: No such file or directory
[2]
