/* Text and JSON summaries of a run. */
#include "report/summary.h"
#include "os/cmem.h"

#include <inttypes.h>

static double ratio(uint64_t a, uint64_t b) { return b ? (double)a / (double)b : 0.0; }

/* The walk and data references by the level that served them. */
static void mem_refs(const struct kernel *k, uint64_t refs[MEM_LEVELS])
{
	struct hw_counts hw = {0};
	mmu_add_hw_counts(k->mmu, &hw);
	for (int l = 0; l < MEM_LEVELS; l++)
		refs[l] = hw.mem_refs[l];
}

/* How a program's process ended: "exit 3", "signal 11", or "running". */
static void ending(const struct proc_record *r, char *buf, size_t len)
{
	if (r->state != PROC_ZOMBIE && r->state != PROC_DEAD)
		snprintf(buf, len, "running");
	else if (r->wait_status & 0x7f)
		snprintf(buf, len, "signal %d", r->wait_status & 0x7f);
	else
		snprintf(buf, len, "exit %d", (r->wait_status >> 8) & 0xff);
}

/* Calls row(out, record, 0) for each listed process, then row(out, sum, more)
 * for the sum of the more others, if any. */
static void each_record(FILE *out, const struct kernel *k, void (*row)(FILE *out, const struct proc_record *r, uint64_t more))
{
	struct proc_record r;
	size_t listed = k->nprocs < KERNEL_LISTED_PROCS ? (size_t)k->nprocs : KERNEL_LISTED_PROCS;
	for (size_t i = 0; i < listed; i++) {
		kernel_listed_record(k, i, &r);
		row(out, &r, 0);
	}
	uint64_t more = kernel_unlisted_records(k, &r);
	if (more)
		row(out, &r, more);
}

/* "+N more", what the pid and name columns say of the unlisted processes. */
static void more_label(char *buf, size_t len, uint64_t more)
{
	snprintf(buf, len, "+%" PRIu64 " more", more);
}

static void process_row(FILE *out, const struct proc_record *r, uint64_t more)
{
	char label[32];
	more_label(label, sizeof label, more);
	if (more)
		fprintf(out, "%-8s %8" PRIu64 "  %7" PRIu64 "  %6" PRIu64 "%s\n", label, r->resident, r->swapped, r->faults,
			r->killed ? "  killed (some)" : "");
	else
		fprintf(out, "%7d  %8" PRIu64 "  %7" PRIu64 "  %6" PRIu64 "%s\n", r->pid, r->resident, r->swapped,
			r->faults, r->killed ? "  killed" : "");
}

/* The start of a program's row: its pid and name (or "+N more" for the sum
 * of the unlisted), and how it ended into end. */
static void program_head(FILE *out, const struct proc_record *r, uint64_t more, char end[32])
{
	char label[32];
	if (more) {
		more_label(label, sizeof label, more);
		snprintf(end, 32, "%s", r->state == PROC_LIVE ? "some running" : "all ended");
		fprintf(out, "%-22s", label);
	} else {
		ending(r, end, 32);
		fprintf(out, "%5d %-16.16s", r->pid, r->name);
	}
}

static void program_row(FILE *out, const struct proc_record *r, uint64_t more)
{
	char end[32];
	program_head(out, r, more, end);
	fprintf(out, " %12" PRIu64 " %10" PRIu64 " %10" PRIu64 " %7" PRIu64 " %8" PRIu64 " %7" PRIu64 " %4" PRIu64 "  %s\n",
		r->insns, r->tlb_hits, r->tlb_misses, r->faults, r->resident, r->swapped, r->cow_copies, end);
}

/* A program's row under a contiguous mechanism: pages in memory and in
 * swap, and how long it waited for memory to start. */
static void contiguous_row(FILE *out, const struct proc_record *r, uint64_t more)
{
	char end[32];
	program_head(out, r, more, end);
	fprintf(out, " %12" PRIu64 " %8" PRIu64 " %7" PRIu64 " %6.1f ms  %s\n", r->insns, r->resident, r->swapped,
		(double)r->waited_ns / 1e6, end);
}

static void process_rows(FILE *out, const struct kernel *k)
{
	fprintf(out, "process  resident  swapped  faults\n");
	each_record(out, k, process_row);
}

