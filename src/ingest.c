/* ingest.c - read the input folder: the table of files, the per-file
 * driver (open, header, conventions learnt from the values, deferred rows),
 * and the detail walk that reads the ledger files and activities.csv again
 * for the workbook.  Both open a file the same way (open_mapped) and hand
 * each record to the row readers of ingest_{accounts,ledger,activities,
 * people}.c, which only this file calls.
 *
 * Any input may be CSV or an .xlsx workbook's first sheet (record_source);
 * the file of an input is NAME.csv or NAME.xlsx (find_input), the ledger
 * every ledger*.csv|xlsx (read_ledgers), each read through the import
 * engine (parse/import.h): bilan's own layout is read record by record
 * here, an accounting product's export as the lines import_next returns.
 * Trial balances are read after the ledger (ingest_trial.c). */
#include "ingest.h"
#include "ingest_field.h"
#include "ingest_split.h"
#include "lib/files.h"
#include "lib/progress.h"
#include "lib/text.h"
#include "lib/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* ---- conventions learnt from the values -------------------------------- */

/* Whether a date is written year first (2014-03-31, 2014/03/31): such a
 * date says nothing about the day/month order and never waits for it. */
static bool year_first(const char *s, size_t len)
{
    for (size_t i = 0; i < 4 && i < len; i++)
        if (s[i] < '0' || s[i] > '9')
            return false; /* "1/15/2025" is not */
    return len >= 5 && (s[4] == '-' || s[4] == '/');
}

/* The money columns a row of this file has; the ledger's amount wins over
 * debit/credit when both are there. */
static size_t money_columns(const ingest_file *f, column_id cols[4])
{
    size_t n = 0;
    if (ingest_field_present(f, COL_AMOUNT)) {
        cols[n++] = COL_AMOUNT;
    } else {
        if (ingest_field_present(f, COL_DEBIT))
            cols[n++] = COL_DEBIT;
        if (ingest_field_present(f, COL_CREDIT))
            cols[n++] = COL_CREDIT;
    }
    if (ingest_field_present(f, COL_HOURS))
        cols[n++] = COL_HOURS;
    if (ingest_field_present(f, COL_BALANCE))
        cols[n++] = COL_BALANCE;
    return n;
}

/* First pass only: what this row's values say about the decimal mark and
 * the day/month order.  Conflicts are left to the parsers to report. */
static void learn_conventions(ingest_file *f)
{
    input_format *fmt = f->format;
    size_t len;
    if (fmt->decimal == MONEY_DECIMAL_AUTO) {
        column_id cols[4];
        size_t n = money_columns(f, cols);
        for (size_t i = 0; i < n && fmt->decimal == MONEY_DECIMAL_AUTO; i++) {
            if (ingest_field_is_number(f, cols[i]))
                continue; /* a sheet's number says nothing of the text */
            const char *s = ingest_field_text(f, cols[i], &len);
            money_evidence ev = money_evidence_of(s, len);
            if (ev != MONEY_EVIDENCE_NONE) {
                fmt->decimal =
                    ev == MONEY_EVIDENCE_POINT ? MONEY_DECIMAL_POINT : MONEY_DECIMAL_COMMA;
                f->decimal_line = f->rec.line;
            }
        }
    }
    if (fmt->order == DATE_ORDER_AUTO && ingest_field_present(f, COL_DATE)) {
        const char *s = ingest_field_text(f, COL_DATE, &len);
        if (year_first(s, len))
            return;
        date_order ev = date_order_evidence(s, len);
        if (ev != DATE_ORDER_AUTO) {
            fmt->order = ev;
            f->order_line = f->rec.line;
        }
    }
}

static bool known_at(bool fixed, size_t learnt_line, size_t line)
{
    return fixed || (learnt_line && learnt_line <= line);
}

/* Whether the current row needed, when first read, a convention that was
 * not yet known.  The same answer in both passes, so the second pass
 * processes exactly the rows the first one put aside. */
