/* test_ingest.c - the input folder into the model and the figures:
 * conventions learnt late, distinct counting, debit/credit, diagnostics. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "compute.h"
#include "ingest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct fixture {
    char dir[64];
    config cfg;
    model m;
    figures f;
    diag d;
    char *messages;
    size_t messages_len;
    FILE *stream;
} fixture;

static void write_file(const fixture *fx, const char *name, const char *text)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", fx->dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static const char *const ACCOUNTS = "account,name,kind,group\n"
                                    "4100,Grants,revenue,Subventions\n"
                                    "4500,Fees,produit,Revenus autonomes\n"
                                    "5100,Salaries,charge,Salaires\n"
                                    "1000,Cash,asset,Bilan\n";

static int setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    strcpy(fx->dir, "/tmp/bilan-test-ingest-XXXXXX");
    assert_non_null(mkdtemp(fx->dir));
    write_file(fx, "report.ini",
               "[organisation]\nname = Test\n[report]\nfiscal_year_end = 03-31\n"
               "year = 2014\nhistory = 3\n");
    write_file(fx, "accounts.csv", ACCOUNTS);
    write_file(fx, "activities.csv", "date,axis,type\n");
    fx->stream = open_memstream(&fx->messages, &fx->messages_len);
    diag_init(&fx->d, fx->stream);
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    figures_free(&fx->f);
    model_free(&fx->m);
    config_free(&fx->cfg);
    fclose(fx->stream);
    free(fx->messages);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", fx->dir);
    assert_int_equal(system(cmd), 0);
    free(fx);
    return 0;
}

/* Reads the folder and computes; returns the ingest status. */
static int run(fixture *fx)
{
    char path[128];
    snprintf(path, sizeof path, "%s/report.ini", fx->dir);
    assert_int_equal(config_load(&fx->cfg, path, "report.ini", &fx->d), 0);
    model_init(&fx->m, &fx->cfg);
    int rc = ingest_input(&fx->m, fx->dir, &fx->d);
    if (rc == 0)
        rc = compute_figures(&fx->m, &fx->f, &fx->d);
    fflush(fx->stream);
    return rc;
}

static void test_date_order_learnt_after_ambiguous_rows(void **state)
{
    fixture *fx = *state;
    /* 01/02/2014 and 03/04/2013 are ambiguous until 25/12/2013 says dmy:
     * 03/04/2013 is 3 April 2013, in fiscal 2014, not 4 March (fiscal 2013). */
    write_file(fx, "ledger.csv",
               "date,account,amount\n"
               "01/02/2014,4100,100.00\n"
               "03/04/2013,4100,10.00\n"
               "25/12/2013,4100,1.00\n");
    assert_int_equal(run(fx), 0);
    assert_int_equal(fx->f.revenue.current, 11100);
    assert_int_equal(fx->f.revenue.previous, 0);
    assert_int_equal(fx->f.inputs.ledger_rows, 3);
}

static void test_date_order_undetectable_is_one_error(void **state)
{
    fixture *fx = *state;
    write_file(fx, "ledger.csv",
               "date,account,amount\n"
               "01/02/2014,4100,100.00\n"
               "03/04/2013,4100,10.00\n");
    assert_int_not_equal(run(fx), 0);
    assert_int_equal(fx->d.count, 1);
    assert_non_null(strstr(fx->messages, "ledger.csv:2: column 'date': "));
}

static void test_rows_waiting_for_an_unknown_order_are_still_checked(void **state)
{
    fixture *fx = *state;
    /* Lines 2 and 4 wait for an order the file never tells: one diagnostic
     * says so, their other problems are listed too, all in line order. */
    write_file(fx, "ledger.csv",
               "date,account,amount\n"
               "01/02/2014,9999,100.00\n"
               "2013-05-01,4100,x\n"
               "03/04/2013,4100,\n");
    assert_int_not_equal(run(fx), 0);
    assert_int_equal(fx->d.count, 4);
    assert_string_equal(
        fx->messages, "ledger.csv:2: column 'date': the day/month order cannot be detected (no day "
                      "above 12); set [csv] date_order = dmy or mdy in report.ini\n"
                      "ledger.csv:2: column 'account': '9999' is not in accounts.csv\n"
                      "ledger.csv:3: column 'amount': 'x' is not an amount\n"
                      "ledger.csv:4: column 'amount': is empty\n");
}

