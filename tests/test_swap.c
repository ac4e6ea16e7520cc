/* The swap device: slots allocated lowest first and shared by holders, pages
 * round-tripping through a mapped file (temporary or named, whose contents
 * really are the pages) and through pread/pwrite for what cannot be mapped,
 * and host I/O errors reported with the file and the slot. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "os/swap.h"
#include "tests/harness.h"

#define PAGE 4096

static void open_swap(struct swap *s, const char *path, uint64_t nslots, uint64_t page_size)
{
	char err[300];
	if (!swap_open(s, path, nslots, page_size, err, sizeof err))
		FAIL("swap_open: %s", err);
}

static void fill(uint8_t *page, uint64_t len, uint64_t seed)
{
	for (uint64_t i = 0; i < len; i++)
		page[i] = (uint8_t)(seed * 131 + i * 7 + (i >> 8));
}

/* Writes a distinct page to each of slots [0, n) and reads them back, in
 * reverse order, checking every byte. */
static void round_trip(struct swap *s, uint64_t n)
{
	uint8_t *page = malloc(s->page_size), *back = malloc(s->page_size), *want = malloc(s->page_size);
	char err[300];
	for (uint64_t i = 0; i < n; i++) {
		fill(page, s->page_size, i);
		if (!swap_write(s, i, page, err, sizeof err))
			FAIL("%s", err);
	}
	for (uint64_t i = n; i-- > 0;) {
		fill(want, s->page_size, i);
		if (!swap_read(s, i, back, err, sizeof err))
			FAIL("%s", err);
		if (memcmp(back, want, s->page_size) != 0)
			FAIL("slot %llu came back changed", (unsigned long long)i);
	}
	free(page), free(back), free(want);
}

static void temp_name(char *path, size_t len)
{
	const char *dir = getenv("TMPDIR");
	snprintf(path, len, "%s/vmlab-test-swap-%d", dir && *dir ? dir : "/tmp", (int)getpid());
}

TEST(slots_are_handed_out_lowest_first_and_freed_by_their_last_holder)
{
	struct swap s;
	open_swap(&s, NULL, 130, PAGE);
	uint64_t slot;
	for (uint64_t i = 0; i < 130; i++) {
		CHECK(swap_alloc(&s, &slot));
		CHECK_EQ(slot, i);
	}
	CHECK(!swap_alloc(&s, &slot));
	CHECK_EQ(s.used, 130);
	swap_dup(&s, 70);
	CHECK_EQ(swap_holders(&s, 70), 2);
	swap_free(&s, 70);
	CHECK(!swap_alloc(&s, &slot)); /* still held once */
	swap_free(&s, 70);
	swap_free(&s, 3);
	CHECK_EQ(swap_holders(&s, 70), 0);
	CHECK(swap_alloc(&s, &slot));
	CHECK_EQ(slot, 3);
	CHECK(swap_alloc(&s, &slot));
	CHECK_EQ(slot, 70);
	for (uint64_t i = 0; i < 130; i++)
		swap_free(&s, i);
	CHECK_EQ(s.used, 0);
	swap_close(&s);
}

TEST(the_temporary_swap_file_is_mapped_and_pages_round_trip)
{
	struct swap s;
	open_swap(&s, NULL, 600, PAGE);
	CHECK(s.map != NULL);
	round_trip(&s, 600); /* beyond the first 1 MiB the file has to grow */
	CHECK_EQ(s.backed, 600 * PAGE);
	swap_close(&s);
}

TEST(pages_smaller_than_a_host_page_round_trip)
{
	struct swap s;
	open_swap(&s, NULL, 1000, 32); /* ostep-2level's 32-byte pages */
	CHECK(s.map != NULL);
	round_trip(&s, 1000);
	swap_close(&s);
}

TEST(a_named_swap_file_holds_the_pages_written_to_it)
{
	char path[512], err[300];
	temp_name(path, sizeof path);
	struct swap s;
	open_swap(&s, path, 8, PAGE);
	CHECK(s.map != NULL);
	CHECK_STR(s.path, path);
	uint8_t page[PAGE], got[PAGE];
	fill(page, PAGE, 5);
	CHECK(swap_write(&s, 5, page, err, sizeof err));
	int fd = open(path, O_RDONLY);
	CHECK(fd >= 0);
	CHECK_EQ(pread(fd, got, PAGE, 5 * PAGE), PAGE);
	CHECK(memcmp(got, page, PAGE) == 0);
	close(fd);
	swap_close(&s);
	unlink(path);
}

