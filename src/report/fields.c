/* fields.c - placeholder names -> formatted text from the figures.
 * Nothing is computed here: each name selects a figure and a part of it
 * (the figures and their names are the registry's, figure_registry.h, as
 * in the JSON), and fmt.h writes it. */
#include "report/fields.h"
#include "figure_registry.h"
#include "report/fields_statements.h"
#include "report/fmt.h"
#include "lib/text.h"
#include "lib/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void fields_value(const figures *f, int64_t value, fields_unit unit, bool plus, char *out,
                  size_t size)
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

void fields_figure_part(const figures *f, const figure *fig, fields_unit unit, figure_part part,
                        char *out, size_t size)
{
    int64_t v;
    if (part == FIGURE_CHANGE_PCT)
        fmt_change_pct(out, size, fig, f->lang);
    else if (figure_part_value(fig, part, &v))
        fields_value(f, v, unit, part == FIGURE_CHANGE, out, size);
}

bool fields_part(const figures *f, const figure *fig, fields_unit unit, const char *part, char *out,
                 size_t size)
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
    static const struct {
        const char *name;
        size_t offset;
    } keys[] = {
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

void fields_counted(const fields_context *c, int64_t n, const char *stem, char *out, size_t size)
{
    char num[FMT_SIZE], key[96];
    fmt_count(num, sizeof num, n, c->f->lang);
    snprintf(key, sizeof key, "%s_%s", stem, fmt_plural(n, c->f->lang));
    snprintf(out, size, "%s %s", num, messages_get(c->msg, key));
}

/* "history.years" ("3"; ".counted": "3 exercices"), "history.first",
 * "history.last": the trend's span. */
static bool history_field(const fields_context *c, const char *name, char *out, size_t size)
{
    const figures *f = c->f;
    if (strcmp(name, "history.years") == 0)
        return fmt_count(out, size, (int64_t)f->history_count, f->lang), true;
    if (strcmp(name, "history.years.counted") == 0 && c->msg)
        return fields_counted(c, (int64_t)f->history_count, "pdf.year", out, size), true;
    if (f->history_count == 0)
        return false;
    if (strcmp(name, "history.first") == 0)
        return put(out, size, f->history[0].period.label);
    if (strcmp(name, "history.last") == 0)
        return put(out, size, f->history[f->history_count - 1].period.label);
    return false;
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
    const char *rest =
        strncmp(name, "people[", 7) ? NULL : text_bracket_key(name + 7, key, sizeof key);
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
        const char *rest = text_bracket_key(name + n + 1, key, sizeof key);
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

/* "PATH.change_phrase": the change in words, as a sentence says it, by
 * the figure's pct: "soit une variation de +58,2 % sur l'an dernier"
 * (VALUE), "nouveau cette année" (NEW: from 0), "comme l'an dernier"
 * (ZERO: 0 to 0), or the change in units where a percentage would mislead
 * (NEGATIVE: from a negative figure, "soit une variation de +21 069 $"). */
static void change_phrase(const fields_context *c, const figure *fig, fields_unit unit, char *out,
                          size_t size)
{
    char value[FMT_SIZE] = "", text[512];
    const char *key = "pdf.change_phrase";
    switch (fig->pct) {
    case FIGURE_PCT_VALUE:
        fields_figure_part(c->f, fig, unit, FIGURE_CHANGE_PCT, value, sizeof value);
        break;
    case FIGURE_PCT_NEW: key = "pdf.change_phrase_new"; break;
    case FIGURE_PCT_ZERO: key = "pdf.change_phrase_none"; break;
    case FIGURE_PCT_NEGATIVE:
        fields_figure_part(c->f, fig, unit, FIGURE_CHANGE, value, sizeof value);
        break;
    }
    snprintf(text, sizeof text, "%s", messages_get(c->msg, key));
    char *at = strstr(text, "{change}");
    if (at)
        snprintf(out, size, "%.*s%s%s", (int)(at - text), text, value, at + 8);
    else
        snprintf(out, size, "%s", text);
}

/* A registry figure's part: "PART" ("current", "change_pct", ...),
 * "current.counted" and "previous.counted" ("12 complicités", for a figure
 * with a noun), "change_phrase". */
static bool entry_text(const fields_context *c, const figure_entry *e, const figure *fig,
                       const char *part, char *out, size_t size)
{
    fields_unit unit = shown(e->unit);
    if (strcmp(part, "change_phrase") == 0 && c->msg)
        return change_phrase(c, fig, unit, out, size), true;
    const char *dot = strchr(part, '.');
    if (!dot)
        return fields_part(c->f, fig, unit, part, out, size);
    if (strcmp(dot, ".counted") != 0 || !e->noun || !c->msg)
        return false;
    if (strncmp(part, "current.", 8) == 0)
        return fields_counted(c, fig->current, e->noun, out, size), true;
    if (strncmp(part, "previous.", 9) == 0)
        return fields_counted(c, fig->previous, e->noun, out, size), true;
    return false;
}

/* "finances.revenue.current", "activities.hours.change_pct", ... */
static bool figure_field(const fields_context *c, const char *name, char *out, size_t size)
{
    for (size_t i = 0; i < figure_entry_count; i++) {
        const figure_entry *e = &figure_entries[i];
        size_t n = strlen(e->path);
        const figure *fig = strncmp(name, e->path, n) == 0 && name[n] == '.' ? e->get(c->f) : NULL;
        if (fig)
            return entry_text(c, e, fig, name + n + 1, out, size);
    }
    return false;
}

/* "finances.funders.count": the rows of the funders table above its
 * total; unknown when there is no table, so that
 * "{{% if finances.funders.count %}}" tests it. */
static bool funders_field(const figures *f, const char *name, char *out, size_t size)
{
    return strcmp(name, "finances.funders.count") == 0 && f->funder_count > 0 &&
           fmt_count(out, size, (int64_t)f->funder_count, f->lang);
}

bool fields_resolve(void *user, const char *name, char *out, size_t size)
{
    const fields_context *c = user;
    const figures *f = c->f;
    return text_field(f, name, out, size) || period_field(f, name, out, size) ||
           history_field(c, name, out, size) || people_field(f, name, out, size) ||
           figure_field(c, name, out, size) || listed_field(f, name, out, size) ||
           funders_field(f, name, out, size) || fields_statements_resolve(f, name, out, size);
}
