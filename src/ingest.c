/* ingest.c - read the input folder: the table of files, the per-file
 * driver (open, header, conventions learnt from the values, deferred rows),
 * and the detail walk that reads ledger.csv and activities.csv again for
 * the workbook.  Both open a file the same way (open_mapped) and hand each
 * record to the row readers of ingest_{accounts,ledger,activities,people}.c,
 * which only this file calls. */
#include "ingest.h"
#include "ingest_field.h"
#include "lib/files.h"
#include "lib/progress.h"
#include "lib/text.h"

#include <stdlib.h>
#include <string.h>

/* ---- conventions learnt from the values -------------------------------- */

/* Whether a date is written year first (2014-03-31, 2014/03/31): such a
 * date says nothing about the day/month order and never waits for it. */
static bool year_first(const char *s, size_t len)
{
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
            const char *s = ingest_field_text(f, cols[i], &len);
            money_evidence ev = money_evidence_of(s, len);
            if (ev != MONEY_EVIDENCE_NONE) {
                fmt->decimal = ev == MONEY_EVIDENCE_POINT ? MONEY_DECIMAL_POINT
                                                          : MONEY_DECIMAL_COMMA;
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

/* A row reader of ingest_input's pass: checks f->rec, reports, adds. */
typedef void (*ingest_row_fn)(ingest_file *f);

/* Opens the file f->format says, with its conventions, and maps its
 * header into f->format->map; problems go to f->d.  NULL when it cannot be
 * read.  Both passes and the detail walk open files here. */
static csv_reader *open_mapped(ingest_file *f)
{
    const config *cfg = f->m->config;
    csv_reader *r = csv_reader_open(f->format->path, f->name, &f->format->csv, f->d);
    if (!r)
        return NULL;
    int got = csv_reader_next(r, &f->rec);
    if (got == 0)
        diag_data(f->d, f->name, 0, NULL, "the file is empty: no header line");
    if (got <= 0 || columns_map_header(f->kind, &f->rec, &cfg->columns[f->kind],
                                       f->name, &f->format->map, f->d) != 0) {
        csv_reader_free(r);
        return NULL;
    }
    return r;
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
    while (last > f->format->map.fields) {   /* the last non-empty field, if beyond */
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
        ingest_problem(f, COL_COUNT, "fields", "%zu fields, the header has %zu",
                       rec->count, f->format->map.fields);
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
        if (len > max)         /* (only a long field is worth trimming) */
            text_trim(f->rec.fields[i], &len);
        if (len <= max)
            continue;
        ok = false;
        if (report)
            ingest_problem(f, (column_id)c, "too long", "is %zu bytes long, more than %zu",
                           len, max);
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
            ingest_warning(f, (column_id)c, "xml", "a control character (or U+FFFE, "
                           "U+FFFF) that no output can hold is replaced by U+FFFD");
    }
}

/* One pass over the records: the first reads every row, setting aside
 * those that need a convention learnt later; the second, only those. */
static int run_pass(ingest_file *f, ingest_row_fn fn)
{
    csv_reader *r = open_mapped(f);
    if (!r)
        return -1;
    int got;
    while ((got = csv_reader_next(r, &f->rec)) > 0) {
        if (record_blank(&f->rec))
            continue;
        if (!f->rereading) {
            if ((++f->rows & 0x3fff) == 0)
                progress_update(f->name, f->rows);
            if (!record_readable(f, true))
                continue;
            if (f->rec.replaced)
                warn_replaced(f);
            learn_conventions(f);
            if (row_deferred(f, true)) {
                f->deferred_rows++;
                continue;
            }
        } else if (!row_deferred(f, false) || !record_readable(f, false)) {
            continue;      /* (the first pass reported those that cannot be read) */
        }
        fn(f);
    }
    if (!f->rereading) {
        f->format->csv.encoding = csv_reader_encoding(r);
        f->format->csv.delimiter = csv_reader_delimiter(r);
    }
    csv_reader_free(r);
    return got < 0 ? -1 : 0;
}

/* After the first pass: a day/month order the file never told is one
 * diagnostic for the file.  (An amount whose decimal mark stayed unknown
 * is reported at its own line when its row is read again.) */
static void report_unknown_order(ingest_file *f)
{
    if (!f->deferred_date_line || f->format->order != DATE_ORDER_AUTO)
        return;
    diag_data(f->d, f->name, f->deferred_date_line, "date",
              "the day/month order cannot be detected (no day above 12); "
              "set [csv] date_order = dmy or mdy in report.ini");
    f->order_unknown = true;
}

/* Streams one file through fn.  Returns 0, or -1 when the file could not
 * be read at all (missing, empty, bad header, unreadable record). */
static int ingest_run(ingest_file *f, model *m, input_kind kind, const char *dir,
                      bool required, ingest_row_fn fn, diag *d)
{
    const config *cfg = m->config;
    memset(f, 0, sizeof *f);
    f->m = m;
    f->d = d;
    f->kind = kind;
    f->name = input_file_name(kind);
    f->format = &m->formats[kind];
    f->format->path = path_join(dir, f->name);
    f->format->csv.encoding = cfg->encoding;
    f->format->csv.delimiter = cfg->delimiter;
    f->format->decimal = cfg->decimal;
    f->format->order = cfg->date_order;
    f->decimal_fixed = cfg->decimal != MONEY_DECIMAL_AUTO;
    f->order_fixed = cfg->date_order != DATE_ORDER_AUTO;

    int rc = 0;
    diag_hold(d);
    if (!required && file_missing(f->format->path)) {
        free(f->format->path);
        f->format->path = NULL;
    } else if (run_pass(f, fn) != 0) {
        rc = -1;
    } else if (f->deferred_rows) {
        /* The rows set aside are read again even when what they waited for
         * stayed unknown, so that their other problems are listed too. */
        report_unknown_order(f);
        f->rereading = true;
        rc = run_pass(f, fn);
    }
    ingest_problems_flush(f);
    diag_release(d);
    free(f->scratch);
    return rc;
}

int ingest_input(model *m, const char *dir, diag *d)
{
    static const struct {
        input_kind kind;
        bool required;
        ingest_row_fn fn;
    } files[] = {
        {INPUT_ACCOUNTS, true, ingest_account_row},
        /* before the ledger: its lines are summed by the balances' date */
        {INPUT_BALANCES, false, ingest_balance_row},
        {INPUT_BUDGET, false, ingest_budget_row},
        {INPUT_LEDGER, true, ingest_ledger_row},
        {INPUT_ACTIVITIES, true, ingest_activity_row},
        {INPUT_PEOPLE, false, ingest_person_row},
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        if (files[i].kind == INPUT_BALANCES && m->config->position == CONFIG_POSITION_NO)
            continue;
        ingest_file f;
        int rc = ingest_run(&f, m, files[i].kind, dir, files[i].required, files[i].fn, d);
        if (files[i].kind == INPUT_LEDGER)
            m->ledger_rows = f.rows;
        else if (files[i].kind == INPUT_ACTIVITIES)
            m->activity_rows = f.rows;
        if (files[i].kind == INPUT_ACCOUNTS && rc != 0)
            m->accounts_unreadable = true;   /* spare the ledger's rows */
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

/* Reads m's file of that kind again, with a copy of the conventions the
 * first read settled, handing each record to its kind's detail reader.
 * The file was validated by ingest_input, so problems go to a quiet diag
 * and a record that does not read now is skipped. */
static int walk(const model *m, input_kind kind, const detail_call *call)
{
    input_format format = m->formats[kind];
    if (!format.path)
        return 0;
    diag quiet;
    diag_init(&quiet, NULL);
    ingest_file f = {
        .m = (model *)m, .d = &quiet, .kind = kind,
        .name = input_file_name(kind), .format = &format,
    };
    csv_reader *r = open_mapped(&f);
    if (!r)
        return -1;
    int rc = 0, got;
    size_t rows = 0;
    while (rc == 0 && (got = csv_reader_next(r, &f.rec)) > 0) {
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
    csv_reader_free(r);
    ingest_problems_flush(&f);
    free(f.scratch);
    if (rc)
        return rc;
    return got < 0 ? -1 : 0;
}

static int each_ledger(const void *ctx, ledger_detail_fn fn, void *arg)
{
    detail_call call = {.ledger = fn, .arg = arg};
    return walk(ctx, INPUT_LEDGER, &call);
}

static int each_activity(const void *ctx, activity_detail_fn fn, void *arg)
{
    detail_call call = {.activity = fn, .arg = arg};
    return walk(ctx, INPUT_ACTIVITIES, &call);
}

static const char *path_of(const void *ctx, detail_kind kind)
{
    const model *m = ctx;
    input_kind input = kind == DETAIL_LEDGER ? INPUT_LEDGER : INPUT_ACTIVITIES;
    return m->formats[input].path ? m->formats[input].path : input_file_name(input);
}

detail_source ingest_detail_source(const model *m)
{
    return (detail_source){ m, each_ledger, each_activity, path_of };
}
