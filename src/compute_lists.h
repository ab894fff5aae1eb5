/* compute_lists.h - the lists the renderers show as they are: the funders
 * (which revenue counterparties, in what order) and the people roster (the
 * people of each group, and of each heading "{{% team %}}" shows).  They
 * are decided here, once per run, so that the PDF and the workbook cannot
 * list them differently.  Reads and writes figures only: the unit tests
 * fill figures by hand and call these. */
#ifndef BILAN_COMPUTE_LISTS_H
#define BILAN_COMPUTE_LISTS_H

#include "figures.h"
#include "lib/diag.h"

/* The roster of f->people (people_groups, people_units, people_team_count),
 * in O(people): each name is folded once and found through a hash map.
 * Replaces the roster f had (f zeroed, or made by this). */
void compute_roster(figures *f);

/* A revenue counterparty's lines on one account, summed per year. */
typedef struct funder_line {
    const char *name;  /* the counterparty, trimmed */
    const char *code;  /* the account */
    int64_t amount[2]; /* cents: the reported year, the previous */
} funder_line;

/* The funders table of f (f->funders; docs/funders.md), from the lines
 * and f's revenue accounts, groups, revenue and config (funders_groups,
 * funders_min, funders_top, donors): the counterparties listed, the
 * largest reported-year amount first, then by name (byte order); then
 * "other funders" (those not named), the donors together, and the other
 * revenue, so that the rows add up to revenue.  No rows when no
 * counterparty is listed.  A setting's name that is no group or account
 * is reported to d (65).  Returns 0, or -1 when something was reported. */
int compute_funders(figures *f, const funder_line *lines, size_t n, diag *d);

/* The labels of report.ini's [labels.LANG] for f's language (f->labels,
 * read by figures_label).  groups: the groups of accounts.csv's asset,
 * liability and equity accounts, which labels may name too (the statement
 * of financial position shows them).  A label of any language whose name
 * is no program area, activity type or group of the data is a warning at
 * its line: a typo would leave the name untranslated. */
void compute_labels(figures *f, const char *const *groups, size_t group_count, diag *d);

#endif
