/* figure_registry.h - the comparable figures, each described once: where
 * it is (its path: the JSON object that holds it and the placeholder that
 * shows it, "finances.revenue" -> {"finances": {"revenue": FIG}} and
 * "{{finances.revenue.current}}"), its unit, and how to read it from the
 * figures; likewise the lists whose elements hold figures
 * ("finances.revenue_groups", "{{finances.revenue_groups[Dons].change}}").
 * And the parts of every comparable figure, in the order every renderer
 * writes them: current, previous, change, change_pct.
 *
 * render_json.c writes the JSON's figures from these tables and
 * report/fields.c resolves placeholders from them, so that a figure added
 * here is in both; the PDF's and the workbook's comparison tables take
 * their columns from the parts. */
#ifndef BILAN_FIGURE_REGISTRY_H
#define BILAN_FIGURE_REGISTRY_H

#include "figures.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The parts of a comparable figure, in the order they are written. */
typedef enum figure_part {
    FIGURE_CURRENT,
    FIGURE_PREVIOUS,
    FIGURE_CHANGE,
    FIGURE_CHANGE_PCT,
    FIGURE_PART_COUNT
} figure_part;

/* "current", "previous", "change", "change_pct": the JSON member and the
 * placeholder's last step. */
const char *figure_part_name(figure_part part);
/* The part called name, or -1. */
int figure_part_of(const char *name);
/* A part's value into *value: the figure's unit for the first three,
 * tenths of a percent for FIGURE_CHANGE_PCT.  False when the part has no
 * value: the change % of a figure whose pct is not FIGURE_PCT_VALUE (JSON
 * null; "nouveau" / "new", "—" or "n.s." / "n.m." in words). */
bool figure_part_value(const figure *fig, figure_part part, int64_t *value);

typedef enum figure_unit {
    FIGURE_MONEY, /* cents */
    FIGURE_COUNT,
    FIGURE_HOURS /* hundredths */
} figure_unit;

/* A figure of the figures. */
typedef struct figure_entry {
    const char *path; /* "finances.revenue" */
    figure_unit unit;
    const figure *(*get)(const figures *f); /* NULL: f has none */
    const char *noun;                       /* a count's noun in the message catalogue,
                                  "pdf.region": pdf.region_one and _other
                                  ("{{PATH.current.counted}}"); or NULL */
} figure_entry;

/* A text member of a list's element ("group", "account", "kind"). */
typedef struct figure_text {
    const char *name;
    const char *(*get)(const figures *f, size_t i);
} figure_text;

/* A figure of a list's element: an object under name ("count": FIG), or,
 * with name NULL, the element's own members (a group's current, ...). */
typedef struct figure_member {
    const char *name;
    figure_unit unit;
    const figure *(*get)(const figures *f, size_t i);
} figure_member;

enum { FIGURE_TEXTS_MAX = 4, FIGURE_MEMBERS_MAX = 3 };

/* A list of the figures whose elements hold figures. */
typedef struct figure_list {
    const char *path; /* "finances.revenue_groups" */
    size_t (*count)(const figures *f);
    figure_text texts[FIGURE_TEXTS_MAX];       /* the first names the element */
    figure_member members[FIGURE_MEMBERS_MAX]; /* get NULL: no more */
    bool placeholder;                          /* "PATH[NAME].…" resolves: the first text
                                  names one element */
} figure_list;

/* The figures and the lists, in the JSON's order (within a path's first
 * step, the figures come before the lists). */
extern const figure_entry figure_entries[];
extern const size_t figure_entry_count;
extern const figure_list figure_lists[];
extern const size_t figure_list_count;

/* The element of list named key (by its first text), or -1. */
long figure_list_find(const figure_list *list, const figures *f, const char *key);

#endif
