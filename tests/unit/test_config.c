/* test_config.c - report.ini: values, defaults, and every problem reported
 * with its line, all of them in one run. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DATA "tests/unit/data/config/"

/* The minimal valid file: the three required keys. */
#define MINIMAL "[organisation]\nname = Dynamo\n[report]\nfiscal_year_end = 03-31\nyear = 2014\n"

typedef struct loaded {
    config cfg;
    int rc;
    int status;
    size_t count;
    char *out; /* the diagnostics printed */
} loaded;

/* Loads path as "report.ini", capturing the diagnostics. */
static void load_path(loaded *l, const char *path)
{
    size_t size;
    FILE *stream = open_memstream(&l->out, &size);
    assert_non_null(stream);
    diag d;
    diag_init(&d, stream);
    l->rc = config_load(&l->cfg, path, "report.ini", &d);
    l->status = d.status;
    l->count = d.count;
    fclose(stream);
}

/* Loads text written to a temporary file. */
static void load_text(loaded *l, const char *text)
{
    char path[] = "/tmp/test_config_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    load_path(l, path);
    unlink(path);
}

static void unload(loaded *l)
{
    config_free(&l->cfg);
    free(l->out);
}

/* Loads text and expects exactly the diagnostics expected. */
static void expect_problems(const char *text, const char *expected, size_t count)
{
    loaded l;
    load_text(&l, text);
    assert_string_equal(l.out, expected);
    assert_int_equal(l.rc, -1);
    assert_int_equal(l.status, EXIT_DATAERR);
    assert_int_equal(l.count, count);
    unload(&l);
}

static void test_full_example(void **state)
{
    (void)state;
    loaded l;
    load_path(&l, DATA "full.ini");
    assert_string_equal(l.out, "");
    assert_int_equal(l.rc, 0);
    const config *c = &l.cfg;
    assert_string_equal(c->org_name, "Dynamo");
    assert_string_equal(c->org_subtitle, "Ressource en mobilisation des collectivités");
    assert_string_equal(c->org_tagline, "Ensemble, on va plus loin");
    assert_string_equal(c->org_address, "4050, rue Molson, bureau 340, Montréal (Québec) H1Y 3N1");
    assert_string_equal(c->org_website, "http://dynamocollectivo.com/");
    assert_string_equal(c->org_email, "info@dynamocollectivo.com");
    assert_string_equal(c->org_phone, "514 555-0199");
    assert_string_equal(c->title, "Bilan annuel");
    assert_int_equal(c->calendar.end_month, 3);
    assert_int_equal(c->calendar.end_day, 31);
    assert_int_equal(c->year, 2014);
    assert_int_equal(c->history, 3);
    assert_int_equal(c->lang, LANG_FR);
    assert_string_equal(c->currency, "CAD");
    assert_string_equal(c->self_generated_group, "Revenus autonomes");
    assert_int_equal(c->encoding, CSV_ENCODING_AUTO);
    assert_int_equal(c->delimiter, 0);
    assert_int_equal(c->decimal, MONEY_DECIMAL_AUTO);
    assert_int_equal(c->date_order, DATE_ORDER_AUTO);
    assert_string_equal(c->columns[INPUT_LEDGER].header[COL_DATE], "Date de transaction");
    assert_int_equal(c->columns[INPUT_LEDGER].line[COL_DATE], 27);
    assert_null(c->columns[INPUT_LEDGER].header[COL_ACCOUNT]);
    assert_true(c->workbook_detail);
    unload(&l);
}

static void test_defaults(void **state)
{
    (void)state;
    loaded l;
    load_text(&l, MINIMAL);
    assert_int_equal(l.rc, 0);
    assert_string_equal(l.out, "");
    const config *c = &l.cfg;
    assert_string_equal(c->org_name, "Dynamo");
    assert_null(c->org_subtitle);
    assert_null(c->org_tagline);
    assert_null(c->org_address);
    assert_null(c->org_website);
    assert_null(c->org_email);
    assert_null(c->org_phone);
    assert_null(c->self_generated_group);
    assert_string_equal(c->title, "Bilan annuel");
    assert_int_equal(c->history, 3);
    assert_int_equal(c->lang, LANG_FR);
    assert_string_equal(c->currency, "CAD");
    assert_int_equal(c->encoding, CSV_ENCODING_AUTO);
    assert_int_equal(c->delimiter, 0);
    assert_int_equal(c->decimal, MONEY_DECIMAL_AUTO);
    assert_int_equal(c->date_order, DATE_ORDER_AUTO);
    assert_true(c->workbook_detail);
    for (int k = 0; k < INPUT_KIND_COUNT; k++)
        for (int col = 0; col < COL_COUNT; col++)
            assert_null(c->columns[k].header[col]);
    unload(&l);

    load_text(&l, MINIMAL "language = en\n");
    assert_int_equal(l.rc, 0);
    assert_int_equal(l.cfg.lang, LANG_EN);
    assert_string_equal(l.cfg.title, "Annual report");
    unload(&l);
}

