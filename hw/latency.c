/* The latency model: a weighted sum of the counters. */
#include "hw/latency.h"

#include <string.h>

void latency_defaults(struct latency *lat)
{
	lat->tlb_hit_ns = 1;
	lat->tlb_l2_ns = 4;
	lat->mem_ns[MEM_L1] = 1;
	lat->mem_ns[MEM_L2] = 4;
	lat->mem_ns[MEM_L3] = 40;
	lat->mem_ns[MEM_DRAM] = 80;
	lat->fault_ns = 1000;
	lat->disk_read_ns = 100000;
	lat->disk_write_ns = 100000;
}

bool latency_set(struct latency *lat, const char *name, uint64_t ns)
{
	static const struct {
		const char *name;
		size_t offset;
	} fields[] = {
		{"tlb", offsetof(struct latency, tlb_hit_ns)},
		{"tlb-l2", offsetof(struct latency, tlb_l2_ns)},
		{"l1", offsetof(struct latency, mem_ns[MEM_L1])},
		{"l2", offsetof(struct latency, mem_ns[MEM_L2])},
		{"l3", offsetof(struct latency, mem_ns[MEM_L3])},
		{"dram", offsetof(struct latency, mem_ns[MEM_DRAM])},
		{"fault", offsetof(struct latency, fault_ns)},
		{"disk-read", offsetof(struct latency, disk_read_ns)},
		{"disk-write", offsetof(struct latency, disk_write_ns)},
	};
	for (size_t i = 0; i < ARRAY_LEN(fields); i++) {
		if (strcmp(fields[i].name, name) == 0) {
			memcpy((char *)lat + fields[i].offset, &ns, sizeof ns);
			return true;
		}
	}
	return false;
}

uint64_t latency_ns(const struct latency *lat, const struct hw_counts *c)
{
	uint64_t ns = c->translations * lat->tlb_hit_ns + c->tlb_l2_lookups * lat->tlb_l2_ns;
	for (int l = 0; l < MEM_LEVELS; l++)
		ns += c->mem_refs[l] * lat->mem_ns[l];
	ns += c->faults * lat->fault_ns;
	ns += c->disk_reads * lat->disk_read_ns + c->disk_writes * lat->disk_write_ns;
	return ns;
}
