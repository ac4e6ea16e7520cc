/* Every kind of leak at once: a lost list node and the node only it points
 * to (definitely lost, with the other indirectly lost through it), a block
 * only a pointer into its middle reaches (possibly lost), and a block a
 * global still points to (still reachable). */
#include <stdlib.h>

struct node {
	struct node *next;
	char pad[24];
};

struct node *keep;
char *inner;

int main(void)
{
	struct node *a = malloc(sizeof *a);
	a->next = malloc(sizeof *a);
	a->next->next = 0;
	a = 0;
	keep = malloc(sizeof *keep);
	keep->next = 0;
	char *p = malloc(64);
	inner = p + 8;
	p = 0;
	return 0;
}