static void test_settings(void **state)
{
    (void)state;
    loaded l;
    load_text(&l, MINIMAL "title = Rapport 2014\nhistory = 20\nlanguage = EN\ncurrency = usd\n"
                          "[CSV]\nEncoding = windows-1252\ndelimiter=;\ndecimal = comma\n"
                          "date_order = DMY\n"
                          "[workbook]\ndetail = no\n");
    assert_string_equal(l.out, "");
    assert_int_equal(l.rc, 0);
    assert_string_equal(l.cfg.title, "Rapport 2014");
    assert_int_equal(l.cfg.history, 20);
    assert_int_equal(l.cfg.lang, LANG_EN);
    assert_string_equal(l.cfg.currency, "USD");
    assert_int_equal(l.cfg.encoding, CSV_ENCODING_CP1252);
    assert_int_equal(l.cfg.delimiter, ';');
    assert_int_equal(l.cfg.decimal, MONEY_DECIMAL_COMMA);
    assert_int_equal(l.cfg.date_order, DATE_ORDER_DMY);
    assert_false(l.cfg.workbook_detail);
    unload(&l);

    load_text(&l, MINIMAL "history = 1\n[csv]\nencoding = utf8\ndelimiter = tab\n"
                          "decimal = point\ndate_order = mdy\n[workbook]\ndetail = 1\n");
    assert_int_equal(l.rc, 0);
    assert_int_equal(l.cfg.history, 1);
    assert_int_equal(l.cfg.encoding, CSV_ENCODING_UTF8);
    assert_int_equal(l.cfg.delimiter, '\t');
    assert_int_equal(l.cfg.decimal, MONEY_DECIMAL_POINT);
    assert_int_equal(l.cfg.date_order, DATE_ORDER_MDY);
    assert_true(l.cfg.workbook_detail);
    unload(&l);

    load_text(&l, MINIMAL "[csv]\ndelimiter = comma\n");
    assert_int_equal(l.rc, 0);
    assert_int_equal(l.cfg.delimiter, ',');
    unload(&l);
}

/* Inline comments, '#' comments, ';' inside a value, indented keys,
 * blank lines, an empty optional value. */
static void test_syntax(void **state)
{
    (void)state;
    loaded l;
    load_text(&l, "# a comment\n\n[organisation]   ; org\n"
                  "  name = Dynamo ; inline\n"
                  "website = http://example.org/a;b?c=1;d\n"
                  "phone = 514 555-0199\t; tab before the comment\n"
                  "subtitle =\n"
                  "\t[ report ]\n"
                  "fiscal_year_end = 12-31\n"
                  "    year = 2014   # not a comment\n");
    assert_string_equal(
        l.out, "report.ini:10: year '2014   # not a comment' is not a year from 1900 to 9999\n");
    assert_string_equal(l.cfg.org_name, "Dynamo");
    assert_string_equal(l.cfg.org_website, "http://example.org/a;b?c=1;d");
    assert_string_equal(l.cfg.org_phone, "514 555-0199");
    assert_null(l.cfg.org_subtitle);
    assert_int_equal(l.cfg.calendar.end_month, 12);
    unload(&l);
}

static void test_bom_and_crlf(void **state)
{
    (void)state;
    loaded l;
    load_path(&l, DATA "bom-crlf.ini");
    assert_string_equal(l.out, "");
    assert_int_equal(l.rc, 0);
    assert_string_equal(l.cfg.org_name, "Dynamo");
    assert_int_equal(l.cfg.calendar.end_month, 12);
    assert_int_equal(l.cfg.calendar.end_day, 31);
    assert_int_equal(l.cfg.year, 2014);
    unload(&l);
}

static void test_unknown_key(void **state)
{
    (void)state;
    expect_problems(MINIMAL "yaer = 2014\n", "report.ini:6: unknown key 'yaer' in [report]\n", 1);
    expect_problems("[organisation]\nname = D\nnom = D\n[report]\n"
                    "fiscal_year_end = 03-31\nyear = 2014\n",
                    "report.ini:3: unknown key 'nom' in [organisation]\n", 1);
}