static bool row_deferred(ingest_file *f, bool note)
{
    size_t line = f->rec.line, len;
    bool deferred = false;
    if (!known_at(f->decimal_fixed, f->decimal_line, line)) {
        column_id cols[4];
        size_t n = money_columns(f, cols);
        for (size_t i = 0; i < n; i++) {
            int64_t ignored;
            if (ingest_field_is_number(f, cols[i]))
                continue;
            const char *s = ingest_field_text(f, cols[i], &len);
            if (money_parse(s, len, MONEY_DECIMAL_AUTO, &ignored) == MONEY_AMBIGUOUS)
                deferred = true;
        }
    }
    if (ingest_field_present(f, COL_DATE) && !known_at(f->order_fixed, f->order_line, line)) {
        const char *s = ingest_field_text(f, COL_DATE, &len);
        date ignored;
        if (!year_first(s, len) &&
            date_parse(s, len, DATE_ORDER_AUTO, &ignored) == DATE_AMBIGUOUS) {
            deferred = true;
            if (note && !f->deferred_date_line)
                f->deferred_date_line = line;
        }
    }
    return deferred;
}

/* ---- the driver -------------------------------------------------------- */

/* The extensions an input file may have: CSV, or a workbook (an .xls or
 * .ods is found too, to be refused with a clear message). */
static const char *const input_exts[] = { "csv", "xlsx", "xlsm", "xls", "ods", NULL };

/* A record kept beyond the next read. */
typedef struct kept_record {
    csv_record rec;
    char *data;
} kept_record;

static void keep_record(kept_record *k, const csv_record *rec)
{
    size_t total = 0;
    for (size_t i = 0; i < rec->count; i++)
        total += rec->lengths[i] + 1;
    k->data = xmalloc(total ? total : 1);
    k->rec =
        (csv_record){ rec->line, rec->count, xcalloc(rec->count ? rec->count : 1, sizeof(char *)),
                      xcalloc(rec->count ? rec->count : 1, sizeof(size_t)), NULL };
    char *p = k->data;
    for (size_t i = 0; i < rec->count; i++) {
        memcpy(p, rec->fields[i], rec->lengths[i]);
        p[rec->lengths[i]] = '\0';
        k->rec.fields[i] = p;
        k->rec.lengths[i] = rec->lengths[i];
        p += rec->lengths[i] + 1;
    }
}

static void kept_free(kept_record *k)
{
    free(k->rec.fields);
    free(k->rec.lengths);
    free(k->data);
}

/* The memory the deferred rows of one file may take; beyond, they are not
 * kept but read again from the file (see deferred_rows). */
enum { DEFERRED_KEPT_MAX = 8 << 20 };

/* A deferred row: its record and, for an export's line, the line. */
typedef struct deferred_row {
    kept_record rec;
    import_line line; /* its strings in line_text, its record rec */
    char *line_text;
} deferred_row;

/* The rows a file's first pass put aside, in line order, kept to be read
 * after its last row (deferred_read) as they are, instead of reading the
 * file again.  When they would take more than DEFERRED_KEPT_MAX (a file
 * whose first many megabytes never tell the day/month order: rare), or the
 * file is a workbook's sheet (whose cells' kinds are not kept), none is
 * kept (reread) and the file is read again for them (f->rereading). */
typedef struct deferred_rows {
    deferred_row *rows;
    size_t count, cap;
    size_t bytes; /* what the rows kept take */
    bool reread;
} deferred_rows;

static void deferred_free(deferred_rows *d)
{
    for (size_t i = 0; i < d->count; i++) {
        kept_free(&d->rows[i].rec);
        free(d->rows[i].line_text);
    }
    free(d->rows);
    d->rows = NULL;
    d->count = d->cap = d->bytes = 0;
}

/* Copies the strings of an export's line into one new buffer of *size
 * bytes, which *copy (otherwise a copy of l) points into. */
