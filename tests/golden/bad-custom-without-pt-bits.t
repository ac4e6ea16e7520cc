$ echo 'R 0' | vmlab trace --pt custom
vmlab: --pt custom needs --pt-bits B,B,... (index bits per level, root first)
[2]
