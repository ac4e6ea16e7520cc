/* Guest address types and the access vocabulary shared by every layer.
 * Guest addresses are plain integers, never host pointers. */
#ifndef LIB_TYPES_H
#define LIB_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint64_t vaddr_t; /* guest virtual address */
typedef uint64_t paddr_t; /* guest physical address */
typedef uint64_t vpn_t;   /* virtual page number (va >> page_shift) */
typedef uint64_t pfn_t;   /* physical frame number (pa >> page_shift) */
typedef uint64_t pte_t;   /* raw page-table entry, zero-extended */
typedef uint16_t asid_t;  /* address-space identifier */

/* The three kinds of memory access. Their values index permission masks. */
enum access {
	ACCESS_READ = 0,
	ACCESS_WRITE = 1,
	ACCESS_EXEC = 2,
};

/* Privilege of the access: user programs or the kernel. */
enum priv {
	PRIV_USER = 0,
	PRIV_SUPERVISOR = 1,
};

const char *access_name(enum access acc);

#endif