static char *keep_line_strings(const import_line *l, import_line *copy, size_t *size)
{
    const char *const from[] = { l->date,         l->account, l->account_name,
                                 l->counterparty, l->memo,    l->ref };
    const char **const to[] = { &copy->date,         &copy->account, &copy->account_name,
                                &copy->counterparty, &copy->memo,    &copy->ref };
    enum { N = sizeof from / sizeof from[0] };
    size_t total = 0;
    for (size_t i = 0; i < N; i++)
        total += from[i] ? strlen(from[i]) + 1 : 0;
    *copy = *l;
    *size = total;
    char *text = xmalloc(total ? total : 1), *p = text;
    for (size_t i = 0; i < N; i++) {
        if (!from[i])
            continue;
        size_t len = strlen(from[i]) + 1;
        memcpy(p, from[i], len);
        *to[i] = p;
        p += len;
    }
    return text;
}

/* Keeps a copy of the current row, which the first pass puts aside, or
 * stops keeping any when over budget (deferred_rows). */
static void deferred_keep(ingest_file *f, deferred_rows *d)
{
    if (d->reread)
        return;
    xgrow((void **)&d->rows, &d->cap, d->count + 1, sizeof *d->rows);
    deferred_row *k = &d->rows[d->count++];
    keep_record(&k->rec, &f->rec);
    size_t size = sizeof *k + f->rec.count * (sizeof(char *) + sizeof(size_t) + 1), text = 0;
    for (size_t i = 0; i < f->rec.count; i++)
        size += f->rec.lengths[i];
    k->line_text = NULL;
    if (f->is_imported) {
        k->line_text = keep_line_strings(&f->imported, &k->line, &text);
        k->line.record = k->rec.rec;
    }
    d->bytes += size + text;
    if (d->bytes > DEFERRED_KEPT_MAX) {
        deferred_free(d);
        d->reread = true;
    }
}

static size_t filled_fields(const csv_record *rec)
{
    size_t n = 0;
    for (size_t i = 0; i < rec->count; i++) {
        size_t len = rec->lengths[i];
        text_trim(rec->fields[i], &len);
        n += len > 0;
    }
    return n;
}

/* A header below title rows: when the first record holds one value at
 * most (a title: the company, "Account List"), the first of the next
 * records that maps as the file's header.  0 when found (f->rec is it),
 * else -1 and nothing reported. */
static int header_below_titles(ingest_file *f, record_source *r, const kept_record *first)
{
    const config *cfg = f->m->config;
    if (filled_fields(&first->rec) > 1)
        return -1;
    diag quiet;
    diag_init(&quiet, NULL);
    for (int n = 0; n < IMPORT_SCAN_ROWS; n++) {
        if (record_source_next(r, &f->rec) <= 0)
            return -1;
        if (filled_fields(&f->rec) > 1 &&
            columns_map_header(f->kind, &f->rec, &cfg->columns[f->kind], f->name, &f->format->map,
                               &quiet) == 0)
            return 0;
    }
    return -1;
}

/* Maps the header of a file other than the ledger into f->format->map:
 * its first record, or the first after title rows.  0, or -1 reported. */
static int map_header(ingest_file *f, record_source *r)
{
    const config *cfg = f->m->config;
    int got = record_source_next(r, &f->rec);
    if (got == 0)
        diag_data(f->d, f->name, 0, NULL, "the file is empty: no header line");
    if (got <= 0)
        return -1;
    diag quiet;
    diag_init(&quiet, NULL);
    if (columns_map_header(f->kind, &f->rec, &cfg->columns[f->kind], f->name, &f->format->map,
                           &quiet) == 0)
        return 0;
    kept_record first;
    keep_record(&first, &f->rec);
    int rc = header_below_titles(f, r, &first);
    if (rc != 0)
        columns_map_header(f->kind, &first.rec, &cfg->columns[f->kind], f->name, &f->format->map,
                           f->d);
    kept_free(&first);
    return rc;
}

