/* Page-table format presets and the three PTE encodings (RISC-V, x86-64, OSTEP). */
#include "hw/ptfmt.h"

#include <stdio.h>
#include <string.h>

const char *const ptfmt_preset_names[] = {"sv39", "sv48", "sv32", "x86-64", "ostep-2level", "linear", NULL};

/* Fills the derived fields and checks the geometry; returns PTFMT_EINVAL with a message. */
static enum ptfmt_status finish(struct pt_format *f, char *err, size_t errlen)
{
	unsigned sum = 0;
	if (f->levels < 1 || f->levels > PT_MAX_LEVELS) {
		snprintf(err, errlen, "page tables need 1 to %d levels, not %u", PT_MAX_LEVELS, f->levels);
		return PTFMT_EINVAL;
	}
	for (unsigned l = 0; l < f->levels; l++) {
		if (f->level_bits[l] < 1 || f->level_bits[l] > PTFMT_MAX_LEVEL_BITS) {
			snprintf(err, errlen, "each level needs 1 to %d index bits, not %u", PTFMT_MAX_LEVEL_BITS,
				 f->level_bits[l]);
			return PTFMT_EINVAL;
		}
		f->level_shift[l] = sum;
		sum += f->level_bits[l];
	}
	if (f->page_shift < PTFMT_MIN_PAGE_SHIFT || f->page_shift > PTFMT_MAX_PAGE_SHIFT) {
		snprintf(err, errlen, "page size must be a power of two from %llu bytes to %llu GiB",
			 1ull << PTFMT_MIN_PAGE_SHIFT, 1ull << PTFMT_MAX_PAGE_SHIFT >> 30);
		return PTFMT_EINVAL;
	}
	if (f->page_shift + sum != f->va_bits || f->va_bits > PTFMT_MAX_VA_BITS) {
		snprintf(err, errlen, "a %u-bit virtual address cannot be split into a %u-bit offset and %u index bits",
			 f->va_bits, f->page_shift, sum);
		return PTFMT_EINVAL;
	}
	f->canon_top = f->canonical ? mask_bits(65 - f->va_bits) : 1;
	if (f->page_shift + f->pfn_bits > 62) {
		snprintf(err, errlen, "physical addresses would need more than 62 bits");
		return PTFMT_EINVAL;
	}
	for (unsigned l = 0; l < f->levels; l++) {
		f->index_shift[l] = f->page_shift + f->level_shift[l];
		f->index_mask[l] = mask_bits(f->level_bits[l]);
	}
	f->pfn_mask = mask_bits(f->pfn_bits);
	return PTFMT_OK;
}

static void set_bits(struct pt_format *f, unsigned levels, unsigned each)
{
	f->levels = levels;
	for (unsigned l = 0; l < levels; l++)
		f->level_bits[l] = each;
}

enum ptfmt_status ptfmt_preset(struct pt_format *f, const char *name, unsigned page_shift, unsigned va_bits,
			       char *err, size_t errlen)
{
	memset(f, 0, sizeof *f);
	snprintf(f->name, sizeof f->name, "%s", name);
	f->page_shift = 12;
	f->pte_size = 8;
	f->pfn_bits = 44;
	f->style = PTE_STYLE_RISCV;
	if (strcmp(name, "sv39") == 0) {
		set_bits(f, 3, 9);
		f->va_bits = 39, f->canonical = true, f->superpage_levels = 0x6;
	} else if (strcmp(name, "sv48") == 0) {
		set_bits(f, 4, 9);
		f->va_bits = 48, f->canonical = true, f->superpage_levels = 0xe;
	} else if (strcmp(name, "sv32") == 0) {
		set_bits(f, 2, 10);
		f->va_bits = 32, f->pte_size = 4, f->pfn_bits = 22, f->superpage_levels = 0x2;
	} else if (strcmp(name, "x86-64") == 0) {
		set_bits(f, 4, 9);
		f->va_bits = 48, f->canonical = true, f->superpage_levels = 0x6;
		f->pfn_bits = 40, f->style = PTE_STYLE_X86;
	} else if (strcmp(name, "ostep-2level") == 0) {
		set_bits(f, 2, 5);
		f->page_shift = 5, f->va_bits = 15, f->pte_size = 1, f->pfn_bits = 7;
		f->style = PTE_STYLE_OSTEP;
	} else if (strcmp(name, "linear") == 0) {
		f->page_shift = page_shift ? page_shift : 12;
		f->va_bits = va_bits ? va_bits : 32;
		if (f->va_bits <= f->page_shift) {
			snprintf(err, errlen, "a %u-bit address space has no room for pages of 2^%u bytes",
				 f->va_bits, f->page_shift);
			return PTFMT_EINVAL;
		}
		set_bits(f, 1, f->va_bits - f->page_shift);
		if (f->va_bits <= 32)
			f->pte_size = 4, f->pfn_bits = 22;
	} else {
		snprintf(err, errlen, "unknown page-table preset '%s' (sv39, sv48, sv32, x86-64, ostep-2level, linear, custom)",
			 name);
		return PTFMT_EINVAL;
	}
	return finish(f, err, errlen);
}

