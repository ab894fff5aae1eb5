/* xlsx_reader_test.h - test hooks for xlsx_reader: read the sheet in chunks
 * of any size, to prove that rows come out the same however the stream is
 * cut.  Not for the program's own use. */
#ifndef BILAN_XLSX_READER_TEST_H
#define BILAN_XLSX_READER_TEST_H

#include "parse/xlsx_reader.h"

/* xlsx_reader_open, feeding the sheet's XML to expat chunk_size bytes at a
 * time (0: the default chunk). */
xlsx_reader *xlsx_reader_open_chunked(const char *path, const char *name, size_t chunk_size,
                                      diag *d);

#endif
