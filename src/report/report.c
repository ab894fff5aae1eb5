/* report.c - the report's content, format-neutral: the directive table and
 * its argument checks, the generated directives ("axes" and
 * "people_others", from the roster compute made), the sentence of a
 * program area's year in figures with its plural rules, slugs.  It reads the figures and the
 * message catalogue and writes template blocks; it never draws. */
#include "report/report.h"
#include "report/fields.h"
#include "report/fmt.h"
#include "lib/text.h"
#include "lib/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define REPORT_DIRECTIVE_ROW(id, name, arg, kind) { name, arg, kind },
const report_directive report_directives[REPORT_DIRECTIVE_COUNT] = { REPORT_DIRECTIVES(
    REPORT_DIRECTIVE_ROW) };
#undef REPORT_DIRECTIVE_ROW

#define REPORT_CHART_NAME(id, name) name,
static const char *const chart_names[REPORT_CHART_COUNT] = { REPORT_CHARTS(REPORT_CHART_NAME) };
#undef REPORT_CHART_NAME

/* The names of one kind, NULL-terminated, for tpl_options: the kind is
 * pasted onto a macro that keeps the name or drops it. */
#define DRAWN_NAME_REPORT_DRAWN(name)    name,
#define DRAWN_NAME_REPORT_OPTIONAL(name) name,
#define DRAWN_NAME_REPORT_GENERATED(name)
#define DRAWN_NAME_REPORT_LATE(name)
#define DRAWN_NAME(id, name, arg, kind) DRAWN_NAME_##kind(name)
static const char *const drawn_names[] = { REPORT_DIRECTIVES(DRAWN_NAME) NULL };
#define LATE_NAME_REPORT_DRAWN(name)
#define LATE_NAME_REPORT_OPTIONAL(name)
#define LATE_NAME_REPORT_GENERATED(name)
#define LATE_NAME_REPORT_LATE(name)    name,
#define LATE_NAME(id, name, arg, kind) LATE_NAME_##kind(name)
static const char *const late_names[] = { REPORT_DIRECTIVES(LATE_NAME) NULL };

int report_directive_id_of(const char *name)
{
    for (int i = 0; i < REPORT_DIRECTIVE_COUNT; i++)
        if (strcmp(report_directives[i].name, name) == 0)
            return i;
    return -1;
}

int report_chart_id_of(const char *name)
{
    for (int i = 0; i < REPORT_CHART_COUNT; i++)
        if (strcmp(chart_names[i], name) == 0)
            return i;
    return -1;
}

void report_template_options(tpl_options *opt, report_context *rc)
{
    opt->directives = drawn_names;
    opt->late = late_names;
    opt->generate = report_generate;
    opt->generate_user = rc;
}

static const char *label(const report_context *rc, const char *key)
{
    return messages_get(rc->msg, key);
}

/* ---- checks ------------------------------------------------------------ */

static bool axis_exists(const figures *f, const char *name)
{
    for (size_t i = 0; i < f->axis_count; i++)
        if (strcmp(f->axes[i].axis, name) == 0)
            return true;
    return false;
}

static bool people_group_exists(const figures *f, const char *name)
{
    return figures_people_group(f, name) || f->people_count == 0; /* people.csv is optional */
}

/* What is wrong with arg under rule, or NULL when nothing is. */
static const char *arg_problem(const figures *f, report_arg rule, const char *arg)
{
    switch (rule) {
    case REPORT_ARG_AXIS:
        return axis_exists(f, arg) ? NULL : "no such program area (axis) in activities.csv";
    case REPORT_ARG_GROUP:
        return *arg && people_group_exists(f, arg) ? NULL : "no such group in people.csv";
    case REPORT_ARG_CHART:
        return report_chart_id_of(arg) >= 0 ? NULL
                                            : "expected revenue_groups, expense_groups or history";
    case REPORT_ARG_NONE: break;
    }
    return *arg ? "takes no argument" : NULL;
}