/* Opens the ledger through the import engine, which finds its header and
 * its layout: bilan's own (tidy: its records are read here), or an
 * accounting product's export (its lines come from import_next, their
 * money written "-1234.56"). */
static int open_ledger(ingest_file *f, record_source *r, bool quiet)
{
    const config *cfg = f->m->config;
    import_options o = { cfg->import_profile, &cfg->columns[INPUT_LEDGER], cfg->decimal, quiet };
    f->ir = import_open(r, f->name, &o, f->d);
    if (!f->ir)
        return -1;
    f->format->map = *import_column_map(f->ir);
    f->is_imported = !import_is_tidy(f->ir);
    if (f->is_imported) {
        f->format->decimal = MONEY_DECIMAL_POINT;
        f->decimal_fixed = true;
    }
    return 0;
}

/* Opens the file f->format says, with its conventions, and maps its
 * header into f->format->map; problems go to f->d.  NULL when it cannot be
 * read.  Both passes and the detail walk open files here, CSV or .xlsx
 * alike (record_source). */
static record_source *open_mapped(ingest_file *f, bool quiet)
{
    record_source *r = record_source_open(f->format->path, f->name, &f->format->csv, f->d);
    if (!r)
        return NULL;
    int rc = f->kind == INPUT_LEDGER ? open_ledger(f, r, quiet) : map_header(f, r);
    if (rc != 0) {
        record_source_free(r);
        return NULL;
    }
    f->src = f->is_imported ? NULL : r;
    return r;
}

/* The next record of the file: its own, or the import's next line. */
static int next_record(ingest_file *f, record_source *r)
{
    if (!f->is_imported)
        return record_source_next(r, &f->rec);
    int got = import_next(f->ir, &f->imported);
    if (got > 0)
        f->rec = f->imported.record;
    return got;
}

/* Closes what open_mapped opened. */
static void close_mapped(ingest_file *f, record_source *r)
{
    import_close(f->ir);
    f->ir = NULL;
    f->is_imported = false;
    f->src = NULL;
    record_source_free(r);
}

/* Whether every field of the record is empty or white space: the lines of
 * bare delimiters (";;;;") that spreadsheets leave are blank lines too. */
static bool record_blank(const csv_record *rec)
{
    for (size_t i = 0; i < rec->count; i++) {
        size_t len = rec->lengths[i];
        text_trim(rec->fields[i], &len);
        if (len)
            return false;
    }
    return true;
}

/* Whether the record's fields line up with the header (columns_fit);
 * when they do not, reports it at its line if report.  Such a record is
 * not read: its values would land in the wrong columns (an unquoted
 * 1,234.56 in a comma file must never become 1.00). */
static bool record_fits(ingest_file *f, bool report)
{
    const csv_record *rec = &f->rec;
    size_t last = rec->count;
    while (last > f->format->map.fields) { /* the last non-empty field, if beyond */
        size_t len = rec->lengths[last - 1];
        text_trim(rec->fields[last - 1], &len);
        if (len)
            break;
        last--;
    }
    int missing;
    if (columns_fit(&f->format->map, rec->count, last, &missing))
        return true;
    if (!report)
        return false;
    if (missing < 0)
        ingest_problem(f, COL_COUNT, "fields", "%zu fields, the header has %zu", rec->count,
                       f->format->map.fields);
    else
        ingest_problem(f, COL_COUNT, "fields",
                       "%zu field%s, the header has %zu (no field for '%s')", rec->count,
                       rec->count == 1 ? "" : "s", f->format->map.fields,
                       column_name((column_id)missing));
    return false;
}

/* The longest text a column may hold, in bytes: names and codes are
 * printed in tables and titles (and the PDF library fails on very long
 * strings); a memo only goes to a workbook cell, which holds 32,767. */
enum { NAME_BYTES_MAX = 1000, MEMO_BYTES_MAX = 32767 };

/* Whether every field is within its column's length; reports, if report,
 * each that is not.  Such a record is not read. */