static void test_each_ambiguous_amount_reported(void **state)
{
    fixture *fx = *state;
    write_file(fx, "ledger.csv",
               "date,account,amount\n"
               "2013-05-01,4100,\"1,000\"\n"
               "2013-05-02,4100,\"2,000\"\n");
    assert_int_not_equal(run(fx), 0);
    assert_int_equal(fx->d.count, 2);
    assert_non_null(
        strstr(fx->messages, "ledger.csv:2: column 'amount': '1,000' has an ambiguous"));
    assert_non_null(
        strstr(fx->messages, "ledger.csv:3: column 'amount': '2,000' has an ambiguous"));
}

static void test_decimal_comma_learnt_late(void **state)
{
    fixture *fx = *state;
    /* "1.234" is ambiguous until "5,50" says the decimal mark is a comma. */
    write_file(fx, "ledger.csv",
               "date;account;amount\n"
               "2013-05-01;4100;1.234\n"
               "2013-05-02;4100;5,50\n");
    assert_int_equal(run(fx), 0);
    assert_int_equal(fx->f.revenue.current, 123400 + 550);
}

static void test_ambiguous_decimal_is_an_error(void **state)
{
    fixture *fx = *state;
    write_file(fx, "ledger.csv", "date,account,amount\n2013-05-01,4100,\"1,234\"\n");
    assert_int_not_equal(run(fx), 0);
    assert_int_equal(fx->d.status, EXIT_DATAERR);
    assert_non_null(strstr(fx->messages, "ledger.csv:2:"));
    assert_non_null(strstr(fx->messages, "1,234"));
}

static void test_debit_credit_directions(void **state)
{
    fixture *fx = *state;
    write_file(fx, "ledger.csv",
               "Date,Compte,Débit,Crédit\n"
               "2013-05-01,4100,,1000.00\n"  /* revenue earned */
               "2013-05-02,4100,100.00,\n"   /* revenue reversed */
               "2013-05-03,5100,250.00,\n"   /* expense incurred */
               "2013-05-04,1000,250.00,\n"); /* balance sheet: counted only */
    assert_int_equal(run(fx), 0);
    assert_int_equal(fx->f.revenue.current, 90000);
    assert_int_equal(fx->f.expenses.current, 25000);
    assert_int_equal(fx->f.net.current, 65000);
    assert_int_equal(fx->f.inputs.ledger_rows_other_kinds, 1);
}

static void test_rows_outside_years_counted(void **state)
{
    fixture *fx = *state;
    write_file(fx, "ledger.csv",
               "date,account,amount\n"
               "2011-03-31,4100,1.00\n"   /* fiscal 2011: outside */
               "2011-04-01,4100,2.00\n"   /* fiscal 2012: history */
               "2013-04-01,4100,8.00\n"   /* fiscal 2014: reported */
               "2014-04-01,4100,4.00\n"); /* fiscal 2015: outside */
    assert_int_equal(run(fx), 0);
    assert_int_equal(fx->f.inputs.ledger_rows_outside_years, 2);
    assert_int_equal(fx->f.history_count, 3);
    assert_int_equal(fx->f.history[0].revenue, 200);
    assert_string_equal(fx->f.history[0].period.label, "2011-2012");
}

static void test_reported_year_without_rows(void **state)
{
    fixture *fx = *state;
    /* Rows in other years only: a wrong year, not a report of zeros. */
    write_file(fx, "ledger.csv",
               "date,account,amount\n"
               "2012-05-01,4100,1.00\n"
               "2014-04-01,1000,2.00\n");
    assert_int_not_equal(run(fx), 0);
    assert_int_equal(fx->d.status, EXIT_DATAERR);
    assert_string_equal(
        fx->messages,
        "fiscal year 2013-2014 (2013-04-01 to 2014-03-31) has no row in ledger.csv or "
        "activities.csv: is the year right (year in report.ini, or --year)?\n");
    /* One activity in the year is enough. */
    diag_init(&fx->d, fx->stream);
    figures_free(&fx->f);
    model_free(&fx->m);
    config_free(&fx->cfg);
    rewind(fx->stream);
    write_file(fx, "activities.csv", "date,axis,type\n2013-05-01,A,B\n");
    assert_int_equal(run(fx), 0);
}

