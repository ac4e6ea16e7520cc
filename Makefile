# vmlab build. `make` builds bin/vmlab; `make test` runs every test; `make san`
# runs them under ASan+UBSan; `make bench` runs the benchmarks; `make fuzz`
# builds the libFuzzer targets and `make fuzz-run` runs each for a while.

ifeq ($(origin CC),default)
CC      := gcc
endif
BUILD   ?= build
OPT     ?= -O2
CFLAGS  ?= $(OPT) -g
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CPPFLAGS += -I. -D_DEFAULT_SOURCE -D_FILE_OFFSET_BITS=64
CLI_DEFS := -DVMLAB_ROOT='"$(CURDIR)"' -DVMLAB_BUILD_DIR='"$(abspath $(BUILD))"'
ALL_CFLAGS = -std=c11 -ffp-contract=off $(WARN) $(CFLAGS) $(EXTRA_CFLAGS) $(CC_QUIRKS) -MMD -MP
# clang 14's SLP vectorizer merges stores whose 64-bit offsets differ by a
# multiple of 2^32 as if they were adjacent (a miscompile the 64 GiB physical
# memory test catches), so it stays off.
ifneq ($(findstring clang,$(CC)),)
CC_QUIRKS := -fno-slp-vectorize
endif
LDLIBS  += -lgmp -lm -ldw -lelf

