/* columns.h - canonical column names, their French/English aliases, and the
 * mapping of a file's header line onto them. */
#ifndef BILAN_COLUMNS_H
#define BILAN_COLUMNS_H

#include "parse/csv_reader.h"
#include "lib/diag.h"

#include <stdbool.h>

/* The input files, in the order of their enum values: the value, and the
 * name of [columns.NAME] in report.ini and of the file NAME.csv. */
#define INPUT_KINDS(X)              \
    X(INPUT_LEDGER, ledger)         \
    X(INPUT_ACCOUNTS, accounts)     \
    X(INPUT_ACTIVITIES, activities) \
    X(INPUT_PEOPLE, people)         \
    X(INPUT_BUDGET, budget)         \
    X(INPUT_BALANCES, balances)

/* Every column of every file, in the order of their enum values: the value
 * and the canonical name (diagnostics, [columns.*] keys). */
#define COLUMNS(X)                      \
    X(COL_DATE, "date")                 \
    X(COL_ACCOUNT, "account")           \
    X(COL_AMOUNT, "amount")             \
    X(COL_DEBIT, "debit")               \
    X(COL_CREDIT, "credit")             \
    X(COL_COUNTERPARTY, "counterparty") \
    X(COL_MEMO, "memo")                 \
    X(COL_REF, "ref")                   \
    X(COL_NAME, "name")                 \
    X(COL_KIND, "kind")                 \
    X(COL_GROUP, "group")               \
    X(COL_AXIS, "axis")                 \
    X(COL_TYPE, "type")                 \
    X(COL_TITLE, "title")               \
    X(COL_PARTNER, "partner")           \
    X(COL_REGION, "region")             \
    X(COL_PARTICIPANTS, "participants") \
    X(COL_HOURS, "hours")               \
    X(COL_ROLE, "role")                 \
    X(COL_TEAM, "team")                 \
    X(COL_YEAR, "year")                 \
    X(COL_BALANCE, "balance")

#define COLUMNS_ENUM_ITEM(id, ...) id,

typedef enum input_kind { INPUT_KINDS(COLUMNS_ENUM_ITEM) INPUT_KIND_COUNT } input_kind;

typedef enum column_id { COLUMNS(COLUMNS_ENUM_ITEM) COL_COUNT } column_id;

#undef COLUMNS_ENUM_ITEM

/* "ledger.csv", ... */
const char *input_file_name(input_kind kind);
/* "ledger", ... as in the report.ini section [columns.ledger] */
const char *input_kind_name(input_kind kind);
/* The canonical name: "date", "amount", ... */
const char *column_name(column_id col);
/* The column whose canonical name is name, valid in that file, or -1. */
int column_lookup(input_kind kind, const char *name);

/* report.ini's [columns.KIND]: the export's own header for some columns. */
typedef struct column_override {
    const char *header[COL_COUNT]; /* NULL where not set */
    size_t line[COL_COUNT];        /* report.ini line, for diagnostics */
    bool optional[COL_COUNT];      /* a required column that need not be
                                      * there (accounts' group, when
                                      * report.ini [groups] assigns them) */
} column_override;

/* Where each column is in a file's records: field index, or -1. */
typedef struct column_map {
    int index[COL_COUNT];
    bool needed[COL_COUNT]; /* a record must have this column's field */
    size_t fields;          /* the header's field count */
    size_t needed_fields;   /* fields up to the last needed column's */
    /* accounts: the header is an accounting product's account list
     * (QuickBooks Online "Account List", Xero "Chart of Accounts", Sage 50
     * US): its group column is optional and its name may carry the code
     * ("4000 Sales") or a parent ("Office:Supplies"). */
    const char *account_list; /* "qbo-account-list", ..., or NULL */
} column_map;

/* Whether a record of count fields, the last non-empty one being number
 * last (0 when all are empty), fits the header: no non-empty field beyond
 * the header's, and a field for each required column (date, account,
 * amount or debit and credit, ...; trailing optional ones may be left
 * out).  When it does not, *missing is the first required column without
 * a field, or -1 when the record is too long. */
bool columns_fit(const column_map *map, size_t count, size_t last, int *missing);

/* Maps the header record of a file of that kind.  An accounts header
 * may also be a product's account list (column_map.account_list).  Reports, at the
 * header's line (1, or 2 after a "sep=" line): a required column missing, two headers for one column, an
 * override naming a header that is not there.  Returns 0, or -1 when any
 * problem was reported. */
int columns_map_header(input_kind kind, const csv_record *header, const column_override *override,
                       const char *file, column_map *map, diag *d);

#endif