static void program_rows(FILE *out, const struct kernel *k)
{
	fprintf(out, "  pid name             instructions   TLB hits TLB misses  faults resident swapped  COW  ending\n");
	each_record(out, k, program_row);
}

/* bytes as "512 bytes", "12.0 KiB", "1.5 MiB". */
static const char *bytes_text(uint64_t bytes, char buf[32])
{
	if (bytes < 1024)
		snprintf(buf, 32, "%" PRIu64 " bytes", bytes);
	else if (bytes < (1u << 20))
		snprintf(buf, 32, "%.1f KiB", (double)bytes / 1024);
	else
		snprintf(buf, 32, "%.1f MiB", (double)bytes / (1 << 20));
	return buf;
}

/* partition, base-bounds: the bytes unused inside the address spaces in
 * memory, now (while any is), or when they were most. */
static void internal_frag_line(FILE *out, const struct cmem_stats *st)
{
	char a[32], b[32];
	bool now = st->spaces != 0;
	uint64_t spaces = now ? st->spaces : st->peak_spaces, unused = now ? st->unused_bytes : st->peak_unused_bytes;
	uint64_t bytes = now ? st->space_bytes : st->peak_space_bytes;
	if (!spaces)
		return;
	fprintf(out, "internal frag.    %s%s of %s unused (%.1f%%) inside the %" PRIu64 " address space%s %s in memory, "
		"between each heap's break and the room kept for its stack\n", now ? "" : "at most ",
		bytes_text(unused, a), bytes_text(bytes, b), 100 * ratio(unused, bytes), spaces, spaces == 1 ? "" : "s",
		now ? "now" : "then");
}

/* base-bounds: the address spaces' size, or their sizes by pid. */
static const char *sizes_text(const struct kernel *k, char *buf, size_t len)
{
	char one[32];
	size_t n = 0;
	if (!k->cfg.nas_sizes) {
		snprintf(buf, len, "%s", bytes_text(k->cfg.as_size, one));
		return buf;
	}
	for (unsigned i = 0; i < k->cfg.nas_sizes && n < len; i++)
		n += (size_t)snprintf(buf + n, len - n, "%s%s", i ? ", " : "", bytes_text(k->cfg.as_sizes[i], one));
	if (n < len)
		snprintf(buf + n, len - n, " (pid 1, 2, ...; later ones the last)");
	return buf;
}

/* What the mechanism is, and what it costs. */
static void mech_lines(FILE *out, const struct kernel *k, const struct cmem_stats *st)
{
	char a[300], b[32], d[32];
	const struct mmu_config *mc = &k->cfg.mmu;
	if (st->partitioned)
		fprintf(out, "mechanism         partition: %" PRIu64 " fixed partition%s of %s; no TLB (pa = base + va, "
			"va < size)\n", st->part.count, st->part.count == 1 ? "" : "s", bytes_text(st->part.part_size, a));
	else if (mc->mech->kind == MMU_MECH_BASE_BOUNDS)
		fprintf(out, "mechanism         base-bounds: address spaces of %s, %s fit; no TLB (pa = base + va, "
			"va < bounds)\n", sizes_text(k, a, sizeof a), contig_fit_name(k->cfg.fit));
	else
		fprintf(out, "mechanism         segmentation: %u-bit addresses, the top %u bits choose the segment, %s fit; "
			"no TLB (pa = base + offset, offset < limit)\n", mc->seg.va_bits, mc->seg.sel_bits,
			contig_fit_name(k->cfg.fit));
	if (st->partitioned)
		fprintf(out, "partitions        %" PRIu64 " taken of %" PRIu64 "; a program found none free %" PRIu64
			" time%s\n", st->part.taken, st->part.count, st->part.alloc_failures,
			st->part.alloc_failures == 1 ? "" : "s");
	internal_frag_line(out, st);
	if (!st->partitioned) {
		const struct contig_stats *cs = &st->contig;
		fprintf(out, "memory            %" PRIu64 " block%s, %s used; %" PRIu64 " hole%s, %s free, the largest %s\n",
			cs->blocks, cs->blocks == 1 ? "" : "s", bytes_text(cs->size - cs->free_bytes, a), cs->holes,
			cs->holes == 1 ? "" : "s", bytes_text(cs->free_bytes, b), bytes_text(cs->largest_hole, d));
		fprintf(out, "external frag.    %.1f%% now (1 - largest hole / free bytes)", 100 * contig_ext_frag(cs));
		if (contig_ext_frag(&st->worst) >= 0.0005)
			fprintf(out, ", at worst %.1f%% (%s free, the largest hole %s)", 100 * contig_ext_frag(&st->worst),
				bytes_text(st->worst.free_bytes, b), bytes_text(st->worst.largest_hole, d));
		fprintf(out, "; nothing fit %" PRIu64 " time%s\n", cs->alloc_failures, cs->alloc_failures == 1 ? "" : "s");
		if (k->cfg.compact || cs->compactions)
			fprintf(out, "compaction        %" PRIu64 " (%" PRIu64 " block%s moved, %s copied)\n", cs->compactions,
				cs->compact_moves, cs->compact_moves == 1 ? "" : "s", bytes_text(cs->compact_bytes, a));
		if (cs->moves)
			fprintf(out, "segments moved    %" PRIu64 " (heaps that grew into a neighbour; %s copied)\n",
				cs->moves, bytes_text(cs->move_bytes, a));
	}
	if (mc->mech->kind == MMU_MECH_SEGMENTATION)
		fprintf(out, "code segments     %" PRIu64 " in memory, %" PRIu64 " shared now; at most %" PRIu64
			" shared at once (%s not copied)\n", st->code_segments, st->code_shared, st->peak_code_shared,
			bytes_text(st->peak_code_saved, a));
}

