/* compute_lists.c - the funders list and the people roster, decided for
 * every renderer (see compute_lists.h). */
#include "compute_lists.h"
#include "lib/strmap.h"
#include "lib/text.h"
#include "lib/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* ---- funders ----------------------------------------------------------- */

/* Larger reported-year amount first, then by name. */
static int by_amount(const void *a, const void *b)
{
    const funder_row *x = a, *y = b;
    if (x->amount.current != y->amount.current)
        return x->amount.current < y->amount.current ? 1 : -1;
    return strcmp(x->name, y->name);
}

void compute_funders(figures *f)
{
    f->funders = xcalloc(f->counterparty_count + 1, sizeof *f->funders);
    f->funder_count = 0;
    for (size_t i = 0; i < f->counterparty_count; i++) {
        const counterparty_figure *c = &f->counterparties[i];
        if (c->kind == KIND_REVENUE)
            f->funders[f->funder_count++] = (funder_row){ c->name, c->amount };
    }
    qsort(f->funders, f->funder_count, sizeof *f->funders, by_amount);
}

/* ---- the people roster ------------------------------------------------- */

/* name folded as the template's directives fold it (malloc'd). */
static char *fold(const char *name)
{
    char *key = text_header_key(name, strlen(name));
    return key ? key : xstrdup(name);
}

/* Lists under folded names, in order of first appearance. */
typedef struct list_set {
    people_list *lists;
    size_t count, cap;
    strmap *index;             /* folded name -> position in lists */
} list_set;

/* The position of the list named name (added when new); takes key. */
static size_t list_of(list_set *s, const char *name, char *key)
{
    size_t pos;
    if (strmap_get(s->index, key, strlen(key), &pos)) {
        free(key);
        return pos;
    }
    xgrow((void **)&s->lists, &s->cap, s->count + 1, sizeof *s->lists);
    pos = s->count++;
    s->lists[pos] = (people_list){ .name = name, .key = key };
    strmap_put(s->index, key, strlen(key), pos);
    return pos;
}

/* Fills each list's members from of[] (each person's list, or SIZE_MAX)
 * into storage, in file order: counts, offsets, then one pass. */
static void list_members(people_list *lists, size_t count, const size_t *of, size_t n,
                         size_t *storage)
{
    size_t *next = xcalloc(count + 1, sizeof *next);
    size_t at = 0;
    for (size_t k = 0; k < count; k++) {
        next[k] = at;
        lists[k].members = storage + at;
        at += lists[k].count;
    }
    for (size_t i = 0; i < n; i++)
        if (of[i] != SIZE_MAX)
            storage[next[of[i]]++] = i;
    free(next);
}

/* Each person's group; marks the groups that have teams. */
static void roster_groups(figures *f, list_set *groups, size_t *group_of)
{
    for (size_t i = 0; i < f->people_count; i++) {
        const person *p = &f->people[i];
        size_t g = list_of(groups, p->group, fold(p->group));
        group_of[i] = g;
        groups->lists[g].count++;
        if (*p->team)
            groups->lists[g].has_teams = true;
    }
}

/* Each person's heading under "team": their team or, in a group where
 * others have a team, the group's name; SIZE_MAX in a group without. */
static void roster_units(figures *f, const list_set *groups, const size_t *group_of,
                         list_set *units, size_t *unit_of)
{
    strmap *teams = strmap_new();
    for (size_t i = 0; i < f->people_count; i++) {
        const person *p = &f->people[i];
        unit_of[i] = SIZE_MAX;
        if (*p->team) {
            char *key = fold(p->team);
            strmap_put(teams, key, strlen(key), 0);
            free(key);
        }
        if (!groups->lists[group_of[i]].has_teams)
            continue;
        const char *name = *p->team ? p->team : p->group;
        unit_of[i] = list_of(units, name, fold(name));
        units->lists[unit_of[i]].count++;
    }
    f->people_team_count = strmap_count(teams);
    strmap_free(teams);
}

/* Frees a roster made before (lists given, their keys). */
static void roster_free(figures *f)
{
    for (size_t i = 0; i < f->people_group_count; i++)
        free(f->people_groups[i].key);
    for (size_t i = 0; i < f->people_unit_count; i++)
        free(f->people_units[i].key);
    free(f->people_groups);
    free(f->people_units);
    free(f->people_members);
}

void compute_roster(figures *f)
{
    roster_free(f);
    size_t n = f->people_count;
    list_set groups = { .index = strmap_new() }, units = { .index = strmap_new() };
    size_t *group_of = xcalloc(n + 1, sizeof *group_of);
    size_t *unit_of = xcalloc(n + 1, sizeof *unit_of);
    roster_groups(f, &groups, group_of);
    roster_units(f, &groups, group_of, &units, unit_of);
    f->people_members = xcalloc(2 * n + 1, sizeof *f->people_members);
    list_members(groups.lists, groups.count, group_of, n, f->people_members);
    list_members(units.lists, units.count, unit_of, n, f->people_members + n);
    f->people_groups = groups.lists;
    f->people_group_count = groups.count;
    f->people_units = units.lists;
    f->people_unit_count = units.count;
    strmap_free(groups.index);
    strmap_free(units.index);
    free(group_of);
    free(unit_of);
}
