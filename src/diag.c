/* diag.c - collect, print, cap and count diagnostics. */
#include "diag.h"

#include <stdarg.h>

void diag_init(diag *d, FILE *stream)
{
    d->stream = stream;
    d->count = 0;
    d->status = EXIT_OK;
}

/* Exit statuses ranked by how much they say about the run: a missing file
 * explains the data errors that follow from it, not the reverse. */
static int severity(int status)
{
    switch (status) {
    case EXIT_DATAERR: return 1;
    case EXIT_NOINPUT: return 2;
    case EXIT_USAGE: return 3;
    case EXIT_CANTCREAT: return 4;
    case EXIT_SOFTWARE: return 5;
    default: return 0;
    }
}

void diag_report(diag *d, int status, const char *file, size_t line,
                 const char *column, const char *fmt, ...)
{
    if (severity(status) > severity(d->status))
        d->status = status;
    d->count++;
    if (d->count > DIAG_SHOWN_MAX || !d->stream)
        return;
    if (file && line)
        fprintf(d->stream, "%s:%zu: ", file, line);
    else if (file)
        fprintf(d->stream, "%s: ", file);
    if (column)
        fprintf(d->stream, "column '%s': ", column);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(d->stream, fmt, ap);
    va_end(ap);
    fputc('\n', d->stream);
}

void diag_finish(diag *d)
{
    if (d->count > DIAG_SHOWN_MAX && d->stream)
        fprintf(d->stream, "... and %zu more problems not shown (%zu in all)\n",
                d->count - DIAG_SHOWN_MAX, d->count);
}
