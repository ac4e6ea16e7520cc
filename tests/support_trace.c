/* Random traces with their page accesses and next uses, for OPT's tests. */
#include "tests/support_trace.h"

#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "lib/rng.h"
#include "tests/harness.h"

/* One good record at random. */
static struct trace_ref random_record(struct rng *r, const struct pt_format *f)
{
	static const uint32_t pids[] = {1, 2, 4097};
	static const uint32_t sizes[] = {1, 8, 8, 100, 4096};
	uint64_t x = rng_next(r), page_size = 1ull << f->page_shift;
	vaddr_t va = 0x10000 + (x >> 8) % 10 * page_size + (x >> 16) % page_size;
	vaddr_t top = f->canonical ? 1ull << (f->va_bits - 1) : 1ull << f->va_bits; /* the lower half's end */
	if ((x >> 44) % 20 == 0 && f->va_bits < 64)
		va += 1ull << f->va_bits; /* beyond, naming va's page when cut */
	else if ((x >> 50) % 50 == 0)
		va = top - 2;             /* across the end of the VA space */
	return (struct trace_ref){.pid = pids[x % 3], .acc = (enum access)((x >> 40) % 3), .va = va,
				  .size = sizes[(x >> 28) % 5]};
}

static void put_binary(FILE *out, const struct trace_ref *ref, unsigned reserved)
{
	unsigned char b[TRACE_BIN_RECORD_BYTES];
	for (int i = 0; i < 8; i++)
		b[i] = (unsigned char)(ref->va >> 8 * i);
	for (int i = 0; i < 4; i++)
		b[8 + i] = (unsigned char)(ref->pid >> 8 * i);
	b[12] = (unsigned char)ref->size;
	b[13] = (unsigned char)(ref->size >> 8);
	b[14] = (unsigned char)ref->acc;
	b[15] = (unsigned char)reserved;
	fwrite(b, sizeof b, 1, out);
}

/* Writes junk the reader skips before a record, at random; returns the lines (records) it took. */
static uint64_t put_junk(FILE *out, struct rng *r, bool binary)
{
	uint64_t x = rng_next(r) % 64;
	if (binary && x < 2)
		put_binary(out, &(struct trace_ref){.pid = 1, .va = 0x1000, .size = 8}, 2); /* an undefined flag */
	else if (!binary && x < 4)
		fputs(x == 0 ? "# a comment\n" : x == 1 ? "\n" : "not a reference\n", out);
	else
		return 0;
	return 1;
}

static void add_uses(struct rtrace *t, const struct trace_ref *ref, const struct pt_format *f)
{
	vaddr_t last = ref->va + ref->size - 1;
	bool in_va = ptfmt_va_ok(f, ref->va) && ptfmt_va_ok(f, last) && last >= ref->va;
	uint64_t n = last < ref->va ? 1 : (last >> f->page_shift) - (ref->va >> f->page_shift) + 1;
	t->bad_va += !in_va;
	while (t->nuses + n > t->cap) {
		t->cap = t->cap ? 2 * t->cap : 4096;
		t->uses = xrealloc(t->uses, t->cap * sizeof *t->uses);
	}
	for (uint64_t i = 0; i < n; i++)
		t->uses[t->nuses++] = (struct rtrace_use){
			.pid = ref->pid, .vpn = ((ref->va >> f->page_shift) + i) & mask_bits(f->va_bits - f->page_shift),
			.in_va = in_va};
}

void rtrace_new(struct rtrace *t, const char *path, bool binary, uint64_t seed, uint64_t n,
		const struct pt_format *f)
{
	*t = (struct rtrace){.recs = xmalloc(n * sizeof *t->recs), .first_use = xmalloc((n + 1) * sizeof *t->first_use)};
	FILE *out = fopen(path, "w");
	if (!out)
		FAIL("cannot write %s", path);
	if (binary)
		fwrite("VMLABTR1\1\0\0\0\20\0\0\0", TRACE_BIN_HEADER_BYTES, 1, out);
	struct rng r;
	rng_seed(&r, seed);
	uint64_t line = 0;
	for (uint64_t i = 0; i < n; i++) {
		line += put_junk(out, &r, binary);
		struct trace_ref ref = random_record(&r, f);
		ref.line = ++line;
		if (binary)
			put_binary(out, &ref, 0);
		else
			fprintf(out, "%" PRIu32 " %c 0x%" PRIx64 " %" PRIu32 "\n", ref.pid, "RWX"[ref.acc], ref.va, ref.size);
		t->first_use[t->nrecs] = t->nuses;
		t->recs[t->nrecs++] = ref;
		add_uses(t, &ref, f);
	}
	t->first_use[n] = t->nuses;
	fclose(out);
}

void rtrace_free(struct rtrace *t)
{
	free(t->recs);
	free(t->first_use);
	free(t->uses);
}

void rtrace_next_uses(const struct rtrace *t, uint64_t *out)
{
	struct rtrace_use *seen = NULL; /* the distinct pages, each ... */
	uint64_t *last = NULL;          /* ... with its access seen last (the next in time) */
	uint64_t nseen = 0;
	for (uint64_t i = t->nuses; i-- > 0;) {
		uint64_t k = 0;
		while (k < nseen && (seen[k].pid != t->uses[i].pid || seen[k].vpn != t->uses[i].vpn))
			k++;
		if (k == nseen) {
			seen = xrealloc(seen, (nseen + 1) * sizeof *seen);
			last = xrealloc(last, (nseen + 1) * sizeof *last);
			seen[nseen] = t->uses[i];
			last[nseen++] = UINT64_MAX;
		}
		out[i] = last[k];
		last[k] = i;
	}
	free(seen);
	free(last);
}

struct trace_reader *rtrace_open(const char *path)
{
	char err[300];
	struct trace_reader_opts o = TRACE_READER_OPTS_INIT;
	o.skip_bad = true;
	struct trace_reader *r = trace_open(path, &o, err, sizeof err);
	if (!r)
		FAIL("%s", err);
	return r;
}

int quiet_begin(void)
{
	fflush(stderr);
	int saved = dup(2), null = open("/dev/null", O_WRONLY);
	dup2(null, 2);
	close(null);
	return saved;
}

void quiet_end(int saved)
{
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
}
