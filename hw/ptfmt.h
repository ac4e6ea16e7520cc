/* Page-table formats: the geometry of one generic radix tree (page size, VA
 * width, levels, index bits per level, PTE size) and the bit layout of its
 * entries. Every format translates to and from one canonical set of flags, laid
 * out like RISC-V's (privileged spec, section "Sv39"):
 *
 *   63      54 53                        10 9   8 7 6 5 4 3 2 1 0
 *  | reserved |          PPN              | RSW |D|A|G|U|X|W|R|V|
 *
 * A VA is split, from the top, into one index per level and the page offset:
 *
 *   sv39:  | sign ext. 63..39 | VPN[2] 38..30 | VPN[1] 29..21 | VPN[0] 20..12 | offset 11..0 |
 *
 * Level numbering follows the spec: level 0 is the last (leaf) level, the root
 * is level levels-1. A leaf at level L > 0 is a superpage. */
#ifndef HW_PTFMT_H
#define HW_PTFMT_H

#include "lib/types.h"
#include "lib/util.h"

#define PT_MAX_LEVELS 6
/* The geometry every format keeps within (ptfmt_preset and ptfmt_custom
 * refuse anything else): pages of 4 bytes to 1 GiB, 1 to 32 index bits per
 * level, virtual addresses of at most 64 bits. */
#define PTFMT_MIN_PAGE_SHIFT 2
#define PTFMT_MAX_PAGE_SHIFT 30
#define PTFMT_MAX_LEVEL_BITS 32
#define PTFMT_MAX_VA_BITS 64

/* Canonical flags (the RISC-V PTE bits). */
#define PTE_V (1u << 0)
#define PTE_R (1u << 1)
#define PTE_W (1u << 2)
#define PTE_X (1u << 3)
#define PTE_U (1u << 4)
#define PTE_G (1u << 5)
#define PTE_A (1u << 6)
#define PTE_D (1u << 7)
#define PTE_SW0 (1u << 8) /* RSW: free for the kernel */
#define PTE_SW1 (1u << 9)
#define PTE_RWX (PTE_R | PTE_W | PTE_X)
#define PTE_FLAG_MASK 0x3ffu

/* x86-64 PTE bits (Intel SDM vol. 3, 4.5, "4-level paging"). */
#define X86_P (1ull << 0)
#define X86_RW (1ull << 1)
#define X86_US (1ull << 2)
#define X86_A (1ull << 5)
#define X86_D (1ull << 6)
#define X86_PS (1ull << 7)
#define X86_G (1ull << 8)
#define X86_AVL0 (1ull << 9)
#define X86_AVL1 (1ull << 10)
#define X86_NX (1ull << 63)

/* OSTEP's multi-level homework: one byte, valid at bit 7, PFN in bits 6..0. */
#define OSTEP_VALID 0x80u

enum pte_style {
	PTE_STYLE_RISCV, /* leaf when R or X is set; permissions from the leaf only */
	PTE_STYLE_X86,   /* leaf at level 0 or with PS; W, U and X are ANDed down the walk */
	PTE_STYLE_OSTEP, /* valid + PFN only; every valid page is readable, writable, executable */
};

struct pt_format {
	char name[16];
	unsigned page_shift;               /* log2 of the base page size */
	unsigned va_bits;                  /* page_shift + sum of level_bits */
	unsigned levels;                   /* 1 .. PT_MAX_LEVELS */
	unsigned level_bits[PT_MAX_LEVELS]; /* index bits at each level (0 = leaf level) */
	unsigned level_shift[PT_MAX_LEVELS]; /* VPN bits spanned below each level (derived) */
	unsigned index_shift[PT_MAX_LEVELS]; /* where each level's index starts in a VA (derived) */
	uint64_t index_mask[PT_MAX_LEVELS];  /* and its mask, once shifted down (derived) */
	uint64_t pfn_mask;                 /* mask of pfn_bits (derived) */
	uint64_t canon_top;                /* va >> (va_bits - 1) of a high canonical VA (derived) */
	unsigned pte_size;                 /* 1, 4 or 8 bytes */
	unsigned pfn_bits;                 /* width of the PPN field */
	unsigned superpage_levels;         /* bit L set: a leaf may sit at level L > 0 */
	bool canonical;                    /* bits above va_bits must copy bit va_bits-1 */
	enum pte_style style;
};

/* A decoded entry. */
struct pte_info {
	pfn_t pfn;
	unsigned flags;  /* canonical flags; for x86 the PTE's own (not yet ANDed) */
	bool leaf;
	bool reserved;   /* an encoding the hardware refuses (W without R, PS where not allowed, ...) */
};

enum ptfmt_status {
	PTFMT_OK = 0,
	PTFMT_EINVAL,
};

/* Fills f with a named preset: sv39, sv48, sv32, x86-64, ostep-2level, or
 * linear (which takes page_shift and va_bits; 0 picks 12 and 32). Returns
 * PTFMT_EINVAL and a message in err for an unknown name or bad parameters. */