static bool record_lengths_ok(ingest_file *f, bool report)
{
    bool ok = true;
    for (int c = 0; c < COL_COUNT; c++) {
        int i = f->format->map.index[c];
        if (i < 0 || (size_t)i >= f->rec.count)
            continue;
        size_t len = f->rec.lengths[i], max = c == COL_MEMO ? MEMO_BYTES_MAX : NAME_BYTES_MAX;
        if (len > max) /* (only a long field is worth trimming) */
            text_trim(f->rec.fields[i], &len);
        if (len <= max)
            continue;
        ok = false;
        if (report)
            ingest_problem(f, (column_id)c, "too long", "is %zu bytes long, more than %zu", len,
                           max);
    }
    return ok;
}

/* Whether the record can be read: its fields line up with the header and
 * none is too long.  Reports why not, if report (the first pass). */
static bool record_readable(ingest_file *f, bool report)
{
    return record_fits(f, report) && record_lengths_ok(f, report);
}

/* Warns about each field of a column whose characters XML forbids were
 * replaced by U+FFFD (csv_record): every output shows the replacement. */
static void warn_replaced(ingest_file *f)
{
    for (int c = 0; c < COL_COUNT; c++) {
        int i = f->format->map.index[c];
        if (i >= 0 && (size_t)i < f->rec.count && f->rec.replaced[i])
            ingest_warning(f, (column_id)c, "xml",
                           "a control character (or U+FFFE, "
                           "U+FFFF) that no output can hold is replaced by U+FFFD");
    }
}

/* Says, for --check, how the ledger file was read: its import profile
 * and what it counted ("ledger.csv: qbo-gl (line 5): 18 transaction rows,
 * ..."; "ledger.csv: bilan (line 1)"). */
static void note_import(ingest_file *f)
{
    char summary[512], line[1024];
    import_summary(f->ir, summary, sizeof summary);
    snprintf(line, sizeof line, "%s: %s", f->name, summary);
    model_add_note(f->m, line);
}

/* After the first pass: a day/month order the file never told is one
 * diagnostic for the file.  (An amount whose decimal mark stayed unknown
 * is reported at its own line when its row is read after the last.) */
static void report_unknown_order(ingest_file *f)
{
    if (!f->deferred_date_line || f->format->order != DATE_ORDER_AUTO)
        return;
    diag_data(f->d, f->name, f->deferred_date_line, "date",
              "the day/month order cannot be detected (no day above 12); "
              "set [csv] date_order = dmy or mdy in report.ini");
    f->order_unknown = true;
}

/* After the first pass, the rows it put aside and kept, in line order,
 * with the same checks as when the file is read again for them. */
static void deferred_read(ingest_file *f, ingest_row_fn fn, const deferred_rows *d)
{
    for (size_t i = 0; i < d->count; i++) {
        const deferred_row *k = &d->rows[i];
        f->rec = k->rec.rec;
        if (f->is_imported)
            f->imported = k->line;
        if (row_deferred(f, false) && record_readable(f, false))
            fn(f);
    }
    memset(&f->rec, 0, sizeof f->rec);
}

/* The checks of the first pass before a row is added: counts it, reports
 * why it cannot be read, learns conventions from its values.  False when
 * the row is not to be added now (blank, unreadable, or put aside until a
 * convention is known: then counted in deferred_rows). */
static bool row_check(ingest_file *f)
{
    if (record_blank(&f->rec))
        return false;
    if ((++f->rows & 0x3fff) == 0 && !f->is_part)
        progress_update(f->name, f->rows);
    if (!record_readable(f, true))
        return false;
    if (f->rec.replaced)
        warn_replaced(f);
    learn_conventions(f);
    if (row_deferred(f, true)) {
        f->deferred_rows++;
        return false;
    }
    return true;
}

