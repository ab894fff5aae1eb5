/* test_import.c - the import profiles and their engine: every fixture of
 * tests/imports/ (the same nine transactions in each product's layout)
 * must give the same sums per account as bilan's tidy ledger; broken
 * exports must fail at the right line with the right words. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "lib/text.h"
#include "parse/csv_reader_test.h"
#include "parse/record_source.h"

#define SRC(r) record_source_of_csv(r, "csv")
#include "parse/date.h"
#include "parse/import.h"

/* ---- the known ledger -------------------------------------------------- */

/* The accounts of the fixtures: code, English and French names, whether
 * revenue (natural sign = credit), and the net of its lines, debit
 * positive, in cents. */
typedef struct known_account {
    const char *code, *name, *nom;
    bool revenue;
    int64_t net;
} known_account;

static const known_account known[] = {
    { "1000", "Chequing", "Compte chèques", false, 578468 },
    { "4100", "Grants", "Subventions", true, -750000 },
    { "4200", "Workshop fees", "Frais d'ateliers", true, -110025 },
    { "5100", "Rent", "Loyer", false, 240000 },
    { "5200", "Supplies", "Fournitures", false, 41557 },
};
enum { KNOWN = sizeof known / sizeof known[0], LINES = 18 };

/* The account a line names: by code, else by folded name. */
static int known_index(const import_line *l)
{
    for (int i = 0; i < KNOWN; i++)
        if (!l->account_is_name && strcmp(l->account, known[i].code) == 0)
            return i;
    char *key = text_header_key(l->account, strlen(l->account));
    int found = -1;
    for (int i = 0; i < KNOWN && found < 0; i++) {
        char *a = text_header_key(known[i].name, strlen(known[i].name));
        char *b = text_header_key(known[i].nom, strlen(known[i].nom));
        if (l->account_is_name && (strcmp(key, a) == 0 || strcmp(key, b) == 0))
            found = i;
        free(a);
        free(b);
    }
    free(key);
    return found;
}

/* ---- reading a file ---------------------------------------------------- */

static char *fixture_path(const char *name)
{
    static const char here[] = __FILE__;
    const char *unit = strstr(here, "unit/test_import.c");
    size_t dir = unit ? (size_t)(unit - here) : 0;
    size_t n = dir + strlen("imports/") + strlen(name) + 1;
    char *p = malloc(n);
    snprintf(p, n, "%.*simports/%s", (int)dir, here, name);
    return p;
}

typedef struct result {
    bool opened, tidy;
    const char *profile;
    size_t lines, by_name, montreal, unknown;
    int64_t net[KNOWN];
    import_counts counts;
    char *errors; /* the diagnostics, one per line */
    size_t error_count;
    char summary[256];
} result;

static void result_free(result *r)
{
    free(r->errors);
}

/* Checks what a line says of itself: its record view and its date. */
static void check_line(const import_line *l)
{
    assert_int_equal(l->record.count, IMPORT_FIELD_COUNT);
    assert_int_equal(l->record.line, l->line);
    assert_string_equal(l->record.fields[IMPORT_FIELD_DATE], l->date);
    assert_string_equal(l->record.fields[IMPORT_FIELD_ACCOUNT], l->account);
    int64_t cents;
    const char *amount = l->record.fields[l->natural ? IMPORT_FIELD_AMOUNT : IMPORT_FIELD_DEBIT];
    assert_int_equal(money_parse(amount, strlen(amount), MONEY_DECIMAL_POINT, &cents), MONEY_OK);
    assert_int_equal(cents, l->natural ? l->amount : l->debit);
    date d;
    assert_true(date_parse(l->date, strlen(l->date), DATE_ORDER_MDY, &d) == DATE_OK ||
                date_parse(l->date, strlen(l->date), DATE_ORDER_DMY, &d) == DATE_OK);
    assert_int_equal(d.year, 2025);
    if (!l->natural)
        assert_true(l->debit >= 0 && l->credit >= 0);
}

/* Reads data (a file's bytes, or the fixture name when data is NULL). */
static void read_import(const char *name, const char *data, size_t len, const char *forced,
                        result *r)
{
    memset(r, 0, sizeof *r);
    size_t size;
    FILE *f = open_memstream(&r->errors, &size);
    diag d;
    diag_init(&d, f);
    record_source *cr;
    if (data) {
        cr = SRC(csv_reader_open_mem(data, len, name, NULL, 7, &d));
    } else {
        char *path = fixture_path(name);
        cr = SRC(csv_reader_open(path, name, NULL, &d));
        free(path);
    }
    assert_non_null(cr);
    import_options o = { forced, NULL, MONEY_DECIMAL_AUTO, false };
    import_reader *ir = import_open(cr, name, &o, &d);
    if (ir) {
        r->opened = true;
        r->tidy = import_is_tidy(ir);
        r->profile = import_profile_of(ir)->name;
        import_line l;
        while (import_next(ir, &l) == 1) {
            check_line(&l);
            r->lines++;
            r->by_name += l.account_is_name;
            r->montreal += strcmp(l.counterparty, "Ville de Montréal") == 0;
            int i = known_index(&l);
            if (i < 0) {
                r->unknown++;
                continue;
            }
            int64_t v = l.natural ? (known[i].revenue ? -l.amount : l.amount) : l.debit - l.credit;
            r->net[i] += v;
        }
        r->counts = *import_counts_of(ir);
        import_summary(ir, r->summary, sizeof r->summary);
    }
    import_close(ir);
    record_source_free(cr);
    r->error_count = d.count;
    fclose(f);
}

