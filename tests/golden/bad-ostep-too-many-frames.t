$ echo 'R 0' | vmlab trace --pt ostep-2level --frames 128
vmlab: ostep-2level page tables address 128 frames in all; ask for fewer than that (--frames)
[2]
