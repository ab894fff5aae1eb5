/* ingest_field.c - the typed readers of a record's fields: text, dates,
 * amounts, counts, and keys built from them.  A leaf of ingest: it calls
 * parse/ and lib/, nothing of ingest*.c. */
#include "ingest_field.h"
#include "lib/i18n.h"
#include "lib/text.h"
#include "lib/xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool ingest_field_present(const ingest_file *f, column_id col)
{
    int i = f->format->map.index[col];
    return i >= 0;
}

const char *ingest_field_text(const ingest_file *f, column_id col, size_t *len)
{
    int i = f->format->map.index[col];
    if (i < 0 || (size_t)i >= f->rec.count) {
        *len = 0;
        return "";
    }
    *len = f->rec.lengths[i];
    return text_trim(f->rec.fields[i], len);
}

bool ingest_field_is_number(const ingest_file *f, column_id col)
{
    int i = f->format->map.index[col];
    if (!f->src || i < 0)
        return false;
    xlsx_cell_kind k = record_source_kind(f->src, (size_t)i);
    return k == XLSX_CELL_NUMBER || k == XLSX_CELL_NUMBER_OTHER;
}

/* The value as a printable NUL-terminated string for messages. */
static const char *quoted(ingest_file *f, column_id col)
{
    size_t len;
    const char *s = ingest_field_text(f, col, &len);
    return ingest_key(f, NULL, s, len);
}

/* "column 'NAME': 'VALUE' what" at the record's line. */
static void report_value(ingest_file *f, column_id col, const char *what)
{
    ingest_problem(f, col, what, "'%s' %s", quoted(f, col), _(what));
}

ingest_field_status ingest_field_required(ingest_file *f, column_id col, const char **out,
                                          size_t *len)
{
    *out = ingest_field_text(f, col, len);
    if (*len == 0) {
        ingest_problem(f, col, "is empty", "is empty");
        return INGEST_FIELD_ERROR;
    }
    return INGEST_FIELD_OK;
}

ingest_field_status ingest_field_date(ingest_file *f, column_id col, date *out)
{
    size_t len;
    const char *s = ingest_field_text(f, col, &len);
    date_status st = date_parse(s, len, f->format->order, out);
    if (st == DATE_OK)
        return INGEST_FIELD_OK;
    if (st == DATE_AMBIGUOUS && f->order_unknown)
        return INGEST_FIELD_ERROR; /* one diagnostic for the file says so */
    if (st == DATE_EMPTY)
        ingest_problem(f, col, "is empty", "is empty");
    else
        report_value(f, col, date_status_message(st));
    return INGEST_FIELD_ERROR;
}

ingest_field_status ingest_field_amount(ingest_file *f, column_id col, bool empty_is_zero,
                                        int64_t *out)
{
    size_t len;
    const char *s = ingest_field_text(f, col, &len);
    if (len == 0 && empty_is_zero) {
        *out = 0;
        return INGEST_FIELD_OK;
    }
    bool number = ingest_field_is_number(f, col);
    money_status st = money_parse(s, len, number ? MONEY_DECIMAL_POINT : f->format->decimal, out);
    if (st == MONEY_OK)
        return INGEST_FIELD_OK;
    if (number) {
        char place[256];
        record_source_place(f->src, f->rec.line, (size_t)f->format->map.index[col], place,
                            sizeof place);
        ingest_problem_at(f, place, col, money_status_message(st), "'%s' %s", quoted(f, col),
                          money_status_message(st));
    } else if (st == MONEY_EMPTY)
        ingest_problem(f, col, "is empty", "is empty");
    else
        report_value(f, col, money_status_message(st));
    return INGEST_FIELD_ERROR;
}

ingest_field_status ingest_field_count(ingest_file *f, column_id col, int64_t *out)
{
    size_t len;
    const char *s = ingest_field_text(f, col, &len);
    int64_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9' || n > (INT64_MAX - 9) / 10) {
            report_value(f, col, N_("is not a whole number >= 0"));
            return INGEST_FIELD_ERROR;
        }
        n = n * 10 + (s[i] - '0');
    }
    *out = n;
    return INGEST_FIELD_OK;
}

void ingest_magnitude_add(ingest_file *f, int64_t v)
{
    uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;
    f->magnitude = u > UINT64_MAX - f->magnitude ? UINT64_MAX : f->magnitude + u;
}

const char *ingest_key(ingest_file *f, const char *prefix, const char *s, size_t len)
{
    size_t plen = prefix ? strlen(prefix) + 1 : 0;
    xgrow((void **)&f->scratch, &f->scratch_cap, plen + len + 1, 1);
    if (prefix) {
        memcpy(f->scratch, prefix, plen - 1);
        f->scratch[plen - 1] = '\x1f';
    }
    memcpy(f->scratch + plen, s, len);
    f->scratch[plen + len] = '\0';
    return f->scratch;
}

/* ---- problems, grouped ------------------------------------------------- */

/* Rows of one problem reported one by one; past this, two diagnostics. */
enum { REPEATS_SHOWN = 5 };

/* One kind of problem in one column of the file. */
typedef struct problem_group {
    column_id col;
    const char *kind;
    size_t count;
    size_t first_line;         /* of the row that came first */
    size_t min_line, max_line; /* of the rows after it */
} problem_group;

/* A diagnostic kept, in the order reported. */
typedef struct held_problem {
    size_t line;
    bool warning; /* a warning, not an error */
    column_id col;
    size_t group; /* in groups, or NO_GROUP */
    char *text;   /* the message after "column 'NAME': " */
    char *place;  /* "ledger.xlsx:Sheet1!C12" instead of the
                                * file and line, or NULL */
} held_problem;

