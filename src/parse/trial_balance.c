/* trial_balance.c - the rows of a trial balance export: its header, the
 * date its title rows give, each account's debit or credit balance.  The
 * labels, money and dates are read as the import engine reads them
 * (import_account_split, import_money, import_parse_date). */
#include "parse/trial_balance.h"
#include "parse/import.h"
#include "lib/text.h"
#include "lib/xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct trial_reader {
    record_source *r;
    char *file;
    diag *d;
    money_decimal decimal, fallback;
    csv_record rec;
    size_t header_line;
    int debit, credit;     /* columns */
    int code, label, name; /* columns, or -1 */
    bool has_date;
    date as_of;
    size_t as_of_line;
    size_t skipped;
    char *label_text, *code_text, *name_text; /* of the row returned */
};

/* Folded header names of each column ('*' at the end: any ending). */
static const char *const debit_names[] = { "debit", "debits",   "debit amt",     "debit amount",
                                           "dr",    "debit (*", "montant debit", NULL };
static const char *const credit_names[] = { "credit",         "credits", "credit amt",
                                            "credit amount",  "cr",      "credit (*",
                                            "montant credit", NULL };
static const char *const ytd_debit_names[] = { "ytd debit", "ytd debit (*", "debit ytd",
                                               "year to date debit", NULL };
static const char *const ytd_credit_names[] = { "ytd credit", "ytd credit (*", "credit ytd",
                                                "year to date credit", NULL };
static const char *const code_names[] = { "account id",   "account number", "account no",
                                          "account code", "account #",      "*code",
                                          "code",         "no de compte",   "numero de compte",
                                          "n° de compte", "no compte",      NULL };
static const char *const label_names[] = { "account", "accounts", "compte", "comptes", NULL };
static const char *const name_names[] = {
    "account description", "account name", "description", "name", "nom",
    "nom du compte",       "intitule",     "libelle",     NULL
};

/* The labels of rows that are no account: totals and footers. */
static const char *const skip_starts[] = { "total",  "net ",     "accrual basis", "cash basis",
                                           "monday", "tuesday",  "wednesday",     "thursday",
                                           "friday", "saturday", "sunday",        NULL };

static bool name_is(const char *key, const char *const *names)
{
    for (const char *const *n = names; *n; n++) {
        size_t len = strlen(*n);
        if ((*n)[len - 1] == '*' ? strncmp(key, *n, len - 1) == 0 : strcmp(key, *n) == 0)
            return true;
    }
    return false;
}

static const char *cell(const csv_record *rec, int i, size_t *len)
{
    if (i < 0 || (size_t)i >= rec->count) {
        *len = 0;
        return "";
    }
    *len = rec->lengths[i];
    return text_trim(rec->fields[i], len);
}

/* The first cell of rec whose folded text is one of names, or -1. */
static int find_column(char *const *keys, size_t n, const char *const *names)
{
    for (size_t i = 0; i < n; i++)
        if (keys[i] && name_is(keys[i], names))
            return (int)i;
    return -1;
}

static char **fold_all(const csv_record *rec)
{
    char **keys = xcalloc(rec->count ? rec->count : 1, sizeof *keys);
    for (size_t i = 0; i < rec->count; i++) {
        size_t len;
        const char *s = cell(rec, (int)i, &len);
        keys[i] = text_header_key(s, len);
    }
    return keys;
}

static void free_all(char **keys, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(keys[i]);
    free(keys);
}

/* Whether rec is the header: a debit and a credit column (the year to
 * date ones when there are both), and where the account is. */
static bool take_header(trial_reader *t, const csv_record *rec)
{
    char **keys = fold_all(rec);
    size_t n = rec->count;
    int debit = find_column(keys, n, ytd_debit_names);
    int credit = find_column(keys, n, ytd_credit_names);
    if (debit < 0 || credit < 0) {
        debit = find_column(keys, n, debit_names);
        credit = find_column(keys, n, credit_names);
    }
    bool found = debit >= 0 && credit >= 0;
    if (found) {
        t->debit = debit;
        t->credit = credit;
        t->code = find_column(keys, n, code_names);
        t->label = find_column(keys, n, label_names);
        t->name = find_column(keys, n, name_names);
        if (t->code < 0 && t->label < 0 && t->name < 0)
            t->label = 0; /* QuickBooks: ",Debit,Credit" */
        found = t->label != t->debit && t->label != t->credit;
        t->header_line = rec->line;
    }
    free_all(keys, n);
    return found;
}

/* Notes the last date written in the cells of a title row: a date alone
 * ("03/31/2014", "2014-03-31") or three words with a month's name ("March
 * 31, 2014", "31 mars 2014"). */
static void title_dates(trial_reader *t, const csv_record *rec)
{
    for (size_t i = 0; i < rec->count; i++) {
        size_t len;
        const char *s = cell(rec, (int)i, &len);
        const char *word[64];
        size_t wlen[64], words = 0;
        for (size_t k = 0; k < len && words < 64;) {
            while (k < len && s[k] == ' ')
                k++;
            size_t start = k;
            while (k < len && s[k] != ' ')
                k++;
            if (k > start) {
                word[words] = s + start;
                wlen[words++] = k - start;
            }
        }
        for (size_t w = 0; w < words; w++) {
            date d;
            size_t span = w + 2 < words ? (size_t)(word[w + 2] + wlen[w + 2] - word[w]) : 0;
            if ((span && import_parse_date(word[w], span, DATE_ORDER_AUTO, &d)) ||
                import_parse_date(word[w], wlen[w], DATE_ORDER_AUTO, &d)) {
                t->has_date = true;
                t->as_of = d;
                t->as_of_line = rec->line;
            }
        }
    }
}

