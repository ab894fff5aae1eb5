/* columns.h - canonical column names, their French/English aliases, and the
 * mapping of a file's header line onto them. */
#ifndef BILAN_COLUMNS_H
#define BILAN_COLUMNS_H

#include "parse/csv_reader.h"
#include "lib/diag.h"

typedef enum input_kind {
    INPUT_LEDGER,
    INPUT_ACCOUNTS,
    INPUT_ACTIVITIES,
    INPUT_PEOPLE,
    INPUT_KIND_COUNT
} input_kind;

typedef enum column_id {
    COL_DATE, COL_ACCOUNT, COL_AMOUNT, COL_DEBIT, COL_CREDIT,
    COL_COUNTERPARTY, COL_MEMO, COL_REF,
    COL_NAME, COL_KIND, COL_GROUP,
    COL_AXIS, COL_TYPE, COL_TITLE, COL_PARTNER, COL_REGION,
    COL_PARTICIPANTS, COL_HOURS,
    COL_ROLE, COL_TEAM,
    COL_COUNT
} column_id;

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
    const char *header[COL_COUNT];   /* NULL where not set */
    size_t line[COL_COUNT];          /* report.ini line, for diagnostics */
} column_override;

/* Where each column is in a file's records: field index, or -1. */
typedef struct column_map {
    int index[COL_COUNT];
} column_map;

/* Maps the header record of a file of that kind.  Reports, at line 1 of
 * file: a required column missing, two headers for one column, an
 * override naming a header that is not there.  Returns 0, or -1 when any
 * problem was reported. */
int columns_map_header(input_kind kind, const csv_record *header,
                       const column_override *override, const char *file,
                       column_map *map, diag *d);

#endif