enum ptfmt_status ptfmt_custom(struct pt_format *f, unsigned page_shift, unsigned va_bits, unsigned levels,
			       const unsigned *bits_root_first, unsigned pte_size, char *err, size_t errlen)
{
	memset(f, 0, sizeof *f);
	snprintf(f->name, sizeof f->name, "custom");
	if (pte_size != 4 && pte_size != 8) {
		snprintf(err, errlen, "custom page tables take 4- or 8-byte entries, not %u", pte_size);
		return PTFMT_EINVAL;
	}
	if (levels < 1 || levels > PT_MAX_LEVELS) {
		snprintf(err, errlen, "page tables need 1 to %d levels, not %u", PT_MAX_LEVELS, levels);
		return PTFMT_EINVAL;
	}
	f->page_shift = page_shift;
	f->va_bits = va_bits;
	f->levels = levels;
	for (unsigned l = 0; l < levels; l++)
		f->level_bits[l] = bits_root_first[levels - 1 - l];
	f->pte_size = pte_size;
	f->pfn_bits = pte_size == 4 ? 22 : 44;
	f->superpage_levels = (unsigned)mask_bits(levels) & ~1u;
	f->style = PTE_STYLE_RISCV;
	return finish(f, err, errlen);
}

static pte_t encode_riscv(const struct pt_format *f, pfn_t pfn, unsigned flags, bool leaf)
{
	pfn &= mask_bits(f->pfn_bits);
	return (pfn << 10) | PTE_V | (leaf ? (flags & PTE_FLAG_MASK) : 0);
}

static pte_t encode_x86(pfn_t pfn, unsigned flags, unsigned level, bool leaf)
{
	pte_t raw = X86_P | ((pfn & mask_bits(40)) << 12);
	if (!leaf)
		return raw | X86_RW | X86_US;
	raw |= (flags & PTE_W) ? X86_RW : 0;
	raw |= (flags & PTE_U) ? X86_US : 0;
	raw |= (flags & PTE_X) ? 0 : X86_NX;
	raw |= (flags & PTE_A) ? X86_A : 0;
	raw |= (flags & PTE_D) ? X86_D : 0;
	raw |= (flags & PTE_G) ? X86_G : 0;
	raw |= (flags & PTE_SW0) ? X86_AVL0 : 0;
	raw |= (flags & PTE_SW1) ? X86_AVL1 : 0;
	return raw | (level > 0 ? X86_PS : 0);
}

pte_t ptfmt_encode(const struct pt_format *f, pfn_t pfn, unsigned flags, unsigned level, bool leaf)
{
	switch (f->style) {
	case PTE_STYLE_RISCV: return encode_riscv(f, pfn, flags, leaf);
	case PTE_STYLE_X86: return encode_x86(pfn, flags, level, leaf);
	case PTE_STYLE_OSTEP: return OSTEP_VALID | (pfn & 0x7f);
	}
	panic("bad PTE style %d", f->style);
}

static void decode_x86(const struct pt_format *f, pte_t raw, unsigned level, struct pte_info *out)
{
	bool ps = level > 0 && (raw & X86_PS);
	out->leaf = level == 0 || ps;
	out->reserved = ps && !(f->superpage_levels & (1u << level));
	out->pfn = (raw >> 12) & mask_bits(40);
	unsigned fl = (raw & X86_P) ? PTE_V | PTE_R : 0;
	fl |= (raw & X86_RW) ? PTE_W : 0;
	fl |= (raw & X86_US) ? PTE_U : 0;
	fl |= (raw & X86_NX) ? 0 : PTE_X;
	fl |= (raw & X86_A) ? PTE_A : 0;
	if (out->leaf) {
		fl |= (raw & X86_D) ? PTE_D : 0;
		fl |= (raw & X86_G) ? PTE_G : 0;
		fl |= (raw & X86_AVL0) ? PTE_SW0 : 0;
		fl |= (raw & X86_AVL1) ? PTE_SW1 : 0;
	}
	out->flags = fl;
}

void ptfmt_decode_other(const struct pt_format *f, pte_t raw, unsigned level, struct pte_info *out)
{
	switch (f->style) {
	case PTE_STYLE_RISCV:
		ptfmt_decode(f, raw, level, out);
		return;
	case PTE_STYLE_X86:
		decode_x86(f, raw, level, out);
		return;
	case PTE_STYLE_OSTEP:
		out->flags = (raw & OSTEP_VALID) ? PTE_V | PTE_R | PTE_W | PTE_X | PTE_U : 0;
		out->pfn = raw & 0x7f;
		out->leaf = level == 0;
		out->reserved = false;
		return;
	}
	panic("bad PTE style %d", f->style);
}

pte_t ptfmt_set_ad(const struct pt_format *f, pte_t raw, unsigned ad)
{
	switch (f->style) {
	case PTE_STYLE_RISCV: return raw | (ad & (PTE_A | PTE_D));
	case PTE_STYLE_X86: return raw | ((ad & PTE_A) ? X86_A : 0) | ((ad & PTE_D) ? X86_D : 0);
	case PTE_STYLE_OSTEP: return raw;
	}
	panic("bad PTE style %d", f->style);
}

void ptfmt_flag_string(unsigned flags, char *buf)
{
	static const char letters[] = "VRWXUGAD";
	for (int i = 0; i < 8; i++)
		buf[i] = (flags & (1u << i)) ? letters[i] : '-';
	buf[8] = '\0';
}