WARN_UNUSED enum ptfmt_status ptfmt_preset(struct pt_format *f, const char *name, unsigned page_shift,
					   unsigned va_bits, char *err, size_t errlen);

/* Builds a custom RISC-V-style format from explicit parameters; level_bits is
 * given root first, as a user writes it ("9,9,9"). Checks that the sum of the
 * bits plus the offset is the VA width, that the PTE size is 4 or 8, and that
 * everything fits in 64 bits. */
WARN_UNUSED enum ptfmt_status ptfmt_custom(struct pt_format *f, unsigned page_shift, unsigned va_bits,
					   unsigned levels, const unsigned *bits_root_first, unsigned pte_size,
					   char *err, size_t errlen);

/* Names of the presets, NULL-terminated, for help texts. */
extern const char *const ptfmt_preset_names[];

/* Encodes a leaf (leaf=true) or a pointer to the next table. flags are
 * canonical; for a pointer only PTE_V matters (x86 pointers get P|RW|US). */
pte_t ptfmt_encode(const struct pt_format *f, pfn_t pfn, unsigned flags, unsigned level, bool leaf);

/* Decodes x86-64 and OSTEP entries (ptfmt_decode's out-of-line part). */
void ptfmt_decode_other(const struct pt_format *f, pte_t raw, unsigned level, struct pte_info *out);

/* Decodes raw at the given level. Only meaningful when flags has PTE_V.
 * RISC-V entries, the common case of every walk, decode inline. The other
 * styles decode into a copy, so that *out's address never escapes and the
 * compiler can keep it in registers (through memory, the byte-sized fields
 * written and then read back as one word stall the host's store forwarding). */
/* ptfmt_decode for a format whose style and PTE size are given (constants in
 * a caller specialised for them, such as the hardware walk). */
static inline void ptfmt_decode_as(const struct pt_format *f, enum pte_style style, unsigned pte_size, pte_t raw,
				   unsigned level, struct pte_info *out)
{
	if (style != PTE_STYLE_RISCV) {
		struct pte_info other;
		ptfmt_decode_other(f, raw, level, &other);
		*out = other;
		return;
	}
	out->flags = (unsigned)(raw & PTE_FLAG_MASK);
	out->pfn = (raw >> 10) & f->pfn_mask;
	out->leaf = (out->flags & (PTE_R | PTE_X)) != 0;
	out->reserved = ((out->flags & PTE_W) && !(out->flags & PTE_R)) || (pte_size == 8 && (raw >> 54) != 0);
}

static inline void ptfmt_decode(const struct pt_format *f, pte_t raw, unsigned level, struct pte_info *out)
{
	ptfmt_decode_as(f, f->style, f->pte_size, raw, level, out);
}

/* Returns raw with the A and/or D bits named in ad (canonical PTE_A, PTE_D) set;
 * a format without A/D bits returns raw unchanged. */
pte_t ptfmt_set_ad(const struct pt_format *f, pte_t raw, unsigned ad);

/* True when the format has A/D bits the hardware can set. */
static inline bool ptfmt_has_ad(const struct pt_format *f) { return f->style != PTE_STYLE_OSTEP; }

/* Number of base pages one entry at level L spans, as a shift of the VPN. */
static inline unsigned ptfmt_level_shift(const struct pt_format *f, unsigned level)
{
	return f->level_shift[level];
}

/* Bytes one entry at level L maps (the page size at that level). */
static inline uint64_t ptfmt_level_bytes(const struct pt_format *f, unsigned level)
{
	return 1ull << (f->page_shift + f->level_shift[level]);
}

/* Index into the level-L table for va. */
static inline uint64_t ptfmt_index(const struct pt_format *f, vaddr_t va, unsigned level)
{
	return (va >> f->index_shift[level]) & f->index_mask[level];
}

/* Bytes of one table at level L (2^bits entries of pte_size bytes). */
static inline uint64_t ptfmt_table_bytes(const struct pt_format *f, unsigned level)
{
	return (uint64_t)f->pte_size << f->level_bits[level];
}

/* Frames one table at level L occupies (at least one). */
static inline uint64_t ptfmt_table_frames(const struct pt_format *f, unsigned level)
{
	uint64_t page = 1ull << f->page_shift, b = ptfmt_table_bytes(f, level);
	return (b + page - 1) / page;
}

/* True when va is a valid address of the format (in range, canonical). */
static inline bool ptfmt_va_ok(const struct pt_format *f, vaddr_t va)
{
	if (f->va_bits >= 64)
		return true;
	uint64_t top = va >> (f->va_bits - 1);
	return top <= (f->canonical ? 0 : 1) || top == f->canon_top;
}

/* Writes "V R W X U G A D" style flag letters (with '-' for clear bits) into buf (>= 11 bytes). */
void ptfmt_flag_string(unsigned flags, char *buf);

#endif