int report_check(const figures *f, const tpl_doc *doc, diag *d)
{
    int rc = 0;
    for (size_t i = 0; i < doc->count; i++) {
        const tpl_block *b = &doc->blocks[i];
        int id = b->kind == TPL_DIRECTIVE ? report_directive_id_of(b->name) : -1;
        const char *why = id < 0 ? NULL : arg_problem(f, report_directives[id].arg, b->arg);
        if (why) {
            diag_data(d, b->file, b->line, NULL, "directive '{{%% %s %s %%}}': %s", b->name, b->arg,
                      why);
            rc = -1;
        }
    }
    return rc;
}

/* ---- a section per program area ---------------------------------------- */

char *report_axis_slug(const char *axis)
{
    char *key = text_header_key(axis, strlen(axis)); /* folded, no accents */
    char *out = xmalloc(strlen(key ? key : "") + 1);
    size_t n = 0;
    bool gap = false;
    const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)(key ? key : "");
    utf8proc_int32_t cp;
    utf8proc_ssize_t len;
    while (*s && (len = utf8proc_iterate(s, -1, &cp)) > 0) {
        utf8proc_category_t c = utf8proc_category(cp);
        bool alnum = (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
                     (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
        if (alnum) {
            if (gap && n)
                out[n++] = '-';
            memcpy(out + n, s, (size_t)len);
            n += (size_t)len;
        }
        gap = !alnum;
        s += len;
    }
    out[n] = '\0';
    free(key);
    return out;
}

/* A catalogue text with each "{name}" replaced by its value (malloc'd);
 * other braces are kept as written. */
static char *fill(const char *text, const char *const names[], const char *const values[],
                  size_t count)
{
    char *out = NULL;
    size_t len = 0, cap = 0;
    for (const char *p = text; *p;) {
        const char *piece = p;
        size_t n = 1, skip = 1;
        for (size_t i = 0; *p == '{' && i < count; i++) {
            size_t k = strlen(names[i]);
            if (strncmp(p + 1, names[i], k) == 0 && p[k + 1] == '}') {
                piece = values[i];
                n = strlen(piece);
                skip = k + 2;
                break;
            }
        }
        xgrow((void **)&out, &cap, len + n + 1, 1);
        memcpy(out + len, piece, n);
        len += n;
        p += skip;
    }
    xgrow((void **)&out, &cap, len + 1, 1);
    out[len] = '\0';
    return out;
}

/* The year in figures of one program area, in a sentence. */
static char *axis_sentence(const report_context *rc, const axis_figure *a)
{
    const figures *f = rc->f;
    char count[FMT_SIZE + 64], previous[FMT_SIZE + 64], people[FMT_SIZE + 64], pct[FMT_SIZE];
    fields_counted(rc, a->count.current, "pdf.activity", count, sizeof count);
    fields_counted(rc, a->count.previous, "pdf.activity", previous, sizeof previous);
    fields_counted(rc, a->participants.current, "pdf.participant", people, sizeof people);
    fields_figure_part(f, &a->count, UNIT_COUNT, FIGURE_CHANGE_PCT, pct, sizeof pct);
    const char *key = a->count.current == 0              ? "pdf.axis_sentence_none"
                      : a->count.pct != FIGURE_PCT_VALUE ? "pdf.axis_sentence_new"
                                                         : "pdf.axis_sentence";
    static const char *const names[] = { "year",     "previous_year", "axis",      "count",
                                         "previous", "participants",  "change_pct" };
    const char *const values[] = {
        f->current.label, f->previous.label, figures_label(f, a->axis), count, previous, people, pct
    };
    return fill(label(rc, key), names, values, sizeof names / sizeof *names);
}

char *report_funder_label(const messages *msg, language lang, const funder_row *row)
{
    char key[64], num[FMT_SIZE];
    const char *text = row->name;
    if (row->kind == FUNDER_OTHERS)
        text = messages_get(msg, "common.other_funders");
    else if (row->kind == FUNDER_OTHER_REVENUE)
        text = messages_get(msg, "common.other_revenue");
    else if (row->kind == FUNDER_DONORS) {
        snprintf(key, sizeof key, "common.donors_%s", fmt_plural((int64_t)row->count, lang));
        text = messages_get(msg, key);
    }
    fmt_count(num, sizeof num, (int64_t)row->count, lang);
    static const char *const names[] = { "count" };
    const char *const values[] = { num };
    return row->kind == FUNDER_NAMED ? xstrdup(text) : fill(text, names, values, 1);
}

/* "{{% axes %}}": for each program area, in the figures' order, a level-1
 * section: its name, its narrative text (texts/SLUG.md), then the year in
 * figures: a sentence and the axis table. */
static void axes(const report_context *rc, tpl_builder *b)
{
    for (size_t i = 0; i < rc->f->axis_count; i++) {
        const axis_figure *a = &rc->f->axes[i];
        tpl_add_heading(b, 1, figures_label(rc->f, a->axis));
        char *slug = report_axis_slug(a->axis);
        if (*slug)
            tpl_add_text(b, slug);
        free(slug);
        tpl_add_heading(b, 2, label(rc, "pdf.axis_year"));
        char *sentence = axis_sentence(rc, a);
        tpl_add_paragraph(b, sentence);
        free(sentence);
        tpl_add_directive(b, report_directives[REPORT_DIRECTIVE_AXIS].name, a->axis);
    }
}

/* ---- people ------------------------------------------------------------ */

char *report_fold(const char *s)
{
    char *key = text_header_key(s, strlen(s));
    return key ? key : xstrdup(s);
}

/* Whether group g is shown by a directive of doc: a "people" naming it
 * (folded), or a "team" listing it (it has teams). */
static bool group_shown(const tpl_doc *doc, const people_list *g)
{
    const char *team = report_directives[REPORT_DIRECTIVE_TEAM].name;
    const char *people = report_directives[REPORT_DIRECTIVE_PEOPLE].name;
    for (size_t k = 0; k < doc->count; k++) {
        const tpl_block *b = &doc->blocks[k];
        if (b->kind != TPL_DIRECTIVE)
            continue;
        if (!strcmp(b->name, team) && g->has_teams)
            return true;
        if (!strcmp(b->name, people)) {
            char *key = report_fold(b->arg);
            bool same = strcmp(key, g->key) == 0;
            free(key);
            if (same)
                return true;
        }
    }
    return false;
}

/* "{{% people_others %}}" (late: the whole template is known): every group
 * of people.csv that no "people" or "team" directive shows, in order of
 * first appearance, as a level-2 heading (its name) and its "people" list. */
static void people_others(const report_context *rc, tpl_builder *b)
{
    const figures *f = rc->f;
    const tpl_doc *doc = tpl_builder_doc(b);
    for (size_t i = 0; i < f->people_group_count; i++) {
        const people_list *g = &f->people_groups[i];
        if (group_shown(doc, g))
            continue;
        tpl_add_heading(b, 2, figures_label(f, g->name));
        tpl_add_directive(b, report_directives[REPORT_DIRECTIVE_PEOPLE].name, g->name);
    }
}

/* ---- the generator ----------------------------------------------------- */

/* Whether an optional directive has something to show: the funders
 * table its rows, a statement its input (budget.csv, balances.csv), the
 * indicators' panel one indicator. */
static bool has_content(const figures *f, int id)
{
    const indicators *ind = &f->indicators;
    switch (id) {
    case REPORT_DIRECTIVE_FUNDERS: return f->funder_count > 0;
    case REPORT_DIRECTIVE_BUDGET: return f->budget.present;
    case REPORT_DIRECTIVE_FORECAST: return f->forecast.present;
    case REPORT_DIRECTIVE_POSITION: return f->position.present;
    case REPORT_DIRECTIVE_INDICATORS:
        return ind->reserve_months.present || ind->self_generated_share.present ||
               ind->largest_funder;
    default: return true;
    }
}

bool report_generate(void *user, tpl_builder *b, const char *name, const char *arg)
{
    const report_context *rc = user;
    int id = report_directive_id_of(name);
    if (id < 0 || report_directives[id].kind == REPORT_DRAWN)
        return false;
    if (report_directives[id].kind == REPORT_OPTIONAL)
        return !has_content(rc->f, id); /* nothing generated: left out */
    const char *why = arg_problem(rc->f, report_directives[id].arg, arg);
    if (why) {
        tpl_builder_fail(b, why);
        return true;
    }
    if (id == REPORT_DIRECTIVE_PEOPLE_OTHERS)
        people_others(rc, b);
    else
        axes(rc, b);
    return true;
}