/* The summary under partition, base-bounds and segmentation. */
static void contiguous_summary(FILE *out, const struct kernel *k, const struct summary_input *in)
{
	const struct kernel_counts *c = &k->c;
	struct cmem_stats st;
	char a[32];
	cmem_stats(k, &st);
	mech_lines(out, k, &st);
	if (in->programs)
		fprintf(out, "instructions      %" PRIu64 "\n", in->instructions);
	fprintf(out, "%s %" PRIu64 " (each relocated by the MMU's registers)\n",
		in->programs ? "translations     " : "references       ", in->programs ? k->mmu->c.direct : in->references);
	if (k->cfg.swap_processes || c->proc_swap_outs)
		fprintf(out, "process swaps     %" PRIu64 " out, %" PRIu64 " in (%" PRIu64 " / %" PRIu64 " pages)\n",
			c->proc_swap_outs, c->proc_swap_ins, c->swap_outs, c->swap_ins);
	fprintf(out, "copied in memory  %s (relocation, compaction, fork)\n", bytes_text(c->copied_bytes, a));
	if (c->segfaults)
		fprintf(out, "killed            %" PRIu64 " (bounds or segment violations)\n", c->segfaults);
	fprintf(out, "simulated time    %.3f ms\n", (double)in->sim_ns / 1e6);
	if (!in->programs) {
		process_rows(out, k);
		return;
	}
	fprintf(out, "  pid name             instructions resident swapped   waited  ending\n");
	each_record(out, k, contiguous_row);
}

