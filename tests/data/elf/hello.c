/* A freestanding RISC-V program for the ELF parser's tests (tests/test_elf.c):
 * no C library, a _start that sets up gp, and Linux RISC-V system calls
 * (write = 64, exit = 93) through inline asm, so it also runs under
 * qemu-riscv64. It has text, read-only data, initialized data and bss, so the
 * linker makes an executable segment and a read-write one whose memory size is
 * larger than its file size. Build command: see README.md. */

static const char message[] = "hello from vmlab\n";
static volatile long exit_code = 7;     /* .data (or .sdata): file-backed, writable */
static volatile char scratch[8192];     /* .bss: zero-filled, memory only */

static long syscall3(long nr, long a0, long a1, long a2)
{
	register long x10 __asm__("a0") = a0;
	register long x11 __asm__("a1") = a1;
	register long x12 __asm__("a2") = a2;
	register long x17 __asm__("a7") = nr;
	__asm__ volatile("ecall" : "+r"(x10) : "r"(x11), "r"(x12), "r"(x17) : "memory");
	return x10;
}

void start_c(void);
void start_c(void)
{
	scratch[sizeof scratch - 1] = 1;
	syscall3(64, 1, (long)message, sizeof message - 1);
	syscall3(93, exit_code + scratch[sizeof scratch - 1] - 1, 0, 0);
	for (;;)
		;
}

/* The entry point: gp must hold __global_pointer$ before any gp-relative
 * access the linker's relaxation may have made; sp comes from the loader. */
__asm__(".section .text.start, \"ax\"\n"
	".global _start\n"
	"_start:\n"
	".option push\n"
	".option norelax\n"
	"	la gp, __global_pointer$\n"
	".option pop\n"
	"	call start_c\n");
