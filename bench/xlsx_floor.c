/* xlsx_floor.c - the benchmark's floor for the workbook's detail sheets:
 * reads a bench/gen_input folder with libcsv and writes the same detail
 * cells as bilan (one ledger row and one activity row per input row of the
 * reported and previous fiscal years, nine columns each, dates and amounts
 * as numbers) with libxlsxwriter in constant-memory mode, and nothing else:
 * no validation, no totals, no summary sheets.
 *
 *     xlsx_floor DIR OUT.xlsx
 *
 * It knows the generator's conventions (ISO dates, point decimals, a
 * signed amount column, fiscal years 2012-2013 and 2013-2014 ending 03-31)
 * instead of detecting them.  Prints "ledger=N activities=N" to stdout. */
#include <csv.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

enum { MAX_FIELDS = 16, RECORD_BYTES = 1 << 16, MAX_ACCOUNTS = 1024 };

/* One record's fields, copied out of libcsv's buffer. */
typedef struct record {
    char buf[RECORD_BYTES];
    size_t used;
    char *field[MAX_FIELDS];
    size_t count;
    size_t line;               /* records seen, header = 1 */
} record;

typedef void (*record_fn)(record *rec, void *arg);

typedef struct reader {
    record rec;
    record_fn fn;
    void *arg;
} reader;

typedef struct account {
    char code[16], name[160], group[96];
} account;

typedef struct book {
    lxw_workbook *wb;
    lxw_worksheet *ledger, *activity;
    lxw_format *date, *money, *hours, *header;
    account accounts[MAX_ACCOUNTS];
    size_t account_count;
    int col[MAX_FIELDS];       /* header name -> index, per file */
    lxw_row_t rows;
} book;

static void on_field(void *data, size_t len, void *arg)
{
    record *r = &((reader *)arg)->rec;
    if (r->count == MAX_FIELDS || r->used + len + 1 > RECORD_BYTES)
        return;                /* the generator never writes such records */
    r->field[r->count++] = memcpy(r->buf + r->used, data, len);
    r->buf[r->used + len] = '\0';
    r->used += len + 1;
}

static void on_record(int end, void *arg)
{
    reader *rd = arg;
    (void)end;
    rd->rec.line++;
    rd->fn(&rd->rec, rd->arg);
    rd->rec.used = 0;
    rd->rec.count = 0;
}

static int read_csv(const char *dir, const char *name, record_fn fn, void *arg)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "xlsx_floor: %s: %s\n", path, strerror(errno));
        return -1;
    }
    static reader rd;
    rd.rec.line = rd.rec.used = rd.rec.count = 0;
    rd.fn = fn;
    rd.arg = arg;
    struct csv_parser p;
    csv_init(&p, 0);
    static char chunk[1 << 16];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        csv_parse(&p, chunk, n, on_field, on_record, &rd);
    csv_fini(&p, on_field, on_record, &rd);
    csv_free(&p);
    fclose(f);
    return 0;
}

static const char *field(const record *r, const book *b, int col)
{
    int i = b->col[col];
    return i >= 0 && (size_t)i < r->count ? r->field[i] : "";
}

/* Maps the header record onto the wanted column names, in order. */
static void map_header(book *b, const record *r, const char *const *names, int count)
{
    for (int c = 0; c < count; c++) {
        b->col[c] = -1;
        for (size_t i = 0; i < r->count; i++)
            if (strcmp(r->field[i], names[c]) == 0)
                b->col[c] = (int)i;
    }
}

static void on_account(record *r, void *arg)
{
    static const char *const names[] = {"account", "name", "group"};
    book *b = arg;
    if (r->line == 1) {
        map_header(b, r, names, 3);
        return;
    }
    if (b->account_count == MAX_ACCOUNTS)
        return;
    account *a = &b->accounts[b->account_count++];
    snprintf(a->code, sizeof a->code, "%s", field(r, b, 0));
    snprintf(a->name, sizeof a->name, "%s", field(r, b, 1));
    snprintf(a->group, sizeof a->group, "%s", field(r, b, 2));
}

static const account *find_account(const book *b, const char *code)
{
    for (size_t i = 0; i < b->account_count; i++)
        if (strcmp(b->accounts[i].code, code) == 0)
            return &b->accounts[i];
    return NULL;
}

/* Excel's day number of "YYYY-MM-DD", or -1. */
static long excel_day(const char *s, int *year, int *month)
{
    int y, m, d;
    if (sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3)
        return -1;
    *year = y;
    *month = m;
    y -= m <= 2;
    long era = y / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468 + 25569;
}

/* The fiscal-year label of a date, when it is one of the two in detail. */
static const char *year_label(int year, int month)
{
    int fiscal = month > 3 ? year + 1 : year;
    return fiscal == 2014 ? "2013-2014" : fiscal == 2013 ? "2012-2013" : NULL;
}

