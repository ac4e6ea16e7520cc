/* Process entry. The kernel (or qemu-riscv64) starts _start with the Linux
 * RISC-V initial stack; a0..a7 and the other registers carry nothing:
 *
 *   sp -> argc                    (8 bytes; sp is 16-byte aligned)
 *         argv[0] .. argv[argc-1] (pointers to NUL-terminated strings)
 *         NULL
 *         envp[0] .. envp[n-1]
 *         NULL
 *         auxv: (type, value) pairs of 8 bytes each, ending with AT_NULL
 *         ... the strings themselves, higher up
 *
 * _start sets gp, calls main(argc, argv, envp) and then exit(status), which
 * flushes stdio and calls exit_group. */
	.section .text.start, "ax", @progbits
	.globl _start
	.type _start, @function
_start:
	.option push
	.option norelax
	la	gp, __global_pointer$
	.option pop
	ld	a0, 0(sp)		/* argc */
	addi	a1, sp, 8		/* argv */
	slli	t0, a0, 3
	add	a2, a1, t0
	addi	a2, a2, 8		/* envp = argv + argc + 1 */
	la	t1, environ
	sd	a2, 0(t1)
	andi	sp, sp, -16
	li	s0, 0			/* end of the frame-pointer chain */
	li	ra, 0
	call	main
	call	exit
1:	j	1b
	.size _start, . - _start
