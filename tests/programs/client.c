/* client.c: vmlab's client requests (vmlab/syscall.h) used as no malloc
 * would, the way a hostile or broken program might: each answer is printed,
 * and the checker must refuse what it cannot take without crashing or
 * reporting nonsense. Without --memcheck every request answers -ENOSYS. */
#include <stdio.h>
#include <stdlib.h>
#include <vmlab/syscall.h>

static char arena[4096];

static long request(long req, long a, long b, long c)
{
	return syscall6(SYS_vmlab_client, req, a, b, c, 0, 0);
}

int main(void)
{
	long base = (long)arena + 64;

	printf("running: %ld\n", request(VMLAB_CLIENT_RUNNING, 0, 0, 0));
	printf("a block of 100: %ld\n", request(VMLAB_CLIENT_MALLOCLIKE, base, 100, 0));
	printf("one overlapping it: %ld\n", request(VMLAB_CLIENT_MALLOCLIKE, base + 50, 10, 0));
	printf("one in its redzone: %ld\n", request(VMLAB_CLIENT_MALLOCLIKE, base + 110, 10, 0));
	printf("one outside every region: %ld\n", request(VMLAB_CLIENT_MALLOCLIKE, 0x7000000, 10, 0));
	printf("one wrapping around: %ld\n", request(VMLAB_CLIENT_MALLOCLIKE, base + 200, -1, 0));
	printf("its size: %ld\n", request(VMLAB_CLIENT_BLOCK_SIZE, base, 0, 0));
	printf("the size of no block: %ld\n", request(VMLAB_CLIENT_BLOCK_SIZE, base + 8, 0, 0));
	printf("a release with nothing in quarantine: %ld\n", request(VMLAB_CLIENT_RELEASE, 0, 0, 0));
	printf("an unknown request: %ld\n", request(99, 0, 0, 0));
	printf("freeing it: %ld\n", request(VMLAB_CLIENT_FREELIKE, base, 0, 0));
	printf("freeing it again: %ld\n", request(VMLAB_CLIENT_FREELIKE, base, 0, 0));
	return 0;
}
