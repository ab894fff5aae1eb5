/* cli.c - the command line -> struct cli_options; --help and --version.
 *
 * Parsed by hand, without getopt's global state, so that it can be called
 * again and again (the tests do).  "--opt value" and "--opt=value" are both
 * accepted; -h, -V and -q are the short forms. */
#include "cli.h"
#include "lib/i18n.h"
#include "lib/lang.h"

#include <hpdf.h>
#include <xlsxwriter.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

typedef enum cli_kind {
    CLI_FLAG, /* no value: sets a bool member */
    CLI_PATH, /* a file or folder: sets a const char * member */
    CLI_YEAR,
    CLI_LANG
} cli_kind;

typedef struct cli_option {
    const char *name; /* long name, without "--" */
    char short_name;  /* 0 when none */
    cli_kind kind;
    size_t offset; /* of the member it sets */
} cli_option;

#define OPT(name, short_name, kind, member)                   \
    {                                                         \
        name, short_name, kind, offsetof(cli_options, member) \
    }

static const cli_option options[] = {
    OPT("input", 0, CLI_PATH, input_dir),
    OPT("output", 0, CLI_PATH, output_dir),
    OPT("templates", 0, CLI_PATH, templates_dir),
    OPT("year", 0, CLI_YEAR, year),
    OPT("lang", 0, CLI_LANG, lang),
    OPT("pdf", 0, CLI_PATH, pdf_path),
    OPT("xlsx", 0, CLI_PATH, xlsx_path),
    OPT("figures", 0, CLI_PATH, figures_path),
    OPT("check", 0, CLI_FLAG, check),
    OPT("quiet", 'q', CLI_FLAG, quiet),
    OPT("version", 'V', CLI_FLAG, version),
    OPT("help", 'h', CLI_FLAG, help),
};

#undef OPT

enum { OPTION_COUNT = sizeof options / sizeof options[0] };

static void cli_defaults(cli_options *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->input_dir = "input";
    opts->output_dir = "output";
    opts->templates_dir = "templates";
}

/* Prints "bilan: MESSAGE" and the usage hint; returns -1. */
__attribute__((format(printf, 2, 3))) static int usage_error(FILE *err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("bilan: ", err);
    vfprintf(err, _(fmt), ap);
    va_end(ap);
    fprintf(err, "\n%s\n", _("Try 'bilan --help'."));
    return -1;
}

/* The option named by arg ("--year", "--year=2014", "-q"), or NULL;
 * *inline_value points after the '=' of "--opt=value". */
static const cli_option *find_option(const char *arg, const char **inline_value)
{
    *inline_value = NULL;
    if (arg[0] == '-' && arg[1] && arg[1] != '-' && !arg[2]) {
        for (int i = 0; i < OPTION_COUNT; i++)
            if (options[i].short_name == arg[1])
                return &options[i];
        return NULL;
    }
    if (strncmp(arg, "--", 2) != 0)
        return NULL;
    const char *name = arg + 2;
    size_t len = strcspn(name, "=");
    if (name[len] == '=')
        *inline_value = name + len + 1;
    for (int i = 0; i < OPTION_COUNT; i++)
        if (strlen(options[i].name) == len && strncmp(options[i].name, name, len) == 0)
            return &options[i];
    return NULL;
}

/* --year: four digits, 1900..9999, like report.ini's year. */
static int parse_year(const char *text, int *year)
{
    if (strlen(text) != 4 || strspn(text, "0123456789") != 4)
        return -1;
    int y = atoi(text);
    if (y < 1900)
        return -1;
    *year = y;
    return 0;
}

/* Stores the value of option o; -1 after reporting a bad one. */
static int set_value(const cli_option *o, const char *value, cli_options *opts, FILE *err)
{
    char *field = (char *)opts + o->offset;
    language lang;
    if (!*value)
        return usage_error(err, "option '--%s' needs a non-empty value", o->name);
    switch (o->kind) {
    case CLI_YEAR:
        if (parse_year(value, (int *)(void *)field) != 0)
            return usage_error(err, "--year '%s' is not a year from 1900 to 9999", value);
        break;
    case CLI_LANG:
        if (language_parse(value, &lang) != 0)
            return usage_error(err, "--lang '%s' is not fr or en", value);
        *(const char **)(void *)field = language_code(lang);
        break;
    default: *(const char **)(void *)field = value; break;
    }
    return 0;
}