/* ---- every profile: the same figures ----------------------------------- */

typedef struct fixture {
    const char *file, *profile;
    bool counterparty; /* the layout has a name column */
    bool names;        /* accounts by name (no codes) */
    size_t sections, totals, balances, other;
} fixture;

static const fixture fixtures[] = {
    { "qbo-gl.csv", "qbo-gl", true, false, 6, 6, 2, 1 },
    { "qbo-gl-modern.csv", "qbo-gl-modern", true, false, 5, 5, 1, 0 },
    { "qbo-transaction-detail.csv", "qbo-transaction-detail", true, true, 5, 5, 0, 1 },
    { "qbo-grand-livre.csv", "qbo-grand-livre", true, false, 6, 6, 2, 0 },
    { "qbd-gl.csv", "qbd-gl", true, false, 6, 7, 0, 0 },
    { "qbd-custom-transaction-detail.csv", "qbd-custom-transaction-detail", true, false, 0, 1, 0,
      0 },
    { "sage50-ca-en-gl.csv", "sage50-ca-en-gl", false, false, 5, 5, 0, 0 },
    { "sage50-ca-fr-gl.csv", "sage50-ca-fr-gl", false, false, 5, 5, 0, 0 },
    { "sage50-us-gl.csv", "sage50-us-gl", false, false, 5, 9, 6, 0 },
    { "xero-account-transactions.csv", "xero-account-transactions", true, false, 5, 6, 2, 0 },
    { "wave-account-transactions.csv", "wave-account-transactions", false, true, 5, 5, 10, 0 },
    { "gnucash-en.csv", "gnucash-en", false, true, 0, 0, 0, 2 },
    { "gnucash-fr.csv", "gnucash-fr", false, false, 0, 0, 0, 2 },
    { "odoo-gl.csv", "odoo-gl", true, false, 5, 5, 5, 4 },
};

static void test_every_profile_gives_the_same_sums(void **state)
{
    (void)state;
    for (size_t k = 0; k < sizeof fixtures / sizeof fixtures[0]; k++) {
        const fixture *x = &fixtures[k];
        result r;
        read_import(x->file, NULL, 0, NULL, &r);
        if (r.error_count || !r.opened)
            print_error("%s: %s\n", x->file, r.errors);
        assert_int_equal(r.error_count, 0);
        assert_true(r.opened);
        assert_false(r.tidy);
        assert_string_equal(r.profile, x->profile);
        assert_int_equal(r.lines, LINES);
        assert_int_equal(r.unknown, 0);
        for (int i = 0; i < KNOWN; i++) {
            if (r.net[i] != known[i].net)
                print_error("%s: account %s: %lld\n", x->file, known[i].code, (long long)r.net[i]);
            assert_int_equal(r.net[i], known[i].net);
        }
        /* the Wave fixture gives one account its number */
        size_t by_name =
            x->names ? LINES - (strcmp(x->file, "wave-account-transactions.csv") == 0 ? 2 : 0) : 0;
        assert_int_equal(r.by_name, by_name);
        assert_int_equal(r.montreal, x->counterparty ? 2 : 0);
        if (r.counts.sections != x->sections || r.counts.totals_checked != x->totals ||
            r.counts.balances_skipped != x->balances || r.counts.other_skipped != x->other)
            print_error("%s: %s\n", x->file, r.summary);
        assert_int_equal(r.counts.transactions, LINES);
        assert_int_equal(r.counts.sections, x->sections);
        assert_int_equal(r.counts.totals_checked, x->totals);
        assert_int_equal(r.counts.balances_skipped, x->balances);
        assert_int_equal(r.counts.other_skipped, x->other);
        result_free(&r);
    }
}

/* The same file forced to its own profile reads the same; forced to
 * another it fails, naming what is missing. */
static void test_forced_profile(void **state)
{
    (void)state;
    result r;
    read_import("qbo-gl.csv", NULL, 0, "QBO-GL", &r);
    assert_int_equal(r.error_count, 0);
    assert_string_equal(r.profile, "qbo-gl");
    assert_int_equal(r.lines, LINES);
    result_free(&r);

    read_import("qbo-gl.csv", NULL, 0, "wave-account-transactions", &r);
    assert_false(r.opened);
    assert_int_equal(r.error_count, 1);
    assert_non_null(strstr(r.errors, "qbo-gl.csv: no header of the import profile "
                                     "'wave-account-transactions' in the first 30 rows: "
                                     "'wave-account-transactions' (line 5 has 1 of its 6 "
                                     "columns; missing 'account number'"));
    result_free(&r);

    read_import("qbo-gl.csv", NULL, 0, "quickbooks", &r);
    assert_false(r.opened);
    assert_non_null(strstr(r.errors, "unknown import profile 'quickbooks'"));
    result_free(&r);

    /* bilan's own layout, forced */
    read_import("bilan.csv", NULL, 0, "bilan", &r);
    assert_true(r.opened);
    assert_true(r.tidy);
    result_free(&r);
}

