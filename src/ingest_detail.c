/* ingest_detail.c - the workbook's detail rows: ledger.csv and
 * activities.csv read again, with the conventions the first read settled,
 * one row at a time (memory does not grow with the rows). */
#include "ingest_file.h"
#include "lib/progress.h"

#include <stdlib.h>
#include <string.h>

/* Reads m's file of that kind again, calling fn on each record of the
 * reported and previous years.  The file was validated by ingest_input,
 * so a record that does not parse now is skipped. */
typedef int (*detail_row_fn)(ingest_file *f, int slot, void *arg);

static int walk(const model *m, input_kind kind, detail_row_fn fn, void *arg)
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
    csv_reader *r = csv_reader_open(format.path, f.name, &format.csv, &quiet);
    if (!r)
        return -1;
    int rc = 0, got = csv_reader_next(r, &f.rec);   /* the header */
    size_t rows = 0;
    while (rc == 0 && got > 0 && (got = csv_reader_next(r, &f.rec)) > 0) {
        if ((++rows & 0x3fff) == 0)
            progress_update(f.name, rows);
        date when;
        if (field_date(&f, COL_DATE, &when) != FIELD_OK)
            continue;
        int slot = model_slot_of_date(m, when);
        if (slot == 0 || slot == 1)
            rc = fn(&f, slot, arg);
    }
    progress_done();
    csv_reader_free(r);
    free(f.scratch);
    if (rc)
        return rc;
    return got < 0 ? -1 : 0;
}

typedef struct ledger_walk {
    ledger_detail_fn fn;
    void *arg;
} ledger_walk;

static const char *text_of(ingest_file *f, column_id col, char **copy)
{
    size_t len;
    const char *s = field_text(f, col, &len);
    *copy = xstrndup(s, len);
    return *copy;
}

static int ledger_row(ingest_file *f, int slot, void *arg)
{
    const ledger_walk *w = arg;
    const model *m = f->m;
    size_t code_len, pos;
    const char *code = field_text(f, COL_ACCOUNT, &code_len);
    if (!strmap_get(m->account_index, code, code_len, &pos))
        return 0;
    const account *a = &m->accounts[pos];
    ledger_detail row = {
        .line = f->rec.line, .account = a->code, .account_name = a->name,
        .group = a->group, .kind = a->kind, .period = &m->period[slot],
    };
    field_date(f, COL_DATE, &row.date);
    if (field_ledger_amount(f, a->kind, &row.amount) != FIELD_OK)
        return 0;
    char *counterparty, *memo, *ref;
    row.counterparty = text_of(f, COL_COUNTERPARTY, &counterparty);
    row.memo = text_of(f, COL_MEMO, &memo);
    row.ref = text_of(f, COL_REF, &ref);
    int rc = w->fn(&row, w->arg);
    free(counterparty);
    free(memo);
    free(ref);
    return rc;
}

int ingest_each_ledger_detail(const model *m, ledger_detail_fn fn, void *arg)
{
    ledger_walk w = {fn, arg};
    return walk(m, INPUT_LEDGER, ledger_row, &w);
}

typedef struct activity_walk {
    activity_detail_fn fn;
    void *arg;
} activity_walk;

static int activity_row(ingest_file *f, int slot, void *arg)
{
    const activity_walk *w = arg;
    activity_detail row = {.line = f->rec.line, .period = &f->m->period[slot]};
    field_date(f, COL_DATE, &row.date);
    if (field_count(f, COL_PARTICIPANTS, &row.participants) != FIELD_OK ||
        field_amount(f, COL_HOURS, true, &row.hours) != FIELD_OK)
        return 0;
    char *axis, *type, *title, *partner, *region;
    row.axis = text_of(f, COL_AXIS, &axis);
    row.type = text_of(f, COL_TYPE, &type);
    row.title = text_of(f, COL_TITLE, &title);
    row.partner = text_of(f, COL_PARTNER, &partner);
    row.region = text_of(f, COL_REGION, &region);
    int rc = w->fn(&row, w->arg);
    free(axis);
    free(type);
    free(title);
    free(partner);
    free(region);
    return rc;
}

int ingest_each_activity_detail(const model *m, activity_detail_fn fn, void *arg)
{
    activity_walk w = {fn, arg};
    return walk(m, INPUT_ACTIVITIES, activity_row, &w);
}

static int each_ledger(const void *ctx, ledger_detail_fn fn, void *arg)
{
    return ingest_each_ledger_detail(ctx, fn, arg);
}

static int each_activity(const void *ctx, activity_detail_fn fn, void *arg)
{
    return ingest_each_activity_detail(ctx, fn, arg);
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