static void test_partners_folded_and_counted_per_year(void **state)
{
    fixture *fx = *state;
    write_file(fx, "ledger.csv", "date,account,amount\n");
    write_file(fx, "activities.csv",
               "date,axis,type,partner,region,participants,hours\n"
               "2013-05-01,Formation,Atelier,MONTRÉAL-NORD, Laval ,10,2.5\n"
               "2013-05-02,Formation,Atelier, Montréal-Nord,LAVAL,5,\n"
               "2013-05-03,Accompagnement,Coaching,montréal-nord,,,1\n"
               "2012-05-03,Formation,Atelier,Autre,,3,\n");
    assert_int_equal(run(fx), 0);
    assert_int_equal(fx->f.partner_count.current, 1);
    assert_int_equal(fx->f.partner_count.previous, 1);
    assert_int_equal(fx->f.region_count.current, 1);
    assert_int_equal(fx->f.activity_count.current, 3);
    assert_int_equal(fx->f.participants.current, 15);
    assert_int_equal(fx->f.hours.current, 350);
    assert_int_equal(fx->f.axis_count, 2);
    assert_string_equal(fx->f.axes[0].axis, "Formation");
    assert_int_equal(fx->f.axes[0].count.current, 2);
    assert_int_equal(fx->f.axes[0].count.previous, 1);
    assert_int_equal(fx->f.type_count, 2);
}

static void test_first_appearance_order_despite_deferred_rows(void **state)
{
    fixture *fx = *state;
    /* Line 2 waits for the day/month order that line 3 gives: it is read
     * after line 3 but still comes first, with its own spelling. */
    write_file(fx, "ledger.csv", "date,account,amount\n");
    write_file(fx, "activities.csv",
               "date,axis,type,partner\n"
               "01/05/2013,Beta,Talk,Partner ONE\n"
               "25/05/2013,Alpha,Talk,partner one\n"
               "26/05/2013,Beta,Talk,Two\n");
    assert_int_equal(run(fx), 0);
    assert_int_equal(fx->f.axis_count, 2);
    assert_string_equal(fx->f.axes[0].axis, "Beta");
    assert_string_equal(fx->f.axes[1].axis, "Alpha");
    assert_string_equal(fx->f.types[0].axis, "Beta");
    assert_int_equal(fx->f.partner_list_count, 2);
    assert_string_equal(fx->f.partners[0].name, "Partner ONE");
    assert_int_equal(fx->f.partners[0].activities, 2);
}

static void test_lines_of_bare_delimiters_are_blank(void **state)
{
    fixture *fx = *state;
    write_file(fx, "ledger.csv",
               "date;account;amount\n"
               ";;\n"
               "2013-05-01;4100;5,00\n"
               " ; ;\n");
    assert_int_equal(run(fx), 0);
    assert_int_equal(fx->f.inputs.ledger_rows, 1);
    assert_int_equal(fx->f.revenue.current, 500);
}

static void test_every_problem_reported(void **state)
{
    fixture *fx = *state;
    write_file(fx, "ledger.csv",
               "date,account,amount\n"
               "2013-02-30,4100,1.00\n"
               "2013-05-01,9999,1.00\n"
               "2013-05-01,4100,\"12,34,5\"\n"
               "2013-05-01,4100,1.005\n");
    assert_int_not_equal(run(fx), 0);
    assert_int_equal(fx->d.count, 4);
    assert_non_null(strstr(fx->messages, "ledger.csv:2: column 'date': '2013-02-30'"));
    assert_non_null(
        strstr(fx->messages, "ledger.csv:3: column 'account': '9999' is not in accounts.csv"));
    assert_non_null(
        strstr(fx->messages, "ledger.csv:4: column 'amount': '12,34,5' is not an amount"));
    assert_non_null(strstr(fx->messages, "ledger.csv:5: column 'amount': '1.005'"));
}