/* bilan's tidy layout: detected on line 1; the caller reads the rows. */
static void test_tidy_layout(void **state)
{
    (void)state;
    diag d;
    diag_init(&d, NULL);
    char *path = fixture_path("bilan.csv");
    record_source *cr = SRC(csv_reader_open(path, "bilan.csv", NULL, &d));
    free(path);
    import_reader *ir = import_open(cr, "bilan.csv", NULL, &d);
    assert_non_null(ir);
    assert_true(import_is_tidy(ir));
    assert_string_equal(import_profile_of(ir)->name, "bilan");
    const column_map *m = import_column_map(ir);
    assert_int_equal(m->index[COL_DATE], 0);
    assert_int_equal(m->index[COL_ACCOUNT], 1);
    assert_int_equal(m->index[COL_AMOUNT], 2);
    assert_int_equal(m->index[COL_REF], 5);
    import_line l;
    assert_int_equal(import_next(ir, &l), 0);
    csv_record rec;
    assert_int_equal(record_source_next(cr, &rec), 1);
    assert_int_equal(rec.line, 2);
    assert_string_equal(rec.fields[1], "1000");
    char buf[128];
    import_summary(ir, buf, sizeof buf);
    assert_string_equal(buf, "bilan (line 1)");
    import_close(ir);
    record_source_free(cr);
    assert_int_equal(d.count, 0);
}

/* An imported file's map: the fields of import_line.record. */
static void test_column_map_of_an_export(void **state)
{
    (void)state;
    diag d;
    diag_init(&d, NULL);
    const char *names[] = { "qbo-gl.csv", "qbd-gl.csv" };
    for (int k = 0; k < 2; k++) {
        char *path = fixture_path(names[k]);
        record_source *cr = SRC(csv_reader_open(path, names[k], NULL, &d));
        free(path);
        import_reader *ir = import_open(cr, names[k], NULL, &d);
        assert_non_null(ir);
        const column_map *m = import_column_map(ir);
        assert_int_equal(m->index[COL_DATE], IMPORT_FIELD_DATE);
        assert_int_equal(m->index[COL_ACCOUNT], IMPORT_FIELD_ACCOUNT);
        assert_int_equal(m->index[COL_COUNTERPARTY], IMPORT_FIELD_COUNTERPARTY);
        assert_int_equal(m->index[COL_MEMO], IMPORT_FIELD_MEMO);
        assert_int_equal(m->index[COL_REF], IMPORT_FIELD_REF);
        if (k == 0) {
            assert_int_equal(m->index[COL_AMOUNT], IMPORT_FIELD_AMOUNT);
            assert_int_equal(m->index[COL_DEBIT], -1);
        } else {
            assert_int_equal(m->index[COL_AMOUNT], -1);
            assert_int_equal(m->index[COL_DEBIT], IMPORT_FIELD_DEBIT);
            assert_int_equal(m->index[COL_CREDIT], IMPORT_FIELD_CREDIT);
        }
        import_line l;
        assert_int_equal(import_next(ir, &l), 1);
        assert_int_equal(l.line, k == 0 ? 8 : 3);
        assert_string_equal(l.account, "1000");
        assert_string_equal(l.account_name, "Chequing");
        assert_string_equal(l.date, "01/15/2025");
        assert_string_equal(l.counterparty, "Centraide");
        assert_string_equal(l.memo, "Grant installment 1");
        assert_string_equal(l.ref, "D-001");
        assert_string_equal(l.record.fields[k == 0 ? IMPORT_FIELD_AMOUNT : IMPORT_FIELD_DEBIT],
                            "5000.00");
        import_close(ir);
        record_source_free(cr);
    }
    assert_int_equal(d.count, 0);
}

/* The summary --check prints. */
static void test_summary(void **state)
{
    (void)state;
    result r;
    read_import("qbo-gl.csv", NULL, 0, NULL, &r);
    assert_string_equal(r.summary, "qbo-gl (line 5): 18 transaction rows, 6 sections, "
                                   "6 totals checked, 2 balance rows skipped, "
                                   "1 other rows skipped");
    result_free(&r);
}

/* ---- broken exports ---------------------------------------------------- */

/* Reads broken/NAME and checks the diagnostics hold each of want[]. */
static void expect_errors(const char *name, size_t count, const char *const *want)
{
    char file[128];
    snprintf(file, sizeof file, "broken/%s", name);
    result r;
    read_import(file, NULL, 0, NULL, &r);
    for (size_t i = 0; want[i]; i++) {
        if (!strstr(r.errors, want[i]))
            print_error("%s: wanted \"%s\" in:\n%s", name, want[i], r.errors);
        assert_non_null(strstr(r.errors, want[i]));
    }
    if (r.error_count != count)
        print_error("%s:\n%s", name, r.errors);
    assert_int_equal(r.error_count, count);
    result_free(&r);
}

