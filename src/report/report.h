/* report.h - the report's content, whatever format draws it: the
 * template's directives (each declared once, with its argument rule and
 * check), the generated sections ("axes": a section per program area with
 * its sentence; "people_others": a list per group the template does not
 * show), plural rules and slugs.  Nothing here draws:
 * pdf/pdf_sections.c draws the directives declared here. */
#ifndef BILAN_REPORT_H
#define BILAN_REPORT_H

#include "lib/diag.h"
#include "figures.h"
#include "report/fields.h"
#include "report/messages.h"
#include "report/template.h"

#include <stdbool.h>
#include <stddef.h>

/* Every directive of the report template, declared once:
 * X(ID, name, argument rule, kind).  A DRAWN directive stays a block of the
 * document for the renderer to draw; an OPTIONAL one too, unless it has
 * nothing to show: then it is left out (and a heading with nothing else
 * under it with it); a GENERATED one is expanded into blocks where it is
 * read; a LATE one once the whole template is read. */
#define REPORT_DIRECTIVES(X)                                      \
    X(COVER, "cover", REPORT_ARG_NONE, REPORT_DRAWN)              \
    X(TOC, "toc", REPORT_ARG_NONE, REPORT_DRAWN)                  \
    X(PAGEBREAK, "pagebreak", REPORT_ARG_NONE, REPORT_DRAWN)      \
    X(STATEMENT, "statement", REPORT_ARG_NONE, REPORT_DRAWN)      \
    X(FUNDERS, "funders", REPORT_ARG_NONE, REPORT_OPTIONAL)       \
    X(AXIS, "axis", REPORT_ARG_AXIS, REPORT_DRAWN)                \
    X(HISTORY, "history", REPORT_ARG_NONE, REPORT_DRAWN)          \
    X(CHART, "chart", REPORT_ARG_CHART, REPORT_DRAWN)             \
    X(PEOPLE, "people", REPORT_ARG_GROUP, REPORT_DRAWN)           \
    X(TEAM, "team", REPORT_ARG_NONE, REPORT_DRAWN)                \
    X(PARTNERS, "partners", REPORT_ARG_NONE, REPORT_DRAWN)        \
    X(REGIONS, "regions", REPORT_ARG_NONE, REPORT_DRAWN)          \
    X(BUDGET, "budget", REPORT_ARG_NONE, REPORT_OPTIONAL)         \
    X(FORECAST, "forecast", REPORT_ARG_NONE, REPORT_OPTIONAL)     \
    X(POSITION, "position", REPORT_ARG_NONE, REPORT_OPTIONAL)     \
    X(INDICATORS, "indicators", REPORT_ARG_NONE, REPORT_OPTIONAL) \
    X(AXES, "axes", REPORT_ARG_NONE, REPORT_GENERATED)            \
    X(PEOPLE_OTHERS, "people_others", REPORT_ARG_NONE, REPORT_LATE)

/* The charts "{{% chart NAME %}}" draws: X(ID, name). */
#define REPORT_CHARTS(X)                \
    X(REVENUE_GROUPS, "revenue_groups") \
    X(EXPENSE_GROUPS, "expense_groups") \
    X(HISTORY, "history")

typedef enum report_arg {
    REPORT_ARG_NONE,  /* "takes no argument" */
    REPORT_ARG_AXIS,  /* a program area of activities.csv */
    REPORT_ARG_GROUP, /* a group of people.csv, by folded name */
    REPORT_ARG_CHART  /* one of REPORT_CHARTS */
} report_arg;

typedef enum report_kind {
    REPORT_DRAWN,
    REPORT_OPTIONAL,
    REPORT_GENERATED,
    REPORT_LATE
} report_kind;

#define REPORT_DIRECTIVE_ID(id, name, arg, kind) REPORT_DIRECTIVE_##id,
typedef enum report_directive_id {
    REPORT_DIRECTIVES(REPORT_DIRECTIVE_ID) REPORT_DIRECTIVE_COUNT
} report_directive_id;
#undef REPORT_DIRECTIVE_ID

#define REPORT_CHART_ID(id, name) REPORT_CHART_##id,
typedef enum report_chart_id { REPORT_CHARTS(REPORT_CHART_ID) REPORT_CHART_COUNT } report_chart_id;
#undef REPORT_CHART_ID

typedef struct report_directive {
    const char *name;
    report_arg arg;
    report_kind kind;
} report_directive;

/* The directives in REPORT_DIRECTIVES order, indexed by id. */
extern const report_directive report_directives[REPORT_DIRECTIVE_COUNT];

/* A directive's or a chart's id by name; -1 when there is none. */
int report_directive_id_of(const char *name);
int report_chart_id_of(const char *name);

/* What the content is made from: the figures, and the catalogue of the
 * report's language for sentences and labels (as placeholders are). */
typedef fields_context report_context;

/* Sets opt's directives (the DRAWN and OPTIONAL ones), late directives and generator
 * (report_generate, user rc, which must outlive the tpl_load). */
void report_template_options(tpl_options *opt, report_context *rc);

/* The template's generated directives (a tpl_generate_fn, user a
 * report_context): "axes", a level-1 section per program area, in the
 * figures' order: its name, its text (texts/SLUG.md), then "the year in
 * figures": a sentence and an "axis" directive; "people_others" (late), a
 * level-2 heading and a "people" directive for each group of people.csv
 * that no "people" or "team" directive shows; an OPTIONAL directive with
 * nothing to show (no funders) into nothing. */
bool report_generate(void *user, tpl_builder *b, const char *name, const char *arg);

/* Checks every drawn directive's argument of doc against the figures,
 * reporting each bad one at its line (65).  Returns 0 or -1. */
int report_check(const figures *f, const tpl_doc *doc, diag *d);

/* A row of the funders table as the PDF and the workbook label it: the
 * funder's name, "Autres bailleurs (12)", "Dons de particuliers,
 * 2 donateurs", "Autres revenus" (malloc'd). */
char *report_funder_label(const messages *msg, language lang, const funder_row *row);

/* A program area's text name: "Mobilisation des connaissances" ->
 * "mobilisation-des-connaissances" (lower case, no accents, other than
 * letters and digits -> '-'); malloc'd, "" when nothing is left. */
char *report_axis_slug(const char *axis);

/* A name folded for comparison (text_header_key: case, accents, runs of
 * spaces, ’ and ' ignored), malloc'd. */
char *report_fold(const char *s);

#endif
