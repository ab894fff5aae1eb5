/* ingest_trial.c - trial-balance*.csv|xlsx (optional): the trial balances
 * accounting software exports, one per fiscal year (parse/trial_balance.h
 * reads their rows).
 *
 * A trial balance is of the fiscal year its title rows end on ("As of
 * March 31, 2014"), or else that its file name says (trial-balance-2014,
 * the calendar year that names the fiscal year); it must be a year's end.
 * Read after every ledger file, for each tracked year:
 *   - a year that has ledger lines: each revenue and expense account of
 *     accounts.csv must have, to the cent, the trial balance's figure (0
 *     when it has no row), else an error names the account and both;
 *   - an earlier year that has none: the trial balance's figures stand in
 *     for the ledger's, and its counterparties are unknown
 *     (model.from_trial_balance);
 *   - the reported year must have ledger lines. */
#include "ingest_field.h"
#include "lib/files.h"
#include "lib/xalloc.h"
#include "parse/trial_balance.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One trial balance read: the figure and row of each account. */
typedef struct trial_file {
    const char *name;
    int year;         /* the fiscal year it is of, 0 when unknown */
    size_t year_line; /* where it says so (0: its name) */
    int64_t *amount;  /* per account of the model: natural sign */
    size_t *line;     /* per account: its row, 0 when none */
    size_t header_line;
} trial_file;

/* "-1234.56" into buf (32 bytes). */
static const char *cents(int64_t v, char buf[32])
{
    uint64_t a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    snprintf(buf, 32, "%s%llu.%02llu", v < 0 ? "-" : "", (unsigned long long)(a / 100),
             (unsigned long long)(a % 100));
    return buf;
}

/* The last four-digit number of a file name ("trial-balance-2012-2013.csv"
 * is 2013), or 0. */
static int year_in_name(const char *name)
{
    int year = 0;
    for (const char *p = name; *p; p++) {
        size_t n = 0;
        while (p[n] >= '0' && p[n] <= '9')
            n++;
        if (n == 4)
            year = atoi(p);
        if (n)
            p += n - 1;
    }
    return year;
}

/* The fiscal year of the trial balance; 0, reported, when it cannot be
 * told or is not a year's end. */
static int trial_year(const model *m, const trial_reader *t, trial_file *tf, diag *d)
{
    fiscal_calendar cal = m->config->calendar;
    int named = year_in_name(tf->name);
    date as_of;
    size_t line;
    if (!trial_as_of(t, &as_of, &line)) {
        if (!named)
            diag_data(d, tf->name, 0, NULL,
                      "which fiscal year is it? Its title rows give no "
                      "date (\"As of March 31, 2014\"): name the file trial-balance-YYYY, "
                      "YYYY the year that names the fiscal year");
        return named;
    }
    int year = fiscal_year_of(cal, as_of);
    date end = fiscal_year_end(cal, year);
    char iso[11], end_iso[11];
    date_format_iso(as_of, iso);
    date_format_iso(end, end_iso);
    if (date_compare(as_of, end) != 0) {
        diag_data(d, tf->name, line, NULL,
                  "the trial balance is as of %s, not the end of a "
                  "fiscal year (%s): its revenue and expenses would not be a whole year's",
                  iso, end_iso);
        return 0;
    }
    if (named && named != year) {
        char label[16];
        fiscal_year_label(cal, year, label, sizeof label);
        diag_data(d, tf->name, line, NULL,
                  "the trial balance is as of %s (fiscal year %s), "
                  "but its name says %d",
                  iso, label, named);
        return 0;
    }
    tf->year_line = line;
    return year;
}

/* The account of accounts.csv a row is: by code, else by name; NULL,
 * reported, when none. */
static const account *row_account(const model *m, const trial_file *tf, const trial_row *row,
                                  diag *d)
{
    const account *a = *row->code ? model_find_account(m, row->code, strlen(row->code)) : NULL;
    if (!a && *row->name)
        a = model_find_account_by_name(m, row->name, strlen(row->name), NULL);
    if (!a && *row->code && model_account_rejected(m, row->code, strlen(row->code)))
        return NULL;
    if (!a && !m->accounts_unreadable)
        diag_data(d, tf->name, row->line, "account",
                  "'%s' is not an account of "
                  "accounts.csv",
                  row->label);
    return a;
}

/* Reads the rows of the trial balance r into tf. */
static void read_rows(const model *m, trial_reader *t, trial_file *tf, diag *d)
{
    trial_row row;
    while (trial_next(t, &row) > 0) {
        const account *a = row_account(m, tf, &row, d);
        if (!a || (a->kind != KIND_REVENUE && a->kind != KIND_EXPENSE))
            continue;
        size_t i = (size_t)(a - m->accounts);
        if (tf->line[i]) {
            diag_data(d, tf->name, row.line, "account", "'%s' is already at line %zu", row.label,
                      tf->line[i]);
            continue;
        }
        tf->line[i] = row.line;
        tf->amount[i] = a->kind == KIND_REVENUE ? row.credit - row.debit : row.debit - row.credit;
    }
}

