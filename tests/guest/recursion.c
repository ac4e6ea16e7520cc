/* Deep recursion: 100000 nested calls with a 64-byte frame each (about
 * 6.4 MB of stack, so the stack must grow far beyond its first pages), each
 * keeping live data in its frame across the call, folded into a checksum
 * on the way back. Exits 1 if the checksum differs from an iterative
 * computation of the same value. */
#include <stdint.h>
#include <stdio.h>

#define DEPTH 100000

static uintptr_t deepest_sp, shallowest_sp;

/* Mixes n into the running value; the same on both paths. */
static uint64_t mix(uint64_t acc, uint64_t n, uint64_t a, uint64_t b)
{
	return (acc ^ (a + n)) * 0x100000001b3ULL + b;
}

/* Recurses to depth 0; the volatile frame array keeps the frame in memory
 * and forbids turning the recursion into a loop. */
static __attribute__((noinline)) uint64_t rec(uint64_t n)
{
	volatile uint64_t frame[5];
	uint64_t below;

	frame[0] = n * 2654435761u;
	frame[1] = n ^ 0x5555;
	frame[2] = frame[0] + frame[1];
	frame[3] = (uintptr_t)&frame[0];
	frame[4] = n;
	if (n == 0) {
		deepest_sp = frame[3];
		return frame[2];
	}
	below = rec(n - 1);
	return mix(below, frame[4], frame[0], frame[2]);
}

static uint64_t iterative(void)
{
	uint64_t acc = 0 ^ 0x5555;	/* rec(0): frame[0] + frame[1] with n = 0 */

	for (uint64_t n = 1; n <= DEPTH; n++) {
		uint64_t f0 = n * 2654435761u, f2 = f0 + (n ^ 0x5555);
		acc = mix(acc, n, f0, f2);
	}
	return acc;
}

int main(void)
{
	volatile uint64_t here = 0;
	uint64_t got, want;
	uintptr_t span;

	shallowest_sp = (uintptr_t)&here;
	got = rec(DEPTH);
	want = iterative();
	span = shallowest_sp - deepest_sp;
	printf("recursion depth %d: checksum 0x%016lx (%lu)\n", DEPTH, got, got);
	printf("iterative checksum matches: %s\n", got == want ? "yes" : "no");
	printf("stack used: about %lu KiB (%lu bytes per frame)\n", span / 1024,
	       span / DEPTH);
	return got == want ? 0 : 1;
}
