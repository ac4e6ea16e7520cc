/* report/page.html, built into vmlab (the build makes report/page.c from
 * it with xxd): the page html.c writes with a run's data in it. */
#ifndef REPORT_PAGE_H
#define REPORT_PAGE_H

#include <stddef.h>

extern const unsigned char report_page[]; /* its bytes and a final NUL */
extern const size_t report_page_len;

#endif