/* The first pass's records, each checked and added, or put aside and
 * kept; a large file's second half read meanwhile on another thread
 * (ingest_split.h) and merged when this one reaches it.  Problems are
 * marked from the first record that rests on an encoding guess (withdrawn
 * if it is overturned).  1 at the end, or -1. */
static int read_rows(ingest_file *f, record_source *r, ingest_row_fn fn, deferred_rows *kept)
{
    off_t split_size = ingest_split_possible(f, r);
    bool may_split = split_size > 0, marked = false;
    ingest_split *split = NULL;
    int got;
    for (;;) {
        got = next_record(f, r);
        if (got == 0 && split && !ingest_split_join(&split, f, r))
            continue; /* the second half is read here after all */
        if (got <= 0)
            break;
        if (!marked && record_source_guessing(r)) {
            ingest_problems_mark(f);
            marked = true;
        }
        if (may_split && !split && f->rows)
            split = ingest_split_start(f, r, split_size, row_check, fn, &may_split);
        size_t deferred = f->deferred_rows;
        if (row_check(f))
            fn(f);
        else if (f->deferred_rows > deferred)
            deferred_keep(f, kept);
    }
    ingest_split_drop(split);
    return got;
}

/* One pass over the records: the first reads every row, putting aside
 * those that need a convention learnt later (kept: read after the last
 * row); the second, when they were not kept, reads the file again for
 * only those.  Rows read on an encoding guess that is overturned have
 * their problems withdrawn (csv_reader.h). */
static int run_pass(ingest_file *f, ingest_row_fn fn, deferred_rows *kept)
{
    record_source *r = open_mapped(f, f->rereading);
    if (!r)
        return -1;
    if (record_source_is_sheet(r))
        kept->reread = true;
    int got;
    if (!f->rereading) {
        got = read_rows(f, r, fn, kept);
    } else {
        while ((got = next_record(f, r)) > 0) {
            if (record_blank(&f->rec) || !row_deferred(f, false) || !record_readable(f, false))
                continue; /* (the first pass reported those that cannot be read) */
            fn(f);
        }
    }
    if (got < 0 && record_source_overturned(r))
        ingest_problems_withdraw(f);
    if (!f->rereading) {
        f->format->csv.encoding = record_source_encoding(r);
        f->format->csv.delimiter = record_source_delimiter(r);
        if (f->ir && got == 0)
            note_import(f);
        if (got == 0 && f->deferred_rows) {
            /* The rows set aside are read even when what they waited for
             * stayed unknown, so that their other problems are listed too. */
            report_unknown_order(f);
            if (!kept->reread)
                deferred_read(f, fn, kept);
        }
    }
    close_mapped(f, r);
    return got < 0 ? -1 : 0;
}

/* Sets f up to read the file format names, as a file of that kind, with
 * report.ini's conventions; the caller may then set the ledger's extras
 * (file_index, order_base, years). */
static void file_init(ingest_file *f, model *m, input_kind kind, input_format *format, diag *d)
{
    const config *cfg = m->config;
    memset(f, 0, sizeof *f);
    f->m = m;
    f->d = d;
    f->kind = kind;
    f->name = format->name;
    f->format = format;
    f->format->csv.encoding = cfg->encoding;
    f->format->csv.delimiter = cfg->delimiter;
    f->format->decimal = cfg->decimal;
    f->format->order = cfg->date_order;
    f->decimal_fixed = cfg->decimal != MONEY_DECIMAL_AUTO;
    f->order_fixed = cfg->date_order != DATE_ORDER_AUTO;
}

/* Streams the file f was set up for through fn (nothing when it is an
 * optional file that is absent: no path).  Returns 0, or -1 when the file
 * could not be read at all (missing, empty, bad header, unreadable
 * record). */
