/* config.h - report.ini -> struct config.
 *
 * Parsed with inih.  Unknown sections and keys, and bad values, are
 * reported with their line ("report.ini:7: ..."): a typo is never ignored. */
#ifndef BILAN_CONFIG_H
#define BILAN_CONFIG_H

#include "parse/columns.h"
#include "parse/csv_reader.h"
#include "parse/date.h"
#include "lib/diag.h"
#include "lib/lang.h"
#include "parse/money.h"

#include <stdbool.h>
#include <stddef.h>

/* A rule of report.ini [groups]: "Subventions = 4100-4199, 4500, Dons"
 * gives three rules of the group Subventions. */
typedef struct group_rule {
    char *group;
    char *low, *high; /* a range of codes, both ends in it; NULL
                                * when item is one code or one name */
    char *item;       /* as written: "4100-4199", "4500", "Dons" */
    size_t line;      /* in report.ini */
} group_rule;

/* [report] position: whether the statement of financial position is made. */
typedef enum config_position {
    CONFIG_POSITION_AUTO, /* when balances.csv is there */
    CONFIG_POSITION_YES,  /* also without it: the ledger holds every
                                  movement from zero */
    CONFIG_POSITION_NO    /* never; balances.csv is not read */
} config_position;

/* A data name's translation, from [labels.LANG] (docs/templates.md). */
typedef struct config_label {
    language lang;
    char *name, *label; /* "Formation" -> "Training" */
    size_t line;
} config_label;

typedef struct config {
    /* [organisation] */
    char *org_name;     /* required */
    char *org_subtitle; /* the rest may be NULL */
    char *org_tagline;
    char *org_address;
    char *org_website;
    char *org_email;
    char *org_phone;
    char *org_logo;       /* PNG or JPEG: its path (the input folder's
                                  name joined), checked readable */
    size_t org_logo_line; /* its line in report.ini, for diagnostics */
    /* [report] */
    char *title;                /* default "Bilan annuel" / "Annual report" */
    fiscal_calendar calendar;   /* fiscal_year_end, required */
    int year;                   /* required; overridden by --year */
    int history;                /* default 3, 1..20 */
    language lang;              /* default fr; overridden by --lang */
    char *currency;             /* default "CAD" */
    char *self_generated_group; /* revenue group shown as self-generated revenue */
    char *net_assets_group;     /* equity group the year's surplus goes to
                                  (NULL: the first of accounts.csv) */
    config_position position;   /* default auto */
    /* [report] the funders table (docs/funders.md) */
    char *funders_groups;                    /* "Subventions, Dons": the revenue groups
                                  whose counterparties are listed; NULL: all */
    int64_t funders_min;                     /* cents: smaller funders are not named; 0 */
    int funders_top;                         /* at most this many named; 0: no limit */
    char *donors;                            /* revenue groups and accounts (codes or
                                  names) of gifts, whose counterparties are
                                  individual donors, shown together; NULL:
                                  "Dons, Donations"; "none": no donors */
    size_t funders_groups_line, donors_line; /* in report.ini, or 0 */
    /* [csv] */
    csv_encoding encoding;
    char delimiter; /* 0 = auto */
    money_decimal decimal;
    date_order date_order;
    /* [columns.*] */
    column_override columns[INPUT_KIND_COUNT];
    /* [workbook] */
    bool workbook_detail; /* default yes */
    /* [labels.fr], [labels.en]: names of program areas, groups and types
     * shown in another language's report */
    config_label *labels;
    size_t label_count, label_cap;
    /* [import] */
    char *import_profile; /* a profile of parse/import.h; NULL: detect */
    /* [groups] */
    group_rule *group_rules;
    size_t group_rule_count;
    /* From the environment (main.c), not report.ini: whether ingest may
     * read a large file on two threads (ingest_split.c). */
    int threads;      /* BILAN_THREADS: 1 = one, 2 = two (even on one
                         CPU); 0 = two when the process has two CPUs */
    size_t split_min; /* BILAN_SPLIT_MIN: smaller files are read on one
                         thread (bytes); 0 = ingest_split.c's default */
} config;

/* Reads path (diagnostics call it name).  Returns 0, or -1 with problems
 * reported to d: EXIT_NOINPUT when unreadable, EXIT_DATAERR for content. */
int config_load(config *cfg, const char *path, const char *name, diag *d);
void config_free(config *cfg); /* frees the strings; NULL-safe members */

/* Windows-1252 text[0..*len) converted to UTF-8 in a new buffer, *len its
 * length, or NULL when it is not Windows-1252 either (five bytes are
 * undefined there).  Also used for the report's Markdown texts. */

/* For --lang: sets cfg->lang; a default title follows the language. */
void config_set_language(config *cfg, language lang);

#endif
