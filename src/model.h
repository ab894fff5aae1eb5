/* model.h - what the input says, aggregated: accounts, counterparties,
 * activities by axis, type, partner and region, per tracked fiscal year.
 *
 * Tracked years are slots: slot 0 is the reported year, slot 1 the previous
 * one, up to slot years-1 (years = max(history, 2)).  Rows of other years
 * are counted and otherwise ignored.  Strings live in the model's arena;
 * aggregates are keyed in hash maps, so memory grows with distinct keys. */
#ifndef BILAN_MODEL_H
#define BILAN_MODEL_H

#include "parse/columns.h"
#include "config.h"
#include "domain.h"
#include "lib/arena.h"
#include "lib/strmap.h"

#include <stdint.h>

#define MODEL_YEARS_MAX 21

typedef struct account {
    const char *code, *name, *group;
    account_kind kind;
    size_t line; /* in accounts.csv */
    int64_t amount[MODEL_YEARS_MAX];
    /* the statement of financial position (model_statements.c) */
    bool in_ledger;      /* some ledger line names it */
    bool has_balance;    /* its balance at the position's date is given */
    size_t balance_line; /* where (balances.csv) */
    int64_t balance;     /* natural sign: assets debit, the others credit */
    int64_t moved[2];    /* its ledger lines in each position bucket */
} account;

/* A keyed aggregate: counterparties, axes, types, partners, regions. */
typedef struct tally {
    const char *name;  /* as first written (trimmed) */
    size_t first_line; /* where first written: lists keep this order */
    const char *axis;  /* types: the axis; funder_lines: the
                                  account code; counterparties: unused */
    account_kind kind; /* counterparties */
    int64_t amount[2]; /* counterparties, funder_lines: cents;
                                  slot 0 and 1 */
    int64_t count[2];  /* activities */
    int64_t participants[2];
    int64_t hours[2]; /* hundredths */
} tally;

typedef struct tally_list {
    tally *items;
    size_t count, cap;
    strmap *index;     /* key -> position in items */
    strmap *spellings; /* folded lists: text as written -> position */
} tally_list;

/* The settled reading of one input file, for the detail walk. */
typedef struct input_format {
    char *path;      /* NULL when the file was not read */
    char *name;      /* as diagnostics call it: "ledger-2014.xlsx" */
    csv_options csv; /* delimiter and encoding as detected */
    money_decimal decimal;
    date_order order;
    column_map map;
} input_format;

typedef struct year_totals {
    int64_t revenue, expenses;
    int64_t activities, participants, hours;
} year_totals;

/* A revenue or expense group's budgets (budget.csv): of the reported year
 * (slot 0) and of the next one (slot 1). */
enum { BUDGET_REPORTED, BUDGET_NEXT };
typedef struct budget_group {
    const char *group; /* as accounts.csv writes it */
    account_kind kind;
    bool shared; /* another kind's group folds to the same name */
    int64_t amount[2];
    bool named[2]; /* some budget line of that year names it */
} budget_group;

/* The statement of financial position's input: opening balances at a date
 * (balances.csv, or any other source through model_position_open), and the
 * ledger's lines summed in two buckets: after that date up to the previous
 * fiscal year's end, then up to the reported year's end.  Memory grows
 * with accounts, never with rows. */
typedef struct position_input {
    bool on;    /* the statement is made */
    bool dated; /* balances are given at date; without, the
                                  ledger holds every movement from zero */
    date date;
    size_t date_line;   /* the balances.csv line that gave it */
    size_t rows;        /* balances.csv data rows read */
    size_t ledger_rows; /* ledger rows on asset, liability and equity
                                  accounts that went into a bucket */
    int64_t surplus[2]; /* revenue - expenses in each bucket */
} position_input;

typedef struct model {
    const config *config;
    arena *strings;
    int years; /* tracked slots */
    fiscal_period period[MODEL_YEARS_MAX];

    account *accounts; /* accounts.csv order */
    size_t account_count, account_cap;
    strmap *account_index;     /* code -> position */
    strmap *rejected_accounts; /* codes of invalid rows, already reported */
    strmap *account_names;     /* folded name (and leaf of a Parent:Child
                                * name) -> position, or MODEL_NAME_AMBIGUOUS */

    year_totals totals[MODEL_YEARS_MAX];
    tally_list counterparties; /* key: kind + trimmed name */
    tally_list funder_lines;   /* revenue only, key: account code + trimmed
                                  name: the funders table selects by
                                  group and account */
    tally_list axes;           /* key: trimmed axis */
    tally_list types;          /* key: type + axis */
    tally_list partners;       /* key: folded partner */
    tally_list regions;        /* key: folded region */

    bool accounts_unreadable; /* accounts.csv failed: skip code checks */

    person *people;
    size_t people_count, people_cap;

    size_t ledger_rows, ledger_rows_outside_years, ledger_rows_other_kinds;
    size_t ledger_rows_current;             /* in the reported year */
    size_t ledger_rows_in[MODEL_YEARS_MAX]; /* per slot: rows dated in it */
    size_t activity_rows;
    size_t split_files; /* files read on two threads (ingest_split.c) */
    /* Tracked years whose revenue and expenses come from a trial balance
     * (no ledger line): their counterparties are unknown, not zero. */
    bool from_trial_balance[MODEL_YEARS_MAX];

    input_format formats[INPUT_KIND_COUNT];
    input_format *ledgers; /* every ledger*.csv|xlsx, by name (formats[
                                * INPUT_LEDGER] is unused) */
    size_t ledger_count;
    /* What --check prints per file ("ledger.csv: qbo-gl (line 5): ..."). */
    const char **notes;
    size_t note_count;

    /* budget.csv (model_statements.c) */
    budget_group *budget; /* every (kind, group) of accounts.csv */
    size_t budget_count;
    strmap *budget_index;  /* kind + group -> position */
    strmap *budget_folded; /* folded group -> position (the first) */
    bool has_budget[2];    /* a line for the reported / the next year */

    position_input position; /* balances.csv, or [report] position = yes */
} model;