/* "-1234.56" as a number; empty is 0. */
static double decimal_number(const char *s)
{
    return s[0] ? strtod(s, NULL) : 0.0;
}

static void header_row(book *b, lxw_worksheet *ws, const char *const *names, int count)
{
    for (int c = 0; c < count; c++)
        worksheet_write_string(ws, 0, (lxw_col_t)c, names[c], b->header);
}

static void on_ledger(record *r, void *arg)
{
    static const char *const names[] = {"date", "account", "counterparty",
                                        "memo", "ref", "amount"};
    book *b = arg;
    if (r->line == 1) {
        map_header(b, r, names, 6);
        b->rows = 0;
        return;
    }
    int year, month;
    long day = excel_day(field(r, b, 0), &year, &month);
    const char *label = day < 0 ? NULL : year_label(year, month);
    const account *a = find_account(b, field(r, b, 1));
    if (!label || !a)
        return;
    lxw_worksheet *ws = b->ledger;
    lxw_row_t row = ++b->rows;
    worksheet_write_number(ws, row, 0, (double)day, b->date);
    worksheet_write_string(ws, row, 1, a->code, NULL);
    worksheet_write_string(ws, row, 2, a->name, NULL);
    worksheet_write_string(ws, row, 3, a->group, NULL);
    worksheet_write_string(ws, row, 4, field(r, b, 2), NULL);
    worksheet_write_string(ws, row, 5, field(r, b, 3), NULL);
    worksheet_write_string(ws, row, 6, field(r, b, 4), NULL);
    worksheet_write_number(ws, row, 7, decimal_number(field(r, b, 5)), b->money);
    worksheet_write_string(ws, row, 8, label, NULL);
}

static void on_activity(record *r, void *arg)
{
    static const char *const names[] = {"date", "axis", "type", "title",
                                        "partner", "region", "participants", "hours"};
    book *b = arg;
    if (r->line == 1) {
        map_header(b, r, names, 8);
        b->rows = 0;
        return;
    }
    int year, month;
    long day = excel_day(field(r, b, 0), &year, &month);
    const char *label = day < 0 ? NULL : year_label(year, month);
    if (!label)
        return;
    lxw_worksheet *ws = b->activity;
    lxw_row_t row = ++b->rows;
    worksheet_write_number(ws, row, 0, (double)day, b->date);
    for (lxw_col_t c = 1; c <= 5; c++)
        worksheet_write_string(ws, row, c, field(r, b, c), NULL);
    worksheet_write_number(ws, row, 6, strtod(field(r, b, 6), NULL), NULL);
    worksheet_write_number(ws, row, 7, decimal_number(field(r, b, 7)), b->hours);
    worksheet_write_string(ws, row, 8, label, NULL);
}

static void add_formats(book *b)
{
    b->date = workbook_add_format(b->wb);
    format_set_num_format(b->date, "yyyy-mm-dd");
    b->money = workbook_add_format(b->wb);
    format_set_num_format(b->money, "#,##0.00");
    b->hours = workbook_add_format(b->wb);
    format_set_num_format(b->hours, "0.00");
    b->header = workbook_add_format(b->wb);
    format_set_bold(b->header);
}

int main(int argc, char **argv)
{
    static const char *const ledger_head[] = {"Date", "Compte", "Nom du compte",
        "Poste", "Tiers", "Libellé", "Pièce", "Montant", "Exercice"};
    static const char *const activity_head[] = {"Date", "Axe", "Type", "Titre",
        "Partenaire", "Région", "Participants", "Heures", "Exercice"};
    static book b;
    if (argc != 3) {
        fputs("usage: xlsx_floor DIR OUT.xlsx\n", stderr);
        return 64;
    }
    lxw_workbook_options options = {.constant_memory = LXW_TRUE};
    b.wb = workbook_new_opt(argv[2], &options);
    if (!b.wb)
        return 73;
    add_formats(&b);
    b.ledger = workbook_add_worksheet(b.wb, "Grand livre");
    b.activity = workbook_add_worksheet(b.wb, "Détail des activités");
    header_row(&b, b.ledger, ledger_head, 9);
    header_row(&b, b.activity, activity_head, 9);
    if (read_csv(argv[1], "accounts.csv", on_account, &b) != 0 ||
        read_csv(argv[1], "ledger.csv", on_ledger, &b) != 0)
        return 66;
    lxw_row_t ledger_rows = b.rows;
    if (read_csv(argv[1], "activities.csv", on_activity, &b) != 0)
        return 66;
    lxw_error err = workbook_close(b.wb);
    if (err != LXW_NO_ERROR) {
        fprintf(stderr, "xlsx_floor: %s\n", lxw_strerror(err));
        return 73;
    }
    printf("ledger=%lu activities=%lu\n", (unsigned long)ledger_rows,
           (unsigned long)b.rows);
    return 0;
}