LAYERS  := lib hw cpu os trace check report
LIB_SRC := $(foreach d,$(LAYERS),$(wildcard $(d)/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/report_page.o
CLI_SRC := $(wildcard cli/*.c)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
TEST_SRC := $(wildcard tests/test_*.c)
TEST_BIN := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
TEST_SUPPORT := $(BUILD)/tests/harness.o $(patsubst %.c,$(BUILD)/%.o,$(wildcard tests/support_*.c))
BENCH_SRC := $(wildcard bench/bench_*.c)
BENCH_BIN := $(BENCH_SRC:bench/%.c=$(BUILD)/bench/%)
VMLAB   := $(BUILD)/vmlab

.PHONY: all test san bench deps clean demo fuzz fuzz-targets fuzz-run
all: $(VMLAB) bin/vmlab

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/cli/guestcc.o: CPPFLAGS += $(CLI_DEFS)

# The HTML report's page, built in as bytes (report/page.h).
$(BUILD)/gen/report_page.c: report/page.html
	@mkdir -p $(dir $@)
	{ echo '#include "report/page.h"'; echo 'const unsigned char report_page[] = {'; \
	  xxd -i < $<; echo ', 0};'; echo 'const size_t report_page_len = sizeof report_page - 1;'; } > $@

$(BUILD)/gen/report_page.o: $(BUILD)/gen/report_page.c
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/libvmlab.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(VMLAB): $(CLI_OBJ) $(BUILD)/libvmlab.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libvmlab.a $(LDLIBS)

bin/vmlab: $(VMLAB)
	@mkdir -p bin
	cp $(VMLAB) $@

$(BUILD)/tests/%: $(BUILD)/tests/%.o $(TEST_SUPPORT) $(BUILD)/libvmlab.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# The option tables', optparse's, the guest compiler's and the tlb exercise's
# tests link the command line's objects but main.
CLI_LIB_OBJ := $(filter-out $(BUILD)/cli/main.o,$(CLI_OBJ))
CLI_TEST_BIN := $(BUILD)/tests/test_opt $(BUILD)/tests/test_guestcc $(BUILD)/tests/test_ex_tlb $(BUILD)/tests/test_pyopt
$(CLI_TEST_BIN): $(BUILD)/tests/%: $(BUILD)/tests/%.o $(CLI_LIB_OBJ) $(TEST_SUPPORT) $(BUILD)/libvmlab.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# The guest runtime's printf engine is plain C: test_format builds it for the
# host too and compares it with the host's glibc.
HOST_FORMAT_OBJ := $(BUILD)/tests/host/format.o $(BUILD)/tests/host/format_float.o
$(BUILD)/tests/host/%.o: guest/lib/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c $< -o $@
$(BUILD)/tests/test_format: $(BUILD)/tests/test_format.o $(HOST_FORMAT_OBJ) $(TEST_SUPPORT) $(BUILD)/libvmlab.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/bench/%: $(BUILD)/bench/%.o $(BUILD)/libvmlab.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

test: $(TEST_BIN) $(VMLAB) guest $(BENCH_BIN) $(GUEST_BENCH)
	@tests/run.sh $(BUILD)

san:
	$(MAKE) BUILD=build-san OPT=-O1 \
		EXTRA_CFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
		LDFLAGS="-fsanitize=address,undefined" test

bench: $(BENCH_BIN) $(VMLAB) $(GUEST_BENCH) $(GUEST_DIR)/sort $(GUEST_DIR)/low/sort $(GUEST_DIR)/seg/sort
	@for b in $(BENCH_BIN); do $$b || exit 1; done
	@bench/report.sh $(BUILD)

# Fuzzing (never part of `make test`): one libFuzzer target per input the
# host parses (tests/fuzz/fuzz_*.c, seeds in tests/fuzz/TARGET/), built with
# clang, ASan and UBSan in build-fuzz. fuzz-run runs each FUZZ_SECONDS.
FUZZ_TARGETS := trace_reader replay elf opt
FUZZ_BIN := $(FUZZ_TARGETS:%=$(BUILD)/fuzz/fuzz_%)
FUZZ_SUPPORT := $(BUILD)/tests/fuzz/fuzz_input.o
FUZZ_SECONDS ?= 20

fuzz:
	$(MAKE) BUILD=build-fuzz CC=clang OPT=-O1 \
		EXTRA_CFLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
		LDFLAGS="-fsanitize=address,undefined" fuzz-targets

fuzz-targets: $(FUZZ_BIN)

$(BUILD)/fuzz/fuzz_%: $(BUILD)/tests/fuzz/fuzz_%.o $(FUZZ_SUPPORT) $(BUILD)/libvmlab.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -fsanitize=fuzzer -o $@ $^ $(LDLIBS)

# The option parsers' target links the command line's objects but main.
$(BUILD)/fuzz/fuzz_opt: $(BUILD)/tests/fuzz/fuzz_opt.o $(FUZZ_SUPPORT) $(CLI_LIB_OBJ) $(BUILD)/libvmlab.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -fsanitize=fuzzer -o $@ $^ $(LDLIBS)

fuzz-run: fuzz
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh build-fuzz $(FUZZ_TARGETS)

deps:
	scripts/install-deps.sh

demo:
	@scripts/demo.sh

clean:
	rm -rf build build-san build-fuzz bin

include guest/guest.mk

# test_symbols reads a guest ELF built with frame pointers and DWARF, the
# same stripped (no .symtab) and without DWARF (strip --strip-debug).
SYMBOLS_DIR := $(BUILD)/tests/symbols
SYMBOLS_ELF := $(SYMBOLS_DIR)/frames $(SYMBOLS_DIR)/frames.stripped $(SYMBOLS_DIR)/frames.nodwarf
RISCV_STRIP ?= riscv64-unknown-elf-strip
$(SYMBOLS_DIR)/frames: tests/symbols/frames.c $(GUEST_CRT0) $(GUEST_LIB) guest/guest.ld | guest-check-cc
	@mkdir -p $(dir $@)
	$(RISCV_CC) $(filter-out -O2 -MMD -MP,$(GUEST_CFLAGS)) -O0 -fno-omit-frame-pointer $(GUEST_LDFLAGS) \
		-o $@ $(GUEST_CRT0) $< $(GUEST_LIB) $(GUEST_LDLIBS)
$(SYMBOLS_DIR)/frames.stripped: $(SYMBOLS_DIR)/frames
	$(RISCV_STRIP) --strip-all -o $@ $<
$(SYMBOLS_DIR)/frames.nodwarf: $(SYMBOLS_DIR)/frames
	$(RISCV_STRIP) --strip-debug -o $@ $<
$(BUILD)/tests/test_symbols.o: CPPFLAGS += -DSYMBOLS_DIR='"$(abspath $(SYMBOLS_DIR))"'
$(BUILD)/tests/test_symbols: | $(SYMBOLS_ELF)

.PHONY: guest-runtime
guest-runtime: $(GUEST_LIB) $(GUEST_CRT0) $(GUEST_MEMCHECK)

-include $(wildcard $(BUILD)/*/*.d $(BUILD)/tests/host/*.d $(BUILD)/tests/fuzz/*.d)
.SECONDARY:
