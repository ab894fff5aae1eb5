/* test_output.c - outputs all or nothing: the path checks, a commit whose
 * second rename fails puts the first back, a link at a target is replaced,
 * stale temporary files of a run that is gone are removed. */
#define _XOPEN_SOURCE 700 /* mkdtemp, symlink */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <dirent.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "output.h"

static char dir[64];

static int make_dir(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/bilan-test-output.XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* dir/name, in a static buffer of four (so a call may take a few). */
static const char *at(const char *name)
{
    static char buf[4][1024];
    static int next;
    char *p = buf[next++ % 4];
    snprintf(p, sizeof buf[0], "%s/%s", dir, name);
    return p;
}

static void put(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* The file's first line, "" when it cannot be read. */
static const char *get(const char *path)
{
    static char buf[64];
    FILE *f = fopen(path, "r");
    buf[0] = '\0';
    if (f) {
        if (!fgets(buf, sizeof buf, f))
            buf[0] = '\0';
        fclose(f);
    }
    return buf;
}

/* The names in dir, sorted, space-separated. */
static const char *listing(void)
{
    static char buf[1024];
    struct dirent **names;
    int n = scandir(dir, &names, NULL, alphasort);
    buf[0] = '\0';
    for (int i = 0; i < n; i++) {
        if (strcmp(names[i]->d_name, ".") != 0 && strcmp(names[i]->d_name, "..") != 0) {
            strcat(buf, buf[0] ? " " : "");
            strcat(buf, names[i]->d_name);
        }
        free(names[i]);
    }
    free(names);
    return buf;
}

static int check(const char *a, const char *b, const char *const inputs[])
{
    char *paths[] = { (char *)a, (char *)b };
    diag d;
    FILE *quiet = fopen("/dev/null", "w");
    diag_init(&d, quiet);
    int rc = output_check_paths(paths, 2, inputs, &d);
    assert_int_equal(d.status, rc == 0 ? EXIT_OK : EXIT_USAGE);
    fclose(quiet);
    return rc;
}

static void test_check_paths(void **state)
{
    (void)state;
    mkdir(at("in"), 0777);
    put(at("in/ledger.csv"), "x\n");
    put(at("in/figures-2014.json"), "{}\n");
    char in[256], same[256];
    snprintf(in, sizeof in, "%s", at("in"));
    const char *const inputs[] = { in, NULL };
    snprintf(same, sizeof same, "%s/new/../new/./x.pdf", dir);
    assert_int_equal(check(at("a.pdf"), at("b.pdf"), inputs), 0);
    assert_int_equal(check(at("a.pdf"), at("a.pdf"), inputs), -1);
    assert_int_equal(check(at("new/x.pdf"), same, inputs), -1); /* not made yet */
    assert_int_equal(check(at("a.pdf"), NULL, inputs), 0);
    assert_int_equal(check("/dev/null", "/dev/null", inputs), 0); /* written directly */
    assert_int_equal(check(at("a.pdf"), at("in/ledger.csv"), inputs), -1);
    assert_int_equal(check(at("a.pdf"), at("in/../in/ledger.csv"), inputs), -1);
    assert_int_equal(check(at("a.pdf"), at("in/figures-2014.json"), inputs), 0);
    assert_int_equal(check(at("a.pdf"), at("in/absent.csv"), inputs), 0);
    assert_int_equal(check(at("a.pdf"), at("in/ledger.csv"), NULL), 0);
    assert_string_equal(listing(), "in"); /* nothing created */
}

/* Begins outputs on a, b, c, writes "new" into each temporary file. */
static void begin_three(output_file out[3], const char *a, const char *b, const char *c, diag *d)
{
    const char *paths[] = { a, b, c };
    for (int i = 0; i < 3; i++) {
        memset(&out[i], 0, sizeof out[i]);
        assert_int_equal(output_begin(&out[i], paths[i], d), 0);
        put(out[i].temp, "new\n");
    }
}

static void test_commit_all_or_nothing(void **state)
{
    (void)state;
    diag d;
    FILE *quiet = fopen("/dev/null", "w");
    diag_init(&d, quiet);
    put(at("a"), "old\n");
    mkdir(at("b"), 0777); /* the second rename fails */
    put(at("b/inside"), "x\n");
    output_file out[3];
    begin_three(out, at("a"), at("b"), at("c"), &d);
    assert_int_equal(output_commit(&out[0], &d), -1);
    assert_int_equal(d.status, EXIT_CANTCREAT);
    for (int i = 0; i < 3; i++)
        output_discard(&out[i]);
    assert_string_equal(get(at("a")), "old\n"); /* put back */
    assert_string_equal(listing(), "a b");      /* no c, no temporary, no .bak */

    unlink(at("b/inside"));
    rmdir(at("b"));
    diag_init(&d, quiet);
    begin_three(out, at("a"), at("b"), at("c"), &d);
    assert_int_equal(output_commit(&out[0], &d), 0);
    assert_int_equal(output_commit(&out[1], &d), 0); /* already in place */
    for (int i = 0; i < 3; i++)
        output_discard(&out[i]);
    assert_string_equal(get(at("a")), "new\n");
    assert_string_equal(get(at("b")), "new\n");
    assert_string_equal(listing(), "a b c");
    fclose(quiet);
}

static void test_link_replaced(void **state)
{
    (void)state;
    diag d;
    FILE *quiet = fopen("/dev/null", "w");
    diag_init(&d, quiet);
    mkdir(at("away"), 0777);
    put(at("away/real"), "precious\n");
    mkdir(at("out"), 0777);
    assert_int_equal(symlink(at("away/real"), at("out/link")), 0);
    assert_int_equal(symlink(at("away/absent"), at("out/dangling")), 0);
    output_file out[2] = { { 0 } };
    assert_int_equal(output_begin(&out[0], at("out/link"), &d), 0);
    assert_int_equal(output_begin(&out[1], at("out/dangling"), &d), 0);
    put(out[0].temp, "new\n");
    put(out[1].temp, "new\n");
    assert_int_equal(output_commit(&out[0], &d), 0);
    output_discard(&out[0]);
    output_discard(&out[1]);
    struct stat st;
    assert_int_equal(lstat(at("out/link"), &st), 0);
    assert_true(S_ISREG(st.st_mode));
    assert_int_equal(lstat(at("out/dangling"), &st), 0);
    assert_true(S_ISREG(st.st_mode));
    assert_string_equal(get(at("away/real")), "precious\n");
    assert_int_not_equal(access(at("away/absent"), F_OK), 0);
    fclose(quiet);
}

static void test_stale_removed(void **state)
{
    (void)state;
    pid_t gone = fork();
    if (gone == 0)
        _exit(0);
    waitpid(gone, NULL, 0);
    char name[4][128];
    snprintf(name[0], sizeof name[0], ".x.pdf.bilan-%ld.Ab12Cd", (long)gone);
    snprintf(name[1], sizeof name[1], ".y.json.bilan-%ld.bak", (long)gone);
    snprintf(name[2], sizeof name[2], ".z.pdf.bilan-%ld.Ab12Cd", (long)getppid());
    snprintf(name[3], sizeof name[3], "z.bilan-%ld.Ab12Cd", (long)gone);
    for (int i = 0; i < 4; i++)
        put(at(name[i]), "x\n");
    diag d;
    FILE *quiet = fopen("/dev/null", "w");
    diag_init(&d, quiet);
    output_file o = { 0 };
    assert_int_equal(output_begin(&o, at("x.pdf"), &d), 0);
    output_discard(&o);
    assert_int_not_equal(access(at(name[0]), F_OK), 0);
    assert_int_not_equal(access(at(name[1]), F_OK), 0);
    assert_int_equal(access(at(name[2]), F_OK), 0); /* a live run's */
    assert_int_equal(access(at(name[3]), F_OK), 0); /* not ours */
    fclose(quiet);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_check_paths, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_commit_all_or_nothing, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_link_replaced, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_stale_removed, make_dir, remove_dir),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
