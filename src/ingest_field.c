/* ingest_field.c - the typed readers of a record's fields: text, dates,
 * amounts, counts, and keys built from them.  A leaf of ingest: it calls
 * parse/ and lib/, nothing of ingest*.c. */
#include "ingest_field.h"
#include "lib/text.h"
#include "lib/xalloc.h"

#include <string.h>

bool ingest_field_present(const ingest_file *f, column_id col)
{
    int i = f->format->map.index[col];
    return i >= 0;
}

const char *ingest_field_text(const ingest_file *f, column_id col, size_t *len)
{
    int i = f->format->map.index[col];
    if (i < 0 || (size_t)i >= f->rec.count) {
        *len = 0;
        return "";
    }
    *len = f->rec.lengths[i];
    return text_trim(f->rec.fields[i], len);
}

/* The value as a printable NUL-terminated string for messages. */
static const char *quoted(ingest_file *f, column_id col)
{
    size_t len;
    const char *s = ingest_field_text(f, col, &len);
    return ingest_key(f, NULL, s, len);
}

/* "column 'NAME': 'VALUE' what" at the record's line. */
static void report_value(ingest_file *f, column_id col, const char *what)
{
    diag_data(f->d, f->name, f->rec.line, column_name(col), "'%s' %s",
              quoted(f, col), what);
}

ingest_field_status ingest_field_required(ingest_file *f, column_id col,
                                          const char **out, size_t *len)
{
    *out = ingest_field_text(f, col, len);
    if (*len == 0) {
        diag_data(f->d, f->name, f->rec.line, column_name(col), "is empty");
        return INGEST_FIELD_ERROR;
    }
    return INGEST_FIELD_OK;
}

ingest_field_status ingest_field_date(ingest_file *f, column_id col, date *out)
{
    size_t len;
    const char *s = ingest_field_text(f, col, &len);
    date_status st = date_parse(s, len, f->format->order, out);
    if (st == DATE_OK)
        return INGEST_FIELD_OK;
    if (st == DATE_AMBIGUOUS && f->order_unknown)
        return INGEST_FIELD_ERROR;    /* one diagnostic for the file says so */
    if (st == DATE_EMPTY)
        diag_data(f->d, f->name, f->rec.line, column_name(col), "is empty");
    else
        report_value(f, col, date_status_message(st));
    return INGEST_FIELD_ERROR;
}

ingest_field_status ingest_field_amount(ingest_file *f, column_id col, bool empty_is_zero,
                                        int64_t *out)
{
    size_t len;
    const char *s = ingest_field_text(f, col, &len);
    if (len == 0 && empty_is_zero) {
        *out = 0;
        return INGEST_FIELD_OK;
    }
    money_status st = money_parse(s, len, f->format->decimal, out);
    if (st == MONEY_OK)
        return INGEST_FIELD_OK;
    if (st == MONEY_EMPTY)
        diag_data(f->d, f->name, f->rec.line, column_name(col), "is empty");
    else
        report_value(f, col, money_status_message(st));
    return INGEST_FIELD_ERROR;
}

ingest_field_status ingest_field_count(ingest_file *f, column_id col, int64_t *out)
{
    size_t len;
    const char *s = ingest_field_text(f, col, &len);
    int64_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9' || n > (INT64_MAX - 9) / 10) {
            report_value(f, col, "is not a whole number >= 0");
            return INGEST_FIELD_ERROR;
        }
        n = n * 10 + (s[i] - '0');
    }
    *out = n;
    return INGEST_FIELD_OK;
}

const char *ingest_key(ingest_file *f, const char *prefix, const char *s, size_t len)
{
    size_t plen = prefix ? strlen(prefix) + 1 : 0;
    xgrow((void **)&f->scratch, &f->scratch_cap, plen + len + 1, 1);
    if (prefix) {
        memcpy(f->scratch, prefix, plen - 1);
        f->scratch[plen - 1] = '\x1f';
    }
    memcpy(f->scratch + plen, s, len);
    f->scratch[plen + len] = '\0';
    return f->scratch;
}