static int file_read(ingest_file *f, ingest_row_fn fn)
{
    int rc = 0;
    diag *d = f->d;
    deferred_rows kept = { NULL, 0, 0, 0, false };
    diag_hold(d);
    if (!f->format->path) {
        /* absent, and optional */
    } else if (run_pass(f, fn, &kept) != 0) {
        rc = -1;
    } else if (f->deferred_rows && kept.reread) {
        f->rereading = true;
        rc = run_pass(f, fn, &kept);
    }
    deferred_free(&kept);
    ingest_problems_flush(f);
    diag_release(d);
    free(f->scratch);
    free(f->unknown_account);
    return rc;
}

/* Sets format to the file of that kind in dir: NAME.csv, or NAME.xlsx
 * (an .xls or .ods, to be refused by its reader).  A required file that
 * is absent is NAME.csv, whose opening reports it; an optional one has no
 * path.  Two files for one input (accounts.csv and accounts.xlsx) is an
 * error: which one is meant? */
static void find_input(input_kind kind, const char *dir, bool required, input_format *format,
                       diag *d)
{
    size_t n;
    char **names = files_named(dir, input_kind_name(kind), false, input_exts, &n);
    if (n > 1)
        diag_data(d, names[0], 0, NULL, "%s and %s are two files for one input: keep one", names[0],
                  names[1]);
    const char *name = n ? names[0] : input_file_name(kind);
    format->name = xstrdup(name);
    format->path = n || required ? path_join(dir, name) : NULL;
    if (!required && format->path && file_missing(format->path)) {
        free(format->path); /* a dangling link: absent */
        format->path = NULL;
    }
    files_named_free(names, n);
}

/* Reads every ledger*.csv|xlsx of dir, in name order (ledger.csv alone,
 * or one per fiscal year): their rows add up.  With several, a fiscal year
 * whose lines on one account come from two files is an error
 * (ingest_ledger.c): they would count twice. */
static void read_ledgers(model *m, const char *dir, diag *d)
{
    size_t n;
    char **names = files_named(dir, "ledger", true, input_exts, &n);
    m->ledger_count = n ? n : 1;
    m->ledgers = xcalloc(m->ledger_count, sizeof *m->ledgers);
    ledger_years years = { NULL, NULL };
    if (n > 1) {
        years.first = strmap_new();
        years.reported = strmap_new();
    }
    for (size_t i = 0; i < m->ledger_count; i++) {
        input_format *format = &m->ledgers[i];
        format->name = xstrdup(n ? names[i] : input_file_name(INPUT_LEDGER));
        format->path = path_join(dir, format->name);
        ingest_file f;
        file_init(&f, m, INPUT_LEDGER, format, d);
        f.file_index = i;
        f.order_base = i << 40;
        f.years = n > 1 ? &years : NULL;
        file_read(&f, ingest_ledger_row);
        m->ledger_rows += f.rows;
    }
    strmap_free(years.first);
    strmap_free(years.reported);
    files_named_free(names, n);
}

int ingest_input(model *m, const char *dir, diag *d)
{
    static const struct {
        input_kind kind;
        bool required;
        ingest_row_fn fn;
    } files[] = {
        { INPUT_ACCOUNTS, true, ingest_account_row },
        /* before the ledger: its lines are summed by the balances' date */
        { INPUT_BALANCES, false, ingest_balance_row },
        { INPUT_BUDGET, false, ingest_budget_row },
        { INPUT_LEDGER, true, ingest_ledger_row },
        { INPUT_ACTIVITIES, true, ingest_activity_row },
        { INPUT_PEOPLE, false, ingest_person_row },
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        if (files[i].kind == INPUT_BALANCES && m->config->position == CONFIG_POSITION_NO)
            continue;
        if (files[i].kind == INPUT_LEDGER) {
            read_ledgers(m, dir, d);
            ingest_trial_balances(m, dir, d);
            continue;
        }
        input_format *format = &m->formats[files[i].kind];
        find_input(files[i].kind, dir, files[i].required, format, d);
        ingest_file f;
        file_init(&f, m, files[i].kind, format, d);
        int rc = file_read(&f, files[i].fn);
        if (files[i].kind == INPUT_ACTIVITIES)
            m->activity_rows = f.rows;
        if (files[i].kind == INPUT_ACCOUNTS) {
            if (rc != 0)
                m->accounts_unreadable = true; /* spare the ledger's rows */
            ingest_accounts_done(&f, rc == 0);
        }
    }
    return diag_failed(d) ? -1 : 0;
}