void summary_print(FILE *out, const struct kernel *k, const struct summary_input *in)
{
	const struct kernel_counts *c = &k->c;
	uint64_t ns = in->sim_ns;
	if (k->cm) {
		contiguous_summary(out, k, in);
		return;
	}
	if (in->programs)
		fprintf(out, "instructions      %" PRIu64 "\n", in->instructions);
	fprintf(out, "%s %" PRIu64 "\n", in->programs ? "translations     " : "references       ", in->references);
	fprintf(out, "TLB hits          %" PRIu64 " (%.1f%%)\n", in->tlb_hits, 100 * ratio(in->tlb_hits, in->references));
	fprintf(out, "TLB misses        %" PRIu64 "\n", in->tlb_misses);
	fprintf(out, "page-walk refs    %" PRIu64 "\n", k->mmu->c.walk_refs);
	if (k->mmu->cache) {
		uint64_t m[MEM_LEVELS];
		mem_refs(k, m);
		fprintf(out, "memory refs       L1 %" PRIu64 ", L2 %" PRIu64 ", L3 %" PRIu64 ", DRAM %" PRIu64 "\n",
			m[MEM_L1], m[MEM_L2], m[MEM_L3], m[MEM_DRAM]);
	}
	fprintf(out, "page faults       %" PRIu64 " (%" PRIu64 " minor, %" PRIu64 " major)\n",
		c->minor_faults + c->major_faults, c->minor_faults, c->major_faults);
	fprintf(out, "evictions         %" PRIu64 " (%" PRIu64 " dirty written back)\n", c->evictions, c->writebacks);
	fprintf(out, "swap ins / outs   %" PRIu64 " / %" PRIu64 "\n", c->swap_ins, c->swap_outs);
	if (k->soft_cleared)
		fprintf(out, "A/D bits          kept by the kernel: %s PTEs have none (every evicted page is written)\n",
			k->fmt.name);
	fprintf(out, "TLB shootdowns    %" PRIu64 "\n", k->mmu->c.shootdowns);
	fprintf(out, "page-table frames %" PRIu64 " (at most %" PRIu64 ")\n", k->fr.in_use[FRAME_PT], k->fr.peak[FRAME_PT]);
	if (c->segfaults || c->oom_kills)
		fprintf(out, "killed            %" PRIu64 " (segmentation faults), %" PRIu64 " (out of memory)\n",
			c->segfaults, c->oom_kills);
	if (c->cow_copies)
		fprintf(out, "COW copies        %" PRIu64 "\n", c->cow_copies);
	fprintf(out, "simulated time    %.3f ms (effective access time %.1f ns)\n", (double)ns / 1e6,
		ratio(kernel_sim_ns(k), in->references));
	if (in->programs)
		program_rows(out, k);
	else
		process_rows(out, k);
}

/* The figures of a process's JSON object (with its name, when it has one
 * and ran a program). */
static void record_json(FILE *out, const struct proc_record *r, const char *name, bool programs)
{
	fprintf(out, "\"resident\": %" PRIu64 ", \"swapped\": %" PRIu64 ", \"faults\": %" PRIu64 ", \"killed\": %s",
		r->resident, r->swapped, r->faults, r->killed ? "true" : "false");
	if (!programs)
		return;
	if (name) {
		fputs(", \"name\": ", out);
		json_string(out, name);
	}
	fprintf(out, ", \"instructions\": %" PRIu64 ", \"tlb_hits\": %" PRIu64 ", \"tlb_misses\": %" PRIu64
		     ", \"cow_copies\": %" PRIu64,
		r->insns, r->tlb_hits, r->tlb_misses, r->cow_copies);
}

static void process_json(FILE *out, const struct proc_record *r, bool programs, bool first)
{
	fprintf(out, "%s{\"pid\": %d, ", first ? "" : ", ", r->pid);
	record_json(out, r, r->name, programs);
	bool ended = r->state == PROC_ZOMBIE || r->state == PROC_DEAD;
	if (programs && !ended)
		fprintf(out, ", \"exit_status\": null, \"signal\": null");
	else if (programs && (r->wait_status & 0x7f))
		fprintf(out, ", \"exit_status\": null, \"signal\": %d", r->wait_status & 0x7f);
	else if (programs)
		fprintf(out, ", \"exit_status\": %d, \"signal\": null", (r->wait_status >> 8) & 0xff);
	fputc('}', out);
}

/* The listed processes' objects, then, when there are more, the sum of the
 * others as "more_processes". */
static void processes_json(FILE *out, const struct kernel *k, bool programs)
{
	struct proc_record r;
	size_t listed = k->nprocs < KERNEL_LISTED_PROCS ? (size_t)k->nprocs : KERNEL_LISTED_PROCS;
	fprintf(out, "\"processes\": [");
	for (size_t i = 0; i < listed; i++) {
		kernel_listed_record(k, i, &r);
		process_json(out, &r, programs, i == 0);
	}
	fputc(']', out);
	uint64_t more = kernel_unlisted_records(k, &r);
	if (!more)
		return;
	fprintf(out, ", \"more_processes\": {\"count\": %" PRIu64 ", ", more);
	record_json(out, &r, NULL, programs);
	if (programs)
		fprintf(out, ", \"running\": %s", r.state == PROC_LIVE ? "true" : "false");
	fputc('}', out);
}