static void test_unknown_section(void **state)
{
    (void)state;
    /* Reported at its own line even when empty; its keys are not reported. */
    expect_problems(MINIMAL "[reprot]\n", "report.ini:6: unknown section [reprot]\n", 1);
    expect_problems("[organisation]\nname = D\n[reprot]\nyaer = 2014\n[report]\n"
                    "fiscal_year_end = 03-31\nyear = 2014\n",
                    "report.ini:3: unknown section [reprot]\n", 1);
    expect_problems(MINIMAL "[columns.ledgers]\ndate = Date\n",
                    "report.ini:6: unknown section [columns.ledgers]\n", 1);
}

static void test_fiscal_year_end(void **state)
{
    (void)state;
    const char *head = "[organisation]\nname = D\n[report]\nyear = 2014\nfiscal_year_end = ";
    static const char *const bad[] = {
        "13-01", "02-30", "04-31", "00-10", "03/31", "2014-03-31", "March 31", "",
    };
    char text[256], expected[256];
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        snprintf(text, sizeof text, "%s%s\n", head, bad[i]);
        snprintf(expected, sizeof expected,
                 "report.ini:5: fiscal_year_end '%s' is not a valid MM-DD date\n", bad[i]);
        /* A bad value counts as given: it is not also reported missing. */
        expect_problems(text, expected, 1);
    }
    loaded l;
    snprintf(text, sizeof text, "%s2-28\n", head);
    load_text(&l, text);
    assert_int_equal(l.rc, 0);
    assert_int_equal(l.cfg.calendar.end_month, 2);
    assert_int_equal(l.cfg.calendar.end_day, 28);
    unload(&l);
    /* 02-29: the last day of February, as 02-28 */
    snprintf(text, sizeof text, "%s02-29\n", head);
    load_text(&l, text);
    assert_int_equal(l.rc, 0);
    assert_int_equal(l.cfg.calendar.end_month, 2);
    assert_int_equal(l.cfg.calendar.end_day, 29);
    unload(&l);
}

static void test_missing_required(void **state)
{
    (void)state;
    expect_problems("[organisation]\nname = D\n[report]\nfiscal_year_end = 03-31\n",
                    "report.ini: [report] year is missing\n", 1);
    expect_problems("[organisation]\nname = D\n[report]\nyear = 2014\n",
                    "report.ini: [report] fiscal_year_end is missing\n", 1);
    expect_problems("[report]\nfiscal_year_end = 03-31\nyear = 2014\n",
                    "report.ini: [organisation] name is missing\n", 1);
    expect_problems("",
                    "report.ini: [organisation] name is missing\n"
                    "report.ini: [report] fiscal_year_end is missing\n"
                    "report.ini: [report] year is missing\n",
                    3);
}

static void test_bad_values(void **state)
{
    (void)state;
    static const struct {
        const char *line, *message;
    } bad[] = {
        { "year = 14", "year '14' is not a year from 1900 to 9999" },
        { "year = 1899", "year '1899' is not a year from 1900 to 9999" },
        { "year = 2014a", "year '2014a' is not a year from 1900 to 9999" },
        { "history = 0", "history '0' is not a number of years from 1 to 20" },
        { "history = 21", "history '21' is not a number of years from 1 to 20" },
        { "history = three", "history 'three' is not a number of years from 1 to 20" },
        { "language = de", "language 'de' is not fr or en" },
        { "currency = CA$", "currency 'CA$' is not a three-letter currency code such as CAD" },
        { "currency = CADX", "currency 'CADX' is not a three-letter currency code such as CAD" },
        { "title =", "title is empty" },
        { "[csv]\nencoding = utf-16", "encoding 'utf-16' is not auto, utf-8 or windows-1252" },
        { "[csv]\ndelimiter = pipe", "delimiter 'pipe' is not auto, comma, semicolon or tab" },
        { "[csv]\ndelimiter = ;", "delimiter '' is not auto, comma, semicolon or tab"
                                  " (' ;' starts a comment: write semicolon)" },
        { "[csv]\ndecimal = dot", "decimal 'dot' is not auto, point or comma" },
        { "[csv]\ndate_order = ymd", "date_order 'ymd' is not auto, dmy or mdy" },
        { "[workbook]\ndetail = maybe", "detail 'maybe' is not yes or no" },
    };
    char text[256], expected[256];
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        /* The year is set first: a bad year leaves it at the earlier value. */
        snprintf(text, sizeof text,
                 "[organisation]\nname = D\n[report]\nfiscal_year_end = 03-31\n%s\n%s\n",
                 strncmp(bad[i].line, "year", 4) ? "year = 2014" : "", bad[i].line);
        size_t line = strchr(bad[i].line, '\n') ? 7 : 6;
        snprintf(expected, sizeof expected, "report.ini:%zu: %s\n", line, bad[i].message);
        expect_problems(text, expected, 1);
    }
    expect_problems("[organisation]\nname =\n"
                    "[report]\nfiscal_year_end = 03-31\nyear = 2014\n",
                    "report.ini:2: name is empty\n", 1);
}

