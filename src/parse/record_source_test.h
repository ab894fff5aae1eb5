/* record_source_test.h - test hooks for record_source: a source over a
 * csv_reader made elsewhere (csv_reader_open_mem, in chunks of any size).
 * Not for the program's own use. */
#ifndef BILAN_RECORD_SOURCE_TEST_H
#define BILAN_RECORD_SOURCE_TEST_H

#include "parse/record_source.h"

/* A source reading r, which it now owns (record_source_free frees it);
 * name is what diagnostics call the file.  NULL when r is NULL. */
record_source *record_source_of_csv(csv_reader *r, const char *name);

#endif
