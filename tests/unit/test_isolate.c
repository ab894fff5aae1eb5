/* test_isolate.c - work in a child process (lib/isolate.c): its
 * diagnostics counted as if made here, its stderr passed through in order;
 * a crash, a hang, out of memory (xalloc's exit, or a library's "Memory
 * allocation failed." line after which it went on) end in exit 70 with the
 * stage named. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "lib/isolate.h"
#include "lib/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static char err_path[] = "/tmp/bilan-isolate-XXXXXX";
static char err_text[8192];

/* Runs fn in a child with our stderr (where the child's is passed) in a
 * file, read back into err_text. */
static int run(isolate_fn fn, unsigned seconds, diag *d)
{
    int fd = mkstemp(err_path);
    assert_true(fd >= 0);
    fflush(stderr);
    int saved = dup(STDERR_FILENO);
    dup2(fd, STDERR_FILENO);
    diag_init(d, stderr);
    int rc = isolate_run(fn, NULL, seconds, d);
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    lseek(fd, 0, SEEK_SET);
    ssize_t n = read(fd, err_text, sizeof err_text - 1);
    err_text[n > 0 ? n : 0] = '\0';
    close(fd);
    unlink(err_path);
    strcpy(err_path + strlen(err_path) - 6, "XXXXXX");
    return rc;
}

static int work_fine(void *arg, diag *d)
{
    (void)arg;
    isolate_stage("the PDF report");
    diag_warning(d, "a.csv", 3, NULL, "a warning");
    fprintf(stderr, "a line of a library\n");
    diag_data(d, "a.csv", 4, "amount", "a problem");
    return -1;
}

static void test_diagnostics_as_if_here(void **state)
{
    (void)state;
    diag d;
    assert_int_equal(run(work_fine, 0, &d), -1);
    assert_int_equal(d.status, EXIT_DATAERR);
    assert_int_equal(d.count, 1);
    assert_int_equal(d.warnings, 1);
    assert_int_equal(d.shown, 2);
    assert_string_equal(err_text, "a.csv:3: warning: a warning\n"
                                  "a line of a library\n"
                                  "a.csv:4: column 'amount': a problem\n");
}

static int work_quiet(void *arg, diag *d)
{
    (void)arg;
    (void)d;
    return 0;
}

static void test_success(void **state)
{
    (void)state;
    diag d;
    assert_int_equal(run(work_quiet, 0, &d), 0);
    assert_int_equal(d.status, EXIT_OK);
    assert_int_equal(d.count, 0);
    assert_string_equal(err_text, "");
}

static int work_killed(void *arg, diag *d)
{
    (void)arg;
    (void)d;
    isolate_stage("the workbook");
    kill(getpid(), SIGKILL);
    return 0;
}

static void test_killed(void **state)
{
    (void)state;
    diag d;
    assert_int_equal(run(work_killed, 0, &d), -1);
    assert_int_equal(d.status, EXIT_SOFTWARE);
    assert_int_equal(d.count, 1);
    assert_string_equal(err_text, "internal error while rendering the workbook (signal 9)\n");
}

static int work_library_oom(void *arg, diag *d)
{
    (void)arg;
    (void)d;
    isolate_stage("the workbook");
    fprintf(stderr, "[ERROR][./src/worksheet.c:838]: Memory allocation failed.\n");
    return 0;
}

static void test_library_out_of_memory(void **state)
{
    (void)state;
    diag d;
    assert_int_equal(run(work_library_oom, 0, &d), -1);
    assert_int_equal(d.status, EXIT_SOFTWARE);
    assert_non_null(strstr(err_text, "[ERROR][./src/worksheet.c:838]: Memory allocation "
                                     "failed.\nout of memory while rendering the workbook ("));
}

static int work_fontconfig_oom(void *arg, diag *d)
{
    (void)arg;
    isolate_stage("the PDF report");
    fprintf(stderr, "Fontconfig error: \"/etc/fonts/conf.d/70-no-bitmaps.conf\", line 9: "
                    "out of memory\n");
    diag_report(d, EXIT_NOINPUT, "style.ini", 0, NULL, "no TrueType font matches");
    return -1;
}

static void test_fontconfig_out_of_memory(void **state)
{
    (void)state;
    diag d;
    assert_int_equal(run(work_fontconfig_oom, 0, &d), -1);
    assert_int_equal(d.status, EXIT_SOFTWARE);
    assert_int_equal(d.count, 2);
    assert_non_null(strstr(err_text, "style.ini: no TrueType font matches\n"
                                     "out of memory while rendering the PDF report ("));
}

static int work_xalloc_oom(void *arg, diag *d)
{
    (void)arg;
    (void)d;
    xalloc_check(ENOMEM); /* as a failed xmalloc: exit 70 */
    return 0;
}

static void test_xalloc_out_of_memory(void **state)
{
    (void)state;
    diag d;
    assert_int_equal(run(work_xalloc_oom, 0, &d), -1);
    assert_int_equal(d.status, EXIT_SOFTWARE);
    assert_int_equal(d.count, 1);
    assert_string_equal(err_text, "bilan: out of memory\n");
}

static int work_hangs(void *arg, diag *d)
{
    (void)arg;
    (void)d;
    isolate_stage("the figures");
    struct timespec t = { 30, 0 };
    nanosleep(&t, NULL);
    return 0;
}

static void test_time_limit(void **state)
{
    (void)state;
    diag d;
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    assert_int_equal(run(work_hangs, 1, &d), -1);
    clock_gettime(CLOCK_MONOTONIC, &end);
    assert_true(end.tv_sec - start.tv_sec < 10);
    assert_int_equal(d.status, EXIT_SOFTWARE);
    assert_string_equal(err_text,
                        "internal error while rendering the figures (no end after 1 s)\n");
}

static int work_exits(void *arg, diag *d)
{
    (void)arg;
    (void)d;
    exit(3); /* a sanitizer's or valgrind's own status */
}

static void test_unexpected_exit(void **state)
{
    (void)state;
    diag d;
    assert_int_equal(run(work_exits, 0, &d), -1);
    assert_int_equal(d.status, EXIT_SOFTWARE);
    assert_string_equal(err_text, "internal error while rendering the outputs (exit 3)\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_diagnostics_as_if_here),
        cmocka_unit_test(test_success),
        cmocka_unit_test(test_killed),
        cmocka_unit_test(test_library_out_of_memory),
        cmocka_unit_test(test_fontconfig_out_of_memory),
        cmocka_unit_test(test_xalloc_out_of_memory),
        cmocka_unit_test(test_time_limit),
        cmocka_unit_test(test_unexpected_exit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
