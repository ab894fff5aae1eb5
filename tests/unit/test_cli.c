/* test_cli.c - the command line: defaults, every option in both forms,
 * every error, --help and --version. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct parsed {
    cli_options opts;
    int rc;
    char *err; /* what was printed */
} parsed;

/* Parses the NULL-terminated arguments after "bilan". */
static void parse(parsed *p, ...)
{
    char *argv[32] = { "bilan" };
    int argc = 1;
    va_list ap;
    va_start(ap, p);
    for (char *a; (a = va_arg(ap, char *)) != NULL;)
        argv[argc++] = a;
    va_end(ap);
    size_t size;
    FILE *err = open_memstream(&p->err, &size);
    assert_non_null(err);
    p->rc = cli_parse(argc, argv, &p->opts, err);
    fclose(err);
}

/* Expects the arguments to be refused with message, then the hint. */
#define expect_error(message, ...)                            \
    do {                                                      \
        parsed p_;                                            \
        parse(&p_, __VA_ARGS__, (char *)NULL);                \
        assert_int_equal(p_.rc, -1);                          \
        assert_string_equal(p_.err, "bilan: " message "\n"    \
                                    "Try 'bilan --help'.\n"); \
        free(p_.err);                                         \
    } while (0)

static void test_defaults(void **state)
{
    (void)state;
    parsed p;
    parse(&p, (char *)NULL);
    assert_int_equal(p.rc, 0);
    assert_string_equal(p.err, "");
    assert_string_equal(p.opts.input_dir, "input");
    assert_string_equal(p.opts.output_dir, "output");
    assert_string_equal(p.opts.templates_dir, "templates");
    assert_int_equal(p.opts.year, 0);
    assert_null(p.opts.lang);
    assert_null(p.opts.pdf_path);
    assert_null(p.opts.xlsx_path);
    assert_null(p.opts.figures_path);
    assert_false(p.opts.check);
    assert_false(p.opts.quiet);
    assert_false(p.opts.help);
    assert_false(p.opts.version);
    free(p.err);
}

static void check_all_set(const parsed *p)
{
    assert_int_equal(p->rc, 0);
    assert_string_equal(p->err, "");
    assert_string_equal(p->opts.input_dir, "in");
    assert_string_equal(p->opts.output_dir, "out dir");
    assert_string_equal(p->opts.templates_dir, "tpl");
    assert_int_equal(p->opts.year, 2014);
    assert_string_equal(p->opts.lang, "en");
    assert_string_equal(p->opts.pdf_path, "r.pdf");
    assert_string_equal(p->opts.xlsx_path, "w.xlsx");
    assert_string_equal(p->opts.figures_path, "f.json");
    assert_true(p->opts.check);
    assert_true(p->opts.quiet);
    assert_true(p->opts.help);
    assert_true(p->opts.version);
}

static void test_separate_values(void **state)
{
    (void)state;
    parsed p;
    parse(&p, "--input", "in", "--output", "out dir", "--templates", "tpl", "--year", "2014",
          "--lang", "en", "--pdf", "r.pdf", "--xlsx", "w.xlsx", "--figures", "f.json", "--check",
          "--quiet", "--help", "--version", (char *)NULL);
    check_all_set(&p);
    free(p.err);
}

static void test_inline_values(void **state)
{
    (void)state;
    parsed p;
    parse(&p, "--input=in", "--output=out dir", "--templates=tpl", "--year=2014", "--lang=en",
          "--pdf=r.pdf", "--xlsx=w.xlsx", "--figures=f.json", "--check", "-q", "-h", "-V",
          (char *)NULL);
    check_all_set(&p);
    free(p.err);
}

static void test_values(void **state)
{
    (void)state;
    parsed p;
    /* The last one wins; a value may start with '-' or contain '='. */
    parse(&p, "--year", "2013", "--year=1900", "--lang", "FR", "--pdf", "-", "--xlsx=a=b.xlsx",
          (char *)NULL);
    assert_int_equal(p.rc, 0);
    assert_int_equal(p.opts.year, 1900);
    assert_string_equal(p.opts.lang, "fr");
    assert_string_equal(p.opts.pdf_path, "-");
    assert_string_equal(p.opts.xlsx_path, "a=b.xlsx");
    free(p.err);
    parse(&p, "--year", "9999", (char *)NULL);
    assert_int_equal(p.rc, 0);
    assert_int_equal(p.opts.year, 9999);
    free(p.err);
}

