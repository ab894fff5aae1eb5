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

/* What a figure's change in percent is.  A percentage only of a base
 * above 0: of a base of 0 there is none, and of a negative base it
 * misleads (a deficit that becomes a surplus is not "+312.5 %"). */
typedef enum figure_pct {
    FIGURE_PCT_VALUE,   /* previous > 0: change_pct_tenths holds it */
    FIGURE_PCT_NEW,     /* previous == 0, current != 0: "nouveau" / "new" */
    FIGURE_PCT_ZERO,    /* 0 -> 0: "—" */
    FIGURE_PCT_NEGATIVE /* previous < 0: "n.s." / "n.m." */
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
bool figure_change_pct_tenths(int64_t change, int64_t previous, int64_t *tenths, bool *clamped);

typedef struct group_figure {
    const char *group;
    figure amount;
} group_figure;

typedef struct account_figure {
    const char *code, *name, *group;
    account_kind kind; /* KIND_REVENUE or KIND_EXPENSE */
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
    FUNDER_NAMED,        /* a revenue counterparty, by name */
    FUNDER_OTHERS,       /* the funders not named (funders_min, _top) */
    FUNDER_DONORS,       /* individual donors, together */
    FUNDER_OTHER_REVENUE /* the revenue of no row above: lines without
                                  counterparty, groups not listed */
} funder_kind;

const char *funder_kind_name(funder_kind kind); /* "funder", ... */

typedef struct funder_row {
    funder_kind kind;
    const char *name; /* FUNDER_NAMED: the counterparty; else NULL */
    size_t count;     /* FUNDER_OTHERS, FUNDER_DONORS: how many */
    figure amount;
    bool has_share;       /* the reported year's revenue is above 0 */
    int64_t share_tenths; /* amount.current / revenue.current x 1000,
                                  rounded half away from zero */
    /* (when a trial balance stood in for the previous year, its split by
     * funder is unknown: figures.counterparties_previous_unknown) */
} funder_row;

/* A list of people.csv's people: a group, or a heading that "{{% team %}}"
 * lists people under.  Members are positions in figures.people, in file
 * order. */
typedef struct people_list {
    const char *name;      /* as first written */
    char *key;             /* folded (text_header_key: case, accents,
                                  runs of spaces, ’ and ' ignored) */
    const size_t *members; /* count positions, into people_members */
    size_t count;
    bool has_teams; /* groups: one of its people has a team */
} people_list;

/* A partner or region of the reported year: activities and participants. */
typedef struct partner_figure {
    const char *name; /* as first written */
    int64_t activities, participants;
} partner_figure;

/* ---- statements (compute_statements.c) ---- */

/* A group's or a total's line of the budget or of the forecast, as a
 * figure.  Budget: amount.current is the actual, amount.previous the
 * budget, change the variance (actual - budget) and its percent of the
 * budget.  Forecast: amount.current is the next year's budget,
 * amount.previous the reported year's actual, change = budget - actual.
 * budgeted false: the budget does not name it (budget and changes null;
 * the actual is still there). */
typedef struct budget_line {
    const char *group; /* NULL for a total */
    bool budgeted;
    figure amount;
} budget_line;

/* budget.csv's lines of one fiscal year against the reported year. */
typedef struct budget_statement {
    bool present;                       /* budget.csv has a line for that year */
    fiscal_period period;               /* the budget's year */
    budget_line revenue, expenses, net; /* totals of the groups budgeted */
    budget_line *revenue_groups;
    size_t revenue_group_count;
    budget_line *expense_groups;
    size_t expense_group_count;
} budget_statement;

/* An asset, liability or equity account at the two year-ends (the
 * workbook's position sheet lists them). */
typedef struct position_account {
    const char *code, *name, *group;
    account_kind kind;
    bool has_balance; /* balances.csv gives its opening balance */
    int64_t opening;  /* that balance (0 without) */
    figure amount;    /* balances at the two year-ends */
} position_account;

/* The statement of financial position at the reported year's end
 * (current) and the previous one's (previous). */
typedef struct position_statement {
    bool present;
    date date, previous_date; /* the two year-ends */
    bool has_previous;        /* false when previous_date is before the
                                  balances' date: previous and changes null */
    bool dated;               /* balances.csv gives balances at ... */
    date balances_date;       /* ... this date */
    figure assets, liabilities, net_assets;
    figure liabilities_and_net_assets; /* equal to assets */
    group_figure *asset_groups;
    size_t asset_group_count;
    group_figure *liability_groups;
    size_t liability_group_count;
    group_figure *net_asset_groups;
    size_t net_asset_group_count;
    const char *net_assets_group; /* the group the surplus is carried into */
    figure surplus;               /* revenue - expenses since the balances'
                                  date, to each year-end */
    position_account *accounts;
    size_t account_count;
} position_statement;

/* One of the board's indicators: one decimal, in tenths. */
typedef struct indicator {
    bool present; /* its inputs are there */
    bool defined; /* false: its divisor is 0 (null) */
    int64_t tenths;
} indicator;

typedef struct indicators {
    indicator reserve_months;       /* net assets / (expenses / 12) */
    indicator self_generated_share; /* % of revenue */
    indicator largest_funder_share; /* % of revenue */
    const char *largest_funder;     /* NULL when there is none */
    int64_t largest_funder_amount;  /* its revenue of the reported year */
} indicators;

/* num x scale / den rounded half away from zero, into *tenths; false when
 * den is 0 or the result leaves the range of int64.  A percentage in
 * tenths is scale 1000; months of expenses, 120. */
bool figure_ratio_tenths(int64_t num, int64_t den, int64_t scale, int64_t *tenths);

typedef struct figures {
    const config *config; /* organisation, title, language, currency */
    language lang;
    fiscal_period current, previous;

    /* finances */
    figure revenue, expenses, net;
    group_figure *revenue_groups;
    size_t revenue_group_count;
    group_figure *expense_groups;
    size_t expense_group_count;
    account_figure *accounts;
    size_t account_count;
    counterparty_figure *counterparties;
    size_t counterparty_count;
    funder_row *funders;
    size_t funder_count;                  /* as shown; none
                                       when no revenue counterparty is
                                       listed.  The rows add up to revenue */
    bool counterparties_previous_unknown; /* the previous year's figures come
                                     * from a trial balance: its
                                     * counterparties are unknown, not 0 */
    history_figure *history;
    size_t history_count;    /* oldest first */
    bool has_self_generated; /* config names a revenue group */
    figure self_generated;   /* that group's figure */

    /* activities */
    figure activity_count, participants, hours, partner_count, region_count;
    axis_figure *axes;
    size_t axis_count;
    type_figure *types;
    size_t type_count;
    partner_figure *partners;
    size_t partner_list_count; /* reported year */
    partner_figure *regions;
    size_t region_list_count; /* reported year */

    /* people.csv, in file order, and its roster (compute_roster) */
    person *people;
    size_t people_count;
    people_list *people_groups;
    size_t people_group_count; /* in order
                                       of first appearance, folded names */
    people_list *people_units;
    size_t people_unit_count; /* what
                                       "{{% team %}}" lists: each team, and
                                       the people without a team of a group
                                       that has teams under the group's
                                       name, in order of first appearance */
    size_t people_team_count; /* distinct teams (folded) */
    size_t *people_members;   /* the lists' members */

    /* [labels.LANG] of the report's language: folded data name ->
     * position in config->labels (compute_labels); NULL when none */
    strmap *labels;

    struct {
        size_t ledger_rows, ledger_rows_outside_years, ledger_rows_other_kinds;
        size_t ledger_rows_position; /* of the other kinds', those the
                                          statement of financial position
                                          reads (0 without one) */
        size_t activity_rows;
        size_t ledger_rows_current, activity_rows_current; /* reported year */
    } inputs;

    /* statements: budget.csv, balances.csv */
    budget_statement budget;   /* the reported year's budget */
    budget_statement forecast; /* the next year's */
    position_statement position;
    indicators indicators;
} figures;

void figures_free(figures *f); /* frees the arrays; NULL-safe */

/* How the report shows a data name (a program area, an activity type, a
 * group of accounts.csv or people.csv): its label in report.ini's
 * [labels.LANG] for the report's language, else the name itself.  For the
 * PDF: the JSON, the placeholders' and directives' arguments and the
 * workbook (whose formulas match names) keep the data's names. */
const char *figures_label(const figures *f, const char *name);

/* The group of people.csv whose folded name is name's, or NULL. */
const people_list *figures_people_group(const figures *f, const char *name);

#endif