enum { MODEL_NAME_AMBIGUOUS = (size_t)-1 };

void model_init(model *m, const config *cfg);
void model_free(model *m);

/* The slot of fiscal year `year`, or -1 when it is not tracked. */
int model_slot_of_year(const model *m, int year);
/* The slot of a date's fiscal year, or -1. */
int model_slot_of_date(const model *m, date d);

/* s[0..len) copied into the model's arena, NUL-terminated: the model's
 * strings live as long as the model. */
const char *model_strndup(model *m, const char *s, size_t len);

/* Adds an account, code copied from code[0..len), seen at line of
 * accounts.csv, and indexes it by its code (which must be new: check with
 * model_find_account).  Its other members are zero: the caller fills in
 * name, group and kind. */
account *model_add_account(model *m, const char *code, size_t len, size_t line);
/* The account whose code is code[0..len), or NULL. */
account *model_find_account(const model *m, const char *code, size_t len);

/* Indexes account a under its name, folded (text_header_key: case,
 * accents and spaces ignored), and, for a "Parent:Child" name, under its
 * last part too; a name two accounts share finds neither. */
void model_index_account_name(model *m, const account *a, const char *name, size_t len);
/* The account whose folded name is name[0..len), or NULL; *ambiguous
 * (may be NULL) says whether two accounts have it. */
account *model_find_account_by_name(const model *m, const char *name, size_t len, bool *ambiguous);

/* Keeps a line for --check (copied). */
void model_add_note(model *m, const char *text);

/* Notes that the code code[0..len) was on an invalid row of accounts.csv
 * (already reported: its ledger lines need no second diagnostic). */
void model_reject_account(model *m, const char *code, size_t len);
bool model_account_rejected(const model *m, const char *code, size_t len);

/* Adds a person of people.csv, every member "" for the caller to fill in
 * (with model_strndup). */
person *model_add_person(model *m);

/* Finds or adds the tally under key (copied), seen at line of its file;
 * name and axis are copied into the arena.  Rows can be read out of order
 * (see ingest.c), so the earliest line gives the tally its place in the
 * lists and its name. */
tally *tally_list_get(model *m, tally_list *list, const char *key, const char *name,
                      const char *axis, size_t line);
/* Notes that t was seen at line, written name. */
void tally_seen(model *m, tally *t, const char *name, size_t line);
/* The positions of list's items in the order of their first line:
 * malloc'd, list->count entries. */
size_t *tally_list_order(const tally_list *list);

/* ---- a part of a file read apart (ingest_split.c) ---------------------- */

/* A model to read part of the ledger or activities.csv into, on another
 * thread: whole's accounts (codes, kinds; no amounts), its settings and
 * indexes (looked up, never changed), and empty totals and tallies of
 * its own. */
void model_part_init(model *part, const model *whole);
/* Adds part's totals and tallies to whole's: a tally new to whole comes
 * after whole's, in part's order, its line moved by line_offset (part's
 * line 1 is whole's line_offset + 1). */
void model_part_merge(model *whole, const model *part, size_t line_offset);
void model_part_free(model *part);

/* ---- statements (model_statements.c) ---------------------------------- */

/* The budget entry of a group, its name folded (text_header_key) as
 * budget.csv may write it; NULL when no account has that group.  The
 * entries are made from the accounts on first use (accounts.csv must have
 * been read). */
budget_group *model_budget_group(model *m, const char *name, size_t len);
/* The budget entry of the group of kind named exactly name, or NULL. */
const budget_group *model_budget_find(const model *m, account_kind kind, const char *name);
/* The budget entry of a's group (made from the accounts on first use). */
budget_group *model_budget_of(model *m, const account *a);
/* Adds cents to g's budget of slot (BUDGET_*); false when the sum leaves
 * the range of int64. */
bool model_budget_add(model *m, budget_group *g, int slot, int64_t cents);

/* Turns the position on; with a date, the opening balances are at the end
 * of that day (ledger lines up to it are already in them).  To be called
 * before the ledger is read. */
void model_position_open(model *m, const date *when);
/* The opening balance of a, at the position's date. */
void model_position_balance(model *m, account *a, int64_t cents, size_t line);
/* A ledger line of a, dated when, cents in its natural direction: into
 * its account's bucket (asset, liability, equity) or the surplus
 * (revenue, expense).  False when a sum leaves the range of int64. */
bool model_position_add(model *m, account *a, date when, int64_t cents);
/* The bucket of a date: 0 after the position's date up to the previous
 * year's end, 1 after both up to the reported year's end, -1 outside. */
int model_position_bucket(const model *m, date when);

#endif