int cli_parse(int argc, char **argv, cli_options *opts, FILE *err)
{
    cli_defaults(opts);
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char *value;
        const cli_option *o = find_option(arg, &value);
        if (!o && (arg[0] != '-' || !arg[1]))
            return usage_error(err, "unexpected argument '%s'", arg);
        if (!o)
            return usage_error(err, "unknown option '%s'", arg);
        if (o->kind == CLI_FLAG) {
            if (value)
                return usage_error(err, "option '--%s' takes no value", o->name);
            *(bool *)(void *)((char *)opts + o->offset) = true;
            continue;
        }
        if (!value) {
            if (i + 1 >= argc)
                return usage_error(err, "option '--%s' needs a value", o->name);
            value = argv[++i];
        }
        if (set_value(o, value, opts, err) != 0)
            return -1;
    }
    return 0;
}

void cli_print_help(FILE *out)
{
    /* In parts, each one message of the catalogues. */
    fputs(_("Usage: bilan [OPTION]...\n"
            "  or:  bilan init DIR [--lang fr|en] [--from EXPORT...]\n"
            "Turn a nonprofit's accounting and activity exports into an annual report:\n"
            "a PDF for the board, an Excel workbook for funders, and the figures in JSON.\n"),
          out);
    fputs("\n", out);
    fputs(_("Options:\n"
            "  --input DIR       the input folder (default: input)\n"
            "  --output DIR      where the outputs go (default: output)\n"
            "  --templates DIR   the templates folder (default: templates)\n"
            "  --year YYYY       the reported fiscal year, named by the calendar year in\n"
            "                    which it ends (default: year in report.ini)\n"
            "  --lang fr|en      the report's language (default: language in report.ini)\n"
            "  --pdf FILE        write the PDF report to FILE\n"
            "                    (default: OUTPUT/report-LABEL.pdf)\n"
            "  --xlsx FILE       write the workbook to FILE\n"
            "                    (default: OUTPUT/workbook-LABEL.xlsx)\n"
            "  --figures FILE    write the figures as JSON to FILE\n"
            "                    (default: OUTPUT/figures-LABEL.json)\n"
            "  --check           read and validate everything, print the problems and a\n"
            "                    summary, write nothing\n"
            "  -q, --quiet       print problems only\n"
            "  -V, --version     print the version and exit\n"
            "  -h, --help        print this help and exit\n"
            "Options taking a value accept both '--opt value' and '--opt=value'.\n"
            "LABEL is the fiscal year's label: 2013-2014, or 2014 when it ends on 12-31.\n"),
          out);
    fputs("\n", out);
    fputs(_("bilan init DIR writes a new input folder to fill in (DIR must not exist, or\n"
            "be empty): report.ini, accounts.csv, activities.csv, people.csv and texts/,\n"
            "commented in the language of --lang (default: fr).  With --from, the\n"
            "accounting software's ledger exports are copied in and accounts.csv lists\n"
            "their accounts.  Then 'bilan --input DIR --check' says what is left to do.\n"),
          out);
    fputs("\n", out);
    fputs(_("Input folder:\n"
            "  report.ini          the organisation and the report's settings (required)\n"
            "  ledger.csv          general-ledger lines as the accounting software exports\n"
            "                      them, or several ledger*.csv (required)\n"
            "  accounts.csv        the chart of accounts (required)\n"
            "  activities.csv      one row per activity (required)\n"
            "  people.csv          board, staff and associates (optional)\n"
            "  texts/*.md          narrative sections in Markdown (optional)\n"
            "  budget.csv          budgets of the reported and next years (optional)\n"
            "  balances.csv        opening balances, for the statement of financial\n"
            "                      position (optional)\n"
            "  trial-balance*.csv  trial balances, for cross-checks (optional)\n"
            "Any of these CSV files may be an .xlsx workbook instead (its first sheet).\n"
            "CSV files may be UTF-8 or Windows-1252, delimited by ',' ';' or TAB.\n"),
          out);
    fputs("\n", out);
    fputs(_("Problems are listed as FILE:LINE: column 'NAME': what is wrong, all of them\n"
            "in one run; then nothing is written.  Outputs are replaced atomically.\n"),
          out);
    fputs("\n", out);
    fputs(_("Exit status:\n"
            "  0   done\n"
            "  64  bad command line\n"
            "  65  bad input data (every problem listed)\n"
            "  66  an input file missing or unreadable\n"
            "  70  internal error\n"
            "  73  an output could not be written (init: the folder is not empty)\n"),
          out);
    fputs("\n", out);
    fputs(_("Messages follow LANGUAGE, LC_ALL, LC_MESSAGES and LANG.  See bilan(1).\n"), out);
}

void cli_print_version(FILE *out)
{
    fprintf(out, "bilan %s\n", BILAN_VERSION);
    fprintf(out, _("built with libharu %s and libxlsxwriter %s\n"), HPDF_VERSION_TEXT, LXW_VERSION);
}
