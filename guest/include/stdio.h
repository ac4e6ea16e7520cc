/* printf and friends. stdout is buffered and flushed when the buffer fills,
 * at exit, and before fork, execve and abort; stderr is unbuffered.
 * Formats: %d %i %u %x %X %o %c %s %p %f %F %e %E %g %G %a %A %% with
 * flags -0+ space #, width, precision (both may be *), and hh h l ll z j t
 * length modifiers. Floating-point conversions print exact digits, rounded
 * half to even like glibc, at any precision. Anything else (%Lf, %n, %ls,
 * %1$d, ...) is not supported: the output ends with "%!" and the
 * conversion, then "(unsupported)", and the call returns -1 (errno EINVAL). */
#ifndef _STDIO_H
#define _STDIO_H

#include <stdarg.h>
#include <stddef.h>

#define EOF (-1)

typedef struct file FILE;
extern FILE *const stdout;
extern FILE *const stderr;

int printf(const char *restrict fmt, ...) __attribute__((format(printf, 1, 2)));
int fprintf(FILE *restrict f, const char *restrict fmt, ...)
	__attribute__((format(printf, 2, 3)));
int sprintf(char *restrict buf, const char *restrict fmt, ...)
	__attribute__((format(printf, 2, 3)));
int snprintf(char *restrict buf, size_t size, const char *restrict fmt, ...)
	__attribute__((format(printf, 3, 4)));
int vprintf(const char *restrict fmt, va_list ap);
int vfprintf(FILE *restrict f, const char *restrict fmt, va_list ap);
int vsprintf(char *restrict buf, const char *restrict fmt, va_list ap);
int vsnprintf(char *restrict buf, size_t size, const char *restrict fmt, va_list ap);

int putchar(int c);
int puts(const char *s);
int fputc(int c, FILE *f);
int fputs(const char *restrict s, FILE *restrict f);
/* Writes out f's buffer (every stream's when f is NULL); EOF on a write error. */
int fflush(FILE *f);
/* Prints "s: " (when s is neither NULL nor empty), then strerror(errno), to stderr. */
void perror(const char *s);

#endif
