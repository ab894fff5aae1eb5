/* compute_lists.c - the funders list and the people roster, decided for
 * every renderer (see compute_lists.h). */
#include "compute_lists.h"
#include "lib/i18n.h"
#include "lib/strmap.h"
#include "parse/money.h"
#include "lib/text.h"
#include "lib/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* ---- funders ----------------------------------------------------------- */

/* name folded for comparing names (malloc'd). */
static char *fold(const char *name)
{
    char *key = text_header_key(name, strlen(name));
    return key ? key : xstrdup(name);
}

/* The names of a setting ("Subventions, Dons"), folded, each once. */
typedef struct name_set {
    char **names;  /* as written (trimmed) */
    bool *matched; /* a group or an account has that name */
    size_t count, cap;
    strmap *index; /* folded name -> position */
} name_set;

static void name_set_read(name_set *set, const char *list)
{
    memset(set, 0, sizeof *set);
    set->index = strmap_new();
    for (const char *p = list; p && *p;) {
        size_t n = strcspn(p, ","), len = n;
        const char *name = text_trim(p, &len);
        p += n + (p[n] == ',');
        if (len == 0)
            continue;
        char *written = xstrndup(name, len), *key = fold(written);
        size_t at;
        if (!strmap_get(set->index, key, strlen(key), &at)) {
            xgrow((void **)&set->names, &set->cap, set->count + 1, sizeof *set->names);
            set->names[set->count] = written;
            strmap_put(set->index, key, strlen(key), set->count++);
            written = NULL;
        }
        free(written);
        free(key);
    }
    set->matched = xcalloc(set->count + 1, sizeof *set->matched);
}

/* Whether name (folded) is in set; marks it matched. */
static bool name_set_has(name_set *set, const char *name)
{
    char *key = fold(name);
    size_t at;
    bool found = strmap_get(set->index, key, strlen(key), &at);
    free(key);
    if (found)
        set->matched[at] = true;
    return found;
}

static void name_set_free(name_set *set)
{
    for (size_t i = 0; i < set->count; i++)
        free(set->names[i]);
    free(set->names);
    free(set->matched);
    strmap_free(set->index);
}

/* What the settings make of a revenue account: its lines are listed (its
 * group is in funders_groups, or that is not set), and they are gifts
 * (its group, code or name is in donors). */
typedef struct account_rule {
    bool listed, gift;
} account_rule;

typedef struct funders_state {
    figures *f;
    diag *d;
    strmap *accounts;    /* code -> position in f->accounts */
    account_rule *rules; /* per f->accounts */
    funder_row *named;   /* by counterparty */
    size_t named_count, named_cap;
    strmap *named_index; /* name -> position in named */
    funder_row donors;
    figure *gifts; /* per donor */
    size_t gift_count, gift_cap;
    strmap *donor_index; /* name -> position in gifts */
    bool overflow;
} funders_state;

/* Reports each name of a setting that matched nothing (65). */
static void unmatched(funders_state *s, const name_set *set, const char *key, size_t line,
                      const char *what)
{
    for (size_t i = 0; i < set->count; i++)
        if (!set->matched[i])
            diag_data(s->d, "report.ini", line, NULL, "%s: '%s' is not %s", key, set->names[i],
                      _(what));
}

/* The rule of every revenue account, from funders_groups and donors. */
static void funders_rules(funders_state *s)
{
    const figures *f = s->f;
    const config *c = f->config;
    name_set groups, donors;
    name_set_read(&groups, c ? c->funders_groups : NULL);
    const char *gifts = c && c->donors ? c->donors : "Dons, Donations";
    name_set_read(&donors, strcmp(gifts, "none") == 0 ? NULL : gifts);
    for (size_t i = 0; i < f->revenue_group_count; i++)
        name_set_has(&groups, f->revenue_groups[i].group);
    s->rules = xcalloc(f->account_count + 1, sizeof *s->rules);
    for (size_t i = 0; i < f->account_count; i++) {
        const account_figure *a = &f->accounts[i];
        if (a->kind != KIND_REVENUE)
            continue;
        strmap_put(s->accounts, a->code, strlen(a->code), i);
        s->rules[i].listed = !c || !c->funders_groups || name_set_has(&groups, a->group);
        bool by_group = name_set_has(&donors, a->group);
        bool by_code = name_set_has(&donors, a->code);
        s->rules[i].gift = name_set_has(&donors, a->name) || by_group || by_code;
    }
    unmatched(s, &groups, "funders_groups", c ? c->funders_groups_line : 0,
              N_("a revenue group of accounts.csv"));
    if (c && c->donors)
        unmatched(s, &donors, "donors", c->donors_line,
                  N_("a revenue group, account code or account name of accounts.csv"));
    name_set_free(&groups);
    name_set_free(&donors);
}

