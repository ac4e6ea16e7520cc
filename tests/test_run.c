/* Running programs end to end: random bytes as a program, corrupted ELF files
 * and random instructions never crash the host; limits stop a run; a process
 * that sleeps costs no host time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/rng.h"
#include "os/sched.h"
#include "tests/harness.h"

#define HELLO "tests/data/elf/hello.elf"

static uint8_t *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		FAIL("%s: cannot open (run from the repository root)", path);
	uint8_t *buf = malloc(1 << 20);
	*len = fread(buf, 1, 1 << 20, f);
	fclose(f);
	return buf;
}

static void write_file(const char *path, const uint8_t *buf, size_t len)
{
	FILE *f = fopen(path, "wb");
	fwrite(buf, 1, len, f);
	fclose(f);
}

/* Runs path for at most max_insns instructions on a small machine; returns
 * whether it loaded. Output is thrown away. */
static bool run_briefly(const char *path, uint64_t max_insns)
{
	struct kernel_config cfg;
	char err[400];
	kernel_config_defaults(&cfg);
	cfg.user_frames = 64;
	cfg.swap_slots = 64;
	cfg.strict = true;
	struct kernel *k = kernel_new(&cfg, err, sizeof err);
	FILE *sink = fopen("/dev/null", "w");
	struct sched_config sc = {.quantum_insns = 1000, .max_insns = max_insns, .insn_ns = 1, .out = sink,
				  .err = sink, .in = stdin};
	struct sched s;
	sched_init(&s, k, &sc);
	char *argv[] = {"prog"};
	bool loaded = sched_start(&s, path, argv, 1, err, sizeof err) != 0;
	if (loaded)
		CHECK(sched_run(&s) != SCHED_HOST_ERROR);
	else
		CHECK(err[0] != '\0');
	kernel_check(k);
	kernel_free(k);
	fclose(sink);
	return loaded;
}

TEST(random_bytes_as_a_program_are_refused_with_a_message)
{
	char path[] = "/tmp/vmlab-run-XXXXXX";
	close(mkstemp(path));
	struct rng r;
	rng_seed(&r, 5);
	uint8_t buf[2048];
	for (int i = 0; i < 300; i++) {
		size_t len = rng_below(&r, sizeof buf);
		for (size_t j = 0; j < len; j++)
			buf[j] = (uint8_t)rng_next(&r);
		if (i % 3 == 0 && len >= 4)
			memcpy(buf, "\177ELF", 4);
		write_file(path, buf, len);
		CHECK(!run_briefly(path, 10000));
	}
	unlink(path);
}

TEST(corrupted_programs_never_crash_the_host)
{
	char path[] = "/tmp/vmlab-run-XXXXXX";
	close(mkstemp(path));
	size_t len;
	uint8_t *orig = read_file(HELLO, &len), *buf = malloc(len);
	struct rng r;
	rng_seed(&r, 11);
	int loaded = 0;
	for (int i = 0; i < 400; i++) {
		memcpy(buf, orig, len);
		int flips = 1 + (int)rng_below(&r, 8);
		for (int f = 0; f < flips; f++) {
			size_t at = i % 2 ? rng_below(&r, 64 + 2 * 56) : rng_below(&r, len); /* headers, or anywhere */
			buf[at] = (uint8_t)rng_next(&r);
		}
		write_file(path, buf, len);
		loaded += run_briefly(path, 20000);
	}
	CHECK(loaded > 0);
	free(orig);
	free(buf);
	unlink(path);
}

TEST(random_instructions_in_a_valid_program_never_crash_the_host)
{
	char path[] = "/tmp/vmlab-run-XXXXXX";
	close(mkstemp(path));
	size_t len;
	uint8_t *buf = read_file(HELLO, &len);
	struct rng r;
	rng_seed(&r, 3);
	for (int i = 0; i < 200; i++) {
		for (size_t at = 0xe8; at < 0x142; at++) /* hello's code, after the headers */
			buf[at] = (uint8_t)rng_next(&r);
		write_file(path, buf, len);
		CHECK(run_briefly(path, 50000));
	}
	free(buf);
	unlink(path);
}

TEST(a_run_stopped_by_a_limit_leaves_no_stop_behind_for_what_follows)
{
	struct kernel_config cfg;
	char err[400];
	kernel_config_defaults(&cfg);
	cfg.strict = true;
	struct kernel *k = kernel_new(&cfg, err, sizeof err);
	FILE *sink = fopen("/dev/null", "w");
	struct sched_config sc = {.quantum_insns = 1000, .max_insns = 3, .insn_ns = 1, .out = sink, .err = sink,
				  .in = stdin};
	struct sched s;
	sched_init(&s, k, &sc);
	char *argv[] = {"hello"};
	struct proc *p = kernel_proc(k, sched_start(&s, HELLO, argv, 1, err, sizeof err));
	CHECK(p != NULL);
	CHECK_EQ(sched_run(&s), SCHED_LIMIT); /* found by the poll after the slice's first step */
	CHECK_EQ(s.insns, 3);
	CHECK_EQ(p->state, PROC_LIVE);
	CHECK(!kernel_should_stop(k)); /* the run is over: nothing stops midway now */
	kernel_exit(k, p);
	CHECK_EQ(k->fr.in_use[FRAME_USER], 0);
	kernel_check(k);
	kernel_free(k);
	fclose(sink);
}
