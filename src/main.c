/* main.c - run the pipeline: command line, report.ini, ingest, compute,
 * render (or `bilan init`: init.c); map the outcome to an exit status
 * (sysexits). */
#include "cli.h"
#include "compute.h"
#include "config.h"
#include "lib/diag.h"
#include "lib/files.h"
#include "lib/i18n.h"
#include "lib/isolate.h"
#include "ingest.h"
#include "init.h"
#include "model.h"
#include "output.h"
#include "lib/progress.h"
#include "render.h"
#include "lib/xalloc.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Stage times on stderr when BILAN_TIMINGS is set (for make bench). */
typedef struct stage_clock {
    bool on;
    struct timespec start;
} stage_clock;

static void stage_start(stage_clock *c)
{
    c->on = getenv("BILAN_TIMINGS") != NULL;
    clock_gettime(CLOCK_MONOTONIC, &c->start);
}

static void stage_end(stage_clock *c, const char *stage, size_t threaded_files)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (c->on) {
        long ms =
            (now.tv_sec - c->start.tv_sec) * 1000L + (now.tv_nsec - c->start.tv_nsec) / 1000000L;
        fprintf(stderr, "timing: %s %ld.%03ld s", stage, ms / 1000, ms % 1000);
        if (threaded_files)
            fprintf(stderr, " (%zu file%s on two threads)", threaded_files,
                    threaded_files == 1 ? "" : "s");
        fputc('\n', stderr);
    }
    c->start = now;
}

/* A missing input folder is one diagnostic, not one per file in it. */
static bool input_folder_ok(const char *dir, diag *d)
{
    struct stat st;
    if (stat(dir, &st) != 0) {
        diag_report(d, EXIT_NOINPUT, dir, 0, NULL, "cannot open the input folder: %s",
                    strerror(errno));
        return false;
    }
    if (!S_ISDIR(st.st_mode)) {
        diag_report(d, EXIT_NOINPUT, dir, 0, NULL, "the input is not a folder");
        return false;
    }
    return true;
}

/* A whole number from the environment, or 0 when unset or not one. */
static size_t env_count(const char *name)
{
    const char *s = getenv(name);
    char *end;
    unsigned long long v = s && *s ? strtoull(s, &end, 10) : 0;
    return s && *s && *end == '\0' && v < SIZE_MAX ? (size_t)v : 0;
}

/* report.ini, with --year and --lang applied over it. */
static int load_config(const cli_options *opts, config *cfg, diag *d)
{
    memset(cfg, 0, sizeof *cfg);
    if (!input_folder_ok(opts->input_dir, d))
        return -1;
    char *path = path_join(opts->input_dir, "report.ini");
    int rc = config_load(cfg, path, "report.ini", d);
    free(path);
    if (opts->year)
        cfg->year = opts->year;
    language lang;
    if (opts->lang && language_parse(opts->lang, &lang) == 0)
        config_set_language(cfg, lang);
    size_t threads = env_count("BILAN_THREADS");
    cfg->threads = threads > 2 ? 2 : (int)threads;
    cfg->split_min = env_count("BILAN_SPLIT_MIN");
    return rc;
}

/* The documents' date: SOURCE_DATE_EPOCH when set, else the end of the
 * reported fiscal year (00:00 UTC), never the clock. */
static time_t document_time(const figures *f)
{
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    if (epoch && *epoch) {
        char *end;
        long long t = strtoll(epoch, &end, 10);
        if (*end == '\0' && t >= 0)
            return (time_t)t;
    }
    return (time_t)date_to_days(f->current.end) * 86400;
}

enum { OUT_PDF, OUT_XLSX, OUT_JSON, OUT_COUNT };

/* Target path of each output: the option, or OUTPUT/NAME-LABEL.EXT. */
static char *output_path(const cli_options *opts, int which, const char *label)
{
    static const char *const stem[] = { "report", "workbook", "figures" };
    static const char *const ext[] = { "pdf", "xlsx", "json" };
    const char *given[] = { opts->pdf_path, opts->xlsx_path, opts->figures_path };
    if (given[which])
        return xstrdup(given[which]);
    char name[64];
    snprintf(name, sizeof name, "%s-%s.%s", stem[which], label, ext[which]);
    return path_join(opts->output_dir, name);
}

/* Renders the three outputs to the files at temps[]. */
static int render_outputs(const cli_options *opts, char *const temps[OUT_COUNT],
                          const char *scratch, const figures *f, const model *m, stage_clock *clock,
                          diag *d)
{
    render_context ctx = {
        .templates_dir = opts->templates_dir,
        .input_dir = opts->input_dir,
        .timestamp = document_time(f),
        .scratch_dir = scratch,
    };
    isolate_stage("the PDF report");
    int rc = render_pdf(f, &ctx, temps[OUT_PDF], d);
    stage_end(clock, "pdf", 0);
    if (rc == 0) {
        isolate_stage("the workbook");
        detail_source src = ingest_detail_source(m);
        rc = render_xlsx(f, &src, &ctx, temps[OUT_XLSX], d);
        stage_end(clock, "workbook", 0);
    }
    if (rc == 0) {
        isolate_stage("the figures");
        rc = render_json(f, temps[OUT_JSON], d);
        stage_end(clock, "json", 0);
    }
    return rc;
}

/* What the rendering process is given. */
typedef struct render_job {
    const cli_options *opts;
    char *const *temps;
    const char *scratch;
    const figures *f;
    const model *m;
    stage_clock *clock;
} render_job;

/* The rendering process's work: the outputs, whose temporary files are
 * then the parent's to put in place or remove. */
static int render_job_run(void *arg, diag *d)
{
    const render_job *job = arg;
    int rc = render_outputs(job->opts, job->temps, job->scratch, job->f, job->m, job->clock, d);
    output_hand_over();
    return rc;
}

/* The longest the rendering may take (BILAN_RENDER_SECONDS, default an
 * hour: a million ledger lines render in seconds). */
static unsigned render_seconds(void)
{
    const char *s = getenv("BILAN_RENDER_SECONDS");
    char *end;
    unsigned long v = s && *s ? strtoul(s, &end, 10) : 0;
    return s && *s && *end == '\0' && v > 0 && v < 100000000 ? (unsigned)v : 3600;
}

/* Renders the three outputs to the files at temps[] in a child process
 * (the workbook library's own temporary files in scratch, when not NULL):
 * a library that crashes or hangs after a failed allocation ends the run
 * with exit 70 and a message, never a signal (lib/isolate.h). */
static int render_all(const cli_options *opts, char *const temps[OUT_COUNT], const char *scratch,
                      const figures *f, const model *m, stage_clock *clock, diag *d)
{
    render_job job = { opts, temps, scratch, f, m, clock };
    return isolate_run(render_job_run, &job, render_seconds(), d);
}

/* Renders the three outputs to temporary files, then renames them all;
 * on any failure removes them all. */
static int write_outputs(const cli_options *opts, char *const paths[OUT_COUNT], const figures *f,
                         const model *m, stage_clock *clock, diag *d)
{
    if (!opts->pdf_path || !opts->xlsx_path || !opts->figures_path)
        make_folders(opts->output_dir);
    output_file out[OUT_COUNT] = { { 0 } };
    int rc = 0;
    for (int i = 0; i < OUT_COUNT && rc == 0; i++)
        rc = output_begin(&out[i], paths[i], d);
    if (rc == 0)
        rc = output_scratch(&out[OUT_XLSX], d);
    if (rc == 0) {
        char *temps[OUT_COUNT] = { out[OUT_PDF].temp, out[OUT_XLSX].temp, out[OUT_JSON].temp };
        rc = render_all(opts, temps, out[OUT_XLSX].scratch, f, m, clock, d);
    }
    for (int i = 0; i < OUT_COUNT && rc == 0; i++)
        rc = output_commit(&out[i], d);
    for (int i = 0; i < OUT_COUNT; i++)
        output_discard(&out[i]);
    return rc;
}

/* --check: everything a run does but writing.  The outputs are rendered
 * into a private folder of TMPDIR (templates, texts and fonts are read,
 * every renderer's check runs) and removed. */
static int check_outputs(const cli_options *opts, const figures *f, const model *m,
                         stage_clock *clock, diag *d)
{
    const char *tmp = getenv("TMPDIR");
    char *dir = path_join(tmp && *tmp ? tmp : "/tmp", "bilan-check-XXXXXX");
    if (!mkdtemp(dir)) {
        diag_report(d, EXIT_CANTCREAT, dir, 0, NULL, "cannot make a scratch folder: %s",
                    strerror(errno));
        free(dir);
        return -1;
    }
    static const char *const names[OUT_COUNT] = { "report.pdf", "workbook.xlsx", "figures.json" };
    char *temps[OUT_COUNT];
    for (int i = 0; i < OUT_COUNT; i++)
        temps[i] = path_join(dir, names[i]);
    int rc = render_all(opts, temps, NULL, f, m, clock, d);
    for (int i = 0; i < OUT_COUNT; i++) {
        unlink(temps[i]);
        free(temps[i]);
    }
    rmdir(dir);
    free(dir);
    return rc;
}

/* What the run read but left out of the figures, and why, for the
 * summary: " (left aside: N ledger rows dated outside the report's fiscal
 * years, M ledger rows on asset, liability or equity accounts; K warnings
 * above)", or nothing.  Rows on those accounts that the statement of
 * financial position reads are not left aside. */