TEST(a_named_swap_file_is_truncated_when_opened)
{
	char path[512];
	temp_name(path, sizeof path);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0);
	CHECK_EQ(write(fd, "old contents", 12), 12);
	close(fd);
	struct swap s;
	open_swap(&s, path, 8, PAGE);
	struct stat st;
	CHECK(stat(path, &st) == 0);
	CHECK_EQ(st.st_size, 0);
	swap_close(&s);
	unlink(path);
}

TEST(a_device_that_is_not_a_regular_file_is_read_and_written_not_mapped)
{
	struct swap s;
	char err[300] = "";
	uint8_t page[PAGE];
	open_swap(&s, "/dev/zero", 4, PAGE);
	CHECK(s.map == NULL);
	memset(page, 0x77, PAGE);
	CHECK(swap_write(&s, 2, page, err, sizeof err));
	CHECK(swap_read(&s, 2, page, err, sizeof err));
	CHECK_EQ(page[0], 0); /* what /dev/zero gives back: the I/O really went to the device */
	swap_close(&s);
}

TEST(a_full_device_fails_the_write_with_the_file_and_slot)
{
	struct swap s;
	char err[300] = "";
	uint8_t page[PAGE] = {0};
	open_swap(&s, "/dev/full", 4, PAGE);
	CHECK(!swap_write(&s, 3, page, err, sizeof err));
	CHECK_STR(err, "/dev/full: write of swap slot 3 failed: No space left on device");
	swap_close(&s);
}

/* With a file size limit of limit bytes (SIGXFSZ ignored, so that the host
 * reports EFBIG), writes slots 0, 1, ... until one fails; returns its slot. */
static uint64_t first_failing_slot(struct swap *s, rlim_t limit, char *err, size_t errlen)
{
	struct rlimit rl = {limit, limit};
	signal(SIGXFSZ, SIG_IGN);
	CHECK(setrlimit(RLIMIT_FSIZE, &rl) == 0);
	uint8_t page[PAGE] = {1};
	for (uint64_t i = 0; i < s->nslots; i++)
		if (!swap_write(s, i, page, err, errlen))
			return i;
	FAIL("every write succeeded");
}

TEST(a_mapped_file_that_cannot_grow_fails_the_write_that_needs_the_room)
{
	char path[512], err[300];
	temp_name(path, sizeof path);
	struct swap s;
	open_swap(&s, path, 64, PAGE);
	CHECK(s.map != NULL);
	CHECK_EQ(first_failing_slot(&s, 10 * PAGE, err, sizeof err), 10);
	char want[700];
	snprintf(want, sizeof want, "%s: write of swap slot 10 failed: %s", path, strerror(EFBIG));
	CHECK_STR(err, want);
	uint8_t page[PAGE];
	CHECK(swap_read(&s, 9, page, err, sizeof err)); /* what fitted is still there */
	CHECK_EQ(page[0], 1);
	CHECK(!swap_read(&s, 10, page, err, sizeof err));
	snprintf(want, sizeof want, "%s: read of swap slot 10 failed: unexpected end of file", path);
	CHECK_STR(err, want);
	swap_close(&s);
	unlink(path);
}

TEST(the_temporary_file_that_cannot_grow_fails_the_write_too)
{
	char err[300];
	struct swap s;
	open_swap(&s, NULL, 64, PAGE);
	CHECK_EQ(first_failing_slot(&s, 3 * PAGE, err, sizeof err), 3);
	CHECK(strstr(err, "(temporary swap file): write of swap slot 3 failed: ") == err);
	swap_close(&s);
}

TEST(an_unopenable_swap_path_is_refused_with_its_name_and_reason)
{
	struct swap s;
	char err[300] = "";
	CHECK(!swap_open(&s, "/nonexistent-dir/swap", 4, PAGE, err, sizeof err));
	CHECK_STR(err, "/nonexistent-dir/swap: cannot open the swap file: No such file or directory");
}