static void add(funders_state *s, figure *to, const int64_t amount[2])
{
    if (!money_add(to->current, amount[0], &to->current) ||
        !money_add(to->previous, amount[1], &to->previous))
        s->overflow = true;
}

/* The row or the gift (in rows, by name in index), added when new. */
static size_t entry_of(strmap *index, void **rows, size_t *count, size_t *cap, size_t size,
                       const char *name)
{
    size_t at;
    if (strmap_get(index, name, strlen(name), &at))
        return at;
    xgrow(rows, cap, *count + 1, size);
    memset((char *)*rows + *count * size, 0, size);
    strmap_put(index, name, strlen(name), *count);
    return (*count)++;
}

/* A revenue line under its counterparty's row, the donors' row, or none
 * (other revenue). */
static void funders_line(funders_state *s, const funder_line *line)
{
    size_t i;
    if (!strmap_get(s->accounts, line->code, strlen(line->code), &i) || !s->rules[i].listed)
        return;
    if (s->rules[i].gift) {
        add(s, &s->donors.amount, line->amount);
        size_t at = entry_of(s->donor_index, (void **)&s->gifts, &s->gift_count, &s->gift_cap,
                             sizeof *s->gifts, line->name);
        add(s, &s->gifts[at], line->amount);
        return;
    }
    size_t at = entry_of(s->named_index, (void **)&s->named, &s->named_count, &s->named_cap,
                         sizeof *s->named, line->name);
    s->named[at].name = line->name;
    add(s, &s->named[at].amount, line->amount);
}

static bool nonzero(const figure *fig)
{
    return fig->current != 0 || fig->previous != 0;
}

/* Larger reported-year amount first, then by name (byte order). */
static int by_amount(const void *a, const void *b)
{
    const funder_row *x = a, *y = b;
    if (x->amount.current != y->amount.current)
        return x->amount.current < y->amount.current ? 1 : -1;
    return strcmp(x->name, y->name);
}

/* The rows, in order: the funders named, the others, the donors, the
 * other revenue; none when no counterparty is listed. */
static void funders_rows(funders_state *s)
{
    figures *f = s->f;
    const config *c = f->config;
    size_t n = 0;
    for (size_t i = 0; i < s->named_count; i++)
        if (nonzero(&s->named[i].amount))
            s->named[n++] = s->named[i];
    if (n > 1)
        qsort(s->named, n, sizeof *s->named, by_amount);
    funder_row others = { .kind = FUNDER_OTHERS };
    size_t shown = 0;
    f->funders = xcalloc(n + 3, sizeof *f->funders);
    for (size_t i = 0; i < n; i++) {
        bool small = c && c->funders_min > 0 && s->named[i].amount.current < c->funders_min;
        bool beyond = c && c->funders_top > 0 && shown >= (size_t)c->funders_top;
        if (small || beyond) {
            add(s, &others.amount,
                (int64_t[2]){ s->named[i].amount.current, s->named[i].amount.previous });
            others.count++;
        } else {
            f->funders[shown++] = s->named[i];
        }
    }
    f->funder_count = shown;
    if (others.count)
        f->funders[f->funder_count++] = others;
    for (size_t i = 0; i < s->gift_count; i++)
        s->donors.count += nonzero(&s->gifts[i]);
    if (s->donors.count)
        f->funders[f->funder_count++] = s->donors;
}