static void print_left_aside(FILE *out, const figures *f, const diag *d)
{
    size_t outside = f->inputs.ledger_rows_outside_years;
    size_t other = f->inputs.ledger_rows_other_kinds - f->inputs.ledger_rows_position;
    if (!outside && !other && !d->warnings)
        return;
    fputs(_(" (left aside: "), out);
    const char *sep = "";
    if (outside) {
        fprintf(out,
                ngettext("%zu ledger row dated outside the report's fiscal years",
                         "%zu ledger rows dated outside the report's fiscal years", outside),
                outside);
        sep = _(", ");
    }
    if (other) {
        fputs(sep, out);
        fprintf(out,
                ngettext("%zu ledger row on an asset, liability or equity account",
                         "%zu ledger rows on asset, liability or equity accounts", other),
                other);
    }
    if (d->warnings) {
        fputs(outside || other ? _("; ") : "", out);
        fprintf(out, ngettext("%zu warning above", "%zu warnings above", d->warnings), d->warnings);
    }
    fputs(")", out);
}

/* One line on stdout: what was read, what was left aside and why, and what
 * was written.  On stderr when an output goes to standard output, so as
 * not to end up inside it. */
static void print_summary(const cli_options *opts, char *const paths[OUT_COUNT], const figures *f,
                          const model *m, const diag *d)
{
    FILE *out = stdout;
    for (int i = 0; i < OUT_COUNT && !opts->check; i++)
        if (is_stdout(paths[i]))
            out = stderr;
    if (opts->quiet)
        return;
    for (size_t i = 0; opts->check && i < m->note_count; i++)
        fprintf(out, "%s\n", m->notes[i]); /* how each ledger file was read */
    fprintf(out, _("bilan: %s %s: %zu ledger rows, %zu activities read"), f->config->org_name,
            f->current.label, f->inputs.ledger_rows, f->inputs.activity_rows);
    print_left_aside(out, f, d);
    fputs(_("; "), out);
    if (opts->check)
        fputs(_("no problems found, nothing written (--check)\n"), out);
    else
        fprintf(out, _("wrote %s, %s, %s\n"), paths[OUT_PDF], paths[OUT_XLSX], paths[OUT_JSON]);
}

static int run(const cli_options *opts, diag *d)
{
    config cfg;
    stage_clock clock;
    stage_start(&clock);
    /* A report.ini with problems still lets the data be checked, so that
     * one run lists everything, as long as it says which year to read. */
    if (load_config(opts, &cfg, d) != 0 &&
        (d->status != EXIT_DATAERR || !cfg.year || !cfg.calendar.end_month)) {
        config_free(&cfg);
        return d->status;
    }
    model m;
    model_init(&m, &cfg);
    figures f = { 0 };
    progress_enable(!opts->quiet && isatty(STDERR_FILENO));
    ingest_input(&m, opts->input_dir, d);
    progress_done();
    stage_end(&clock, "ingest", m.split_files);
    if (!diag_failed(d))
        compute_figures(&m, &f, d);
    stage_end(&clock, "compute", 0);
    char *paths[OUT_COUNT] = { NULL };
    if (!diag_failed(d))
        for (int i = 0; i < OUT_COUNT; i++)
            paths[i] = output_path(opts, i, f.current.label);
    if (!diag_failed(d))
        output_check_paths(paths, OUT_COUNT,
                           (const char *const[]){ opts->input_dir, opts->templates_dir, NULL }, d);
    if (!diag_failed(d))
        opts->check ? check_outputs(opts, &f, &m, &clock, d)
                    : write_outputs(opts, paths, &f, &m, &clock, d);
    if (!diag_failed(d))
        print_summary(opts, paths, &f, &m, d);
    for (int i = 0; i < OUT_COUNT; i++)
        free(paths[i]);
    figures_free(&f);
    model_free(&m);
    config_free(&cfg);
    return d->status;
}

int main(int argc, char **argv)
{
    i18n_init();
    if (argc > 1 && strcmp(argv[1], "init") == 0) {
        char found[4200];
        return init_main(argc - 1, argv + 1,
                         find_templates("templates", true, found, sizeof found));
    }
    cli_options opts;
    if (cli_parse(argc, argv, &opts, stderr) != 0)
        return EXIT_USAGE;
    char templates[4200];
    opts.templates_dir =
        find_templates(opts.templates_dir, strcmp(opts.templates_dir, "templates") == 0, templates,
                       sizeof templates);
    if (opts.help) {
        cli_print_help(stdout);
        return EXIT_OK;
    }
    if (opts.version) {
        cli_print_version(stdout);
        return EXIT_OK;
    }
    diag d;
    diag_init(&d, stderr);
    int status = run(&opts, &d);
    diag_finish(&d);
    if (diag_failed(&d) && !opts.quiet)
        fprintf(stderr,
                ngettext("bilan: %zu problem; nothing written\n",
                         "bilan: %zu problems; nothing written\n", d.count),
                d.count);
    return status;
}
