/* csv_reader_test.h - test hooks for csv_reader: read from memory, in
 * chunks of any size.  Not for the program's own use. */
#ifndef BILAN_CSV_READER_TEST_H
#define BILAN_CSV_READER_TEST_H

#include "parse/csv_reader.h"

/* Reads data[0..len) (which must outlive the reader) chunk_size bytes at a
 * time, exactly as csv_reader_open reads a file. */
csv_reader *csv_reader_open_mem(const char *data, size_t len, const char *name,
                                const csv_options *options, size_t chunk_size, diag *d);

/* The bytes read from the file (or memory) so far: each byte is read once. */
size_t csv_reader_bytes_read(const csv_reader *r);

#endif
