/* test_columns.c - header mapping: French and English aliases with accents
 * and case, report.ini overrides, missing and duplicated columns. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "parse/columns.h"

enum { FIELDS_MAX = 16 };

/* Maps a header given as strings; the diagnostics are returned in *out. */
static int map_header(input_kind kind, const char *const *names, const column_override *o,
                      column_map *map, char **out)
{
    char *fields[FIELDS_MAX];
    size_t lengths[FIELDS_MAX];
    size_t n = 0;
    for (; names[n]; n++) {
        fields[n] = (char *)names[n];
        lengths[n] = strlen(names[n]);
    }
    csv_record rec = { 1, n, fields, lengths, NULL };
    size_t size;
    FILE *f = open_memstream(out, &size);
    assert_non_null(f);
    diag d;
    diag_init(&d, f);
    int rc = columns_map_header(kind, &rec, o, input_file_name(kind), map, &d);
    fclose(f);
    assert_int_equal(rc == 0, d.count == 0);
    return rc;
}

/* Expects a clean mapping; then checks the given columns' indexes. */
static void expect_ok(input_kind kind, const char *const *names, const column_override *o,
                      column_map *map)
{
    char *out;
    int rc = map_header(kind, names, o, map, &out);
    if (rc != 0)
        fail_msg("unexpected diagnostics:\n%s", out);
    free(out);
}

static void expect_error(input_kind kind, const char *const *names, const column_override *o,
                         const char *expected)
{
    column_map map;
    char *out;
    assert_int_equal(map_header(kind, names, o, &map, &out), -1);
    assert_string_equal(out, expected);
    free(out);
}

static void test_ledger_french(void **state)
{
    (void)state;
    const char *h[] = { "Date",    "No de compte", "MONTANT", " Tiers ",
                        "Libellé", "Pièce",        "Autre",   NULL };
    column_map m;
    expect_ok(INPUT_LEDGER, h, NULL, &m);
    assert_int_equal(m.index[COL_DATE], 0);
    assert_int_equal(m.index[COL_ACCOUNT], 1);
    assert_int_equal(m.index[COL_AMOUNT], 2);
    assert_int_equal(m.index[COL_COUNTERPARTY], 3);
    assert_int_equal(m.index[COL_MEMO], 4);
    assert_int_equal(m.index[COL_REF], 5);
    assert_int_equal(m.index[COL_DEBIT], -1);
    assert_int_equal(m.index[COL_NAME], -1);
}

static void test_ledger_debit_credit(void **state)
{
    (void)state;
    const char *h[] = { "Date de transaction", "Numéro de compte", "DÉBIT ", " crédit",
                        "Référence",           "Description",      "",       NULL };
    column_map m;
    expect_ok(INPUT_LEDGER, h, NULL, &m);
    assert_int_equal(m.index[COL_DATE], 0);
    assert_int_equal(m.index[COL_ACCOUNT], 1);
    assert_int_equal(m.index[COL_AMOUNT], -1);
    assert_int_equal(m.index[COL_DEBIT], 2);
    assert_int_equal(m.index[COL_CREDIT], 3);
    assert_int_equal(m.index[COL_REF], 4);
    assert_int_equal(m.index[COL_MEMO], 5);

    /* amount wins over debit and credit */
    const char *both[] = { "date", "account", "debit", "credit", "amount", NULL };
    expect_ok(INPUT_LEDGER, both, NULL, &m);
    assert_int_equal(m.index[COL_AMOUNT], 4);
    assert_int_equal(m.index[COL_DEBIT], -1);
    assert_int_equal(m.index[COL_CREDIT], -1);
}

static void test_english(void **state)
{
    (void)state;
    const char *h[] = {
        "Transaction Date", "Account Code", "Amount", "Payee", "Memo", "Ref", NULL
    };
    column_map m;
    expect_ok(INPUT_LEDGER, h, NULL, &m);
    assert_int_equal(m.index[COL_DATE], 0);
    assert_int_equal(m.index[COL_ACCOUNT], 1);
    assert_int_equal(m.index[COL_COUNTERPARTY], 3);
    assert_int_equal(m.index[COL_MEMO], 4);
    assert_int_equal(m.index[COL_REF], 5);

    const char *acc[] = { "account_number", "Account Name", "Account Type", "Category", NULL };
    expect_ok(INPUT_ACCOUNTS, acc, NULL, &m);
    assert_int_equal(m.index[COL_ACCOUNT], 0);
    assert_int_equal(m.index[COL_NAME], 1);
    assert_int_equal(m.index[COL_KIND], 2);
    assert_int_equal(m.index[COL_GROUP], 3);
}

