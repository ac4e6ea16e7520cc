/* Text and JSON summaries of a run. */
#include "report/summary.h"

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
static void ending(const struct proc *p, char *buf, size_t len)
{
	if (p->state != PROC_ZOMBIE && p->state != PROC_DEAD)
		snprintf(buf, len, "running");
	else if (p->wait_status & 0x7f)
		snprintf(buf, len, "signal %d", p->wait_status & 0x7f);
	else
		snprintf(buf, len, "exit %d", (p->wait_status >> 8) & 0xff);
}

static void process_rows(FILE *out, const struct kernel *k)
{
	fprintf(out, "process  resident  swapped  faults\n");
	for (size_t i = 0; i < k->nprocs; i++) {
		const struct proc *p = k->procs[i];
		fprintf(out, "%7d  %8" PRIu64 "  %7" PRIu64 "  %6" PRIu64 "%s\n", p->pid, p->as.resident,
			kernel_swapped_pages(p), p->minor_faults + p->major_faults, p->death[0] ? "  killed" : "");
	}
}

static void program_rows(FILE *out, const struct kernel *k)
{
	fprintf(out, "  pid name             instructions   TLB hits TLB misses  faults resident swapped  COW  ending\n");
	for (size_t i = 0; i < k->nprocs; i++) {
		const struct proc *p = k->procs[i];
		uint64_t hits, misses;
		char end[32];
		kernel_tlb_counts(k, p, &hits, &misses);
		ending(p, end, sizeof end);
		fprintf(out, "%5d %-16.16s %12" PRIu64 " %10" PRIu64 " %10" PRIu64 " %7" PRIu64 " %8" PRIu64 " %7" PRIu64
			     " %4" PRIu64 "  %s\n",
			p->pid, p->name, kernel_proc_insns(p), hits, misses, p->minor_faults + p->major_faults, p->as.resident,
			kernel_swapped_pages(p), p->cow_copies, end);
	}
}

void summary_print(FILE *out, const struct kernel *k, const struct summary_input *in)
{
	const struct kernel_counts *c = &k->c;
	uint64_t ns = in->sim_ns;
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

static void process_json(FILE *out, const struct kernel *k, const struct proc *p, bool programs, bool first)
{
	fprintf(out, "%s{\"pid\": %d, \"resident\": %" PRIu64 ", \"swapped\": %" PRIu64 ", \"faults\": %" PRIu64
		     ", \"killed\": %s",
		first ? "" : ", ", p->pid, p->as.resident, kernel_swapped_pages(p), p->minor_faults + p->major_faults,
		p->death[0] ? "true" : "false");
	if (programs) {
		uint64_t hits, misses;
		kernel_tlb_counts(k, p, &hits, &misses);
		bool ended = p->state == PROC_ZOMBIE || p->state == PROC_DEAD;
		fprintf(out, ", \"name\": \"%s\", \"instructions\": %" PRIu64 ", \"tlb_hits\": %" PRIu64
			     ", \"tlb_misses\": %" PRIu64 ", \"cow_copies\": %" PRIu64,
			p->name, kernel_proc_insns(p), hits, misses, p->cow_copies);
		if (!ended)
			fprintf(out, ", \"exit_status\": null, \"signal\": null");
		else if (p->wait_status & 0x7f)
			fprintf(out, ", \"exit_status\": null, \"signal\": %d", p->wait_status & 0x7f);
		else
			fprintf(out, ", \"exit_status\": %d, \"signal\": null", (p->wait_status >> 8) & 0xff);
	}
	fputc('}', out);
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
	fprintf(out, "\"software_ad_bits\": %s, \"processes\": [", k->soft_cleared ? "true" : "false");
	for (size_t i = 0; i < k->nprocs; i++)
		process_json(out, k, k->procs[i], in->programs, i == 0);
	fprintf(out, "]}\n");
}