static void test_duplicates(void **state)
{
    (void)state;
    expect_problems(MINIMAL "YEAR = 2015\n",
                    "report.ini:6: duplicate key 'YEAR' in [report]"
                    " (first set at line 5)\n",
                    1);
    /* The first value stays. */
    loaded l;
    load_text(&l, MINIMAL "[report]\nyear = 2015\n");
    assert_int_equal(l.rc, -1);
    assert_int_equal(l.cfg.year, 2014);
    assert_string_equal(l.out,
                        "report.ini:7: duplicate key 'year' in [report] (first set at line 5)\n");
    unload(&l);
}

static void test_syntax_errors(void **state)
{
    (void)state;
    expect_problems("name = D\n" MINIMAL, "report.ini:1: key 'name' comes before any [section]\n",
                    1);
    expect_problems(MINIMAL "just some words\n",
                    "report.ini:6: expected 'key = value' or a [section] header\n", 1);
    expect_problems(MINIMAL "= 12\n",
                    "report.ini:6: expected 'key = value' or a [section] header\n", 1);
    expect_problems(MINIMAL "[csv\ndelimiter = comma\n",
                    "report.ini:6: expected a section header such as [report]\n", 1);
    expect_problems(MINIMAL "[csv] extra\n",
                    "report.ini:6: expected a section header such as [report]\n", 1);
}

/* A continuation-style indented line is not glued to the key above it. */
static void test_no_continuation_lines(void **state)
{
    (void)state;
    expect_problems("[organisation]\nname = Dynamo\n  Montréal\n[report]\n"
                    "fiscal_year_end = 03-31\nyear = 2014\n",
                    "report.ini:3: expected 'key = value' or a [section] header\n", 1);
}

static void test_many_problems_in_one_run(void **state)
{
    (void)state;
    expect_problems("[organisation]\n"          /* 1 */
                    "nmae = Dynamo\n"           /* 2 */
                    "[reprot]\n"                /* 3 */
                    "year = 2014\n"             /* 4 */
                    "[report]\n"                /* 5 */
                    "yaer = 2014\n"             /* 6 */
                    "fiscal_year_end = 13-01\n" /* 7 */
                    "history = 99\n"            /* 8 */
                    "[columns.ledger]\n"        /* 9 */
                    "dtae = Date\n",            /* 10 */
                    "report.ini:2: unknown key 'nmae' in [organisation]\n"
                    "report.ini:3: unknown section [reprot]\n"
                    "report.ini:6: unknown key 'yaer' in [report]\n"
                    "report.ini:7: fiscal_year_end '13-01' is not a valid MM-DD date\n"
                    "report.ini:8: history '99' is not a number of years from 1 to 20\n"
                    "report.ini:10: unknown key 'dtae' in [columns.ledger]: the columns"
                    " of ledger.csv are date, account, amount, debit, credit,"
                    " counterparty, memo, ref\n"
                    "report.ini: [organisation] name is missing\n"
                    "report.ini: [report] year is missing\n",
                    8);
}