static void test_same_problem_on_many_rows_is_grouped(void **state)
{
    fixture *fx = *state;
    /* Six rows with an empty amount: the first stands for all.  Five rows
     * with an unknown account: each is listed.  Within a line, the
     * columns keep their order. */
    write_file(fx, "ledger.csv",
               "date,account,amount\n"
               "2013-05-01,9991,\n"
               "2013-05-01,9992,\n"
               "2013-05-01,9993,\n"
               "2013-05-01,9994,\n"
               "2013-05-01,9995,\n"
               "2013-05-01,4100,\n");
    assert_int_not_equal(run(fx), 0);
    assert_int_equal(fx->d.count, 7);
    assert_string_equal(fx->messages,
                        "ledger.csv:2: column 'account': '9991' is not in accounts.csv\n"
                        "ledger.csv:2: column 'amount': is empty\n"
                        "ledger.csv:3: column 'account': '9992' is not in accounts.csv\n"
                        "ledger.csv:3: column 'amount': the same problem as line 2 on 5 more rows, "
                        "up to line 7\n"
                        "ledger.csv:4: column 'account': '9993' is not in accounts.csv\n"
                        "ledger.csv:5: column 'account': '9994' is not in accounts.csv\n"
                        "ledger.csv:6: column 'account': '9995' is not in accounts.csv\n");
}

static void test_duplicate_account_and_bad_kind(void **state)
{
    fixture *fx = *state;
    write_file(
        fx, "accounts.csv",
        "account,name,kind,group\n4100,A,revenue,G\n4100,B,revenue,G\n4200,C,income tax,G\n");
    write_file(fx, "ledger.csv", "date,account,amount\n");
    assert_int_not_equal(run(fx), 0);
    assert_non_null(strstr(
        fx->messages, "accounts.csv:3: column 'account': '4100' is already defined at line 2"));
    assert_non_null(strstr(fx->messages, "accounts.csv:4: column 'kind': 'income tax'"));
}

static void test_account_types_as_exported(void **state)
{
    fixture *fx = *state;
    /* QuickBooks-style types and headers: Type, Name, Memo/Description. */
    write_file(fx, "accounts.csv",
               "Account,Account Name,Type,Category\n"
               "4900,Interest,Other Income,Autres\n"
               "5900,Materials,Cost of Goods Sold,Frais\n"
               "1010,Checking,Bank,Bilan\n");
    write_file(fx, "ledger.csv",
               "Date,Account,Name,Memo/Description,Amount\n"
               "2013-05-01,4900,Bank,Interest,12.00\n"
               "2013-05-01,5900,Supplier,Paper,5.00\n"
               "2013-05-01,1010,,Deposit,12.00\n");
    assert_int_equal(run(fx), 0);
    assert_int_equal(fx->f.revenue.current, 1200);
    assert_int_equal(fx->f.expenses.current, 500);
    assert_int_equal(fx->f.inputs.ledger_rows_other_kinds, 1);
    assert_int_equal(fx->f.counterparty_count, 2);
    assert_string_equal(fx->f.counterparties[0].name, "Bank");
}

static void test_missing_file(void **state)
{
    fixture *fx = *state;
    assert_int_not_equal(run(fx), 0); /* no ledger.csv */
    assert_int_equal(fx->d.status, EXIT_NOINPUT);
    assert_non_null(strstr(fx->messages, "ledger.csv: "));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_date_order_learnt_after_ambiguous_rows, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_date_order_undetectable_is_one_error, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rows_waiting_for_an_unknown_order_are_still_checked,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_each_ambiguous_amount_reported, setup, teardown),
        cmocka_unit_test_setup_teardown(test_decimal_comma_learnt_late, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ambiguous_decimal_is_an_error, setup, teardown),
        cmocka_unit_test_setup_teardown(test_debit_credit_directions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rows_outside_years_counted, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reported_year_without_rows, setup, teardown),
        cmocka_unit_test_setup_teardown(test_partners_folded_and_counted_per_year, setup, teardown),
        cmocka_unit_test_setup_teardown(test_first_appearance_order_despite_deferred_rows, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_lines_of_bare_delimiters_are_blank, setup, teardown),
        cmocka_unit_test_setup_teardown(test_every_problem_reported, setup, teardown),
        cmocka_unit_test_setup_teardown(test_same_problem_on_many_rows_is_grouped, setup, teardown),
        cmocka_unit_test_setup_teardown(test_duplicate_account_and_bad_kind, setup, teardown),
        cmocka_unit_test_setup_teardown(test_account_types_as_exported, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_file, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