static void test_errors(void **state)
{
    (void)state;
    expect_error("unknown option '--yaer'", "--yaer", "2014");
    expect_error("unknown option '-x'", "-x");
    expect_error("unknown option '--'", "--");
    expect_error("unknown option '-qV'", "-qV");
    expect_error("unexpected argument 'input'", "input");
    expect_error("unexpected argument '-'", "--check", "-");
    expect_error("option '--year' needs a value", "--year");
    expect_error("option '--input' needs a value", "--quiet", "--input");
    expect_error("option '--pdf' needs a non-empty value", "--pdf=");
    expect_error("option '--output' needs a non-empty value", "--output", "");
    expect_error("option '--check' takes no value", "--check=yes");
    expect_error("--year '14' is not a year from 1900 to 9999", "--year", "14");
    expect_error("--year '1899' is not a year from 1900 to 9999", "--year=1899");
    expect_error("--year '20144' is not a year from 1900 to 9999", "--year", "20144");
    expect_error("--year '2014a' is not a year from 1900 to 9999", "--year", "2014a");
    expect_error("--year '-2014' is not a year from 1900 to 9999", "--year", "-2014");
    expect_error("--lang 'de' is not fr or en", "--lang", "de");
    expect_error("--lang 'french' is not fr or en", "--lang=french");
}

/* A parse after a failed one starts from the defaults again. */
static void test_repeated_calls(void **state)
{
    (void)state;
    parsed p;
    parse(&p, "--year", "2014", "--check", "--bad", (char *)NULL);
    assert_int_equal(p.rc, -1);
    free(p.err);
    parse(&p, (char *)NULL);
    assert_int_equal(p.rc, 0);
    assert_int_equal(p.opts.year, 0);
    assert_false(p.opts.check);
    free(p.err);
}

static char *capture(void (*print)(FILE *))
{
    char *text;
    size_t size;
    FILE *out = open_memstream(&text, &size);
    assert_non_null(out);
    print(out);
    fclose(out);
    return text;
}

static void test_help(void **state)
{
    (void)state;
    char *text = capture(cli_print_help);
    static const char *const wanted[] = {
        "--input DIR",       "(default: input)",   "--output DIR",
        "(default: output)", "--templates DIR",    "(default: templates)",
        "--year YYYY",       "--lang fr|en",       "--pdf FILE",
        "report-LABEL.pdf",  "--xlsx FILE",        "workbook-LABEL.xlsx",
        "--figures FILE",    "figures-LABEL.json", "--check",
        "-q, --quiet",       "-V, --version",      "-h, --help",
        "report.ini",        "ledger.csv",         "accounts.csv",
        "activities.csv",    "people.csv",         "texts/*.md",
        "\n  0   ",          "\n  64  ",           "\n  65  ",
        "\n  66  ",          "\n  70  ",           "\n  73  ",
    };
    for (size_t i = 0; i < sizeof wanted / sizeof wanted[0]; i++)
        if (!strstr(text, wanted[i]))
            fail_msg("help lacks \"%s\"", wanted[i]);
    /* Fits in 80 columns. */
    for (const char *line = text; *line;) {
        size_t len = strcspn(line, "\n");
        assert_true(len <= 79);
        line += len + (line[len] == '\n');
    }
    free(text);
}

static void test_version(void **state)
{
    (void)state;
    char *text = capture(cli_print_version);
    const char *first = "bilan 1.0.0\n";
    assert_true(strncmp(text, first, strlen(first)) == 0);
    assert_non_null(strstr(text, "libharu "));
    assert_non_null(strstr(text, "libxlsxwriter "));
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),      cmocka_unit_test(test_separate_values),
        cmocka_unit_test(test_inline_values), cmocka_unit_test(test_values),
        cmocka_unit_test(test_errors),        cmocka_unit_test(test_repeated_calls),
        cmocka_unit_test(test_help),          cmocka_unit_test(test_version),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
