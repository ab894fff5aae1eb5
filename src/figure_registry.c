/* figure_registry.c - the tables of figure_registry.h: every comparable
 * figure and every list of them, with their accessors, and the parts of a
 * figure. */
#include "figure_registry.h"

#include <string.h>

static const char *const part_names[FIGURE_PART_COUNT] = {
    [FIGURE_CURRENT] = "current",
    [FIGURE_PREVIOUS] = "previous",
    [FIGURE_CHANGE] = "change",
    [FIGURE_CHANGE_PCT] = "change_pct",
};

const char *figure_part_name(figure_part part)
{
    return part_names[part];
}

int figure_part_of(const char *name)
{
    for (int i = 0; i < FIGURE_PART_COUNT; i++)
        if (strcmp(part_names[i], name) == 0)
            return i;
    return -1;
}

bool figure_part_value(const figure *fig, figure_part part, int64_t *value)
{
    switch (part) {
    case FIGURE_CURRENT: *value = fig->current; return true;
    case FIGURE_PREVIOUS: *value = fig->previous; return true;
    case FIGURE_CHANGE: *value = fig->change; return true;
    case FIGURE_CHANGE_PCT: *value = fig->change_pct_tenths; return fig->pct == FIGURE_PCT_VALUE;
    case FIGURE_PART_COUNT: break;
    }
    return false;
}

/* ---- the figures ------------------------------------------------------- */

static const figure *revenue(const figures *f)
{
    return &f->revenue;
}
static const figure *expenses(const figures *f)
{
    return &f->expenses;
}
static const figure *net(const figures *f)
{
    return &f->net;
}
static const figure *self_generated(const figures *f)
{
    return f->has_self_generated ? &f->self_generated : NULL;
}
static const figure *activity_count(const figures *f)
{
    return &f->activity_count;
}
static const figure *participants(const figures *f)
{
    return &f->participants;
}
static const figure *hours(const figures *f)
{
    return &f->hours;
}
static const figure *partners(const figures *f)
{
    return &f->partner_count;
}
static const figure *regions(const figures *f)
{
    return &f->region_count;
}

const figure_entry figure_entries[] = {
    { "finances.revenue", FIGURE_MONEY, revenue, NULL },
    { "finances.expenses", FIGURE_MONEY, expenses, NULL },
    { "finances.net", FIGURE_MONEY, net, NULL },
    { "finances.self_generated", FIGURE_MONEY, self_generated, NULL },
    { "activities.count", FIGURE_COUNT, activity_count, "pdf.activity" },
    { "activities.participants", FIGURE_COUNT, participants, "pdf.participant" },
    { "activities.hours", FIGURE_HOURS, hours, "pdf.hour" },
    { "activities.partners", FIGURE_COUNT, partners, "pdf.partner" },
    { "activities.regions", FIGURE_COUNT, regions, "pdf.region" },
};
const size_t figure_entry_count = sizeof figure_entries / sizeof *figure_entries;

/* ---- the lists --------------------------------------------------------- */

static size_t revenue_group_count(const figures *f)
{
    return f->revenue_group_count;
}
static const char *revenue_group(const figures *f, size_t i)
{
    return f->revenue_groups[i].group;
}
static const figure *revenue_group_amount(const figures *f, size_t i)
{
    return &f->revenue_groups[i].amount;
}

static size_t expense_group_count(const figures *f)
{
    return f->expense_group_count;
}
static const char *expense_group(const figures *f, size_t i)
{
    return f->expense_groups[i].group;
}
static const figure *expense_group_amount(const figures *f, size_t i)
{
    return &f->expense_groups[i].amount;
}

static size_t account_count(const figures *f)
{
    return f->account_count;
}
static const char *account_code(const figures *f, size_t i)
{
    return f->accounts[i].code;
}
static const char *account_name(const figures *f, size_t i)
{
    return f->accounts[i].name;
}
static const char *account_kind_of(const figures *f, size_t i)
{
    return account_kind_name(f->accounts[i].kind);
}
static const char *account_group(const figures *f, size_t i)
{
    return f->accounts[i].group;
}
static const figure *account_amount(const figures *f, size_t i)
{
    return &f->accounts[i].amount;
}

static size_t axis_count(const figures *f)
{
    return f->axis_count;
}
static const char *axis_name(const figures *f, size_t i)
{
    return f->axes[i].axis;
}
static const figure *axis_activities(const figures *f, size_t i)
{
    return &f->axes[i].count;
}
static const figure *axis_participants(const figures *f, size_t i)
{
    return &f->axes[i].participants;
}
static const figure *axis_hours(const figures *f, size_t i)
{
    return &f->axes[i].hours;
}

static size_t type_count(const figures *f)
{
    return f->type_count;
}
static const char *type_name(const figures *f, size_t i)
{
    return f->types[i].type;
}
static const char *type_axis(const figures *f, size_t i)
{
    return f->types[i].axis;
}
static const figure *type_activities(const figures *f, size_t i)
{
    return &f->types[i].count;
}
static const figure *type_participants(const figures *f, size_t i)
{
    return &f->types[i].participants;
}

const figure_list figure_lists[] = {
    { "finances.revenue_groups",
      revenue_group_count,
      { { "group", revenue_group } },
      { { NULL, FIGURE_MONEY, revenue_group_amount } },
      true },
    { "finances.expense_groups",
      expense_group_count,
      { { "group", expense_group } },
      { { NULL, FIGURE_MONEY, expense_group_amount } },
      true },
    { "finances.accounts",
      account_count,
      { { "account", account_code },
        { "name", account_name },
        { "kind", account_kind_of },
        { "group", account_group } },
      { { NULL, FIGURE_MONEY, account_amount } },
      true },
    { "activities.axes",
      axis_count,
      { { "axis", axis_name } },
      { { "count", FIGURE_COUNT, axis_activities },
        { "participants", FIGURE_COUNT, axis_participants },
        { "hours", FIGURE_HOURS, axis_hours } },
      true },
    /* a type is one per (type, axis): its name alone names no element */
    { "activities.types",
      type_count,
      { { "type", type_name }, { "axis", type_axis } },
      { { "count", FIGURE_COUNT, type_activities },
        { "participants", FIGURE_COUNT, type_participants } },
      false },
};
const size_t figure_list_count = sizeof figure_lists / sizeof *figure_lists;

long figure_list_find(const figure_list *list, const figures *f, const char *key)
{
    size_t n = list->count(f);
    for (size_t i = 0; i < n; i++)
        if (strcmp(list->texts[0].get(f, i), key) == 0)
            return (long)i;
    return -1;
}