/* The other revenue row, so that the rows add up to revenue, then each
 * row's figure and share of revenue. */
static void funders_total(funders_state *s)
{
    figures *f = s->f;
    if (f->funder_count == 0)
        return;
    funder_row rest = { .kind = FUNDER_OTHER_REVENUE, .amount = f->revenue };
    for (size_t i = 0; i < f->funder_count; i++)
        add(s, &rest.amount,
            (int64_t[2]){ -f->funders[i].amount.current, -f->funders[i].amount.previous });
    if (nonzero(&rest.amount))
        f->funders[f->funder_count++] = rest;
    for (size_t i = 0; i < f->funder_count; i++) {
        funder_row *row = &f->funders[i];
        row->amount = figure_make(row->amount.current, row->amount.previous);
        row->has_share = f->revenue.current > 0 &&
                         figure_change_pct_tenths(row->amount.current, f->revenue.current,
                                                  &row->share_tenths, NULL);
    }
}

int compute_funders(figures *f, const funder_line *lines, size_t n, diag *d)
{
    size_t before = d->count;
    funders_state s = { .f = f,
                        .d = d,
                        .accounts = strmap_new(),
                        .named_index = strmap_new(),
                        .donor_index = strmap_new(),
                        .donors = { .kind = FUNDER_DONORS } };
    funders_rules(&s);
    for (size_t i = 0; i < n; i++)
        funders_line(&s, &lines[i]);
    funders_rows(&s);
    funders_total(&s);
    if (s.overflow)
        diag_data(d, NULL, 0, NULL, "the funders table: a total is out of range");
    strmap_free(s.accounts);
    strmap_free(s.named_index);
    strmap_free(s.donor_index);
    free(s.rules);
    free(s.named);
    free(s.gifts);
    return d->count == before ? 0 : -1;
}

/* ---- the people roster ------------------------------------------------- */

/* Lists under folded names, in order of first appearance. */
typedef struct list_set {
    people_list *lists;
    size_t count, cap;
    strmap *index; /* folded name -> position in lists */
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

/* ---- labels ------------------------------------------------------------ */

/* Adds name, folded, to the set of data names. */
static void data_name(strmap *names, const char *name)
{
    char *key = fold(name);
    strmap_put(names, key, strlen(key), 0);
    free(key);
}

/* The data names a label may translate: program areas, activity types,
 * groups of accounts.csv (more: those of its other kinds) and of
 * people.csv. */
static strmap *data_names(const figures *f, const char *const *more, size_t more_count)
{
    strmap *names = strmap_new();
    for (size_t i = 0; i < f->axis_count; i++)
        data_name(names, f->axes[i].axis);
    for (size_t i = 0; i < f->type_count; i++)
        data_name(names, f->types[i].type);
    for (size_t i = 0; i < f->revenue_group_count; i++)
        data_name(names, f->revenue_groups[i].group);
    for (size_t i = 0; i < f->expense_group_count; i++)
        data_name(names, f->expense_groups[i].group);
    for (size_t i = 0; i < more_count; i++)
        data_name(names, more[i]);
    for (size_t i = 0; i < f->people_group_count; i++)
        data_name(names, f->people_groups[i].name);
    for (size_t i = 0; i < f->people_unit_count; i++)
        data_name(names, f->people_units[i].name);
    return names;
}

void compute_labels(figures *f, const char *const *groups, size_t group_count, diag *d)
{
    const config *c = f->config;
    if (!c || c->label_count == 0)
        return;
    strmap *names = data_names(f, groups, group_count);
    f->labels = strmap_new();
    for (size_t i = 0; i < c->label_count; i++) {
        const config_label *l = &c->labels[i];
        char *key = fold(l->name);
        size_t unused;
        if (!strmap_get(names, key, strlen(key), &unused))
            diag_warning(d, "report.ini", l->line, NULL,
                         "[labels.%s] '%s' is no program area, "
                         "activity type, team or group of the data: it is not used",
                         language_code(l->lang), l->name);
        else if (l->lang == f->lang)
            strmap_put(f->labels, key, strlen(key), i);
        free(key);
    }
    strmap_free(names);
}
