/* figures.h - the computed figures: what every renderer shows.
 *
 * compute_figures() fills this from the model; the PDF, the workbook and
 * the JSON read it and never compute a figure themselves, so they cannot
 * disagree.  Plain data; strings belong to the model's arena, arrays to the
 * figures (figures_free).  Units: money in cents, hours in hundredths of an
 * hour, counts as they are. */
#ifndef BILAN_FIGURES_H
#define BILAN_FIGURES_H

#include "config.h"
#include "domain.h"
#include "lib/strmap.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A comparable figure: the reported year against the previous one. */
typedef struct figure {
    int64_t current, previous;
    int64_t change;            /* current - previous */
    bool has_pct;              /* false when previous == 0: "new" */
    int64_t change_pct_tenths; /* change / |previous| x 1000, rounded half
                                  away from zero: 58.2 % is 582 */
} figure;

/* The figure of current against previous (callers keep both within
 * +-2^62, so that the change cannot overflow). */
figure figure_make(int64_t current, int64_t previous);

/* change / |previous| x 1000 rounded half away from zero, into *tenths,
 * clamped to +-INT64_MAX; *clamped (when not NULL) says whether it was.
 * False when previous is 0 (no percentage: "new"). */
bool figure_change_pct_tenths(int64_t change, int64_t previous, int64_t *tenths,
                              bool *clamped);

typedef struct group_figure {
    const char *group;
    figure amount;
} group_figure;

typedef struct account_figure {
    const char *code, *name, *group;
    account_kind kind;         /* KIND_REVENUE or KIND_EXPENSE */
    figure amount;
} account_figure;

typedef struct counterparty_figure {
    const char *name;
    account_kind kind;
    figure amount;
} counterparty_figure;

typedef struct history_figure {
    fiscal_period period;
    int64_t revenue, expenses, net;
} history_figure;

typedef struct axis_figure {
    const char *axis;
    figure count, participants, hours;
} axis_figure;

typedef struct type_figure {
    const char *type, *axis;
    figure count, participants;
} type_figure;

/* A row of the funders table, in the order every renderer shows it
 * (compute_lists.c decides which and in what order; docs/funders.md). */
typedef enum funder_kind {
    FUNDER_NAMED,              /* a revenue counterparty, by name */
    FUNDER_OTHERS,             /* the funders not named (funders_min, _top) */
    FUNDER_DONORS,             /* individual donors, together */
    FUNDER_OTHER_REVENUE       /* the revenue of no row above: lines without
                                  counterparty, groups not listed */
} funder_kind;

const char *funder_kind_name(funder_kind kind);   /* "funder", ... */

typedef struct funder_row {
    funder_kind kind;
    const char *name;          /* FUNDER_NAMED: the counterparty; else NULL */
    size_t count;              /* FUNDER_OTHERS, FUNDER_DONORS: how many */
    figure amount;
    bool has_share;            /* the reported year's revenue is above 0 */
    int64_t share_tenths;      /* amount.current / revenue.current x 1000,
                                  rounded half away from zero */
} funder_row;

/* A list of people.csv's people: a group, or a heading that "{{% team %}}"
 * lists people under.  Members are positions in figures.people, in file
 * order. */
typedef struct people_list {
    const char *name;          /* as first written */
    char *key;                 /* folded (text_header_key: case, accents,
                                  runs of spaces, ’ and ' ignored) */
    const size_t *members;     /* count positions, into people_members */
    size_t count;
    bool has_teams;            /* groups: one of its people has a team */
} people_list;

/* A partner or region of the reported year: activities and participants. */
typedef struct partner_figure {
    const char *name;          /* as first written */
    int64_t activities, participants;
} partner_figure;

typedef struct figures {
    const config *config;      /* organisation, title, language, currency */
    language lang;
    fiscal_period current, previous;

    /* finances */
    figure revenue, expenses, net;
    group_figure *revenue_groups;   size_t revenue_group_count;
    group_figure *expense_groups;   size_t expense_group_count;
    account_figure *accounts;       size_t account_count;
    counterparty_figure *counterparties; size_t counterparty_count;
    funder_row *funders;            size_t funder_count;   /* as shown; none
                                       when no revenue counterparty is
                                       listed.  The rows add up to revenue */
    bool counterparties_previous_unknown; /* the previous year's figures come
                                     * from a trial balance: its
                                     * counterparties are unknown, not 0 */
    history_figure *history;        size_t history_count;  /* oldest first */
    bool has_self_generated;        /* config names a revenue group */
    figure self_generated;          /* that group's figure */

    /* activities */
    figure activity_count, participants, hours, partner_count, region_count;
    axis_figure *axes;              size_t axis_count;
    type_figure *types;             size_t type_count;
    partner_figure *partners;       size_t partner_list_count; /* reported year */
    partner_figure *regions;        size_t region_list_count;  /* reported year */

    /* people.csv, in file order, and its roster (compute_roster) */
    person *people;                 size_t people_count;
    people_list *people_groups;     size_t people_group_count;  /* in order
                                       of first appearance, folded names */
    people_list *people_units;      size_t people_unit_count;   /* what
                                       "{{% team %}}" lists: each team, and
                                       the people without a team of a group
                                       that has teams under the group's
                                       name, in order of first appearance */
    size_t people_team_count;       /* distinct teams (folded) */
    size_t *people_members;         /* the lists' members */

    /* [labels.LANG] of the report's language: folded data name ->
     * position in config->labels (compute_labels); NULL when none */
    strmap *labels;

    struct {
        size_t ledger_rows, ledger_rows_outside_years, ledger_rows_other_kinds;
        size_t activity_rows;
        size_t ledger_rows_current, activity_rows_current;  /* reported year */
    } inputs;
} figures;

void figures_free(figures *f);   /* frees the arrays; NULL-safe */

/* How the report shows a data name (a program area, an activity type, a
 * group of accounts.csv or people.csv): its label in report.ini's
 * [labels.LANG] for the report's language, else the name itself.  For the
 * PDF: the JSON, the placeholders' and directives' arguments and the
 * workbook (whose formulas match names) keep the data's names. */
const char *figures_label(const figures *f, const char *name);

/* The group of people.csv whose folded name is name's, or NULL. */
const people_list *figures_people_group(const figures *f, const char *name);

#endif
