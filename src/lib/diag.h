/* diag.h - compiler-style diagnostics: "FILE:LINE: column 'NAME': message".
 *
 * Every stage reports problems here instead of stopping at the first one.
 * The first DIAG_SHOWN_MAX are printed to the stream at once; the rest are
 * counted and summarised by diag_finish().  The exit status of the run is the
 * most severe status reported (sysexits values).  Warnings
 * ("FILE:LINE: warning: ...") are printed the same way but change neither
 * the status nor the count of problems: the run goes on and writes. */
#ifndef BILAN_DIAG_H
#define BILAN_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum {
    EXIT_OK = 0,
    EXIT_USAGE = 64,    /* bad command line */
    EXIT_DATAERR = 65,  /* bad input data */
    EXIT_NOINPUT = 66,  /* input file missing or unreadable */
    EXIT_SOFTWARE = 70, /* internal error */
    EXIT_CANTCREAT = 73 /* output could not be written */
};

#define DIAG_SHOWN_MAX 50

typedef struct diag_held diag_held; /* a message kept for diag_release */

typedef struct diag {
    FILE *stream;    /* where messages go; stderr in the program */
    size_t count;    /* problems reported */
    size_t warnings; /* warnings reported */
    size_t shown;    /* of both, printed */
    int status;      /* worst exit status so far, EXIT_OK if none */
    bool holding;    /* keep messages until diag_release */
    diag_held *held;
    size_t held_count, held_cap;
} diag;

void diag_init(diag *d, FILE *stream);

/* Between diag_hold and diag_release messages are kept, then printed in
 * line order: a file read in two passes still reads like a compiler's
 * output.  Counts and status are updated at once. */
void diag_hold(diag *d);
void diag_release(diag *d);

/* What d had received at some point, for diag_rollback. */
typedef struct diag_mark {
    size_t count, warnings, held_count;
    int status;
    bool holding;
} diag_mark;

/* Takes a mark of d now. */
void diag_mark_take(const diag *d, diag_mark *m);

/* Withdraws what d received since the mark was taken, as if it had never
 * been reported: its messages (when d held them since the mark: printed
 * ones stay printed, and counted), its counts and its status. */
void diag_rollback(diag *d, const diag_mark *m);

/* Reports one problem.  file may be NULL (no place), line 0 (file only),
 * column NULL (no column).  The format is a program constant: data values
 * are passed as arguments, never as the format. */
void diag_report(diag *d, int status, const char *file, size_t line, const char *column,
                 const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* A warning at file:line (as diag_report): the run still succeeds. */
void diag_warning(diag *d, const char *file, size_t line, const char *column, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Counts count problems told on the stream by someone else (a child
 * process, out of memory) under status, printing nothing. */
void diag_told(diag *d, int status, size_t count);

/* Bad input data (exit 65) at file:line, column 'column'. */
#define diag_data(d, file, line, column, ...) \
    diag_report((d), EXIT_DATAERR, (file), (line), (column), __VA_ARGS__)

/* Prints "N more problems not shown" when the cap was reached. */
void diag_finish(diag *d);

static inline int diag_failed(const diag *d)
{
    return d->status != EXIT_OK;
}

#endif
