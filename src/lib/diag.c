/* diag.c - collect, print, cap and count diagnostics, in the user's
 * language (the format is translated here, lib/i18n.h). */
#include "lib/diag.h"
#include "lib/i18n.h"
#include "lib/xalloc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* Messages kept while holding, beyond which they are only counted. */
enum { HELD_MAX = 10000 };

struct diag_held {
    size_t line, order;
    char *text; /* the whole message, without the newline */
};

void diag_init(diag *d, FILE *stream)
{
    memset(d, 0, sizeof *d);
    d->stream = stream;
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

static void print(diag *d, const char *text)
{
    if (d->shown >= DIAG_SHOWN_MAX || !d->stream)
        return;
    fprintf(d->stream, "%s\n", text);
    d->shown++;
}

/* "FILE:LINE: [warning: ]column 'NAME': message" in a new string. */
__attribute__((format(printf, 5, 0))) static char *
format(const char *file, size_t line, bool warning, const char *column, const char *fmt, va_list ap)
{
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    if (!out)
        return xstrdup("(out of memory for a diagnostic)");
    if (file && line)
        fprintf(out, "%s:%zu: ", file, line);
    else if (file)
        fprintf(out, "%s: ", file);
    if (warning)
        fputs(_("warning: "), out);
    if (column)
        fprintf(out, _("column '%s': "), column);
    vfprintf(out, _(fmt), ap);
    fclose(out);
    return text;
}

/* Prints or holds one message (counted by the caller). */
__attribute__((format(printf, 6, 0))) static void emit(diag *d, const char *file, size_t line,
                                                       bool warning, const char *column,
                                                       const char *fmt, va_list ap)
{
    if (!d->stream || (!d->holding && d->shown >= DIAG_SHOWN_MAX) ||
        (d->holding && d->held_count >= HELD_MAX))
        return;
    char *text = format(file, line, warning, column, fmt, ap);
    if (!d->holding) {
        print(d, text);
        free(text);
        return;
    }
    xgrow((void **)&d->held, &d->held_cap, d->held_count + 1, sizeof *d->held);
    d->held[d->held_count] = (diag_held){ line, d->held_count, text };
    d->held_count++;
}

void diag_report(diag *d, int status, const char *file, size_t line, const char *column,
                 const char *fmt, ...)
{
    if (severity(status) > severity(d->status))
        d->status = status;
    d->count++;
    va_list ap;
    va_start(ap, fmt);
    emit(d, file, line, false, column, fmt, ap);
    va_end(ap);
}

void diag_told(diag *d, int status, size_t count)
{
    if (severity(status) > severity(d->status))
        d->status = status;
    d->count += count;
}

void diag_warning(diag *d, const char *file, size_t line, const char *column, const char *fmt, ...)
{
    d->warnings++;
    va_list ap;
    va_start(ap, fmt);
    emit(d, file, line, true, column, fmt, ap);
    va_end(ap);
}

void diag_hold(diag *d)
{
    d->holding = true;
}

static int by_line(const void *a, const void *b)
{
    const diag_held *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

void diag_release(diag *d)
{
    if (d->held_count)
        qsort(d->held, d->held_count, sizeof *d->held, by_line);
    for (size_t i = 0; i < d->held_count; i++) {
        print(d, d->held[i].text);
        free(d->held[i].text);
    }
    free(d->held);
    d->held = NULL;
    d->held_count = d->held_cap = 0;
    d->holding = false;
}

void diag_mark_take(const diag *d, diag_mark *m)
{
    *m = (diag_mark){ d->count, d->warnings, d->held_count, d->status, d->holding };
}

void diag_rollback(diag *d, const diag_mark *m)
{
    if (!d->holding || !m->holding || m->held_count > d->held_count)
        return; /* printed since: what was said stays said */
    for (size_t i = m->held_count; i < d->held_count; i++)
        free(d->held[i].text);
    d->held_count = m->held_count;
    d->count = m->count;
    d->warnings = m->warnings;
    d->status = m->status;
}

void diag_finish(diag *d)
{
    size_t all = d->count + d->warnings;
    if (all <= d->shown || !d->stream || d->shown < DIAG_SHOWN_MAX)
        return;
    if (d->warnings)
        fprintf(d->stream,
                ngettext("... and %zu more not shown (%zu problems and %zu "
                         "warnings in all)\n",
                         "... and %zu more not shown (%zu problems and %zu "
                         "warnings in all)\n",
                         all - d->shown),
                all - d->shown, d->count, d->warnings);
    else
        fprintf(d->stream,
                ngettext("... and %zu more problem not shown (%zu in all)\n",
                         "... and %zu more problems not shown (%zu in all)\n", all - d->shown),
                all - d->shown, d->count);
}
