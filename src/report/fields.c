/* fields.c - placeholder names -> formatted text from the figures.
 * Nothing is computed here: each name selects a figure and a part of it
 * (the figures and their names are the registry's, figure_registry.h, as
 * in the JSON), and fmt.h writes it. */
#include "report/fields.h"
#include "figure_registry.h"
#include "report/fmt.h"
#include "lib/text.h"
#include "lib/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void fields_value(const figures *f, int64_t value, fields_unit unit, bool plus,
                  char *out, size_t size)
{
    char num[FMT_SIZE];
    language lang = f->lang;
    const char *currency = f->config ? f->config->currency : NULL;
    if (unit == UNIT_MONEY || unit == UNIT_MONEY_CENTS)
        fmt_money(num, sizeof num, value, unit == UNIT_MONEY_CENTS, currency, lang);
    else if (unit == UNIT_HOURS)
        fmt_hours(num, sizeof num, value, lang);
    else
        fmt_count(num, sizeof num, value, lang);
    snprintf(out, size, "%s%s", plus && value > 0 ? "+" : "", num);
}

void fields_figure_part(const figures *f, const figure *fig, fields_unit unit,
                        figure_part part, char *out, size_t size)
{
    int64_t v;
    if (part == FIGURE_CHANGE_PCT)
        fmt_change_pct(out, size, fig, f->lang);
    else if (figure_part_value(fig, part, &v))
        fields_value(f, v, unit, part == FIGURE_CHANGE, out, size);
}

bool fields_part(const figures *f, const figure *fig, fields_unit unit,
                 const char *part, char *out, size_t size)
{
    int p = figure_part_of(part);
    if (p < 0)
        return false;
    fields_figure_part(f, fig, unit, (figure_part)p, out, size);
    return true;
}

/* The unit a placeholder shows a registry unit in: money whole. */
static fields_unit shown(figure_unit unit)
{
    return unit == FIGURE_COUNT ? UNIT_COUNT : unit == FIGURE_HOURS ? UNIT_HOURS : UNIT_MONEY;
}

static bool put(char *out, size_t size, const char *text)
{
    snprintf(out, size, "%s", text ? text : "");
    return true;
}

/* "organisation.*", "report.*". */
static bool text_field(const figures *f, const char *name, char *out, size_t size)
{
    const config *c = f->config;
    static const struct { const char *name; size_t offset; } keys[] = {
        { "organisation.name", offsetof(config, org_name) },
        { "organisation.subtitle", offsetof(config, org_subtitle) },
        { "organisation.tagline", offsetof(config, org_tagline) },
        { "organisation.address", offsetof(config, org_address) },
        { "organisation.website", offsetof(config, org_website) },
        { "organisation.email", offsetof(config, org_email) },
        { "organisation.phone", offsetof(config, org_phone) },
        { "report.title", offsetof(config, title) },
    };
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        if (strcmp(name, keys[i].name) == 0)
            return put(out, size, *(char *const *)(const void *)((const char *)c + keys[i].offset));
    return false;
}

/* "fiscal_year.label" ... "previous_fiscal_year.end". */
static bool period_field(const figures *f, const char *name, char *out, size_t size)
{
    const fiscal_period *p;
    if (strncmp(name, "fiscal_year.", 12) == 0)
        p = &f->current, name += 12;
    else if (strncmp(name, "previous_fiscal_year.", 21) == 0)
        p = &f->previous, name += 21;
    else
        return false;
    if (strcmp(name, "label") == 0)
        return put(out, size, p->label);
    if (strcmp(name, "start") == 0)
        return fmt_date(out, size, p->start, f->lang), true;
    if (strcmp(name, "end") == 0)
        return fmt_date(out, size, p->end, f->lang), true;
    if (strcmp(name, "year") == 0)
        return snprintf(out, size, "%d", p->year), true;
    return false;
}

/* "history.years", "history.first", "history.last": the trend's span. */
static bool history_field(const figures *f, const char *name, char *out, size_t size)
{
    if (strcmp(name, "history.years") == 0)
        return fmt_count(out, size, (int64_t)f->history_count, f->lang), true;
    if (f->history_count == 0)
        return false;
    if (strcmp(name, "history.first") == 0)
        return put(out, size, f->history[0].period.label);
    if (strcmp(name, "history.last") == 0)
        return put(out, size, f->history[f->history_count - 1].period.label);
    return false;
}

/* Splits "NAME].rest" at the closing bracket: the key and the rest. */
static const char *bracket_key(const char *s, char *key, size_t size)
{
    const char *end = strstr(s, "].");
    if (!end || (size_t)(end - s) >= size)
        return NULL;
    memcpy(key, s, (size_t)(end - s));
    key[end - s] = '\0';
    return end + 2;
}

/* "people.teams": how many distinct teams people.csv names (folded, as
 * "{{% team %}}" lists them); "people[GROUP].count": how many people.csv
 * lists in a group (GROUP matched by its folded name).  Unknown when none,
 * so that "{{% if people.teams %}}" and "{{% if people[GROUP].count %}}"
 * test them. */
static bool people_field(const figures *f, const char *name, char *out, size_t size)
{
    char key[256];
    if (strcmp(name, "people.teams") == 0)
        return f->people_team_count > 0 &&
               fmt_count(out, size, (int64_t)f->people_team_count, f->lang);
    const char *rest = strncmp(name, "people[", 7) ? NULL : bracket_key(name + 7, key, sizeof key);
    if (!rest || strcmp(rest, "count") != 0)
        return false;
    const people_list *g = figures_people_group(f, key);
    return g && g->count > 0 && fmt_count(out, size, (int64_t)g->count, f->lang);
}

/* A list element's figure: "finances.revenue_groups[X].current",
 * "activities.axes[X].hours.change". */
static bool listed_field(const figures *f, const char *name, char *out, size_t size)
{
    char key[256];
    for (size_t i = 0; i < figure_list_count; i++) {
        const figure_list *list = &figure_lists[i];
        size_t n = strlen(list->path);
        if (!list->placeholder || strncmp(name, list->path, n) != 0 || name[n] != '[')
            continue;
        const char *rest = bracket_key(name + n + 1, key, sizeof key);
        long at = rest ? figure_list_find(list, f, key) : -1;
        if (at < 0)
            return false;
        for (size_t m = 0; m < FIGURE_MEMBERS_MAX && list->members[m].get; m++) {
            const figure_member *fm = &list->members[m];
            const char *part = rest;
            if (fm->name) {
                size_t k = strlen(fm->name);
                if (strncmp(rest, fm->name, k) != 0 || rest[k] != '.')
                    continue;
                part = rest + k + 1;
            }
            return fields_part(f, fm->get(f, (size_t)at), shown(fm->unit), part, out, size);
        }
        return false;
    }
    return false;
}

/* "finances.revenue.current", "activities.hours.change_pct", ... */
static bool figure_field(const figures *f, const char *name, char *out, size_t size)
{
    for (size_t i = 0; i < figure_entry_count; i++) {
        const figure_entry *e = &figure_entries[i];
        size_t n = strlen(e->path);
        const figure *fig = strncmp(name, e->path, n) == 0 && name[n] == '.' ? e->get(f) : NULL;
        if (fig)
            return fields_part(f, fig, shown(e->unit), name + n + 1, out, size);
    }
    return false;
}

bool fields_resolve(void *user, const char *name, char *out, size_t size)
{
    const figures *f = user;
    return text_field(f, name, out, size) || period_field(f, name, out, size) ||
           history_field(f, name, out, size) || people_field(f, name, out, size) ||
           figure_field(f, name, out, size) || listed_field(f, name, out, size);
}