static void test_other_files(void **state)
{
    (void)state;
    column_map m;
    const char *acc[] = { "Compte", "Intitulé", "Type", "Catégorie", NULL };
    expect_ok(INPUT_ACCOUNTS, acc, NULL, &m);
    assert_int_equal(m.index[COL_ACCOUNT], 0);
    assert_int_equal(m.index[COL_NAME], 1);
    assert_int_equal(m.index[COL_KIND], 2);
    assert_int_equal(m.index[COL_GROUP], 3);

    const char *act[] = { "Date",       "Axe",    "Type d’activité",        "Titre",
                          "Complicité", "RÉGION", "Nombre de participants", "Durée",
                          NULL };
    expect_ok(INPUT_ACTIVITIES, act, NULL, &m);
    assert_int_equal(m.index[COL_DATE], 0);
    assert_int_equal(m.index[COL_AXIS], 1);
    assert_int_equal(m.index[COL_TYPE], 2);
    assert_int_equal(m.index[COL_TITLE], 3);
    assert_int_equal(m.index[COL_PARTNER], 4);
    assert_int_equal(m.index[COL_REGION], 5);
    assert_int_equal(m.index[COL_PARTICIPANTS], 6);
    assert_int_equal(m.index[COL_HOURS], 7);

    const char *act2[] = { "date", "axe", "type", "partenaire", "participants", "heures", NULL };
    expect_ok(INPUT_ACTIVITIES, act2, NULL, &m);
    assert_int_equal(m.index[COL_PARTNER], 3);
    assert_int_equal(m.index[COL_TITLE], -1);
    assert_int_equal(m.index[COL_HOURS], 5);

    const char *people[] = { "Nom", "Rôle", "Groupe", "Équipe", NULL };
    expect_ok(INPUT_PEOPLE, people, NULL, &m);
    assert_int_equal(m.index[COL_NAME], 0);
    assert_int_equal(m.index[COL_ROLE], 1);
    assert_int_equal(m.index[COL_GROUP], 2);
    assert_int_equal(m.index[COL_TEAM], 3);

    /* team is optional; 'title' is the role in people.csv */
    const char *people2[] = { "name", "role", "group", NULL };
    expect_ok(INPUT_PEOPLE, people2, NULL, &m);
    assert_int_equal(m.index[COL_TEAM], -1);
    const char *people3[] = { "Title", "Name", "Group", NULL };
    expect_ok(INPUT_PEOPLE, people3, NULL, &m);
    assert_int_equal(m.index[COL_ROLE], 0);
}

static void test_missing(void **state)
{
    (void)state;
    const char *no_account[] = { "date", "montant", NULL };
    expect_error(INPUT_LEDGER, no_account, NULL,
                 "ledger.csv:1: column 'account': missing (no header 'account', 'compte', "
                 "'no de compte', ...)\n");
    const char *no_amount[] = { "date", "compte", "tiers", NULL };
    expect_error(INPUT_LEDGER, no_amount, NULL,
                 "ledger.csv:1: column 'amount': missing (need 'amount', or both 'debit' "
                 "and 'credit')\n");
    const char *debit_only[] = { "date", "compte", "débit", NULL };
    expect_error(INPUT_LEDGER, debit_only, NULL,
                 "ledger.csv:1: column 'credit': missing (need both 'debit' and 'credit', "
                 "or 'amount')\n");
    const char *nothing[] = { "x", NULL };
    expect_error(INPUT_ACTIVITIES, nothing, NULL,
                 "activities.csv:1: column 'date': missing (no header 'date', 'activity "
                 "date', 'date de l'activité', ...)\n"
                 "activities.csv:1: column 'axis': missing (no header 'axis', 'axe', "
                 "'axe d'intervention', ...)\n"
                 "activities.csv:1: column 'type': missing (no header 'type', 'activity "
                 "type', 'type d'activité', ...)\n");
    const char *no_group[] = { "nom", "rôle", NULL };
    expect_error(INPUT_PEOPLE, no_group, NULL,
                 "people.csv:1: column 'group': missing (no header 'group', 'groupe', "
                 "'category', ...)\n");
}

static void test_duplicate(void **state)
{
    (void)state;
    const char *h[] = { "Date", "compte", "montant", " date ", NULL };
    expect_error(INPUT_LEDGER, h, NULL,
                 "ledger.csv:1: column 'date': headers 'Date' and 'date' both name it "
                 "(fields 1 and 4)\n");
    const char *h2[] = { "date", "compte", "Montant", "Amount", NULL };
    expect_error(INPUT_LEDGER, h2, NULL,
                 "ledger.csv:1: column 'amount': headers 'Montant' and 'Amount' both name "
                 "it (fields 3 and 4)\n");
}

