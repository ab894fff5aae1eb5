/* cli.h - the command line -> struct cli_options; --help and --version. */
#ifndef BILAN_CLI_H
#define BILAN_CLI_H

#include <stdbool.h>
#include <stdio.h>

#define BILAN_VERSION "1.0.0"

typedef struct cli_options {
    const char *input_dir;     /* default "input" */
    const char *output_dir;    /* default "output" */
    const char *templates_dir; /* default "templates" */
    int year;                  /* 0 = from report.ini */
    const char *lang;          /* NULL = from report.ini; else "fr"/"en" */
    const char *pdf_path;      /* NULL = output_dir/report-LABEL.pdf */
    const char *xlsx_path;     /* NULL = output_dir/workbook-LABEL.xlsx */
    const char *figures_path;  /* NULL = output_dir/figures-LABEL.json */
    bool check, quiet, help, version;
} cli_options;

/* Parses argv.  Returns 0, or -1 after printing "bilan: ..." and a usage
 * hint to err (the caller exits 64).  --help and --version only set flags. */
int cli_parse(int argc, char **argv, cli_options *opts, FILE *err);

void cli_print_help(FILE *out);
void cli_print_version(FILE *out);

#endif
