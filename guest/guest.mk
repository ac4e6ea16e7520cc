# Guest programs: the freestanding RISC-V runtime (BUILD/guest/libvmlab.a and
# crt0.o) and every tests/guest/NAME.c linked into the ELF BUILD/guest/NAME;
# the benchmarks' bench/guest/NAME.c into BUILD/guest/bench/NAME (GUEST_BENCH).
# Included from the main Makefile (which sets BUILD), or standalone:
#   make -f guest/guest.mk guest        (BUILD defaults to build)
# Targets: guest (everything), guest-test (builds, then runs
# tests/guest_diff.sh $(GUEST_DIFF) $(BUILD); GUEST_DIFF defaults to
# --qemu-only until `vmlab run` exists: set it empty for the full
# differential run), guest-clean. A missing cross compiler is an error that
# says to run `make deps`, never a silent skip.

GUEST_STANDALONE := $(if $(filter %guest/guest.mk,$(firstword $(MAKEFILE_LIST))),yes)
GUEST_SAVED_GOAL := $(.DEFAULT_GOAL)

BUILD     ?= build
RISCV_CC  ?= riscv64-unknown-elf-gcc
RISCV_AR  ?= riscv64-unknown-elf-ar
GUEST_DIFF ?= --qemu-only

# Freestanding RV64IMAC, no libc and no float; -lgcc only for integer
# helpers (__int128 division). -fno-tree-loop-distribute-patterns keeps gcc
# from turning the runtime's own memset/memcpy loops into calls to themselves.
GUEST_ARCH    := -march=rv64imac -mabi=lp64
GUEST_CFLAGS  := $(GUEST_ARCH) -static -nostdlib -ffreestanding -fno-pic -O2 -g -std=c11 \
	-Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-fno-tree-loop-distribute-patterns -fno-stack-protector \
	-fno-asynchronous-unwind-tables -fno-unwind-tables -Iguest/include -MMD -MP
GUEST_LDFLAGS := $(GUEST_ARCH) -static -nostdlib -T guest/guest.ld \
	-Wl,--build-id=none -Wl,-z,max-page-size=4096
GUEST_LDLIBS  := -lgcc

