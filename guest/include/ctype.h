/* Character classes of the "C" locale (ASCII). Each takes an int that is an
 * unsigned char value or EOF and returns nonzero when the class matches. */
#ifndef _CTYPE_H
#define _CTYPE_H

int isalnum(int c);
int isalpha(int c);
int isblank(int c);
int iscntrl(int c);
int isdigit(int c);
int isgraph(int c);
int islower(int c);
int isprint(int c);
int ispunct(int c);
int isspace(int c);
int isupper(int c);
int isxdigit(int c);
/* The other case of a letter; any other value is returned unchanged. */
int tolower(int c);
int toupper(int c);

#endif
