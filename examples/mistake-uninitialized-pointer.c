/* mistake-uninitialized-pointer.c: forgetting to allocate memory. dst is
 * declared but never pointed at memory, and strcpy writes through it. A
 * local variable in C starts with whatever its stack slot held before;
 * here that leftover value is fixed (0x2a2a2a2a, as if an earlier call
 * had left it there), so the crash is the same on every run. It points
 * into no region of the address space, so the first byte strcpy stores
 * faults, and the kernel kills the process with a segmentation fault
 * that names the address. (With a leftover value that happened to point
 * into the heap or the stack, the copy would "work" and silently
 * overwrite something else.) */
#include <stdio.h>
#include <string.h>

int main(void)
{
	char *src = "hello";
	char *dst = (char *)0x2a2a2a2a;	/* stands for garbage: never allocated */

	printf("copying \"%s\" to dst = %p, which was never given memory\n", src, (void *)dst);
	strcpy(dst, src);		/* the mistake: dst = malloc(strlen(src) + 1) first */
	printf("not reached: %s\n", dst);
	return 0;
}
