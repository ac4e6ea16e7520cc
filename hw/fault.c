/* Names and descriptions of translation faults. */
#include "hw/fault.h"
#include "hw/ptfmt.h"

#include <inttypes.h>
#include <stdio.h>

const char *fault_kind_name(enum fault_kind k)
{
	static const char *const names[FAULT_KIND_COUNT] = {
		[FAULT_NONE] = "none",
		[FAULT_VA_RANGE] = "va-range",
		[FAULT_NOT_PRESENT] = "not-present",
		[FAULT_PROTECTION] = "protection",
		[FAULT_MISALIGNED] = "misaligned-superpage",
		[FAULT_RESERVED] = "reserved-pte",
		[FAULT_AD] = "accessed-dirty",
		[FAULT_BUS] = "bus-error",
		[FAULT_TLB_MISS] = "tlb-miss",
		[FAULT_BOUNDS] = "bounds",
		[FAULT_SEGMENT] = "segment-limit",
		[FAULT_SEG_PROT] = "segment-protection",
	};
	return (unsigned)k < FAULT_KIND_COUNT ? names[k] : "?";
}

/* The faults of the mechanisms without pages are access faults, as a
 * RISC-V PMP violation is (privileged spec, "Physical Memory Protection"). */
static bool is_access_fault(enum fault_kind k)
{
	return k == FAULT_BUS || k == FAULT_BOUNDS || k == FAULT_SEGMENT || k == FAULT_SEG_PROT;
}

unsigned fault_cause(const struct fault *f)
{
	static const unsigned page[3] = {CAUSE_LOAD_PAGE_FAULT, CAUSE_STORE_PAGE_FAULT, CAUSE_FETCH_PAGE_FAULT};
	static const unsigned access[3] = {CAUSE_LOAD_ACCESS, CAUSE_STORE_ACCESS, CAUSE_FETCH_ACCESS};
	return is_access_fault(f->kind) ? access[f->access] : page[f->access];
}

/* Why a leaf refused the access, from the bits it violated. */
static const char *refusal(const struct fault *f)
{
	if (f->violated & PTE_U)
		return f->priv == PRIV_USER ? "a supervisor-only page (no U)" : "a user page (U) from the supervisor";
	if (f->violated & PTE_W)
		return "the page is not writable (no W)";
	if (f->violated & PTE_X)
		return "the page is not executable (no X)";
	return "the page is not readable (no R)";
}

static const char *access_verb(enum access acc)
{
	return acc == ACCESS_WRITE ? "write" : acc == ACCESS_EXEC ? "fetch" : "read";
}

/* A segment's refusal: the first of R, W, X it lacks. */
static const char *seg_refusal(unsigned violated)
{
	return violated & PTE_W ? "not writable" : violated & PTE_X ? "not executable" : "not readable";
}

/* "0x2010", "-0x1010": a segment offset, negative for one that grows down. */
static void format_offset(int64_t off, char *buf, size_t len)
{
	if (off < 0)
		snprintf(buf, len, "-0x%" PRIx64, (uint64_t)0 - (uint64_t)off);
	else
		snprintf(buf, len, "0x%" PRIx64, (uint64_t)off);
}

static void describe_segment(const struct fault *f, char *buf, size_t len)
{
	char off[24];
	format_offset(f->offset, off, sizeof off);
	if (f->kind == FAULT_SEGMENT)
		snprintf(buf, len, "segmentation violation: %s at offset %s of the %s segment, beyond its limit 0x%" PRIx64,
			 access_verb(f->access), off, f->segment ? f->segment : "?", f->limit);
	else
		snprintf(buf, len, "segmentation violation: %s at offset %s of the %s segment, which is %s",
			 access_verb(f->access), off, f->segment ? f->segment : "?", seg_refusal(f->violated));
}

void fault_describe(const struct fault *f, char *buf, size_t len)
{
	switch (f->kind) {
	case FAULT_NOT_PRESENT:
		snprintf(buf, len, "not present (invalid PTE at level %d)", f->level);
		break;
	case FAULT_PROTECTION:
		snprintf(buf, len, "protection: %s", refusal(f));
		break;
	case FAULT_MISALIGNED:
		snprintf(buf, len, "misaligned superpage at level %d", f->level);
		break;
	case FAULT_RESERVED:
		snprintf(buf, len, "reserved PTE encoding at level %d", f->level);
		break;
	case FAULT_VA_RANGE:
		snprintf(buf, len, "address out of range or not canonical");
		break;
	case FAULT_AD:
		snprintf(buf, len, "%s bit clear (software-managed A/D)", f->access == ACCESS_WRITE ? "A or D" : "A");
		break;
	case FAULT_BUS:
		snprintf(buf, len, "bus error (outside physical memory)");
		break;
	case FAULT_BOUNDS:
		snprintf(buf, len, "bounds violation: %s at va 0x%" PRIx64 ", not below the bounds 0x%" PRIx64,
			 access_verb(f->access), f->va, f->limit);
		break;
	case FAULT_SEGMENT:
	case FAULT_SEG_PROT:
		describe_segment(f, buf, len);
		break;
	default:
		snprintf(buf, len, "%s", fault_kind_name(f->kind));
		break;
	}
}
