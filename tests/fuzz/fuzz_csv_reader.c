/* fuzz_csv_reader.c - libFuzzer harness: the CSV reader on an arbitrary
 * file.  The first byte picks the options (encoding, delimiter); the rest
 * is the file, read to the end with csv_reader_next.  Records must come in
 * non-decreasing line order with well-formed fields. */
#include "parse/csv_reader.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const csv_encoding encodings[] = {
        CSV_ENCODING_AUTO, CSV_ENCODING_UTF8, CSV_ENCODING_CP1252,
    };
    static const char delimiters[] = {0, ',', ';', '\t'};
    csv_options opt = {
        .encoding = encodings[(data[0] & 3) % 3],
        .delimiter = delimiters[(data[0] >> 2) & 3],
    };
    const char *path = fuzz_write("data", data + 1, size - 1);
    diag d;
    diag_init(&d, NULL);
    csv_reader *r = csv_reader_open(path, "data.csv", &opt, &d);
    if (!r)
        return 0;
    csv_record rec;
    size_t last_line = 0;
    int rc;
    while ((rc = csv_reader_next(r, &rec)) == 1) {
        if (rec.line < last_line || rec.line == 0)
            abort();
        last_line = rec.line;
        for (size_t i = 0; i < rec.count; i++)
            if (rec.fields[i][rec.lengths[i]] != '\0')
                abort();   /* every field NUL-terminated at its length */
    }
    if (rc == -1 && !diag_failed(&d))
        abort();   /* a read error is always reported */
    (void)csv_reader_delimiter(r);
    (void)csv_reader_encoding(r);
    csv_reader_free(r);
    return 0;
}