GUEST_DIR      := $(BUILD)/guest
GUEST_LIB      := $(GUEST_DIR)/libvmlab.a
GUEST_CRT0     := $(GUEST_DIR)/obj/crt0.o
# The checked malloc (guest/lib/malloc.c built with VMLAB_MEMCHECK), linked
# ahead of the library only under `vmlab run --memcheck` (cli/guestcc.c).
GUEST_MEMCHECK := $(GUEST_DIR)/obj/memcheck/malloc.o
GUEST_LIB_OBJ  := $(patsubst guest/lib/%.c,$(GUEST_DIR)/obj/lib/%.o,$(wildcard guest/lib/*.c))
GUEST_PROGS    := $(patsubst tests/guest/%.c,$(GUEST_DIR)/%,$(wildcard tests/guest/*.c))
GUEST_BENCH    := $(patsubst bench/guest/%.c,$(GUEST_DIR)/bench/%,$(wildcard bench/guest/*.c))
# The test programs linked for the mechanisms before paging (guest/guest.ld):
# low/ with the text at 0 (partition, base-bounds), seg/ with the data in
# segmentation's heap segment too.
GUEST_LOW      := $(patsubst $(GUEST_DIR)/%,$(GUEST_DIR)/low/%,$(GUEST_PROGS))
GUEST_SEG      := $(patsubst $(GUEST_DIR)/%,$(GUEST_DIR)/seg/%,$(GUEST_PROGS))
GUEST_LOW_LD   := -Wl,--defsym=__vmlab_text=0
GUEST_SEG_LD   := $(GUEST_LOW_LD) -Wl,--defsym=__vmlab_data=0x40000000

.PHONY: guest guest-test guest-clean guest-check-cc
guest: $(GUEST_LIB) $(GUEST_CRT0) $(GUEST_MEMCHECK) $(GUEST_PROGS) $(GUEST_LOW) $(GUEST_SEG)

guest-test: guest
	tests/guest_diff.sh $(GUEST_DIFF) $(BUILD)

guest-check-cc:
	@command -v $(RISCV_CC) >/dev/null 2>&1 && command -v $(RISCV_AR) >/dev/null 2>&1 || { \
		echo "guest: $(RISCV_CC) (or $(RISCV_AR)) not found; run 'make deps' to install gcc-riscv64-unknown-elf" >&2; \
		exit 1; }

$(GUEST_DIR)/obj/lib/%.o: guest/lib/%.c | guest-check-cc
	@mkdir -p $(dir $@)
	$(RISCV_CC) $(GUEST_CFLAGS) -c $< -o $@

$(GUEST_MEMCHECK): guest/lib/malloc.c | guest-check-cc
	@mkdir -p $(dir $@)
	$(RISCV_CC) $(GUEST_CFLAGS) -DVMLAB_MEMCHECK -c $< -o $@

$(GUEST_DIR)/obj/tests/%.o: tests/guest/%.c | guest-check-cc
	@mkdir -p $(dir $@)
	$(RISCV_CC) $(GUEST_CFLAGS) -c $< -o $@

$(GUEST_DIR)/obj/bench/%.o: bench/guest/%.c | guest-check-cc
	@mkdir -p $(dir $@)
	$(RISCV_CC) $(GUEST_CFLAGS) -c $< -o $@

$(GUEST_CRT0): guest/crt0.S | guest-check-cc
	@mkdir -p $(dir $@)
	$(RISCV_CC) $(GUEST_CFLAGS) -c $< -o $@

$(GUEST_LIB): $(GUEST_LIB_OBJ)
	@rm -f $@
	$(RISCV_AR) rcs $@ $^

$(GUEST_PROGS): $(GUEST_DIR)/%: $(GUEST_DIR)/obj/tests/%.o $(GUEST_CRT0) $(GUEST_LIB) guest/guest.ld
	$(RISCV_CC) $(GUEST_LDFLAGS) -o $@ $(GUEST_CRT0) $< $(GUEST_LIB) $(GUEST_LDLIBS)

$(GUEST_LOW): $(GUEST_DIR)/low/%: $(GUEST_DIR)/obj/tests/%.o $(GUEST_CRT0) $(GUEST_LIB) guest/guest.ld
	@mkdir -p $(dir $@)
	$(RISCV_CC) $(GUEST_LDFLAGS) $(GUEST_LOW_LD) -o $@ $(GUEST_CRT0) $< $(GUEST_LIB) $(GUEST_LDLIBS)

$(GUEST_SEG): $(GUEST_DIR)/seg/%: $(GUEST_DIR)/obj/tests/%.o $(GUEST_CRT0) $(GUEST_LIB) guest/guest.ld
	@mkdir -p $(dir $@)
	$(RISCV_CC) $(GUEST_LDFLAGS) $(GUEST_SEG_LD) -o $@ $(GUEST_CRT0) $< $(GUEST_LIB) $(GUEST_LDLIBS)

$(GUEST_BENCH): $(GUEST_DIR)/bench/%: $(GUEST_DIR)/obj/bench/%.o $(GUEST_CRT0) $(GUEST_LIB) guest/guest.ld
	@mkdir -p $(dir $@)
	$(RISCV_CC) $(GUEST_LDFLAGS) -o $@ $(GUEST_CRT0) $< $(GUEST_LIB) $(GUEST_LDLIBS)

guest-clean:
	rm -rf $(GUEST_DIR)

-include $(wildcard $(GUEST_DIR)/obj/*.d $(GUEST_DIR)/obj/*/*.d)

# Standalone, `guest` is the default goal; included, the includer's stays.
ifeq ($(GUEST_STANDALONE),yes)
.DEFAULT_GOAL := guest
else
.DEFAULT_GOAL := $(GUEST_SAVED_GOAL)
endif