static bool blank(const csv_record *rec)
{
    for (size_t i = 0; i < rec->count; i++) {
        size_t len;
        cell(rec, (int)i, &len);
        if (len)
            return false;
    }
    return true;
}

trial_reader *trial_open(record_source *r, const char *file, money_decimal decimal, diag *d)
{
    trial_reader *t = xcalloc(1, sizeof *t);
    t->r = r;
    t->file = xstrdup(file);
    t->d = d;
    t->decimal = decimal;
    t->fallback = decimal;
    for (int n = 0; n < IMPORT_SCAN_ROWS;) {
        int got = record_source_next(r, &t->rec);
        if (got <= 0) {
            if (got == 0)
                diag_data(d, file, 0, NULL,
                          n ? "no header with a debit and a credit "
                              "column in the first %d rows: is it a trial balance?"
                            : "the file is empty: no header line",
                          IMPORT_SCAN_ROWS);
            trial_close(t);
            return NULL;
        }
        if (blank(&t->rec))
            continue;
        n++;
        if (take_header(t, &t->rec))
            return t;
        title_dates(t, &t->rec);
    }
    diag_data(d, file, 0, NULL,
              "no header with a debit and a credit column in the first "
              "%d rows: is it a trial balance?",
              IMPORT_SCAN_ROWS);
    trial_close(t);
    return NULL;
}

bool trial_as_of(const trial_reader *t, date *out, size_t *line)
{
    if (t->has_date) {
        *out = t->as_of;
        *line = t->as_of_line;
    }
    return t->has_date;
}

size_t trial_header_line(const trial_reader *t)
{
    return t->header_line;
}

size_t trial_skipped(const trial_reader *t)
{
    return t->skipped;
}

/* A money cell in cents (0 when empty); false, reported, when it is none. */
static bool money_of(trial_reader *t, int col, int64_t *out, bool *present)
{
    size_t len;
    const char *s = cell(&t->rec, col, &len);
    *out = 0;
    *present = len > 0;
    if (!len)
        return true;
    xlsx_cell_kind kind = record_source_kind(t->r, (size_t)col);
    money_status st;
    if (kind == XLSX_CELL_NUMBER || kind == XLSX_CELL_NUMBER_OTHER) {
        st = money_parse(s, len, MONEY_DECIMAL_POINT, out);
        if (st != MONEY_OK) {
            char place[256];
            record_source_place(t->r, t->rec.line, (size_t)col, place, sizeof place);
            diag_data(t->d, place, 0, NULL, "%.*s %s", (int)(len > 100 ? 100 : len), s,
                      money_status_message(st));
            return false;
        }
        return true;
    }
    st = import_money(s, len, &t->decimal, t->fallback, out);
    if (st == MONEY_OK)
        return true;
    diag_data(t->d, t->file, t->rec.line, NULL, "'%.*s' %s", (int)(len > 100 ? 100 : len), s,
              money_status_message(st));
    return false;
}

/* Whether the label is a total's or a footer's. */
static bool skipped_label(const char *s, size_t len)
{
    char *key = text_header_key(s, len);
    bool skip = key && strcmp(key, "net") == 0;
    for (const char *const *p = skip_starts; key && !skip && *p; p++)
        skip = strncmp(key, *p, strlen(*p)) == 0;
    free(key);
    return skip;
}

/* Fills out from the current row, a balance; false when it is skipped. */
static bool account_row(trial_reader *t, trial_row *out)
{
    size_t label_len, code_len, name_len;
    const char *label = cell(&t->rec, t->label, &label_len);
    const char *code = cell(&t->rec, t->code, &code_len);
    const char *name = cell(&t->rec, t->name, &name_len);
    if (!label_len) {
        label = name_len ? name : code;
        label_len = name_len ? name_len : code_len;
    }
    int64_t debit, credit;
    bool has_debit, has_credit;
    bool ok = money_of(t, t->debit, &debit, &has_debit);
    ok &= money_of(t, t->credit, &credit, &has_credit);
    if (!ok || (!has_debit && !has_credit))
        return false; /* reported, or a heading */
    if (!label_len || skipped_label(label, label_len)) {
        t->skipped++;
        return false;
    }
    int64_t net;
    if (__builtin_sub_overflow(debit, credit, &net) || net == INT64_MIN) {
        diag_data(t->d, t->file, t->rec.line, NULL, "the debit and credit are out of range");
        return false;
    }
    const char *split_code, *split_name;
    size_t split_code_len, split_name_len;
    import_account_split(label, label_len, &split_code, &split_code_len, &split_name,
                         &split_name_len);
    if (!code_len) {
        code = split_code;
        code_len = split_code_len;
    }
    if (!name_len) {
        name = split_name;
        name_len = split_name_len;
    }
    free(t->label_text);
    free(t->code_text);
    free(t->name_text);
    t->label_text = xstrndup(label, label_len);
    t->code_text = xstrndup(code, code_len);
    t->name_text = xstrndup(name, name_len);
    out->line = t->rec.line;
    out->label = t->label_text;
    out->code = t->code_text;
    out->name = t->name_text;
    out->debit = net > 0 ? net : 0;
    out->credit = net < 0 ? -net : 0;
    return true;
}

int trial_next(trial_reader *t, trial_row *out)
{
    for (;;) {
        int got = record_source_next(t->r, &t->rec);
        if (got <= 0)
            return got;
        if (!blank(&t->rec) && account_row(t, out))
            return 1;
    }
}

void trial_close(trial_reader *t)
{
    if (!t)
        return;
    free(t->label_text);
    free(t->code_text);
    free(t->name_text);
    free(t->file);
    free(t);
}
