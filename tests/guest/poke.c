/* poke: the contiguous mechanisms' violations and fork (tests/test_cmem.c).
 * With no argument it touches nothing and exits 0; "heap" writes a byte
 * 64 KiB beyond the page of the program break (outside segmentation's heap
 * segment); "fork" forks once and says whether it could; "big" fills a
 * 256 KiB array in its bss (so its heap segment is that large); a number
 * (0x...) writes a byte at that address. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static uint8_t big[256 << 10];

static int fill_big(void)
{
	unsigned sum = 0;

	memset(big, 7, sizeof big);
	for (size_t i = 0; i < sizeof big; i += 4096)
		sum += big[i];
	printf("poke: filled %zu bytes, sum %u\n", sizeof big, sum);
	return 0;
}

static int try_fork(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(3);
	if (pid < 0) {
		printf("poke: fork failed\n");
		return 1;
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 3) {
		printf("poke: the child did not exit with 3\n");
		return 2;
	}
	printf("poke: forked a child, which exited with 3\n");
	return 0;
}

int main(int argc, char **argv)
{
	volatile uint8_t *at;

	if (argc < 2) {
		printf("poke: nothing poked\n");
		return 0;
	}
	if (strcmp(argv[1], "fork") == 0)
		return try_fork();
	if (strcmp(argv[1], "big") == 0)
		return fill_big();
	if (strcmp(argv[1], "heap") == 0)
		at = (uint8_t *)((((uintptr_t)sbrk(0) + 0xfff) & ~(uintptr_t)0xfff) + 0x10000);
	else
		at = (uint8_t *)(uintptr_t)strtoul(argv[1], NULL, 0);
	printf("poke: writing at %p\n", (void *)at);
	fflush(stdout);
	*at = 1;
	printf("poke: wrote at %p\n", (void *)at);
	return 0;
}