static void test_columns(void **state)
{
    (void)state;
    loaded l;
    load_text(&l, MINIMAL "[columns.ledger]\ndate = Date de transaction\nAmount = Montant ($)\n"
                          "[columns.accounts]\naccount = No\nname = Intitulé\n"
                          "[columns.activities]\nparticipants = Nb de participants\n"
                          "[columns.people]\nrole = Fonction ; inline\n");
    assert_string_equal(l.out, "");
    assert_int_equal(l.rc, 0);
    const column_override *c = l.cfg.columns;
    assert_string_equal(c[INPUT_LEDGER].header[COL_DATE], "Date de transaction");
    assert_int_equal(c[INPUT_LEDGER].line[COL_DATE], 7);
    assert_string_equal(c[INPUT_LEDGER].header[COL_AMOUNT], "Montant ($)");
    assert_int_equal(c[INPUT_LEDGER].line[COL_AMOUNT], 8);
    assert_string_equal(c[INPUT_ACCOUNTS].header[COL_ACCOUNT], "No");
    assert_string_equal(c[INPUT_ACCOUNTS].header[COL_NAME], "Intitulé");
    assert_null(c[INPUT_LEDGER].header[COL_NAME]);
    assert_string_equal(c[INPUT_ACTIVITIES].header[COL_PARTICIPANTS], "Nb de participants");
    assert_int_equal(c[INPUT_ACTIVITIES].line[COL_PARTICIPANTS], 13);
    assert_string_equal(c[INPUT_PEOPLE].header[COL_ROLE], "Fonction");
    unload(&l);
}

static void test_columns_errors(void **state)
{
    (void)state;
    /* "hours" is a column, but not of ledger.csv. */
    expect_problems(MINIMAL "[columns.ledger]\nhours = Heures\n",
                    "report.ini:7: unknown key 'hours' in [columns.ledger]: the columns"
                    " of ledger.csv are date, account, amount, debit, credit,"
                    " counterparty, memo, ref\n",
                    1);
    expect_problems(MINIMAL "[columns.people]\nnom = Nom\n",
                    "report.ini:7: unknown key 'nom' in [columns.people]: the columns"
                    " of people.csv are name, group, role, team\n",
                    1);
    expect_problems(MINIMAL "[columns.ledger]\ndate = Date\nmemo = Libellé\nDate = Jour\n",
                    "report.ini:9: duplicate key 'Date' in [columns.ledger]"
                    " (first set at line 7)\n",
                    1);
    expect_problems(MINIMAL "[columns.accounts]\nname =\n",
                    "report.ini:7: name is empty: give the header of that column"
                    " in accounts.csv\n",
                    1);
}

/* [report]'s funders settings and [labels.LANG] (docs/funders.md,
 * docs/templates.md). */
static void test_funders_and_labels(void **state)
{
    (void)state;
    loaded l;
    load_text(&l, MINIMAL "funders_groups = Subventions, Dons\nfunders_min = 1 000,50\n"
                          "funders_top = 10\ndonors = none\n"
                          "[labels.en]\nMobilisation des connaissances = Knowledge mobilization\n"
                          "Subventions = Grants\n[LABELS.FR]\nStaff = Équipe\n");
    assert_string_equal(l.out, "");
    assert_int_equal(l.rc, 0);
    assert_string_equal(l.cfg.funders_groups, "Subventions, Dons");
    assert_int_equal(l.cfg.funders_groups_line, 6);
    assert_int_equal(l.cfg.funders_min, 100050);
    assert_int_equal(l.cfg.funders_top, 10);
    assert_string_equal(l.cfg.donors, "none");
    assert_int_equal(l.cfg.donors_line, 9);
    assert_int_equal(l.cfg.label_count, 3);
    assert_int_equal(l.cfg.labels[0].lang, LANG_EN);
    assert_string_equal(l.cfg.labels[0].name, "Mobilisation des connaissances");
    assert_string_equal(l.cfg.labels[0].label, "Knowledge mobilization");
    assert_int_equal(l.cfg.labels[0].line, 11);
    assert_int_equal(l.cfg.labels[2].lang, LANG_FR);
    unload(&l);
    expect_problems(MINIMAL "funders_min = -5\nfunders_top = ten\ndonors =\n",
                    "report.ini:6: funders_min '-5' is not an amount of 0 or more (such as "
                    "1000 or 2500.50)\n"
                    "report.ini:7: funders_top 'ten' is not a number of funders from 1 to "
                    "99999\n"
                    "report.ini:8: donors is empty: name revenue groups, separated by commas, "
                    "or write none\n",
                    3);
    expect_problems(MINIMAL "[labels.en]\nFormation = Training\nFORMATION = Courses\n"
                            "Accompagnement =\n[labels.de]\n",
                    "report.ini:8: duplicate label 'FORMATION' in [labels.en] (first set at "
                    "line 7)\n"
                    "report.ini:9: [labels.en] Accompagnement: the label is empty\n"
                    "report.ini:10: unknown section [labels.de]\n",
                    3);
}