static void test_total_that_disagrees(void **state)
{
    (void)state;
    const char *want[] = {
        "broken/total-mismatch.csv:22: account '4100 Grants': the export's total is "
        "7600.00 but its lines sum to 7500.00",
        NULL
    };
    expect_errors("total-mismatch.csv", 1, want);
}

static void test_closing_balance_that_disagrees(void **state)
{
    (void)state;
    const char *want[] = {
        "broken/closing-mismatch.csv:17: account 'Chequing': the export's closing "
        "balance is 15785.68 but its opening balance 10000.00 plus its lines make "
        "15784.68",
        NULL
    };
    expect_errors("closing-mismatch.csv", 1, want);
}

static void test_truncated(void **state)
{
    (void)state;
    const char *mid[] = {
        "broken/truncated-mid-section.csv:21: the export ends inside account "
        "'4100 Grants' (section at line 19), before its total row: is the file cut "
        "short?",
        NULL
    };
    expect_errors("truncated-mid-section.csv", 1, mid);
    const char *end[] = {
        "broken/truncated-after-total.csv:27: the export ends without its grand total "
        "row: is the file cut short?",
        NULL
    };
    expect_errors("truncated-after-total.csv", 1, end);
}

static void test_unknown_row(void **state)
{
    (void)state;
    const char *want[] = {
        "broken/unknown-row.csv:9: a row that is neither a transaction (no date under "
        "'Date'), an account section nor a known label: 'Deposit' in column 3",
        NULL
    };
    expect_errors("unknown-row.csv", 1, want);
}

static void test_bad_date_and_amount(void **state)
{
    (void)state;
    /* 02/31/2025 is no day: the row is no transaction, and is reported;
     * the totals of its accounts then disagree */
    const char *dates[] = {
        "broken/bad-date.csv:9: column 'Date': '02/31/2025' is not a date",
        "broken/bad-date.csv:17: account '1000 Chequing': the export's total is 5784.68 "
        "but its lines sum to 4534.18",
        "broken/bad-date.csv:25: column 'Date': '02/31/2025' is not a date", NULL
    };
    expect_errors("bad-date.csv", 4, dates);
    /* the line is reported, and the section's total no longer agrees */
    const char *amount[] = {
        "broken/bad-amount.csv:9: column 'Amount': '12.345' has more than two decimals",
        "broken/bad-amount.csv:17: account '1000 Chequing': the export's total is "
        "5784.68 but its lines sum to 4534.18",
        NULL
    };
    expect_errors("bad-amount.csv", 2, amount);
}

static void test_line_after_total(void **state)
{
    (void)state;
    const char *want[] = { "line-after-total.csv:24: a transaction after the total of account "
                           "'4100 - Grants' (line 20)",
                           NULL };
    expect_errors("line-after-total.csv", 1, want);
}

static void test_unknown_header_names_the_nearest(void **state)
{
    (void)state;
    const char *want[] = {
        "broken/unknown-header.csv: no known header in the first 30 rows; nearest: "
        "'qbo-gl' (line 5 has 6 of its 7 columns; missing 'memo/description')",
        NULL
    };
    expect_errors("unknown-header.csv", 1, want);
}

static void test_two_profiles(void **state)
{
    (void)state;
    const char *want[] = {
        "broken/two-profiles.csv:1: the header fits several import profiles: "
        "'qbo-gl-modern', 'qbo-transaction-detail'; choose one with [import] profile "
        "in report.ini",
        NULL
    };
    expect_errors("two-profiles.csv", 1, want);
}

/* A header near no profile: the tidy layout's own diagnostics, as
 * columns.c gives them for a ledger.csv. */
static void test_not_an_export_is_a_tidy_header_problem(void **state)
{
    (void)state;
    const char data[] = "date,colonne_x,amount\n2025-01-15,4100,10.00\n";
    result r;
    read_import("ledger.csv", data, sizeof data - 1, NULL, &r);
    assert_false(r.opened);
    assert_int_equal(r.error_count, 1);
    assert_non_null(strstr(r.errors, "ledger.csv:1: column 'account': missing"));
    result_free(&r);

    const char empty[] = "\n\n";
    read_import("ledger.csv", empty, sizeof empty - 1, NULL, &r);
    assert_false(r.opened);
    assert_string_equal(r.errors, "ledger.csv: the file is empty: no header line\n");
    result_free(&r);
}

