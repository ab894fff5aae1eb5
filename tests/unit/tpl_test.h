/* tpl_test.h - helpers shared by the unit tests of template documents. */
#ifndef BILAN_TPL_TEST_H
#define BILAN_TPL_TEST_H

#include "report/template.h"

#include <stdio.h>
#include <stdlib.h>

/* The plain text of block i, in a static buffer (valid until the next call). */
static inline const char *text_of(const tpl_doc *doc, size_t i)
{
    static char buf[512];
    char *t = tpl_block_text(&doc->blocks[i]);
    snprintf(buf, sizeof buf, "%s", t);
    free(t);
    return buf;
}

#endif
