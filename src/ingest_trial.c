/* ingest_trial.c - trial-balance*.csv|xlsx (optional). */
#include "ingest_field.h"

void ingest_trial_balances(model *m, const char *dir, diag *d)
{
    (void)m;
    (void)dir;
    (void)d;
}