/* Opens and reads one trial balance; false when it could not be read. */
static bool read_trial(const model *m, const char *dir, trial_file *tf, diag *d)
{
    const config *cfg = m->config;
    char *path = path_join(dir, tf->name);
    csv_options csv = { cfg->encoding, cfg->delimiter };
    record_source *r = record_source_open(path, tf->name, &csv, d);
    free(path);
    if (!r)
        return false;
    trial_reader *t = trial_open(r, tf->name, cfg->decimal, d);
    if (t) {
        tf->header_line = trial_header_line(t);
        tf->year = trial_year(m, t, tf, d);
        read_rows(m, t, tf, d);
    }
    trial_close(t);
    record_source_free(r);
    return t != NULL;
}

/* Compares a year that has ledger lines with its trial balance. */
static void check_against_ledger(model *m, const trial_file *tf, int slot, diag *d)
{
    size_t agree = 0;
    for (size_t i = 0; i < m->account_count; i++) {
        const account *a = &m->accounts[i];
        if (a->kind != KIND_REVENUE && a->kind != KIND_EXPENSE)
            continue;
        if (a->amount[slot] == tf->amount[i]) {
            agree++;
            continue;
        }
        char tb[32], ledger[32];
        diag_data(d, tf->name, tf->line[i], "account",
                  "'%s %s': the trial balance says %s "
                  "for %s, but the ledger's lines make %s",
                  a->code, a->name, cents(tf->amount[i], tb), m->period[slot].label,
                  cents(a->amount[slot], ledger));
    }
    char note[512];
    snprintf(note, sizeof note,
             "%s: trial balance of %s: its %zu revenue and expense "
             "accounts agree with the ledger",
             tf->name, m->period[slot].label, agree);
    model_add_note(m, note);
}

/* Lets the trial balance stand in for a year without ledger lines. */
static void stand_in(model *m, const trial_file *tf, int slot)
{
    size_t n = 0;
    for (size_t i = 0; i < m->account_count; i++) {
        account *a = &m->accounts[i];
        if (a->kind == KIND_REVENUE || a->kind == KIND_EXPENSE) {
            a->amount[slot] = tf->amount[i];
            n++;
        }
    }
    m->from_trial_balance[slot] = true;
    char note[512];
    snprintf(note, sizeof note,
             "%s: trial balance of %s: stands in for its ledger (no "
             "ledger line in that year): %zu revenue and expense accounts; its "
             "counterparties are unknown",
             tf->name, m->period[slot].label, n);
    model_add_note(m, note);
}

/* Uses the trial balance read: checks or stands in (see the top). */
static void use_trial(model *m, const trial_file *tf, const char **by_slot, diag *d)
{
    int slot = model_slot_of_year(m, tf->year);
    char note[512], label[16];
    if (slot < 0) {
        fiscal_year_label(m->config->calendar, tf->year, label, sizeof label);
        snprintf(note, sizeof note,
                 "%s: trial balance of %s: not a year the report shows, "
                 "not used",
                 tf->name, label);
        model_add_note(m, note);
        return;
    }
    if (by_slot[slot]) {
        diag_data(d, tf->name, tf->year_line, NULL,
                  "a second trial balance of %s (the "
                  "first is %s): keep one",
                  m->period[slot].label, by_slot[slot]);
        return;
    }
    by_slot[slot] = tf->name;
    if (m->ledger_rows_in[slot] > 0)
        check_against_ledger(m, tf, slot, d);
    else if (slot == 0)
        diag_data(d, tf->name, tf->year_line, NULL,
                  "the reported year %s has no ledger "
                  "line: a trial balance cannot stand in for the reported year's ledger",
                  m->period[0].label);
    else
        stand_in(m, tf, slot);
}

void ingest_trial_balances(model *m, const char *dir, diag *d)
{
    static const char *const exts[] = { "csv", "xlsx", "xlsm", "xls", "ods", NULL };
    size_t n;
    char **names = files_named(dir, "trial-balance", true, exts, &n);
    const char *by_slot[MODEL_YEARS_MAX] = { NULL };
    for (size_t k = 0; k < n; k++) {
        trial_file tf = { .name = names[k] };
        tf.amount = xcalloc(m->account_count + 1, sizeof *tf.amount);
        tf.line = xcalloc(m->account_count + 1, sizeof *tf.line);
        diag_hold(d);
        size_t before = d->count;
        if (read_trial(m, dir, &tf, d) && tf.year && d->count == before)
            use_trial(m, &tf, by_slot, d);
        diag_release(d);
        free(tf.amount);
        free(tf.line);
    }
    files_named_free(names, n);
}
