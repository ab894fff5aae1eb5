/* csv_floor.c - the benchmark's floor for reading: parses CSV files with
 * libcsv once, in 64 KiB chunks, and does nothing with the fields but count
 * them.  bilan cannot read its input faster than this; bench/run.sh compares
 * the whole pipeline (detail sheets off) with it.
 *
 *     csv_floor FILE...
 *
 * Prints "records=N fields=N bytes=N" to stdout. */
#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

typedef struct counts {
    unsigned long long records, fields, bytes;
} counts;

static void on_field(void *field, size_t len, void *data)
{
    counts *c = data;
    (void)field;
    c->fields++;
    c->bytes += len;
}

static void on_record(int end, void *data)
{
    counts *c = data;
    (void)end;
    c->records++;
}

static int parse_file(const char *path, counts *c)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "csv_floor: %s: %s\n", path, strerror(errno));
        return -1;
    }
    struct csv_parser p;
    csv_init(&p, CSV_APPEND_NULL);
    static char buf[1 << 16];
    size_t n;
    int rc = 0;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        if (csv_parse(&p, buf, n, on_field, on_record, c) != n) {
            fprintf(stderr, "csv_floor: %s: %s\n", path, csv_strerror(csv_error(&p)));
            rc = -1;
            break;
        }
    }
    if (ferror(f))
        rc = -1;
    csv_fini(&p, on_field, on_record, c);
    csv_free(&p);
    fclose(f);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs("usage: csv_floor FILE...\n", stderr);
        return 64;
    }
    counts c = {0};
    for (int i = 1; i < argc; i++)
        if (parse_file(argv[i], &c) != 0)
            return 65;
    printf("records=%llu fields=%llu bytes=%llu\n", c.records, c.fields, c.bytes);
    return 0;
}