/* The contiguous mechanisms' figures, as JSON members. */
static void contiguous_json(FILE *out, const struct kernel *k)
{
	struct cmem_stats st;
	cmem_stats(k, &st);
	const struct kernel_counts *c = &k->c;
	fprintf(out, "\"proc_swap_outs\": %" PRIu64 ", \"proc_swap_ins\": %" PRIu64 ", \"copied_bytes\": %" PRIu64 ", ",
		c->proc_swap_outs, c->proc_swap_ins, c->copied_bytes);
	if (st.partitioned)
		fprintf(out, "\"partitions\": %" PRIu64 ", \"partition_size\": %" PRIu64 ", \"partitions_taken\": %" PRIu64
			     ", ",
			st.part.count, st.part.part_size, st.part.taken);
	else
		fprintf(out, "\"free_bytes\": %" PRIu64 ", \"holes\": %" PRIu64 ", \"largest_hole\": %" PRIu64
			     ", \"external_frag\": %.4f, \"external_frag_worst\": %.4f, \"compactions\": %" PRIu64
			     ", \"compact_bytes\": %" PRIu64 ", ",
			st.contig.free_bytes, st.contig.holes, st.contig.largest_hole, contig_ext_frag(&st.contig),
			contig_ext_frag(&st.worst),
			st.contig.compactions, st.contig.compact_bytes);
	if (k->cfg.mmu.mech->kind != MMU_MECH_SEGMENTATION)
		fprintf(out, "\"internal_frag_bytes\": %" PRIu64 ", \"internal_frag_peak_bytes\": %" PRIu64
			     ", \"address_space_bytes\": %" PRIu64 ", ",
			st.unused_bytes, st.peak_unused_bytes, st.space_bytes);
	if (k->cfg.mmu.mech->kind == MMU_MECH_SEGMENTATION)
		fprintf(out, "\"code_segments\": %" PRIu64 ", \"code_shared\": %" PRIu64 ", ", st.code_segments,
			st.code_shared);
}

void summary_json(FILE *out, const struct kernel *k, const struct summary_input *in)
{
	const struct kernel_counts *c = &k->c;
	uint64_t ns = in->sim_ns, m[MEM_LEVELS];
	mem_refs(k, m);
	fprintf(out, "{\"references\": %" PRIu64 ", \"tlb_hits\": %" PRIu64 ", \"tlb_misses\": %" PRIu64
		     ", \"page_walk_refs\": %" PRIu64 ", \"mem_l1\": %" PRIu64 ", \"mem_l2\": %" PRIu64
		     ", \"mem_l3\": %" PRIu64 ", \"mem_dram\": %" PRIu64 ", \"page_faults\": %" PRIu64 ", \"minor_faults\": %" PRIu64
		     ", \"major_faults\": %" PRIu64 ", \"evictions\": %" PRIu64 ", \"writebacks\": %" PRIu64
		     ", \"swap_ins\": %" PRIu64 ", \"swap_outs\": %" PRIu64 ", \"shootdowns\": %" PRIu64
		     ", \"pt_frames\": %" PRIu64 ", \"pt_frames_peak\": %" PRIu64 ", \"segfaults\": %" PRIu64 ", \"oom_kills\": %" PRIu64
		     ", \"cow_copies\": %" PRIu64 ", \"sim_ns\": %" PRIu64 ", \"eat_ns\": %.3f, ",
		in->references, in->tlb_hits, in->tlb_misses, k->mmu->c.walk_refs, m[MEM_L1], m[MEM_L2], m[MEM_L3],
		m[MEM_DRAM], c->minor_faults + c->major_faults,
		c->minor_faults, c->major_faults, c->evictions, c->writebacks, c->swap_ins, c->swap_outs,
		k->mmu->c.shootdowns, k->fr.in_use[FRAME_PT], k->fr.peak[FRAME_PT], c->segfaults, c->oom_kills, c->cow_copies, ns,
		ratio(kernel_sim_ns(k), in->references));
	if (in->programs)
		fprintf(out, "\"instructions\": %" PRIu64 ", ", in->instructions);
	fprintf(out, "\"software_ad_bits\": %s, ", k->soft_cleared ? "true" : "false");
	fprintf(out, "\"mechanism\": \"%s\", \"tlb\": %s, ", k->cfg.mmu.mech->name, k->cm ? "false" : "true");
	if (k->cm)
		contiguous_json(out, k);
	processes_json(out, k, in->programs);
	fprintf(out, "}\n");
}
