/* test_split.c - what reading a file on two threads rests on: a CSV reader
 * that stops at a limit and reads on once it is lifted, or starts in the
 * middle of a file (csv_reader_set_limit, csv_reader_open_at), and the
 * merge of a part's totals into the model (model_part_merge). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "model.h"
#include "parse/csv_reader.h"
#include "parse/csv_reader_test.h"

static const char text[] = "a,b\n"
                           "1,x\n"
                           "2,\"two\n"
                           "lines\"\n"
                           "3,z\n";

/* Reads records into "LINE:field0|field1;" until the reader says 0. */
static int read_to_stop(csv_reader *r, char *out, size_t size)
{
    csv_record rec;
    int rc;
    size_t used = strlen(out);
    while ((rc = csv_reader_next(r, &rec)) == 1) {
        int n = snprintf(out + used, size - used, "%zu:%s|%s;", rec.line, rec.fields[0],
                         rec.count > 1 ? rec.fields[1] : "");
        used += (size_t)n;
    }
    return rc;
}

/* A reader of text, chunk bytes at a time, stopped at limit: what it
 * read up to there is in out. */
static csv_reader *read_to_limit(size_t chunk, off_t limit, diag *d, char *out, size_t size)
{
    diag_init(d, NULL);
    csv_options o = { CSV_ENCODING_UTF8, ',' };
    csv_reader *r = csv_reader_open_mem(text, sizeof text - 1, "t.csv", &o, chunk, d);
    csv_reader_set_limit(r, limit);
    out[0] = '\0';
    assert_int_equal(read_to_stop(r, out, size), 0);
    return r;
}

/* A limit at a record's start: the records before it, a stop there, and
 * the rest once it is lifted, at every chunk size. */
static void test_limit_at_record_start(void **state)
{
    (void)state;
    off_t limit = (off_t)(strstr(text, "2,") - text);
    for (size_t chunk = 1; chunk <= sizeof text; chunk++) {
        diag d;
        char out[256];
        csv_reader *r = read_to_limit(chunk, limit, &d, out, sizeof out);
        assert_string_equal(out, "1:a|b;2:1|x;");
        assert_true(csv_reader_at_record_start(r));
        assert_int_equal(csv_reader_line(r), 3);
        assert_int_equal(csv_reader_offset(r), limit);
        csv_reader_set_limit(r, -1);
        assert_int_equal(read_to_stop(r, out, sizeof out), 0);
        assert_string_equal(out, "1:a|b;2:1|x;3:2|two\nlines;5:3|z;");
        assert_int_equal(d.count, 0);
        csv_reader_free(r);
    }
}

/* A limit inside a quoted field is no record's start: lifted, the field
 * reads whole. */
static void test_limit_inside_quotes(void **state)
{
    (void)state;
    off_t limit = (off_t)(strstr(text, "lines") - text);
    for (size_t chunk = 1; chunk <= sizeof text; chunk++) {
        diag d;
        char out[256];
        csv_reader *r = read_to_limit(chunk, limit, &d, out, sizeof out);
        assert_false(csv_reader_at_record_start(r));
        csv_reader_set_limit(r, -1);
        assert_int_equal(read_to_stop(r, out, sizeof out), 0);
        assert_string_equal(out, "1:a|b;2:1|x;3:2|two\nlines;5:3|z;");
        csv_reader_free(r);
    }
}

/* A reader opened at a record's start counts lines from 1 there. */
static void test_open_at(void **state)
{
    (void)state;
    char path[] = "/tmp/test_split_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, sizeof text - 1), (ssize_t)(sizeof text - 1));
    close(fd);
    diag d;
    diag_init(&d, NULL);
    csv_options o = { CSV_ENCODING_AUTO, ',' };
    off_t start = (off_t)(strstr(text, "2,") - text);
    csv_reader *r = csv_reader_open_at(path, "t.csv", &o, start, &d);
    assert_non_null(r);
    char out[256] = "";
    assert_int_equal(read_to_stop(r, out, sizeof out), 0);
    assert_string_equal(out, "1:2|two\nlines;3:3|z;");
    csv_reader_free(r);
    unlink(path);
}

static char org[] = "Test", currency[] = "CAD";

/* A part's tallies come after the whole's, in the part's order, its lines
 * moved on; the sums add. */
static void test_part_merge(void **state)
{
    (void)state;
    config cfg = { .org_name = org,
                   .calendar = { 3, 31 },
                   .year = 2014,
                   .history = 3,
                   .lang = LANG_FR,
                   .currency = currency };
    model whole;
    model_init(&whole, &cfg);
    account *a = model_add_account(&whole, "4100", 4, 2);
    a->kind = KIND_REVENUE;
    a->amount[0] = 100;
    tally *t = tally_list_get(&whole, &whole.counterparties,
                              "revenue\x1f"
                              "B",
                              "B", NULL, 10);
    t->kind = KIND_REVENUE;
    t->amount[0] = 7;
    whole.totals[0].activities = 1;

    model part;
    model_part_init(&part, &whole);
    assert_int_equal(part.accounts[0].amount[0], 0);
    part.accounts[0].amount[0] = 50;
    part.accounts[0].in_ledger = true;
    tally *c = tally_list_get(&part, &part.counterparties,
                              "revenue\x1f"
                              "C",
                              "C", NULL, 3);
    c->kind = KIND_REVENUE;
    c->amount[0] = 5;
    tally *b = tally_list_get(&part, &part.counterparties,
                              "revenue\x1f"
                              "B",
                              "B", NULL, 4);
    b->kind = KIND_REVENUE;
    b->amount[1] = 2;
    part.totals[0].activities = 2;
    part.ledger_rows_in[0] = 9;

    model_part_merge(&whole, &part, 1000);
    model_part_free(&part);
    assert_int_equal(whole.accounts[0].amount[0], 150);
    assert_true(whole.accounts[0].in_ledger);
    assert_int_equal(whole.counterparties.count, 2);
    assert_string_equal(whole.counterparties.items[0].name, "B");
    assert_int_equal(whole.counterparties.items[0].first_line, 10);
    assert_int_equal(whole.counterparties.items[0].amount[0], 7);
    assert_int_equal(whole.counterparties.items[0].amount[1], 2);
    assert_string_equal(whole.counterparties.items[1].name, "C");
    assert_int_equal(whole.counterparties.items[1].first_line, 1003);
    assert_int_equal(whole.counterparties.items[1].amount[0], 5);
    assert_int_equal(whole.totals[0].activities, 3);
    assert_int_equal(whole.ledger_rows_in[0], 9);
    model_free(&whole);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_limit_at_record_start),
        cmocka_unit_test(test_limit_inside_quotes),
        cmocka_unit_test(test_open_at),
        cmocka_unit_test(test_part_merge),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
