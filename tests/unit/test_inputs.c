/* test_inputs.c - the pieces that let the input folder hold what
 * accounting software exports (issue 10): files_named (ledger*.csv|xlsx),
 * record_source (CSV or a sheet), report.ini [import] and [groups], the
 * trial balance reader, the account list headers of columns.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "config.h"
#include "lib/files.h"
#include "parse/columns.h"
#include "parse/csv_reader_test.h"
#include "parse/import.h"
#include "parse/record_source.h"
#include "parse/trial_balance.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- files_named ---------------------------------------------------------- */

static void touch(const char *dir, const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fclose(f);
}

static void test_files_named(void **state)
{
    (void)state;
    char dir[] = "/tmp/test_inputs_XXXXXX";
    assert_non_null(mkdtemp(dir));
    const char *names[] = {
        "ledger.csv",        "Ledger-2014.XLSX", "ledger_2013.csv", "ledgers.txt",
        ".ledger.csv",       "ledger.csv.bak",   "accounts.csv",    "Trial Balance 2013.xlsx",
        "trial-balance.ods",
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        touch(dir, names[i]);
    static const char *const exts[] = { "csv", "xlsx", "xls", "ods", NULL };
    size_t n;
    char **found = files_named(dir, "ledger", true, exts, &n);
    assert_int_equal(n, 3);
    assert_string_equal(found[0], "Ledger-2014.XLSX"); /* strcmp order */
    assert_string_equal(found[1], "ledger.csv");
    assert_string_equal(found[2], "ledger_2013.csv");
    files_named_free(found, n);
    found = files_named(dir, "ledger", false, exts, &n);
    assert_int_equal(n, 1);
    assert_string_equal(found[0], "ledger.csv");
    files_named_free(found, n);
    found = files_named(dir, "trial-balance", true, exts, &n);
    assert_int_equal(n, 2);
    assert_string_equal(found[0], "Trial Balance 2013.xlsx");
    files_named_free(found, n);
    found = files_named(dir, "people", false, exts, &n);
    assert_int_equal(n, 0);
    assert_null(found);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
}

/* ---- report.ini ----------------------------------------------------------- */

#define MINIMAL "[organisation]\nname = Dynamo\n[report]\nfiscal_year_end = 03-31\nyear = 2014\n"

static int load_text(config *cfg, const char *text, char **out)
{
    char path[] = "/tmp/test_inputs_ini_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs(text, f);
    fclose(f);
    size_t size;
    FILE *stream = open_memstream(out, &size);
    diag d;
    diag_init(&d, stream);
    int rc = config_load(cfg, path, "report.ini", &d);
    fclose(stream);
    unlink(path);
    return rc;
}

static void test_ini_import_and_groups(void **state)
{
    (void)state;
    config cfg;
    char *out;
    assert_int_equal(load_text(&cfg,
                               MINIMAL "[import]\nprofile = qbo-gl\n[groups]\n"
                                       "Subventions = 4100-4199, 4500\nDons = Dons divers\n",
                               &out),
                     0);
    assert_string_equal(out, "");
    assert_string_equal(cfg.import_profile, "qbo-gl");
    assert_int_equal(cfg.group_rule_count, 3);
    assert_string_equal(cfg.group_rules[0].group, "Subventions");
    assert_string_equal(cfg.group_rules[0].low, "4100");
    assert_string_equal(cfg.group_rules[0].high, "4199");
    assert_null(cfg.group_rules[1].low);
    assert_string_equal(cfg.group_rules[1].item, "4500");
    assert_string_equal(cfg.group_rules[2].item, "Dons divers");
    assert_int_equal(cfg.group_rules[2].line, 10);
    assert_true(cfg.columns[INPUT_ACCOUNTS].optional[COL_GROUP]);
    config_free(&cfg);
    free(out);

    assert_int_equal(load_text(&cfg,
                               MINIMAL "[import]\nprofile = quickbooks\n[groups]\n"
                                       "A = 4199-4100\nB =\nC = 1, ,2\n",
                               &out),
                     -1);
    assert_non_null(strstr(out, "report.ini:7: profile = quickbooks: no such import "
                                "profile (known: bilan, "));
    assert_non_null(strstr(out, "report.ini:9: [groups] A: the range '4199-4100' goes down"));
    assert_non_null(strstr(out, "report.ini:10: [groups] B is empty"));
    assert_non_null(strstr(out, "report.ini:11: [groups] C: an empty item between commas"));
    config_free(&cfg);
    free(out);
}

/* ---- the account list headers --------------------------------------------- */

static csv_record record_of(char **fields, size_t n)
{
    static size_t lengths[16];
    for (size_t i = 0; i < n; i++)
        lengths[i] = strlen(fields[i]);
    return (csv_record){ 1, n, fields, lengths, NULL };
}

static void test_account_lists(void **state)
{
    (void)state;
    diag d;
    diag_init(&d, NULL);
    column_map map;
    char *qbo[] = { "Account", "Type", "Detail type", "Description", "Balance" };
    csv_record rec = record_of(qbo, 5);
    assert_int_equal(columns_map_header(INPUT_ACCOUNTS, &rec, NULL, "a", &map, &d), 0);
    assert_string_equal(map.account_list, "qbo-account-list");
    assert_int_equal(map.index[COL_NAME], 0);
    assert_int_equal(map.index[COL_KIND], 1);
    assert_int_equal(map.index[COL_ACCOUNT], -1);
    assert_int_equal(map.index[COL_GROUP], -1);
    char *xero[] = { "*Code", "*Name", "*Type", "*Tax Code", "Description" };
    rec = record_of(xero, 5);
    assert_int_equal(columns_map_header(INPUT_ACCOUNTS, &rec, NULL, "a", &map, &d), 0);
    assert_string_equal(map.account_list, "xero-chart-of-accounts");
    assert_int_equal(map.index[COL_ACCOUNT], 0);
    char *sage[] = { "Account ID", "Account Description", "Active?", "Account Type" };
    rec = record_of(sage, 4);
    assert_int_equal(columns_map_header(INPUT_ACCOUNTS, &rec, NULL, "a", &map, &d), 0);
    assert_string_equal(map.account_list, "sage50-account-list");
    assert_int_equal(map.index[COL_KIND], 3);
    /* bilan's own: the group is required, unless [groups] is set */
    char *tidy[] = { "account", "name", "kind" };
    rec = record_of(tidy, 3);
    assert_int_equal(columns_map_header(INPUT_ACCOUNTS, &rec, NULL, "a", &map, &d), -1);
    assert_null(map.account_list);
    column_override o;
    memset(&o, 0, sizeof o);
    o.optional[COL_GROUP] = true;
    assert_int_equal(columns_map_header(INPUT_ACCOUNTS, &rec, &o, "a", &map, &d), 0);
}

/* ---- trial balances ------------------------------------------------------- */

typedef struct tb {
    size_t rows, skipped;
    trial_row row[8];
    char code[8][16], name[8][64];
    bool dated;
    date as_of;
    size_t errors;
} tb;

static void read_tb(const char *text, tb *out)
{
    memset(out, 0, sizeof *out);
    diag d;
    diag_init(&d, NULL);
    record_source *r = record_source_of_csv(
        csv_reader_open_mem(text, strlen(text), "tb.csv", NULL, 5, &d), "tb.csv");
    assert_non_null(r);
    trial_reader *t = trial_open(r, "tb.csv", MONEY_DECIMAL_AUTO, &d);
    if (t) {
        size_t line;
        out->dated = trial_as_of(t, &out->as_of, &line);
        trial_row row;
        while (trial_next(t, &row) == 1 && out->rows < 8) {
            snprintf(out->code[out->rows], 16, "%s", row.code);
            snprintf(out->name[out->rows], 64, "%s", row.name);
            out->row[out->rows++] = row;
        }
        out->skipped = trial_skipped(t);
    }
    trial_close(t);
    record_source_free(r);
    out->errors = d.count;
}

static void test_trial_balance_layouts(void **state)
{
    (void)state;
    tb t;
    read_tb("Org,,\nTrial Balance,,\n\"As of March 31, 2014\",,\n,,\n,Debit,Credit\n"
            "1000 Bank,\"1,300.00\",\n4100 Grants,,\"(10,000.00)\"\n4200 Fees,,$234.56\n"
            "TOTAL,\"1,300.00\",\"10,234.56\"\n,,\n\"Accrual Basis Monday\",,\n",
            &t);
    assert_int_equal(t.errors, 0);
    assert_true(t.dated);
    assert_int_equal(t.as_of.year, 2014);
    assert_int_equal(t.as_of.month, 3);
    assert_int_equal(t.as_of.day, 31);
    assert_int_equal(t.rows, 3);
    assert_string_equal(t.code[1], "4100");
    assert_string_equal(t.name[1], "Grants");
    assert_int_equal(t.row[1].debit, 1000000); /* a negative credit is a debit */
    assert_int_equal(t.row[1].credit, 0);
    assert_int_equal(t.row[2].credit, 23456);
    assert_int_equal(t.skipped, 1);

    /* Xero: the year-to-date columns, "Name (code)", type headings */
    read_tb("Trial Balance\nOrg\nAs at 31 March 2014\n\n"
            "Account,Debit,Credit,YTD Debit,YTD Credit\nRevenue\n"
            "Grants (4100),,900.00,,9000.00\nTotal Revenue,,900.00,,9000.00\n",
            &t);
    assert_int_equal(t.errors, 0);
    assert_true(t.dated);
    assert_int_equal(t.as_of.day, 31);
    assert_int_equal(t.rows, 1);
    assert_string_equal(t.code[0], "4100");
    assert_int_equal(t.row[0].credit, 900000);

    /* Sage 50 US: code and description columns; no date */
    read_tb("Account ID,Account Description,Debit Amt,Credit Amt\n"
            "5100,Salaires,\"3,000.00\",\n,Total,\"3,000.00\",0.00\n",
            &t);
    assert_false(t.dated);
    assert_int_equal(t.rows, 1);
    assert_string_equal(t.code[0], "5100");
    assert_string_equal(t.name[0], "Salaires");
    assert_int_equal(t.row[0].debit, 300000);

    /* no debit and credit columns: not a trial balance */
    read_tb("account,amount\n4100,12.00\n", &t);
    assert_int_equal(t.errors, 1);
    /* a figure that is no amount: reported, its row skipped */
    read_tb("account,debit,credit\n4100,,12.345\n4200,,1.00\n", &t);
    assert_int_equal(t.errors, 1);
    assert_int_equal(t.rows, 1);
}

static void test_import_helpers(void **state)
{
    (void)state;
    const char *code, *name;
    size_t code_len, name_len;
    import_account_split("5000 Office:5100 Rent", 21, &code, &code_len, &name, &name_len);
    assert_int_equal(code_len, 4);
    assert_memory_equal(code, "5100", 4);
    assert_int_equal(name_len, 4);
    money_decimal learned = MONEY_DECIMAL_AUTO;
    int64_t v;
    assert_int_equal(import_money("10 000,00 Ct", 12, &learned, MONEY_DECIMAL_AUTO, &v), MONEY_OK);
    assert_int_equal(v, -1000000);
    assert_int_equal(learned, MONEY_DECIMAL_COMMA);
    date d;
    assert_true(import_parse_date("31 mars 2014", 12, DATE_ORDER_AUTO, &d));
    assert_int_equal(d.month, 3);
    assert_false(import_parse_date("03/04/2014", 10, DATE_ORDER_AUTO, &d));
    assert_true(import_parse_date("03/04/2014", 10, DATE_ORDER_DMY, &d));
    assert_int_equal(d.month, 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_files_named),    cmocka_unit_test(test_ini_import_and_groups),
        cmocka_unit_test(test_account_lists),  cmocka_unit_test(test_trial_balance_layouts),
        cmocka_unit_test(test_import_helpers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
