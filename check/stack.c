/* valgrind's stack layout (check/stack.h). */
#include "check/stack.h"

#include <inttypes.h>
#include <string.h>

void stack_describe(const struct symbols *syms, uint64_t pc, char *buf, size_t len)
{
	struct sym_loc loc = {0};
	if (syms)
		symbols_lookup(syms, pc, &loc);
	const char *fn = loc.function ? loc.function : "???";
	if (loc.file)
		snprintf(buf, len, "%s (%s:%u)", fn, loc.file, loc.line);
	else if (loc.function || loc.in_object)
		snprintf(buf, len, "%s (in %s)", fn, symbols_path(syms));
	else
		snprintf(buf, len, "???");
}

void stack_print(FILE *out, int pid, const struct symbols *syms, const uint64_t *pcs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char what[1024];
		struct sym_loc loc = {0};
		stack_describe(syms, pcs[i], what, sizeof what);
		fprintf(out, "==%d==    %s 0x%" PRIX64 ": %s\n", pid, i == 0 ? "at" : "by", pcs[i], what);
		if (syms && symbols_lookup(syms, pcs[i], &loc) && loc.function && strcmp(loc.function, "main") == 0)
			break;
	}
}
