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
    size_t line;               /* in accounts.csv */
    int64_t amount[MODEL_YEARS_MAX];
} account;

/* A keyed aggregate: counterparties, axes, types, partners, regions. */
typedef struct tally {
    const char *name;          /* as first written (trimmed) */
    size_t first_line;         /* where first written: lists keep this order */
    const char *axis;          /* types: the axis; funder_lines: the
                                  account code; counterparties: unused */
    account_kind kind;         /* counterparties */
    int64_t amount[2];         /* counterparties, funder_lines: cents;
                                  slot 0 and 1 */
    int64_t count[2];          /* activities */
    int64_t participants[2];
    int64_t hours[2];          /* hundredths */
} tally;

typedef struct tally_list {
    tally *items;
    size_t count, cap;
    strmap *index;             /* key -> position in items */
    strmap *spellings;         /* folded lists: text as written -> position */
} tally_list;

/* The settled reading of one input file, for the detail walk. */
typedef struct input_format {
    char *path;                /* NULL when the file was not read */
    char *name;                /* as diagnostics call it: "ledger-2014.xlsx" */
    csv_options csv;           /* delimiter and encoding as detected */
    money_decimal decimal;
    date_order order;
    column_map map;
} input_format;

typedef struct year_totals {
    int64_t revenue, expenses;
    int64_t activities, participants, hours;
} year_totals;

typedef struct model {
    const config *config;
    arena *strings;
    int years;                 /* tracked slots */
    fiscal_period period[MODEL_YEARS_MAX];

    account *accounts;         /* accounts.csv order */
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

    bool accounts_unreadable;  /* accounts.csv failed: skip code checks */

    person *people;
    size_t people_count, people_cap;

    size_t ledger_rows, ledger_rows_outside_years, ledger_rows_other_kinds;
    size_t ledger_rows_current;    /* in the reported year */
    size_t ledger_rows_in[MODEL_YEARS_MAX];   /* per slot: rows dated in it */
    size_t activity_rows;
    /* Tracked years whose revenue and expenses come from a trial balance
     * (no ledger line): their counterparties are unknown, not zero. */
    bool from_trial_balance[MODEL_YEARS_MAX];

    input_format formats[INPUT_KIND_COUNT];
    input_format *ledgers;     /* every ledger*.csv|xlsx, by name (formats[
                                * INPUT_LEDGER] is unused) */
    size_t ledger_count;
    /* What --check prints per file ("ledger.csv: qbo-gl (line 5): ..."). */
    const char **notes;
    size_t note_count;
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
account *model_find_account_by_name(const model *m, const char *name, size_t len,
                                    bool *ambiguous);

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
tally *tally_list_get(model *m, tally_list *list, const char *key,
                      const char *name, const char *axis, size_t line);
/* Notes that t was seen at line, written name. */
void tally_seen(model *m, tally *t, const char *name, size_t line);
/* The positions of list's items in the order of their first line:
 * malloc'd, list->count entries. */
size_t *tally_list_order(const tally_list *list);

#endif
