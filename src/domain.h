/* domain.h - the few types that the model (what the input says) and the
 * figures (what the renderers show) share: an account's kind, a fiscal
 * year, a person of people.csv. */
#ifndef BILAN_DOMAIN_H
#define BILAN_DOMAIN_H

#include "parse/date.h"

typedef enum account_kind {
    KIND_REVENUE,
    KIND_EXPENSE,
    KIND_ASSET,
    KIND_LIABILITY,
    KIND_EQUITY
} account_kind;

const char *account_kind_name(account_kind kind); /* "revenue", ... */
/* "a revenue account", "an asset account", ...: English, marked for
 * translation; a message passes it through _(). */
const char *account_kind_phrase(account_kind kind);

typedef struct fiscal_period {
    int year;       /* the calendar year that names it */
    char label[16]; /* "2013-2014" or "2014" */
    date start, end;
} fiscal_period;

typedef struct person {
    const char *name, *role, *group, *team; /* "" when absent */
} person;

#endif