/* report.ini's [columns.ledger] names a tidy file's own headers. */
static void test_tidy_with_column_overrides(void **state)
{
    (void)state;
    const char data[] = "Date de transaction,Compte GL,Total,Tiers\n"
                        "2013-04-15,4100,10000.00,Centraide\n";
    column_override o;
    memset(&o, 0, sizeof o);
    o.header[COL_ACCOUNT] = "Compte GL";
    o.header[COL_AMOUNT] = "Total";
    o.line[COL_ACCOUNT] = 9;
    o.line[COL_AMOUNT] = 10;
    diag d;
    diag_init(&d, NULL);
    record_source *cr = SRC(csv_reader_open_mem(data, sizeof data - 1, "ledger.csv", NULL, 64, &d));
    import_options opt = { NULL, &o, MONEY_DECIMAL_AUTO, false };
    import_reader *ir = import_open(cr, "ledger.csv", &opt, &d);
    assert_non_null(ir);
    assert_true(import_is_tidy(ir));
    assert_int_equal(import_column_map(ir)->index[COL_ACCOUNT], 1);
    assert_int_equal(import_column_map(ir)->index[COL_AMOUNT], 2);
    assert_int_equal(import_column_map(ir)->index[COL_COUNTERPARTY], 3);
    import_close(ir);
    record_source_free(cr);
    assert_int_equal(d.count, 0);
}

/* ---- forms: dates, amounts, account labels, encodings ------------------ */

/* A Xero-like export written in memory with the given rows after the
 * header and the section row "4100 - Grants". */
static void read_xero(const char *rows, result *r)
{
    char data[4096];
    int n = snprintf(data, sizeof data,
                     "Date,Source,Contact,Description,Reference,Debit,Credit\n"
                     "4100 - Grants,,,,,,\n%s",
                     rows);
    read_import("x.csv", data, (size_t)n, NULL, r);
}

