/* A pointer chase for bench/bench_run.c: PAGES nodes, one per page (at
 * offsets that spread them over cache lines), linked in one random cycle;
 * STEPS loads follow it. With more pages than the TLB holds, every load
 * misses the TLB; with few, every load hits. Prints the sum of the nodes
 * visited, so the work cannot be skipped.
 *   chase PAGES STEPS */
#include <stdio.h>
#include <stdlib.h>

#define PAGE 4096

struct node {
	struct node *next;
};

static unsigned long rng_state = 0x9e3779b97f4a7c15ul;

static unsigned long rng_next(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: chase PAGES STEPS\n");
		return 2;
	}
	long pages = atol(argv[1]), steps = atol(argv[2]);
	char *mem = malloc((size_t)(pages + 1) * PAGE);
	long *order = malloc((size_t)pages * sizeof *order);
	if (pages < 1 || steps < 1 || !mem || !order) {
		fprintf(stderr, "chase: bad arguments or no memory\n");
		return 1;
	}
	char *base = (char *)(((unsigned long)mem + PAGE - 1) & ~(unsigned long)(PAGE - 1));
	for (long i = 0; i < pages; i++)
		order[i] = i;
	for (long i = pages - 1; i > 0; i--) {
		long j = (long)(rng_next() % (unsigned long)(i + 1)), t = order[i];
		order[i] = order[j];
		order[j] = t;
	}
	for (long i = 0; i < pages; i++) {
		long from = order[i], to = order[(i + 1) % pages];
		struct node *a = (struct node *)(base + from * PAGE + (from * 64) % (PAGE - 64));
		a->next = (struct node *)(base + to * PAGE + (to * 64) % (PAGE - 64));
	}
	struct node *p = (struct node *)(base + order[0] * PAGE + (order[0] * 64) % (PAGE - 64));
	unsigned long sum = 0;
	for (long i = 0; i < steps; i++) {
		p = p->next;
		sum += (unsigned long)p;
	}
	printf("%lx\n", sum);
	return 0;
}