static void test_windows_1252(void **state)
{
    (void)state;
    /* Saved as "ANSI" by Notepad: converted, like the CSV files. */
    loaded l;
    load_path(&l, DATA "cp1252.ini");
    assert_int_equal(l.rc, 0);
    assert_string_equal(l.cfg.org_name, "Café Dynamo");
    assert_string_equal(l.cfg.title, "Bilan été");
    unload(&l);
}

static void test_long_line(void **state)
{
    (void)state;
    char text[600];
    char tagline[400];
    memset(tagline, 'x', sizeof tagline - 1);
    tagline[sizeof tagline - 1] = '\0';
    /* Longer than inih's 200-byte line: read all the same, comment too. */
    snprintf(text, sizeof text, MINIMAL "[organisation]\ntagline = %s  ; long\n", tagline);
    loaded l;
    load_text(&l, text);
    assert_int_equal(l.rc, 0);
    assert_string_equal(l.cfg.org_tagline, tagline);
    unload(&l);

    /* A long line that is not key = value is still an error at its line. */
    snprintf(text, sizeof text, MINIMAL "[organisation]\n%s\n", tagline);
    load_text(&l, text);
    assert_int_equal(l.rc, -1);
    assert_int_equal(l.count, 1);
    assert_non_null(strstr(l.out, "report.ini:7: expected 'key = value'"));
    unload(&l);
}

static void test_unreadable(void **state)
{
    (void)state;
    loaded l;
    load_path(&l, "/nonexistent/report.ini");
    assert_int_equal(l.rc, -1);
    assert_int_equal(l.status, EXIT_NOINPUT);
    assert_string_equal(l.out, "report.ini: cannot open: No such file or directory\n");
    unload(&l);

    load_path(&l, "/tmp");
    assert_int_equal(l.rc, -1);
    assert_int_equal(l.status, EXIT_NOINPUT);
    assert_string_equal(l.out, "report.ini: cannot read: Is a directory\n");
    unload(&l);
}

static void test_set_language(void **state)
{
    (void)state;
    loaded l;
    load_text(&l, MINIMAL);
    config_set_language(&l.cfg, LANG_EN);
    assert_int_equal(l.cfg.lang, LANG_EN);
    assert_string_equal(l.cfg.title, "Annual report");
    unload(&l);

    load_text(&l, MINIMAL "title = Rapport d'activités\n");
    config_set_language(&l.cfg, LANG_EN);
    assert_string_equal(l.cfg.title, "Rapport d'activités");
    unload(&l);
}

static void test_language(void **state)
{
    (void)state;
    language lang = LANG_EN;
    assert_int_equal(language_parse("fr", &lang), 0);
    assert_int_equal(lang, LANG_FR);
    assert_int_equal(language_parse("EN", &lang), 0);
    assert_int_equal(lang, LANG_EN);
    assert_int_equal(language_parse("de", &lang), -1);
    assert_int_equal(language_parse("", &lang), -1);
    assert_int_equal(language_parse("fra", &lang), -1);
    assert_int_equal(lang, LANG_EN);
    assert_string_equal(language_code(LANG_FR), "fr");
    assert_string_equal(language_code(LANG_EN), "en");
}

static void test_free_twice(void **state)
{
    (void)state;
    loaded l;
    load_path(&l, DATA "full.ini");
    config_free(&l.cfg);
    assert_null(l.cfg.org_name);
    assert_null(l.cfg.columns[INPUT_LEDGER].header[COL_DATE]);
    unload(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_example),
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_settings),
        cmocka_unit_test(test_syntax),
        cmocka_unit_test(test_bom_and_crlf),
        cmocka_unit_test(test_unknown_key),
        cmocka_unit_test(test_unknown_section),
        cmocka_unit_test(test_fiscal_year_end),
        cmocka_unit_test(test_missing_required),
        cmocka_unit_test(test_bad_values),
        cmocka_unit_test(test_duplicates),
        cmocka_unit_test(test_syntax_errors),
        cmocka_unit_test(test_no_continuation_lines),
        cmocka_unit_test(test_many_problems_in_one_run),
        cmocka_unit_test(test_columns),
        cmocka_unit_test(test_columns_errors),
        cmocka_unit_test(test_funders_and_labels),
        cmocka_unit_test(test_windows_1252),
        cmocka_unit_test(test_long_line),
        cmocka_unit_test(test_unreadable),
        cmocka_unit_test(test_set_language),
        cmocka_unit_test(test_language),
        cmocka_unit_test(test_free_twice),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
