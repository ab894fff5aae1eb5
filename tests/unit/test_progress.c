/* test_progress.c - the progress line: only when enabled, only after a
 * second, erased when done. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "lib/progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Runs fn with stderr sent to a file; returns what it printed. */
static char *capture_stderr(void (*fn)(void))
{
    FILE *tmp = tmpfile();
    assert_non_null(tmp);
    fflush(stderr);
    int saved = dup(STDERR_FILENO);
    dup2(fileno(tmp), STDERR_FILENO);
    fn();
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    long n = ftell(tmp);
    char *text = calloc(1, (size_t)n + 1);
    rewind(tmp);
    assert_int_equal(fread(text, 1, (size_t)n, tmp), (size_t)n);
    fclose(tmp);
    return text;
}

static void sleep_over_a_second(void)
{
    struct timespec t = { 1, 100 * 1000 * 1000 };
    nanosleep(&t, NULL);
}

static void disabled(void)
{
    progress_enable(false);
    sleep_over_a_second();
    progress_update("ledger.csv", 16384);
    progress_done();
}

static void quick_run(void)
{
    progress_enable(true);
    progress_update("ledger.csv", 16384);
    progress_done();
}

static void long_run(void)
{
    progress_enable(true);
    sleep_over_a_second();
    progress_update("ledger.csv", 16384);
    progress_done();
}

static void test_nothing_when_disabled(void **state)
{
    (void)state;
    char *out = capture_stderr(disabled);
    assert_string_equal(out, "");
    free(out);
}

static void test_nothing_in_the_first_second(void **state)
{
    (void)state;
    char *out = capture_stderr(quick_run);
    assert_string_equal(out, "");
    free(out);
}

static void test_shown_then_erased_after_a_second(void **state)
{
    (void)state;
    char *out = capture_stderr(long_run);
    assert_string_equal(out, "\rbilan: ledger.csv: 16384 rows\033[K\r\033[K");
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nothing_when_disabled),
        cmocka_unit_test(test_nothing_in_the_first_second),
        cmocka_unit_test(test_shown_then_erased_after_a_second),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
