/* Names and descriptions of translation faults. */
#include "hw/fault.h"
#include "hw/ptfmt.h"

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
	};
	return (unsigned)k < FAULT_KIND_COUNT ? names[k] : "?";
}

unsigned fault_cause(const struct fault *f)
{
	static const unsigned page[3] = {CAUSE_LOAD_PAGE_FAULT, CAUSE_STORE_PAGE_FAULT, CAUSE_FETCH_PAGE_FAULT};
	static const unsigned access[3] = {CAUSE_LOAD_ACCESS, CAUSE_STORE_ACCESS, CAUSE_FETCH_ACCESS};
	return f->kind == FAULT_BUS ? access[f->access] : page[f->access];
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
	default:
		snprintf(buf, len, "%s", fault_kind_name(f->kind));
		break;
	}
}
