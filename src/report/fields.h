/* fields.h - the template's placeholders: "{{finances.revenue.current}}"
 * -> "125 000 $", read from the computed figures and formatted for the
 * report's language (the list is in docs/templates.md). */
#ifndef BILAN_FIELDS_H
#define BILAN_FIELDS_H

#include "figure_registry.h"
#include "figures.h"
#include "report/messages.h"

#include <stdbool.h>
#include <stddef.h>

/* A figure's value as the report shows it. */
typedef enum fields_unit {
    UNIT_MONEY,       /* cents, shown in whole units: prose, charts */
    UNIT_MONEY_CENTS, /* cents, shown exactly: tables */
    UNIT_COUNT,
    UNIT_HOURS /* hundredths */
} fields_unit;

/* What placeholders are read from: the figures, and the catalogue of the
 * report's language for counted nouns and phrases (NULL: those
 * placeholders are unknown). */
typedef struct fields_context {
    const figures *f;
    const messages *msg;
} fields_context;

/* Writes the text of placeholder name (user: a fields_context, the user
 * pointer of a tpl_options); false when there is no such placeholder. */
bool fields_resolve(void *user, const char *name, char *out, size_t size);

/* "168 activités", "1 participant", "0 région": n and the noun of the
 * catalogue's stem_one or stem_other ("pdf.activity"), by fmt_plural. */
void fields_counted(const fields_context *c, int64_t n, const char *stem, char *out, size_t size);

/* A part of a figure (the change signed: "+4 598 $"), in f's language and
 * currency. */
void fields_figure_part(const figures *f, const figure *fig, fields_unit unit, figure_part part,
                        char *out, size_t size);
/* The same by the part's name ("current", "change_pct"); false for a name
 * that is no part. */
bool fields_part(const figures *f, const figure *fig, fields_unit unit, const char *part, char *out,
                 size_t size);

/* A value in a unit; with plus, positive values get a "+". */
void fields_value(const figures *f, int64_t value, fields_unit unit, bool plus, char *out,
                  size_t size);

#endif