static void test_date_forms(void **state)
{
    (void)state;
    static const struct {
        const char *cell, *date;
    } cases[] = {
        { "2025-01-15", "2025-01-15" },
        { "15/01/2025", "15/01/2025" },
        { "01/15/2025", "01/15/2025" },
        { "1/15/25", "1/15/2025" },
        { "15 Jan 2025", "2025-01-15" },
        { "3 Sept 2025", "2025-09-03" },
        { "\"Jan 15, 2025\"", "2025-01-15" },
        { "\"January 15, 2025\"", "2025-01-15" },
        { "15 janv. 2025", "2025-01-15" },
        { "1er février 2025", "2025-02-01" },
        { "20 févr. 2025", "2025-02-20" },
        { "13 mai 2025", "2025-05-13" },
        { "2 août 2025", "2025-08-02" },
        { "22 déc. 2025", "2025-12-22" },
        { "2025-01-15 00:00:00", "2025-01-15 00:00:00" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char rows[256];
        snprintf(rows, sizeof rows, "%s,Receive Money,A,B,C,,1.00\nTotal 4100 - Grants,,,,,,1.00\n",
                 cases[i].cell);
        diag d;
        diag_init(&d, NULL);
        char data[512];
        int n = snprintf(data, sizeof data,
                         "Date,Source,Contact,Description,Reference,Debit,Credit\n"
                         "4100 - Grants,,,,,,\n%s",
                         rows);
        record_source *cr = SRC(csv_reader_open_mem(data, (size_t)n, "x.csv", NULL, 4096, &d));
        import_reader *ir = import_open(cr, "x.csv", NULL, &d);
        assert_non_null(ir);
        import_line l;
        assert_int_equal(import_next(ir, &l), 1);
        assert_string_equal(l.date, cases[i].date);
        assert_int_equal(import_next(ir, &l), 0);
        import_close(ir);
        record_source_free(cr);
        if (d.count)
            print_error("%s\n", cases[i].cell);
        assert_int_equal(d.count, 0);
    }
    /* not dates: a section's name, a month alone, an ambiguous month */
    const char *not_dates[] = { "Jui 3 2025", "May 2025", "31 Feb 2025", "Rent" };
    for (size_t i = 0; i < sizeof not_dates / sizeof not_dates[0]; i++) {
        char rows[256];
        snprintf(rows, sizeof rows, "%s,Receive Money,A,B,C,,1.00\n", not_dates[i]);
        result r;
        read_xero(rows, &r);
        assert_int_equal(r.lines, 0);
        assert_true(r.error_count >= 1);
        result_free(&r);
    }
}

static void test_amount_forms(void **state)
{
    (void)state;
    static const struct {
        const char *debit, *credit;
        int64_t net;
    } cases[] = {
        { "\"1,234.56\"", "", 123456 },
        { "$1234.56", "", 123456 },
        { "", "\"-$53,277.15\"", 5327715 },
        { "\"$(250.00)\"", "", -25000 },
        { "(250.00)", "", -25000 },
        { "1234.56 Dr", "", 123456 },
        { "", "3", -300 },
        { "\"1 234,56 $\"", "", 123456 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char rows[256];
        snprintf(rows, sizeof rows, "15 Jan 2025,Receive Money,A,B,C,%s,%s\n", cases[i].debit,
                 cases[i].credit);
        result r;
        read_xero(rows, &r);
        if (r.error_count != 1)
            print_error("%s|%s: %s\n", cases[i].debit, cases[i].credit, r.errors);
        assert_int_equal(r.error_count, 1); /* no total row: truncated */
        assert_non_null(strstr(r.errors, "before its total row"));
        assert_int_equal(r.lines, 1);
        assert_int_equal(r.net[1], cases[i].net);
        result_free(&r);
    }
}

static void test_account_labels(void **state)
{
    (void)state;
    static const struct {
        const char *label, *account, *name;
        bool is_name;
    } cases[] = {
        { "4100 Grants", "4100", "Grants", false },
        { "4100 · Grants", "4100", "Grants", false },
        { "4100 • Grants", "4100", "Grants", false },
        { "4100 - Grants", "4100", "Grants", false },
        { "4100 – Grants", "4100", "Grants", false },
        { "4100: Grants", "4100", "Grants", false },
        { "4100", "4100", "", false },
        { "Grants (4100)", "4100", "Grants", false },
        { "Grants", "Grants", "Grants", true },
        { "Income:Grants", "Grants", "Grants", true },
        { "4000 · Income:4100 · Grants", "4100", "Grants", false },
        { "401(k) matching", "401(k) matching", "401(k) matching", true },
        { "1.2.3 Sub account", "1.2.3", "Sub account", false },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char data[512];
        int n = snprintf(data, sizeof data,
                         "Date,Source,Contact,Description,Reference,Debit,Credit\n"
                         "\"%s\",,,,,,\n15 Jan 2025,Receive Money,A,B,C,,1.00\n"
                         "\"Total %s\",,,,,,1.00\n",
                         cases[i].label, cases[i].label);
        diag d;
        diag_init(&d, NULL);
        record_source *cr = SRC(csv_reader_open_mem(data, (size_t)n, "x.csv", NULL, 4096, &d));
        import_reader *ir = import_open(cr, "x.csv", NULL, &d);
        assert_non_null(ir);
        import_line l;
        assert_int_equal(import_next(ir, &l), 1);
        assert_string_equal(l.account, cases[i].account);
        assert_string_equal(l.account_name, cases[i].name);
        assert_int_equal(l.account_is_name, cases[i].is_name);
        assert_int_equal(import_next(ir, &l), 0);
        if (d.count)
            print_error("%s\n", cases[i].label);
        assert_int_equal(d.count, 0);
        import_close(ir);
        record_source_free(cr);
    }
}

/* A French export in Windows-1252 with ';' and decimal commas, read at
 * every chunk size through the CSV reader's own decoding. */
static void test_cp1252_semicolon_comma(void **state)
{
    (void)state;
    const char data[] = "Grand livre;;;;;;\r\n"
                        ";;;;;;\r\n"
                        "Date;Commentaire;N\xb0 de source;N\xb0 d'\xe9"
                        "criture;D\xe9"
                        "bits;Cr\xe9"
                        "dits;Solde\r\n"
                        "4100 Subventions;;;;;;0,00\r\n"
                        "15 janv. 2025;Ville de Montr\xe9"
                        "al;D-1;J1;;1 234,50;1 234,50 Ct\r\n"
                        "20 f\xe9vr. 2025;Remboursement;D-2;J2;34,50;;1 200,00 Ct\r\n"
                        ";;;;34,50;1 234,50;1 200,00 Ct\r\n";
    for (size_t chunk = 1; chunk < sizeof data; chunk += 13) {
        diag d;
        diag_init(&d, NULL);
        record_source *cr =
            SRC(csv_reader_open_mem(data, sizeof data - 1, "gl.csv", NULL, chunk, &d));
        import_reader *ir = import_open(cr, "gl.csv", NULL, &d);
        assert_non_null(ir);
        assert_string_equal(import_profile_of(ir)->name, "sage50-ca-fr-gl");
        import_line l;
        assert_int_equal(import_next(ir, &l), 1);
        assert_string_equal(l.memo, "Ville de Montréal");
        assert_string_equal(l.date, "2025-01-15");
        assert_int_equal(l.credit, 123450);
        assert_int_equal(import_next(ir, &l), 1);
        assert_string_equal(l.date, "2025-02-20");
        assert_int_equal(l.debit, 3450);
        assert_int_equal(import_next(ir, &l), 0);
        assert_int_equal(import_counts_of(ir)->totals_checked, 1);
        assert_int_equal(d.count, 0);
        import_close(ir);
        record_source_free(cr);
    }
}

/* A value that cannot tell its decimal mark takes the file's, else the
 * profile's; report.ini's wins over both. */
static void test_decimal_mark(void **state)
{
    (void)state;
    /* qbo-grand-livre says comma: "1.500" is 1500.00 */
    const char fr[] =
        ";Date;Type de transaction;N\xc2\xb0;Nom;M\xc3\xa9mo/Description;Contrepartie;Montant;Solde\n"
        "4100 Subventions;;;;;;;;\n"
        ";15/01/2025;D\xc3\xa9p\xc3\xb4t;D-1;;;;1.500;\n"
        "Total pour 4100 Subventions;;;;;;;1.500;\n"
        "TOTAL;;;;;;;;\n";
    result r;
    read_import("gl.csv", fr, sizeof fr - 1, NULL, &r);
    assert_int_equal(r.error_count, 0);
    assert_string_equal(r.profile, "qbo-grand-livre");
    assert_int_equal(r.net[1], -150000);
    result_free(&r);

    /* GnuCash says nothing: "1,500" with no other value is an error */
    const char gc[] = "Date,Transaction ID,Full Account Name,Account Name,Amount Num.\n"
                      "2025-01-15,a1,Income:Grants,Grants,\"-1,500\"\n";
    read_import("gc.csv", gc, sizeof gc - 1, NULL, &r);
    assert_int_equal(r.error_count, 1);
    assert_non_null(strstr(r.errors, "gc.csv:2: column 'Amount Num.': '-1,500' has an "
                                     "ambiguous decimal separator"));
    result_free(&r);

    /* ... unless an earlier value told the file's mark */
    const char gc2[] = "Date,Transaction ID,Full Account Name,Account Name,Amount Num.\n"
                       "2025-01-15,a1,Income:Grants,Grants,\"-2,25\"\n"
                       "2025-01-15,a1,Income:Grants,Grants,-1.500\n";
    read_import("gc.csv", gc2, sizeof gc2 - 1, NULL, &r);
    assert_int_equal(r.error_count, 0);
    assert_int_equal(r.net[1], -150225);
    result_free(&r);

    /* report.ini's decimal */
    diag d;
    diag_init(&d, NULL);
    record_source *cr = SRC(csv_reader_open_mem(gc, sizeof gc - 1, "gc.csv", NULL, 64, &d));
    import_options o = { NULL, NULL, MONEY_DECIMAL_POINT, false };
    import_reader *ir = import_open(cr, "gc.csv", &o, &d);
    import_line l;
    assert_int_equal(import_next(ir, &l), 1);
    assert_int_equal(l.credit, 150000);
    import_close(ir);
    record_source_free(cr);
    assert_int_equal(d.count, 0);
}

/* Odd rows: Dr/Cr said twice, a dated balance row, the header repeated,
 * an empty amount, a transaction before any account. */
static void test_odd_rows(void **state)
{
    (void)state;
    result r;
    /* QBO's dated beginning balance: label in Memo, no transaction type */
    const char qbo[] = ",Date,Transaction Type,Num,Name,Memo/Description,Split,Amount,Balance\n"
                       "1000 Chequing,,,,,,,,\n"
                       ",01/01/2025,,,,Beginning Balance,,,100.00\n"
                       ",01/15/2025,Deposit,D-1,,,,25.00,125.00\n"
                       "Total for 1000 Chequing,,,,,,,25.00,\n"
                       "TOTAL,,,,,,,25.00,\n";
    read_import("q.csv", qbo, sizeof qbo - 1, NULL, &r);
    assert_int_equal(r.error_count, 0);
    assert_int_equal(r.lines, 1);
    assert_int_equal(r.counts.balances_skipped, 2);
    result_free(&r);

    /* an empty natural amount, and a transaction before any section */
    const char empty[] = ",Date,Transaction Type,Num,Name,Memo/Description,Split,Amount,Balance\n"
                         ",01/10/2025,Deposit,D-0,,,,5.00,\n"
                         "1000 Chequing,,,,,,,,\n"
                         ",01/15/2025,Deposit,D-1,,,,,\n"
                         "Total for 1000 Chequing,,,,,,,0.00,\n"
                         "TOTAL,,,,,,,,\n";
    read_import("q.csv", empty, sizeof empty - 1, NULL, &r);
    assert_int_equal(r.error_count, 2);
    assert_non_null(strstr(r.errors, "q.csv:2: a transaction before any account\n"));
    assert_non_null(strstr(r.errors, "q.csv:4: column 'Amount': is empty\n"));
    result_free(&r);

    /* a total naming another account */
    const char other[] = ",Date,Transaction Type,Num,Name,Memo/Description,Split,Amount,Balance\n"
                         "1000 Chequing,,,,,,,,\n"
                         ",01/15/2025,Deposit,D-1,,,,5.00,\n"
                         "Total for 1010 Savings,,,,,,,5.00,\n";
    read_import("q.csv", other, sizeof other - 1, NULL, &r);
    assert_non_null(strstr(r.errors, "q.csv:4: a total for '1010 savings', which is not "
                                     "an account section of the export\n"));
    assert_non_null(strstr(r.errors, "the export ends inside account '1000 Chequing'"));
    result_free(&r);

    /* Dr/Cr and a sign: said twice */
    const char twice[] = "Date,Comment,Source #,JE #,Debits,Credits,Balance\n"
                         "1060 Chequing,,,,,,-5.00 Cr\n";
    read_import("s.csv", twice, sizeof twice - 1, NULL, &r);
    assert_non_null(strstr(r.errors, "s.csv:2: column 'Balance': '-5.00 Cr' is not an amount"));
    result_free(&r);

    /* a transaction after the grand total; footer rows are fine */
    const char after[] = ",Type,Date,Num,Adj,Name,Memo,Split,Debit,Credit,Balance\n"
                         "1000 \xc2\xb7 Chequing,,,,,,,,,,0.00\n"
                         ",Deposit,01/15/2025,1,,,,,5.00,,5.00\n"
                         "Total 1000 \xc2\xb7 Chequing,,,,,,,,5.00,0.00,5.00\n"
                         "TOTAL,,,,,,,,5.00,0.00,0.00\n"
                         "\"Accrual basis\",,,,,,,,,,\n"
                         ",Deposit,01/16/2025,2,,,,,5.00,,5.00\n";
    read_import("d.csv", after, sizeof after - 1, NULL, &r);
    assert_int_equal(r.error_count, 1);
    assert_non_null(strstr(r.errors, "d.csv:7: a transaction after the export's grand total"));
    assert_int_equal(r.counts.other_skipped, 1);
    result_free(&r);

    /* a grand total that disagrees */
    const char grand[] = ",Trans #,Type,Date,Num,Name,Memo,Account,Clr,Split,Debit,Credit,Balance\n"
                         ",1,Deposit,01/15/2025,1,,,1000 \xc2\xb7 Chequing,,,5.00,,\n"
                         ",1,Deposit,01/15/2025,1,,,4100 \xc2\xb7 Grants,,,,5.00,\n"
                         ",,,,,,,,,Total,5.00,6.00\n";
    read_import("c.csv", grand, sizeof grand - 1, NULL, &r);
    assert_int_equal(r.error_count, 1);
    assert_non_null(strstr(r.errors, "c.csv:4: the export's grand total of credits is 6.00 "
                                     "but the lines' credits sum to 5.00"));
    result_free(&r);
}

/* A second read of a file already checked reports nothing. */
static void test_quiet(void **state)
{
    (void)state;
    char *path = fixture_path("broken/total-mismatch.csv");
    diag d;
    diag_init(&d, NULL);
    record_source *cr = SRC(csv_reader_open(path, "t.csv", NULL, &d));
    import_options o = { NULL, NULL, MONEY_DECIMAL_AUTO, true };
    import_reader *ir = import_open(cr, "t.csv", &o, &d);
    import_line l;
    size_t n = 0;
    while (import_next(ir, &l) == 1)
        n++;
    assert_int_equal(n, LINES);
    assert_int_equal(d.count, 0);
    import_close(ir);
    record_source_free(cr);
    free(path);
}

/* ---- the profile table ------------------------------------------------- */

/* A folded string, with each '*' kept. */
static bool folded(const char *s, size_t len)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%.*s", (int)len, s);
    for (char *p = buf; *p; p++)
        if (*p == '*')
            *p = 'x';
    char *k = text_header_key(buf, strlen(buf));
    bool same = k && strcmp(k, buf) == 0;
    free(k);
    return same;
}

static void test_profile_table(void **state)
{
    (void)state;
    size_t n;
    const import_profile *all = import_profiles(&n);
    assert_true(n >= 15);
    assert_true(all[0].tidy);
    for (size_t i = 0; i < n; i++) {
        const import_profile *p = &all[i];
        assert_ptr_equal(import_profile_find(p->name), p);
        for (size_t j = 0; j < i; j++)
            assert_string_not_equal(all[j].name, p->name);
        assert_non_null(p->labels);
        for (const import_label *l = p->labels; l->pattern; l++) {
            if (!folded(l->pattern, strlen(l->pattern)))
                print_error("%s: label '%s' is not folded\n", p->name, l->pattern);
            assert_true(folded(l->pattern, strlen(l->pattern)));
        }
        if (p->tidy)
            continue;
        size_t required = 0;
        bool dated = false;
        for (const import_column *c = p->columns; c->role != IMPORT_END; c++) {
            required += c->required;
            dated |= c->role == IMPORT_DATE && c->required;
            for (const char *s = c->names; *s;) {
                size_t w = strcspn(s, "|");
                if (!folded(s, w))
                    print_error("%s: '%.*s' is not folded\n", p->name, (int)w, s);
                assert_true(folded(s, w));
                s += w + (s[w] == '|');
            }
        }
        assert_true(dated);
        assert_true(required >= 4);
    }
    assert_null(import_profile_find("nonesuch"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_profile_table),
        cmocka_unit_test(test_every_profile_gives_the_same_sums),
        cmocka_unit_test(test_forced_profile),
        cmocka_unit_test(test_tidy_layout),
        cmocka_unit_test(test_column_map_of_an_export),
        cmocka_unit_test(test_summary),
        cmocka_unit_test(test_total_that_disagrees),
        cmocka_unit_test(test_closing_balance_that_disagrees),
        cmocka_unit_test(test_truncated),
        cmocka_unit_test(test_unknown_row),
        cmocka_unit_test(test_bad_date_and_amount),
        cmocka_unit_test(test_line_after_total),
        cmocka_unit_test(test_unknown_header_names_the_nearest),
        cmocka_unit_test(test_two_profiles),
        cmocka_unit_test(test_not_an_export_is_a_tidy_header_problem),
        cmocka_unit_test(test_tidy_with_column_overrides),
        cmocka_unit_test(test_date_forms),
        cmocka_unit_test(test_amount_forms),
        cmocka_unit_test(test_account_labels),
        cmocka_unit_test(test_cp1252_semicolon_comma),
        cmocka_unit_test(test_decimal_mark),
        cmocka_unit_test(test_odd_rows),
        cmocka_unit_test(test_quiet),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