/* ---- the detail walk --------------------------------------------------- */

/* What the walk gives each record to: the workbook's callback of the
 * file's kind. */
typedef struct detail_call {
    ledger_detail_fn ledger;
    activity_detail_fn activity;
    void *arg;
} detail_call;

/* Whether the record is dated in the reported or the previous year, the
 * years the detail sheets list: the others are skipped before being read. */
static bool in_detail_years(ingest_file *f)
{
    date when;
    if (ingest_field_date(f, COL_DATE, &when) != INGEST_FIELD_OK)
        return false;
    int slot = model_slot_of_date(f->m, when);
    return slot == 0 || slot == 1;
}

/* Reads one file again, with a copy of the conventions the first read
 * settled, handing each record to its kind's detail reader.  The file was
 * validated by ingest_input, so problems go to a quiet diag and a record
 * that does not read now is skipped. */
static int walk_file(const model *m, input_kind kind, const input_format *settled, size_t index,
                     const detail_call *call)
{
    input_format format = *settled;
    if (!format.path)
        return 0;
    diag quiet;
    diag_init(&quiet, NULL);
    ingest_file f = {
        .m = (model *)m,
        .d = &quiet,
        .kind = kind,
        .name = format.name,
        .format = &format,
        .file_index = index,
        .order_base = index << 40,
    };
    record_source *r = open_mapped(&f, true);
    if (!r)
        return -1;
    int rc = 0, got;
    size_t rows = 0;
    while (rc == 0 && (got = next_record(&f, r)) > 0) {
        if ((++rows & 0x3fff) == 0)
            progress_update(f.name, rows);
        if (record_blank(&f.rec) || !in_detail_years(&f) || !record_readable(&f, false))
            continue;
        if (kind == INPUT_LEDGER)
            rc = ingest_ledger_detail(&f, call->ledger, call->arg);
        else
            rc = ingest_activity_detail(&f, call->activity, call->arg);
    }
    progress_done();
    close_mapped(&f, r);
    ingest_problems_flush(&f);
    free(f.scratch);
    free(f.unknown_account);
    if (rc)
        return rc;
    return got < 0 ? -1 : 0;
}

/* The detail walk over m's files of that kind: every ledger file, in
 * name order, or activities.csv. */
static int walk(const model *m, input_kind kind, const detail_call *call)
{
    if (kind != INPUT_LEDGER)
        return walk_file(m, kind, &m->formats[kind], 0, call);
    int rc = 0;
    for (size_t i = 0; i < m->ledger_count && rc == 0; i++)
        rc = walk_file(m, kind, &m->ledgers[i], i, call);
    return rc;
}

static int each_ledger(const void *ctx, ledger_detail_fn fn, void *arg)
{
    detail_call call = { .ledger = fn, .arg = arg };
    return walk(ctx, INPUT_LEDGER, &call);
}

static int each_activity(const void *ctx, activity_detail_fn fn, void *arg)
{
    detail_call call = { .activity = fn, .arg = arg };
    return walk(ctx, INPUT_ACTIVITIES, &call);
}

static const char *path_of(const void *ctx, detail_kind kind)
{
    const model *m = ctx;
    const input_format *format = kind == DETAIL_LEDGER ? (m->ledger_count ? &m->ledgers[0] : NULL)
                                                       : &m->formats[INPUT_ACTIVITIES];
    if (format && format->path)
        return format->path;
    return input_file_name(kind == DETAIL_LEDGER ? INPUT_LEDGER : INPUT_ACTIVITIES);
}

detail_source ingest_detail_source(const model *m)
{
    return (detail_source){ m, each_ledger, each_activity, path_of };
}
