/* test_messages.c - the message catalogue: loading, lookup, errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "report/messages.h"

#include <ini.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[] = "/tmp/test_messages_XXXXXX";

static void write_catalogue(const char *lang, const char *text)
{
    char path[128];
    snprintf(path, sizeof path, "%s/messages.%s.ini", dir, lang);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int setup(void **state)
{
    (void)state;
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/messages.fr.ini", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/messages.en.ini", dir);
    unlink(path);
    return rmdir(dir);
}

static void test_shipped_catalogues_agree(void **state)
{
    (void)state;
    diag d;
    diag_init(&d, stderr);
    messages *fr = messages_load("templates", LANG_FR, &d);
    messages *en = messages_load("templates", LANG_EN, &d);
    assert_non_null(fr);
    assert_non_null(en);
    assert_string_equal(messages_get(fr, "pdf.toc"), "Table des matières");
    assert_string_equal(messages_get(en, "pdf.toc"), "Contents");
    assert_string_equal(messages_get(fr, "common.expenses"), "Dépenses");
    messages_free(fr);
    messages_free(en);
    assert_int_equal(d.status, EXIT_OK);
}

typedef struct other {
    const messages *m;
    int missing;
} other;

static int check_key(void *user, const char *section, const char *name, const char *value)
{
    other *o = user;
    char key[256];
    (void)value;
    snprintf(key, sizeof key, "%s.%s", section, name);
    if (!messages_find(o->m, key)) {
        fprintf(stderr, "missing in the other catalogue: %s\n", key);
        o->missing++;
    }
    return 1;
}

/* Every label exists in both languages. */
static void test_same_keys(void **state)
{
    (void)state;
    diag d;
    diag_init(&d, stderr);
    messages *fr = messages_load("templates", LANG_FR, &d);
    messages *en = messages_load("templates", LANG_EN, &d);
    other in_en = { en, 0 }, in_fr = { fr, 0 };
    assert_int_equal(ini_parse("templates/messages.fr.ini", check_key, &in_en), 0);
    assert_int_equal(ini_parse("templates/messages.en.ini", check_key, &in_fr), 0);
    assert_int_equal(in_en.missing + in_fr.missing, 0);
    messages_free(fr);
    messages_free(en);
}

static void test_lookup(void **state)
{
    (void)state;
    write_catalogue("en", "[common]\nhello = Hello, world\n[pdf]\nhello = PDF\n"
                          "long = one\n  two\n[workbook]\nsheet = Summary\n");
    diag d;
    diag_init(&d, NULL);
    messages *m = messages_load(dir, LANG_EN, &d);
    assert_non_null(m);
    assert_string_equal(messages_get(m, "common.hello"), "Hello, world");
    assert_string_equal(messages_get(m, "pdf.hello"), "PDF");
    assert_string_equal(messages_get(m, "pdf.long"), "one two");
    assert_string_equal(messages_get(m, "workbook.sheet"), "Summary");
    assert_null(messages_find(m, "pdf.missing"));
    assert_string_equal(messages_get(m, "pdf.missing"), "pdf.missing");
    messages_free(m);
    messages_free(NULL);
}

static void test_errors(void **state)
{
    (void)state;
    diag d;
    char out[512] = "";
    FILE *err = fmemopen(out, sizeof out, "w");
    diag_init(&d, err);
    write_catalogue("fr", "[common]\na = 1\n\n[pfd]\nb = 2\n");
    assert_null(messages_load(dir, LANG_FR, &d));
    write_catalogue("fr", "[pdf]\na = 1\nb = 2\n[common]\nc = 3\n[pdf]\na = 4\n");
    assert_null(messages_load(dir, LANG_FR, &d));
    assert_null(messages_load("/nonexistent", LANG_FR, &d));
    fclose(err);
    assert_int_equal(d.count, 3);
    assert_int_equal(d.status, EXIT_NOINPUT);
    assert_non_null(strstr(out, "messages.fr.ini:5: unknown section '[pfd]'"));
    assert_non_null(strstr(out, "messages.fr.ini:7: key 'a' given twice"));
    assert_non_null(strstr(out, "/nonexistent/messages.fr.ini: cannot read"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shipped_catalogues_agree),
        cmocka_unit_test(test_same_keys),
        cmocka_unit_test(test_lookup),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
