/* compute_lists.h - the lists the renderers show as they are: the funders
 * (which revenue counterparties, in what order) and the people roster (the
 * people of each group, and of each heading "{{% team %}}" shows).  They
 * are decided here, once per run, so that the PDF and the workbook cannot
 * list them differently.  Reads and writes figures only: the unit tests
 * fill figures by hand and call these. */
#ifndef BILAN_COMPUTE_LISTS_H
#define BILAN_COMPUTE_LISTS_H

#include "figures.h"

/* The roster of f->people (people_groups, people_units, people_team_count),
 * in O(people): each name is folded once and found through a hash map.
 * Replaces the roster f had (f zeroed, or made by this). */
void compute_roster(figures *f);

/* The funders table of f: the revenue counterparties of f->counterparties,
 * the largest reported-year amount first, then by name (byte order). */
void compute_funders(figures *f);

#endif
