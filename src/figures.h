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

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What a figure's change in percent is.  A percentage only of a base
 * above 0: of a base of 0 there is none, and of a negative base it
 * misleads (a deficit that becomes a surplus is not "+312.5 %"). */
typedef enum figure_pct {
    FIGURE_PCT_VALUE,          /* previous > 0: change_pct_tenths holds it */
    FIGURE_PCT_NEW,            /* previous == 0, current != 0: "nouveau" / "new" */
    FIGURE_PCT_ZERO,           /* 0 -> 0: "—" */
    FIGURE_PCT_NEGATIVE        /* previous < 0: "n.s." / "n.m." */
} figure_pct;

/* A comparable figure: the reported year against the previous one. */
typedef struct figure {
    int64_t current, previous;
    int64_t change;            /* current - previous */
    figure_pct pct;            /* whether there is a change in percent */
    int64_t change_pct_tenths; /* FIGURE_PCT_VALUE: change / previous x 1000,
                                  rounded half away from zero: 58.2 % is
                                  582; else 0 */
} figure;

/* The figure of current against previous (callers keep both within
 * +-2^62, so that the change cannot overflow). */
figure figure_make(int64_t current, int64_t previous);

/* The status of the change in percent from previous to current. */
figure_pct figure_pct_of(int64_t current, int64_t previous);

/* change / previous x 1000 rounded half away from zero, into *tenths,
 * clamped to +-INT64_MAX; *clamped (when not NULL) says whether it was.
 * False (no percentage) when previous is not above 0. */
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
    figure funders_total;           /* the revenue counterparties, summed */
    history_figure *history;        size_t history_count;  /* oldest first */
    bool has_self_generated;        /* config names a revenue group */
    figure self_generated;          /* that group's figure */

    /* activities */
    figure activity_count, participants, hours, partner_count, region_count;
    axis_figure *axes;              size_t axis_count;
    type_figure *types;             size_t type_count;
    partner_figure *partners;       size_t partner_list_count; /* reported year */
    partner_figure *regions;        size_t region_list_count;  /* reported year */

    /* people.csv, in file order */
    person *people;                 size_t people_count;

    struct {
        size_t ledger_rows, ledger_rows_outside_years, ledger_rows_other_kinds;
        size_t activity_rows;
        size_t ledger_rows_current, activity_rows_current;  /* reported year */
    } inputs;
} figures;

void figures_free(figures *f);   /* frees the arrays; NULL-safe */

#endif
