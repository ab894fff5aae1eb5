/* record_source.c - a CSV file or a workbook's first sheet behind one
 * reader: each call goes to csv_reader or xlsx_reader. */
#include "parse/record_source.h"
#include "lib/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct record_source {
    csv_reader *csv; /* one of the two */
    xlsx_reader *sheet;
    char *name;
    csv_options options;
    size_t count; /* fields of the last record */
};

record_source *record_source_open(const char *path, const char *name, const csv_options *options,
                                  diag *d)
{
    record_source *s = xcalloc(1, sizeof *s);
    if (options)
        s->options = *options;
    if (xlsx_reader_is_spreadsheet(path))
        s->sheet = xlsx_reader_open(path, name, d);
    else
        s->csv = csv_reader_open(path, name, options, d);
    if (!s->csv && !s->sheet) {
        free(s);
        return NULL;
    }
    s->name = xstrdup(name);
    return s;
}

record_source *record_source_of_csv(csv_reader *r, const char *name)
{
    if (!r)
        return NULL;
    record_source *s = xcalloc(1, sizeof *s);
    s->csv = r;
    s->name = xstrdup(name);
    return s;
}

int record_source_next(record_source *s, csv_record *rec)
{
    int got = s->sheet ? xlsx_reader_next(s->sheet, rec) : csv_reader_next(s->csv, rec);
    s->count = got > 0 ? rec->count : 0;
    return got;
}

csv_reader *record_source_csv(record_source *s)
{
    return s->csv;
}

bool record_source_is_sheet(const record_source *s)
{
    return s->sheet != NULL;
}

xlsx_cell_kind record_source_kind(const record_source *s, size_t field)
{
    if (s->sheet)
        return xlsx_reader_kind(s->sheet, field);
    return field < s->count ? XLSX_CELL_TEXT : XLSX_CELL_EMPTY;
}

char *record_source_place(const record_source *s, size_t line, size_t field, char *buf, size_t size)
{
    if (s->sheet)
        return xlsx_reader_place(s->sheet, line, field, buf, size);
    snprintf(buf, size, "%s", s->name);
    return buf;
}

char record_source_delimiter(const record_source *s)
{
    return s->csv ? csv_reader_delimiter(s->csv) : s->options.delimiter;
}

csv_encoding record_source_encoding(const record_source *s)
{
    return s->csv ? csv_reader_encoding(s->csv) : s->options.encoding;
}

bool record_source_guessing(const record_source *s)
{
    return s->csv && csv_reader_guessing(s->csv);
}

bool record_source_overturned(const record_source *s)
{
    return s->csv && csv_reader_overturned(s->csv);
}

void record_source_free(record_source *s)
{
    if (!s)
        return;
    csv_reader_free(s->csv);
    xlsx_reader_free(s->sheet);
    free(s->name);
    free(s);
}
