/* fields_statements.h - the statements' placeholders ("budget.*",
 * "forecast.*", "position.*", "indicators.*"), for fields_resolve. */
#ifndef BILAN_FIELDS_STATEMENTS_H
#define BILAN_FIELDS_STATEMENTS_H

#include "figures.h"

#include <stdbool.h>
#include <stddef.h>

/* Writes the text of a statement's placeholder name; false when there is
 * no such placeholder (or its statement, group or value is absent). */
bool fields_statements_resolve(const figures *f, const char *name, char *out, size_t size);

#endif