enum { NO_GROUP = (size_t)-1 };

struct ingest_problems {
    problem_group *groups;
    size_t group_count, group_cap;
    held_problem *held;
    size_t held_count, held_cap;
    /* ingest_problems_mark: the counts then, and a copy of the groups */
    bool marked;
    size_t marked_groups, marked_held;
    problem_group *marked_copy;
};

/* The group of (col, kind), added when new. */
static size_t problem_group_of(ingest_problems *p, column_id col, const char *kind)
{
    for (size_t i = 0; i < p->group_count; i++)
        if (p->groups[i].col == col && strcmp(p->groups[i].kind, kind) == 0)
            return i;
    xgrow((void **)&p->groups, &p->group_cap, p->group_count + 1, sizeof *p->groups);
    p->groups[p->group_count] = (problem_group){ col, kind, 0, 0, 0, 0 };
    return p->group_count++;
}

/* Counts a row of the group; false when it is one too many to keep. */
static bool group_count_row(problem_group *g, size_t line)
{
    if (g->count == 0) {
        g->first_line = line;
    } else {
        if (g->count == 1 || line < g->min_line)
            g->min_line = line;
        if (line > g->max_line)
            g->max_line = line;
    }
    return g->count++ < REPEATS_SHOWN;
}

/* Keeps a problem or a warning (ingest_problem). */
__attribute__((format(printf, 6, 0))) static void hold(ingest_file *f, const char *place,
                                                       bool warning, column_id col,
                                                       const char *kind, const char *fmt,
                                                       va_list ap)
{
    if (!f->problems)
        f->problems = xcalloc(1, sizeof *f->problems);
    ingest_problems *p = f->problems;
    size_t group = kind ? problem_group_of(p, col, kind) : NO_GROUP;
    if (group != NO_GROUP && !group_count_row(&p->groups[group], f->rec.line))
        return;
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, _(fmt), copy);
    va_end(copy);
    size_t size = n > 0 ? (size_t)n + 1 : 1;
    char *text = xmalloc(size);
    vsnprintf(text, size, _(fmt), ap);
    xgrow((void **)&p->held, &p->held_cap, p->held_count + 1, sizeof *p->held);
    p->held[p->held_count++] =
        (held_problem){ f->rec.line, warning, col, group, text, place ? xstrdup(place) : NULL };
}

void ingest_problem(ingest_file *f, column_id col, const char *kind, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    hold(f, NULL, false, col, kind, fmt, ap);
    va_end(ap);
}

void ingest_problem_at(ingest_file *f, const char *place, column_id col, const char *kind,
                       const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    hold(f, place, false, col, kind, fmt, ap);
    va_end(ap);
}

void ingest_warning(ingest_file *f, column_id col, const char *kind, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    hold(f, NULL, true, col, kind, fmt, ap);
    va_end(ap);
}

/* One diagnostic, an error or a warning, at the file's line or at place. */
static void put(ingest_file *f, bool warning, size_t line, const char *place, const char *column,
                const char *text)
{
    const char *file = place ? place : f->name;
    line = place ? 0 : line;
    if (warning)
        diag_warning(f->d, file, line, column, "%s", text);
    else
        diag_data(f->d, file, line, column, "%s", text);
}

/* Reports one kept diagnostic: each row of a small group; of a large
 * group, the first row, then, in the second row's place, the count of all
 * but the first.  seen counts the group's rows met so far. */
static void held_report(ingest_file *f, const held_problem *h, size_t *seen)
{
    const ingest_problems *p = f->problems;
    const problem_group *g = h->group == NO_GROUP ? NULL : &p->groups[h->group];
    const char *column = h->col < COL_COUNT ? column_name(h->col) : NULL;
    size_t nth = g ? seen[h->group]++ : 0;
    if (!g || g->count <= REPEATS_SHOWN || nth == 0) {
        put(f, h->warning, h->line, h->place, column, h->text);
    } else if (nth == 1) {
        char text[160];
        snprintf(text, sizeof text,
                 _("the same problem as line %zu on %zu more rows, up to line %zu"), g->first_line,
                 g->count - 1, g->max_line);
        put(f, h->warning, g->min_line, NULL, column, text);
    }
}

void ingest_problems_flush(ingest_file *f)
{
    ingest_problems *p = f->problems;
    if (!p)
        return;
    size_t *seen = xcalloc(p->group_count + 1, sizeof *seen);
    for (size_t i = 0; i < p->held_count; i++) {
        held_report(f, &p->held[i], seen);
        free(p->held[i].text);
        free(p->held[i].place);
    }
    free(seen);
    free(p->held);
    free(p->groups);
    free(p->marked_copy);
    free(p);
    f->problems = NULL;
}

void ingest_problems_mark(ingest_file *f)
{
    if (!f->problems)
        f->problems = xcalloc(1, sizeof *f->problems);
    ingest_problems *p = f->problems;
    free(p->marked_copy);
    p->marked = true;
    p->marked_groups = p->group_count;
    p->marked_held = p->held_count;
    p->marked_copy = xmalloc((p->group_count ? p->group_count : 1) * sizeof *p->groups);
    if (p->group_count)
        memcpy(p->marked_copy, p->groups, p->group_count * sizeof *p->groups);
}

void ingest_problems_withdraw(ingest_file *f)
{
    ingest_problems *p = f->problems;
    if (!p || !p->marked)
        return;
    for (size_t i = p->marked_held; i < p->held_count; i++) {
        free(p->held[i].text);
        free(p->held[i].place);
    }
    p->held_count = p->marked_held;
    p->group_count = p->marked_groups;
    if (p->group_count)
        memcpy(p->groups, p->marked_copy, p->group_count * sizeof *p->groups);
}
