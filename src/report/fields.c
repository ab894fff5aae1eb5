/* fields.c - placeholder names -> formatted text from the figures.
 * Nothing is computed here: each name selects a figure and a part of it,
 * and fmt.h writes it. */
#include "report/fields.h"
#include "report/fields_statements.h"
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

bool fields_part(const figures *f, const figure *fig, fields_unit unit,
                 const char *part, char *out, size_t size)
{
    if (strcmp(part, "current") == 0)
        fields_value(f, fig->current, unit, false, out, size);
    else if (strcmp(part, "previous") == 0)
        fields_value(f, fig->previous, unit, false, out, size);
    else if (strcmp(part, "change") == 0)
        fields_value(f, fig->change, unit, true, out, size);
    else if (strcmp(part, "change_pct") == 0)
        fmt_change_pct(out, size, fig, f->lang);
    else
        return false;
    return true;
}

bool fields_same_group(const char *a, const char *b)
{
    if (strcmp(a, b) == 0)
        return true;
    char *x = text_header_key(a, strlen(a)), *y = text_header_key(b, strlen(b));
    bool same = x && y && strcmp(x, y) == 0;
    free(x);
    free(y);
    return same;
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

static const figure *group_named(const group_figure *g, size_t n, const char *key)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(g[i].group, key) == 0)
            return &g[i].amount;
    return NULL;
}

static const figure *account_coded(const figures *f, const char *key)
{
    for (size_t i = 0; i < f->account_count; i++)
        if (strcmp(f->accounts[i].code, key) == 0)
            return &f->accounts[i].amount;
    return NULL;
}

static const axis_figure *axis_named(const figures *f, const char *key)
{
    for (size_t i = 0; i < f->axis_count; i++)
        if (strcmp(f->axes[i].axis, key) == 0)
            return &f->axes[i];
    return NULL;
}

/* "people.teams": how many distinct teams people.csv names (folded, as
 * "{{% team %}}" lists them); unknown when none, so that
 * "{{% if people.teams %}}" tests them. */
static bool teams_field(const figures *f, char *out, size_t size)
{
    char **keys = xcalloc(f->people_count + 1, sizeof *keys);
    int64_t n = 0;
    for (size_t i = 0; i < f->people_count; i++) {
        const char *team = f->people[i].team;
        if (!*team)
            continue;
        keys[i] = text_header_key(team, strlen(team));
        if (!keys[i])
            keys[i] = xstrdup(team);
        size_t k = 0;
        while (k < i && (!keys[k] || strcmp(keys[k], keys[i]) != 0))
            k++;
        n += k == i;
    }
    for (size_t i = 0; i < f->people_count; i++)
        free(keys[i]);
    free(keys);
    return n > 0 && fmt_count(out, size, n, f->lang);
}

/* "people[GROUP].count": how many people.csv lists in a group (GROUP
 * matched by its folded key); unknown when none, so that
 * "{{% if people[GROUP].count %}}" tests the group. */
static bool people_field(const figures *f, const char *name, char *out, size_t size)
{
    char key[256];
    if (strcmp(name, "people.teams") == 0)
        return teams_field(f, out, size);
    const char *rest = strncmp(name, "people[", 7) ? NULL : bracket_key(name + 7, key, sizeof key);
    if (!rest || strcmp(rest, "count") != 0)
        return false;
    int64_t n = 0;
    for (size_t i = 0; i < f->people_count; i++)
        n += fields_same_group(f->people[i].group, key);
    return n > 0 && fmt_count(out, size, n, f->lang);
}

/* A list entry's figure: "finances.revenue_groups[X].current",
 * "activities.axes[X].hours.change". */
static bool listed_field(const figures *f, const char *name, char *out, size_t size)
{
    char key[256];
    const char *rest;
    const figure *fig = NULL;
    fields_unit unit = UNIT_MONEY;
    if ((rest = strncmp(name, "finances.revenue_groups[", 24) ? NULL
                : bracket_key(name + 24, key, sizeof key)))
        fig = group_named(f->revenue_groups, f->revenue_group_count, key);
    else if ((rest = strncmp(name, "finances.expense_groups[", 24) ? NULL
                     : bracket_key(name + 24, key, sizeof key)))
        fig = group_named(f->expense_groups, f->expense_group_count, key);
    else if ((rest = strncmp(name, "finances.accounts[", 18) ? NULL
                     : bracket_key(name + 18, key, sizeof key)))
        fig = account_coded(f, key);
    else if ((rest = strncmp(name, "activities.axes[", 16) ? NULL
                     : bracket_key(name + 16, key, sizeof key))) {
        const axis_figure *a = axis_named(f, key);
        if (!a)
            return false;
        size_t n = strcspn(rest, ".");
        if (rest[n] != '.')
            return false;
        if (n == 5 && strncmp(rest, "count", 5) == 0)
            fig = &a->count, unit = UNIT_COUNT;
        else if (n == 12 && strncmp(rest, "participants", 12) == 0)
            fig = &a->participants, unit = UNIT_COUNT;
        else if (n == 5 && strncmp(rest, "hours", 5) == 0)
            fig = &a->hours, unit = UNIT_HOURS;
        rest += n + 1;
    }
    return fig && fields_part(f, fig, unit, rest, out, size);
}

/* "finances.revenue.current", "activities.hours.change_pct", ... */
static bool figure_field(const figures *f, const char *name, char *out, size_t size)
{
    const struct { const char *prefix; const figure *fig; fields_unit unit; bool ok; } keys[] = {
        { "finances.revenue.", &f->revenue, UNIT_MONEY, true },
        { "finances.expenses.", &f->expenses, UNIT_MONEY, true },
        { "finances.net.", &f->net, UNIT_MONEY, true },
        { "finances.self_generated.", &f->self_generated, UNIT_MONEY, f->has_self_generated },
        { "activities.count.", &f->activity_count, UNIT_COUNT, true },
        { "activities.participants.", &f->participants, UNIT_COUNT, true },
        { "activities.hours.", &f->hours, UNIT_HOURS, true },
        { "activities.partners.", &f->partner_count, UNIT_COUNT, true },
        { "activities.regions.", &f->region_count, UNIT_COUNT, true },
    };
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
        size_t n = strlen(keys[i].prefix);
        if (keys[i].ok && strncmp(name, keys[i].prefix, n) == 0)
            return fields_part(f, keys[i].fig, keys[i].unit, name + n, out, size);
    }
    return false;
}

bool fields_resolve(void *user, const char *name, char *out, size_t size)
{
    const figures *f = user;
    return text_field(f, name, out, size) || period_field(f, name, out, size) ||
           history_field(f, name, out, size) || people_field(f, name, out, size) ||
           figure_field(f, name, out, size) || listed_field(f, name, out, size) ||
           fields_statements_resolve(f, name, out, size);
}