static void test_override(void **state)
{
    (void)state;
    column_override o;
    memset(&o, 0, sizeof o);
    o.header[COL_DATE] = "DATE DE L'ÉCRITURE ";
    o.line[COL_DATE] = 12;
    o.header[COL_COUNTERPARTY] = "Nom";
    o.line[COL_COUNTERPARTY] = 13;
    column_map m;
    /* the override replaces the aliases: "Date" is no longer the date */
    const char *h[] = { "Date", "Date de l'écriture", "Compte", "Montant", "Nom", "Vendor", NULL };
    expect_ok(INPUT_LEDGER, h, &o, &m);
    assert_int_equal(m.index[COL_DATE], 1);
    assert_int_equal(m.index[COL_COUNTERPARTY], 4);

    const char *h2[] = { "Date", "Compte", "Montant", "Nom", NULL };
    o.header[COL_DATE] = "Date de transaction";
    expect_error(INPUT_LEDGER, h2, &o,
                 "ledger.csv:1: column 'date': header 'Date de transaction' (from "
                 "report.ini line 12) not found\n");

    /* an override of an optional column must be found too */
    memset(&o, 0, sizeof o);
    o.header[COL_TEAM] = "Service";
    o.line[COL_TEAM] = 30;
    const char *h3[] = { "nom", "rôle", "groupe", NULL };
    expect_error(INPUT_PEOPLE, h3, &o,
                 "people.csv:1: column 'team': header 'Service' (from report.ini line 30) "
                 "not found\n");

    /* an override claims a header that is an alias of another column */
    memset(&o, 0, sizeof o);
    o.header[COL_NAME] = "Description";
    const char *h4[] = { "compte", "description", "nature", "groupe", NULL };
    expect_ok(INPUT_ACCOUNTS, h4, &o, &m);
    assert_int_equal(m.index[COL_NAME], 1);
}

static void test_names(void **state)
{
    (void)state;
    assert_string_equal(input_file_name(INPUT_LEDGER), "ledger.csv");
    assert_string_equal(input_file_name(INPUT_PEOPLE), "people.csv");
    assert_string_equal(input_kind_name(INPUT_ACCOUNTS), "accounts");
    assert_string_equal(input_kind_name(INPUT_ACTIVITIES), "activities");
    assert_string_equal(column_name(COL_COUNTERPARTY), "counterparty");
    assert_string_equal(column_name(COL_TEAM), "team");
    assert_int_equal(column_lookup(INPUT_LEDGER, "date"), COL_DATE);
    assert_int_equal(column_lookup(INPUT_LEDGER, "credit"), COL_CREDIT);
    assert_int_equal(column_lookup(INPUT_ACCOUNTS, "date"), -1);
    assert_int_equal(column_lookup(INPUT_ACCOUNTS, "kind"), COL_KIND);
    assert_int_equal(column_lookup(INPUT_ACTIVITIES, "hours"), COL_HOURS);
    assert_int_equal(column_lookup(INPUT_PEOPLE, "team"), COL_TEAM);
    assert_int_equal(column_lookup(INPUT_PEOPLE, "amount"), -1);
    assert_int_equal(column_lookup(INPUT_LEDGER, "montant"), -1);
    for (int c = 0; c < COL_COUNT; c++) {
        int found = 0;
        for (int k = 0; k < INPUT_KIND_COUNT; k++)
            found += column_lookup((input_kind)k, column_name((column_id)c)) == c;
        assert_true(found >= 1); /* every column belongs to a file */
    }
}

static void test_fit(void **state)
{
    (void)state;
    column_map m;
    int missing;
    /* amount in the middle, optional columns after it */
    const char *h[] = { "date", "account", "amount", "counterparty", "memo", NULL };
    expect_ok(INPUT_LEDGER, h, NULL, &m);
    assert_int_equal(m.fields, 5);
    assert_true(columns_fit(&m, 5, 5, &missing));
    assert_true(columns_fit(&m, 3, 3, &missing));  /* trailing optional left out */
    assert_true(columns_fit(&m, 7, 5, &missing));  /* trailing empty fields */
    assert_false(columns_fit(&m, 6, 6, &missing)); /* 1,234.56 unquoted */
    assert_int_equal(missing, -1);
    assert_false(columns_fit(&m, 2, 2, &missing));
    assert_int_equal(missing, COL_AMOUNT);
    assert_false(columns_fit(&m, 1, 1, &missing));
    assert_int_equal(missing, COL_ACCOUNT);

    /* debit and credit: both needed */
    const char *h2[] = { "date", "account", "debit", "credit", NULL };
    expect_ok(INPUT_LEDGER, h2, NULL, &m);
    assert_false(columns_fit(&m, 3, 3, &missing));
    assert_int_equal(missing, COL_CREDIT);
    assert_true(columns_fit(&m, 4, 3, &missing));

    /* people: role is required even when it may be empty; team is not */
    const char *h3[] = { "name", "role", "group", "team", NULL };
    expect_ok(INPUT_PEOPLE, h3, NULL, &m);
    assert_true(columns_fit(&m, 3, 3, &missing));
    assert_false(columns_fit(&m, 2, 2, &missing));
    assert_int_equal(missing, COL_GROUP);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ledger_french), cmocka_unit_test(test_ledger_debit_credit),
        cmocka_unit_test(test_english),       cmocka_unit_test(test_other_files),
        cmocka_unit_test(test_missing),       cmocka_unit_test(test_duplicate),
        cmocka_unit_test(test_override),      cmocka_unit_test(test_names),
        cmocka_unit_test(test_fit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
