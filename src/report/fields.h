/* fields.h - the template's placeholders: "{{finances.revenue.current}}"
 * -> "125 000 $", read from the computed figures and formatted for the
 * report's language (the list is in docs/templates.md). */
#ifndef BILAN_FIELDS_H
#define BILAN_FIELDS_H

#include "figure_registry.h"
#include "figures.h"

#include <stdbool.h>
#include <stddef.h>

/* A figure's value as the report shows it. */
typedef enum fields_unit {
    UNIT_MONEY,                /* cents, shown in whole units: prose, charts */
    UNIT_MONEY_CENTS,          /* cents, shown exactly: tables */
    UNIT_COUNT,
    UNIT_HOURS                 /* hundredths */
} fields_unit;

/* Writes the text of placeholder name for figures f (the user pointer of
 * a tpl_options); false when there is no such placeholder. */
bool fields_resolve(void *f, const char *name, char *out, size_t size);

/* A part of a figure (the change signed: "+4 598 $"), in f's language and
 * currency. */
void fields_figure_part(const figures *f, const figure *fig, fields_unit unit,
                        figure_part part, char *out, size_t size);
/* The same by the part's name ("current", "change_pct"); false for a name
 * that is no part. */
bool fields_part(const figures *f, const figure *fig, fields_unit unit,
                 const char *part, char *out, size_t size);

/* A value in a unit; with plus, positive values get a "+". */
void fields_value(const figures *f, int64_t value, fields_unit unit, bool plus,
                  char *out, size_t size);

#endif
