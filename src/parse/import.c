/* import.c - the engine that reads every import profile: finds the header
 * and its profile, classifies the rows after it, returns the transactions
 * as normalized lines and checks the export's own totals against them.
 *
 * Row classification, in this order (../shared/imports.md, section 9):
 *   1. a blank row (every cell empty): skipped;
 *   2. after the grand total: an undated row is footer, a dated one an error;
 *   3. the header again (Odoo, multi-page exports): skipped;
 *   4. (fill-down profiles) a new value in the account column: a new account;
 *   5. the date column holds a date: a transaction, unless a text cell holds
 *      a balance label and the type column is empty (dated balance rows);
 *   6. a text cell holds a label of the profile: opening, total, change,
 *      grand total, skipped figure, footer;
 *   7. (section profiles) a label in the first columns, nothing else but
 *      money: an account section;
 *   8. (unlabelled-total profiles) money cells alone: the section's total;
 *   9. anything else: an error at its line.
 * Balance columns are read only to check them, never summed. */
#include "parse/import.h"
#include "parse/date.h"
#include "lib/i18n.h"
#include "lib/text.h"
#include "lib/xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ROLE_COUNT = IMPORT_KNOWN + 1 };

/* Sums of lines: natural amounts, debits, credits (cents). */
typedef struct sums {
    int64_t amount, debit, credit;
} sums;

/* An account section (or, in fill-down profiles, a run of one account). */
typedef struct section {
    char *label;       /* as written */
    char *key;         /* folded, for matching its total's label */
    char *code, *name; /* parsed from the label */
    size_t line;
    bool closed;        /* its total was read */
    sums own;           /* its own lines */
    sums start;         /* the file's sums when it began: the lines
                            * since, sub-accounts included, are the
                            * file's sums now less these */
    sums since_total;   /* lines since it began or since its last total */
    sums since_opening; /* lines since its opening balance */
    bool has_opening;
    int64_t opening; /* opening balance */
    sums opening_dc; /* the opening row's own debit and credit */
} section;

/* A record kept beyond the next read. */
typedef struct saved_record {
    size_t line, count;
    char **fields;
    size_t *lengths;
} saved_record;

/* A growing buffer of NUL-terminated strings, addressed by offset. */
typedef struct strbuf {
    char *data;
    size_t len, cap;
} strbuf;

struct import_reader {
    record_source *r;
    char *file;
    diag *d; /* where problems go: the caller's, or silent */
    diag silent;
    const import_profile *p;
    bool tidy;
    money_decimal decimal; /* settled decimal mark, AUTO until seen */
    column_map map;
    import_counts counts;

    /* the header */
    size_t header_count;
    char **header_keys;  /* folded header cells */
    char **header_names; /* as written, for diagnostics */
    int col[ROLE_COUNT]; /* header cell of each role, or -1 */

    /* the row being read */
    csv_record rec;
    char **keys; /* folded cells, computed on demand */
    size_t keys_cap;
    bool keys_done;

    /* structure */
    section *stack; /* open sections, innermost last */
    size_t depth, stack_cap;
    section *closed; /* nested: sections whose total was read */
    size_t closed_count, closed_cap;
    sums file_sums; /* every line of the file */
    bool ended;     /* the grand total was read */
    bool end_checked;
    size_t last_line;
    saved_record title; /* header_repeats: the row before the header */
    bool title_pending;

    /* the line returned */
    strbuf out;
    char *fields[IMPORT_FIELD_COUNT];
    size_t lengths[IMPORT_FIELD_COUNT];
};

/* ---- small helpers ----------------------------------------------------- */

/* Reports a problem at line, in the header's column col (-1: none). */
__attribute__((format(printf, 4, 0))) static void report_va(import_reader *ir, size_t line, int col,
                                                            const char *fmt, va_list ap)
{
    char message[1024];
    vsnprintf(message, sizeof message, _(fmt), ap);
    const char *name = col >= 0 && (size_t)col < ir->header_count ? ir->header_names[col] : NULL;
    diag_data(ir->d, ir->file, line, name && *name ? name : NULL, "%s", message);
}

__attribute__((format(printf, 3, 4))) static void report(import_reader *ir, size_t line,
                                                         const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report_va(ir, line, -1, fmt, ap);
    va_end(ap);
}

/* Like report, at a column of the header. */
__attribute__((format(printf, 4, 5))) static void report_at(import_reader *ir, size_t line, int col,
                                                            const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report_va(ir, line, col, fmt, ap);
    va_end(ap);
}

/* Writes cents as "-1234.56" into buf (32 bytes). */
static void cents_text(int64_t v, char buf[32])
{
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    snprintf(buf, 32, "%s%llu.%02llu", v < 0 ? "-" : "", (unsigned long long)(m / 100),
             (unsigned long long)(m % 100));
}

static char *dup_span(const char *s, size_t len)
{
    char *p = xmalloc(len + 1);
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

/* The folded key of s[0..len): never NULL. */
static char *fold(const char *s, size_t len)
{
    char *k = text_header_key(s, len);
    return k ? k : xstrdup("");
}

static bool sums_add(sums *s, const sums *v)
{
    return money_add(s->amount, v->amount, &s->amount) &&
           money_add(s->debit, v->debit, &s->debit) && money_add(s->credit, v->credit, &s->credit);
}

/* ---- records ----------------------------------------------------------- */

static void saved_free(saved_record *s)
{
    for (size_t i = 0; i < s->count; i++)
        free(s->fields[i]);
    free(s->fields);
    free(s->lengths);
    memset(s, 0, sizeof *s);
}

static void saved_copy(saved_record *s, const csv_record *rec)
{
    saved_free(s);
    s->line = rec->line;
    s->count = rec->count;
    s->fields = xcalloc(rec->count ? rec->count : 1, sizeof *s->fields);
    s->lengths = xcalloc(rec->count ? rec->count : 1, sizeof *s->lengths);
    for (size_t i = 0; i < rec->count; i++) {
        s->fields[i] = dup_span(rec->fields[i], rec->lengths[i]);
        s->lengths[i] = rec->lengths[i];
    }
}

static csv_record saved_view(const saved_record *s)
{
    csv_record rec = { s->line, s->count, s->fields, s->lengths, NULL };
    return rec;
}

/* The trimmed cell i of rec ("" when absent). */
static const char *rec_cell(const csv_record *rec, int i, size_t *len)
{
    if (i < 0 || (size_t)i >= rec->count) {
        *len = 0;
        return "";
    }
    *len = rec->lengths[i];
    return text_trim(rec->fields[i], len);
}

static const char *cell(const import_reader *ir, int i, size_t *len)
{
    return rec_cell(&ir->rec, i, len);
}

static const char *role_cell(const import_reader *ir, import_role role, size_t *len)
{
    return cell(ir, ir->col[role], len);
}

static bool rec_blank(const csv_record *rec)
{
    for (size_t i = 0; i < rec->count; i++) {
        size_t len;
        rec_cell(rec, (int)i, &len);
        if (len)
            return false;
    }
    return true;
}

static void keys_clear(import_reader *ir)
{
    if (ir->keys_done)
        for (size_t i = 0; i < ir->rec.count; i++)
            free(ir->keys[i]);
    ir->keys_done = false;
}

/* The folded cells of the current row. */
static char **row_keys(import_reader *ir)
{
    if (ir->keys_done)
        return ir->keys;
    if (ir->rec.count > ir->keys_cap) {
        ir->keys_cap = ir->rec.count;
        ir->keys = xrealloc(ir->keys, ir->keys_cap * sizeof *ir->keys);
    }
    for (size_t i = 0; i < ir->rec.count; i++) {
        size_t len;
        const char *s = cell(ir, (int)i, &len);
        ir->keys[i] = fold(s, len);
    }
    ir->keys_done = true;
    return ir->keys;
}

/* ---- header signatures ------------------------------------------------- */

/* Whether folded key is one of names ("a|b|pre*"). */
static bool name_matches(const char *names, const char *key)
{
    const char *p = names;
    while (*p) {
        const char *end = strchr(p, '|');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n && p[n - 1] == '*') {
            if (strncmp(key, p, n - 1) == 0 && key[n - 1] != '\0')
                return true;
        } else if (strlen(key) == n && strncmp(key, p, n) == 0) {
            return true;
        }
        p += n + (end != NULL);
    }
    return false;
}

/* How a profile's columns fit one row of folded cells. */
typedef struct fit {
    size_t required, found; /* required columns, of which present */
    bool *claimed;          /* per cell */
    int col[ROLE_COUNT];
    size_t missing[8]; /* spec indexes of missing required columns */
    size_t missing_count;
} fit;

static void fit_free(fit *f)
{
    free(f->claimed);
    f->claimed = NULL;
}

/* Fits profile p's columns to the cells keys[0..n). */
static void fit_row(const import_profile *p, char *const *keys, size_t n, fit *f)
{
    memset(f, 0, sizeof *f);
    f->claimed = xcalloc(n ? n : 1, sizeof *f->claimed);
    for (int r = 0; r < ROLE_COUNT; r++)
        f->col[r] = -1;
    for (size_t s = 0; p->columns[s].role != IMPORT_END; s++) {
        const import_column *c = &p->columns[s];
        int at = -1;
        for (size_t i = 0; i < n && at < 0; i++)
            if (!f->claimed[i] && keys[i][0] && name_matches(c->names, keys[i]))
                at = (int)i;
        if (c->required) {
            f->required++;
            if (at >= 0)
                f->found++;
            else if (f->missing_count < sizeof f->missing / sizeof f->missing[0])
                f->missing[f->missing_count++] = s;
        }
        if (at < 0)
            continue;
        f->claimed[at] = true;
        if (c->role != IMPORT_KNOWN && f->col[c->role] < 0)
            f->col[c->role] = at;
    }
}

static bool fit_matches(const fit *f)
{
    return f->found == f->required;
}

/* Whether a claims every cell b claims, and more. */
static bool fit_covers(const fit *a, const fit *b, size_t n)
{
    bool more = false;
    for (size_t i = 0; i < n; i++) {
        if (b->claimed[i] && !a->claimed[i])
            return false;
        more |= a->claimed[i] && !b->claimed[i];
    }
    return more;
}

/* ---- detection --------------------------------------------------------- */

/* The best fit of one profile over the rows scanned: for naming it. */
typedef struct nearest {
    size_t found, required, line;
    size_t missing[8], missing_count;
} nearest;

typedef struct detection {
    const import_profile *all;
    size_t profile_count;
    nearest *near;      /* per profile */
    saved_record first; /* the first record, for the tidy layout */
    bool tidy_fits;     /* the first record maps as bilan's layout */
    size_t tidy_found;  /* its cells that name bilan's columns */
} detection;

/* Whether rec maps as a tidy ledger header (no report); *found gets the
 * number of its cells that name one of bilan's ledger columns. */
static bool tidy_fits(const csv_record *rec, const import_options *o, column_map *map,
                      size_t *found)
{
    diag quiet;
    diag_init(&quiet, NULL);
    bool fits = columns_map_header(INPUT_LEDGER, rec, o ? o->columns : NULL, "", map, &quiet) == 0;
    *found = 0;
    for (int c = 0; c < COL_COUNT; c++)
        *found += map->index[c] >= 0;
    return fits;
}

static char **keys_of(const csv_record *rec)
{
    char **keys = xcalloc(rec->count ? rec->count : 1, sizeof *keys);
    for (size_t i = 0; i < rec->count; i++) {
        size_t len;
        const char *s = rec_cell(rec, (int)i, &len);
        keys[i] = fold(s, len);
    }
    return keys;
}

static void keys_free(char **keys, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(keys[i]);
    free(keys);
}

static void note_nearest(nearest *n, const fit *f, size_t line)
{
    if (f->found <= n->found && n->line)
        return;
    n->found = f->found;
    n->required = f->required;
    n->line = line;
    n->missing_count = f->missing_count;
    memcpy(n->missing, f->missing, sizeof n->missing);
}

/* Sets up the reader for the header rec fitted by f under profile p. */
static void take_header(import_reader *ir, const import_profile *p, const csv_record *rec,
                        char **keys, const fit *f)
{
    ir->p = p;
    ir->counts.header_line = rec->line;
    ir->header_count = rec->count;
    ir->header_keys = keys;
    ir->header_names = xcalloc(rec->count ? rec->count : 1, sizeof *ir->header_names);
    for (size_t i = 0; i < rec->count; i++) {
        size_t len;
        const char *s = rec_cell(rec, (int)i, &len);
        ir->header_names[i] = dup_span(s, len);
    }
    memcpy(ir->col, f->col, sizeof ir->col);
}

/* Among the profiles that fit one row, the one that claims every cell any
 * other claims, and more; NULL (reported) when there is none. */
static const import_profile *choose(import_reader *ir, const detection *det, const fit *fits,
                                    const bool *fits_row, const csv_record *rec)
{
    const import_profile *winner = NULL;
    size_t matches = 0;
    for (size_t i = 0; i < det->profile_count; i++) {
        if (!fits_row[i])
            continue;
        matches++;
        bool covers = true;
        for (size_t j = 0; j < det->profile_count && covers; j++)
            if (j != i && fits_row[j] && !fit_covers(&fits[i], &fits[j], rec->count))
                covers = false;
        if (covers)
            winner = &det->all[i];
    }
    if (winner || matches == 0)
        return winner;
    char names[512];
    size_t n = 0;
    for (size_t i = 0; i < det->profile_count && n < sizeof names - 64; i++)
        if (fits_row[i])
            n += (size_t)snprintf(names + n, sizeof names - n, "%s'%s'", n ? ", " : "",
                                  det->all[i].name);
    report(ir, rec->line,
           "the header fits several import profiles: %s; choose one "
           "with [import] profile in report.ini",
           names);
    return NULL;
}

/* Tries the import profiles (all, or only the forced one) on rec.  1 when
 * one was chosen (ir set up), 0 when none fits, -1 when several did. */
static int try_row(import_reader *ir, detection *det, const csv_record *rec,
                   const import_profile *forced)
{
    char **keys = keys_of(rec);
    fit *fits = xcalloc(det->profile_count, sizeof *fits);
    bool *fits_row = xcalloc(det->profile_count, sizeof *fits_row);
    size_t matches = 0;
    for (size_t i = 0; i < det->profile_count; i++) {
        const import_profile *p = &det->all[i];
        if (p->tidy || (forced && forced != p))
            continue;
        fit_row(p, keys, rec->count, &fits[i]);
        note_nearest(&det->near[i], &fits[i], rec->line);
        fits_row[i] = fit_matches(&fits[i]);
        matches += fits_row[i];
    }
    int rc = 0;
    if (matches) {
        const import_profile *p = choose(ir, det, fits, fits_row, rec);
        rc = p ? 1 : -1;
        if (p) {
            take_header(ir, p, rec, keys, &fits[p - det->all]);
            keys = NULL;
        }
    }
    for (size_t i = 0; i < det->profile_count; i++)
        fit_free(&fits[i]);
    free(fits);
    free(fits_row);
    if (keys)
        keys_free(keys, rec->count);
    return rc;
}

/* Appends "'name' (line L has F of its R columns; missing 'a', 'b')". */
static size_t describe_nearest(char *buf, size_t size, const import_profile *p, const nearest *n)
{
    size_t len = (size_t)snprintf(buf, size,
                                  _("'%s' (line %zu has %zu of its %zu "
                                    "columns; missing "),
                                  p->name, n->line, n->found, n->required);
    for (size_t k = 0; k < n->missing_count && len < size; k++) {
        const char *names = p->columns[n->missing[k]].names;
        size_t w = strcspn(names, "|");
        len += (size_t)snprintf(buf + len, size - len, "%s'%.*s'", k ? ", " : "", (int)w, names);
    }
    if (len < size)
        len += (size_t)snprintf(buf + len, size - len, ")");
    return len < size ? len : size - 1;
}

/* Whether an import profile came near: at least three of its columns,
 * half of them, and more than the first record has of bilan's own. */
static bool is_near(const detection *det, size_t i)
{
    const nearest *n = &det->near[i];
    return !det->all[i].tidy && n->line && n->found >= 3 && n->found * 2 >= n->required &&
           n->found > det->tidy_found;
}

/* No profile fits: names the nearest ones, or (when none is near) lets
 * columns.c say what the first record lacks as a tidy header. */
static void report_no_header(import_reader *ir, detection *det, const import_options *o,
                             const import_profile *forced)
{
    size_t best = 0;
    for (size_t i = 0; i < det->profile_count; i++)
        if (is_near(det, i) && det->near[i].found > best)
            best = det->near[i].found;
    if (!forced && best == 0) {
        csv_record first = saved_view(&det->first);
        columns_map_header(INPUT_LEDGER, &first, o ? o->columns : NULL, ir->file, &ir->map, ir->d);
        return;
    }
    char list[2048];
    size_t len = 0;
    for (size_t i = 0; i < det->profile_count && len < sizeof list - 300; i++) {
        const nearest *n = &det->near[i];
        bool named = forced ? !det->all[i].tidy && n->line : is_near(det, i) && n->found == best;
        if (!named)
            continue;
        if (len)
            len += (size_t)snprintf(list + len, sizeof list - len, ", ");
        len += describe_nearest(list + len, sizeof list - len, &det->all[i], n);
    }
    if (forced)
        report(ir, 0, "no header of the import profile '%s' in the first %d rows: %s", forced->name,
               IMPORT_SCAN_ROWS, len ? list : _("no row has any of its columns"));
    else
        report(ir, 0,
               "no known header in the first %d rows; nearest: %s; see "
               "docs/imports.md, or set [import] profile in report.ini",
               IMPORT_SCAN_ROWS, list);
}

/* The tidy layout: its header is the first record. */
static int take_tidy(import_reader *ir, const csv_record *rec, const import_options *o)
{
    ir->tidy = true;
    ir->p = import_profile_find("bilan");
    ir->counts.header_line = rec->line;
    return columns_map_header(INPUT_LEDGER, rec, o ? o->columns : NULL, ir->file, &ir->map, ir->d);
}

/* Reads records until the header.  0, or -1 when reported. */
static int detect(import_reader *ir, const import_options *o)
{
    detection det;
    memset(&det, 0, sizeof det);
    det.all = import_profiles(&det.profile_count);
    det.near = xcalloc(det.profile_count, sizeof *det.near);
    const import_profile *forced = NULL;
    if (o && o->profile && *o->profile) {
        forced = import_profile_find(o->profile);
        if (!forced) {
            report(ir, 0,
                   "unknown import profile '%s' (set in report.ini [import] "
                   "profile; docs/imports.md lists them)",
                   o->profile);
            free(det.near);
            return -1;
        }
    }
    int rc = -2; /* not decided */
    saved_record previous = { 0 };
    for (size_t n = 0; n < IMPORT_SCAN_ROWS && rc == -2;) {
        int got = record_source_next(ir->r, &ir->rec);
        if (got < 0) {
            rc = -1;
            break;
        }
        if (got == 0) {
            if (n == 0) {
                report(ir, 0, "the file is empty: no header line");
                rc = -1;
            }
            break;
        }
        if (rec_blank(&ir->rec))
            continue;
        if (n++ == 0) {
            saved_copy(&det.first, &ir->rec);
            det.tidy_fits = tidy_fits(&ir->rec, o, &ir->map, &det.tidy_found);
            if (forced && forced->tidy) {
                rc = take_tidy(ir, &ir->rec, o);
                break;
            }
        }
        int t = try_row(ir, &det, &ir->rec, forced);
        if (t == 1) {
            rc = 0;
            if (ir->p->header_repeats && previous.count) {
                ir->title = previous;
                memset(&previous, 0, sizeof previous);
                ir->title_pending = true;
            }
        } else if (t < 0) {
            rc = -1;
        } else if (n == 1 && det.tidy_fits && !forced) {
            rc = take_tidy(ir, &ir->rec, o);
        } else {
            saved_copy(&previous, &ir->rec);
        }
    }
    if (rc == -2) {
        report_no_header(ir, &det, o, forced);
        rc = -1;
    }
    saved_free(&previous);
    saved_free(&det.first);
    free(det.near);
    return rc;
}

/* ---- money and dates --------------------------------------------------- */

/* Removes a trailing Dr/Cr (Dt/Ct) from s[0..*len): +1 for a debit, -1 for
 * a credit, 0 when there is none. */
static int drcr_suffix(const char *s, size_t *len)
{
    size_t n = *len;
    if (n < 3)
        return 0;
    char a = (char)(s[n - 2] | 0x20), b = (char)(s[n - 1] | 0x20);
    char before = s[n - 3];
    bool debit = (a == 'd' && (b == 'r' || b == 't'));
    bool credit = (a == 'c' && (b == 'r' || b == 't'));
    bool after_figure =
        before == ' ' || before == ')' || before == '$' || (before >= '0' && before <= '9');
    if ((!debit && !credit) || !after_figure)
        return 0;
    n -= 2;
    text_trim(s, &n);
    *len = n;
    return debit ? 1 : -1;
}

money_status import_money(const char *text, size_t len, money_decimal *learned,
                          money_decimal fallback, int64_t *out)
{
    const char *s = text_trim(text, &len);
    if (len == 0)
        return MONEY_EMPTY;
    int sign = drcr_suffix(s, &len);
    if (len >= 2 && s[0] == '$' && s[1] == '(') { /* "$(250.00)" */
        s++;
        len--;
    }
    if (*learned == MONEY_DECIMAL_AUTO) {
        money_evidence ev = money_evidence_of(s, len);
        if (ev != MONEY_EVIDENCE_NONE)
            *learned = ev == MONEY_EVIDENCE_POINT ? MONEY_DECIMAL_POINT : MONEY_DECIMAL_COMMA;
    }
    money_status st = money_parse(s, len, *learned, out);
    if (st == MONEY_AMBIGUOUS && fallback != MONEY_DECIMAL_AUTO)
        st = money_parse(s, len, fallback, out);
    if (st == MONEY_OK && sign) {
        if (*out < 0) {
            return MONEY_SYNTAX; /* "-5.00 Cr" says its sign twice */
        }
        *out *= sign;
    }
    return st;
}

/* Parses a money cell into cents: the file's decimal mark, else the value's
 * own, else the profile's for a value that cannot tell (import_money). */
static money_status parse_money(import_reader *ir, const char *text, size_t len, int64_t *out)
{
    return import_money(text, len, &ir->decimal, ir->p->decimal, out);
}

/* Reads the money cell at col into *out; empty is *present = false.
 * false (reported) when the cell is not an amount. */
static bool money_cell(import_reader *ir, int col, int64_t *out, bool *present)
{
    size_t len;
    const char *s = cell(ir, col, &len);
    *out = 0;
    *present = false;
    if (col < 0 || len == 0)
        return true;
    xlsx_cell_kind kind = record_source_kind(ir->r, (size_t)col);
    if (kind == XLSX_CELL_NUMBER || kind == XLSX_CELL_NUMBER_OTHER) {
        /* a sheet's number: plain "-1234.5", whatever the text cells say */
        money_status st = money_parse(s, len, MONEY_DECIMAL_POINT, out);
        if (st == MONEY_OK) {
            *present = true;
            return true;
        }
        char place[256];
        record_source_place(ir->r, ir->rec.line, (size_t)col, place, sizeof place);
        const char *name = (size_t)col < ir->header_count ? ir->header_names[col] : NULL;
        diag_data(ir->d, place, 0, name && *name ? name : NULL, "%.*s %s",
                  (int)(len > 200 ? 200 : len), s, money_status_message(st));
        return false;
    }
    money_status st = parse_money(ir, s, len, out);
    if (st == MONEY_OK) {
        *present = true;
        return true;
    }
    report_at(ir, ir->rec.line, col, "'%.*s' %s", (int)(len > 200 ? 200 : len), s,
              _(money_status_message(st)));
    return false;
}

/* Month names, folded, English and French: the number of the one that
 * word (at least three letters) begins, 0 when none or two do. */
static int month_of(const char *w, size_t n)
{
    static const char *const names[] = { "january",   "february", "march",    "april",
                                         "may",       "june",     "july",     "august",
                                         "september", "october",  "november", "december",
                                         "janvier",   "fevrier",  "mars",     "avril",
                                         "mai",       "juin",     "juillet",  "aout",
                                         "septembre", "octobre",  "novembre", "decembre" };
    int found = 0;
    if (n < 3)
        return 0;
    for (int i = 0; i < 24; i++) {
        if (strlen(names[i]) >= n && strncmp(names[i], w, n) == 0) {
            int m = i % 12 + 1;
            if (found && found != m)
                return 0;
            found = m;
        }
    }
    return found;
}

/* A date written with its month's name: "12 Apr 2025", "Apr 12, 2025",
 * "12 avr. 2025", "1er janvier 2025", "Sept 3 2025".  Writes YYYY-MM-DD. */
static bool text_date(const char *s, size_t len, char iso[11])
{
    char *key = fold(s, len);
    int num[2] = { -1, -1 }, nums = 0, month = 0, year = -1;
    bool ok = true;
    for (char *p = key; *p && ok;) {
        if (*p == ' ' || *p == ',') {
            p++;
            continue;
        }
        char *start = p;
        if (*p >= '0' && *p <= '9') {
            long v = strtol(p, &p, 10);
            size_t digits = (size_t)(p - start);
            if (strncmp(p, "er", 2) == 0 || strncmp(p, "st", 2) == 0 || strncmp(p, "nd", 2) == 0 ||
                strncmp(p, "rd", 2) == 0 || strncmp(p, "th", 2) == 0)
                p += 2;
            if (digits == 4 && year < 0)
                year = (int)v;
            else if (digits <= 2 && nums < 2)
                num[nums++] = (int)v;
            else
                ok = false;
        } else {
            while (*p && *p != ' ' && *p != ',' && !(*p >= '0' && *p <= '9'))
                p++;
            int m = month_of(start, (size_t)(p - start));
            if (m && !month)
                month = m;
            else
                ok = false;
        }
    }
    free(key);
    if (!ok || !month || year < 0 || nums != 1 || !date_is_valid(year, month, num[0]))
        return false;
    date d = { year, month, num[0] };
    date_format_iso(d, iso);
    return true;
}

/* Whether s[0..len) (trimmed) is a date: a numeric one date.h parses in
 * either day/month order (a two-digit year made 20YY, or 19YY from 70),
 * or a month name.  The text the record carries goes to *text, *text_len
 * (into buf when rewritten). */
static bool date_cell(const char *s, size_t len, char buf[64], const char **text, size_t *text_len)
{
    date d;
    *text = s;
    *text_len = len;
    if (len == 0 || len > 40)
        return false;
    if (date_parse(s, len, DATE_ORDER_MDY, &d) == DATE_OK ||
        date_parse(s, len, DATE_ORDER_DMY, &d) == DATE_OK)
        return true;
    /* d/m/yy or m/d/yy */
    size_t i = 0, parts = 0, digits = 0;
    char sep = 0;
    for (; i < len; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            digits++;
        } else if ((c == '/' || c == '-' || c == '.') && digits && (!sep || c == sep)) {
            sep = c;
            parts++;
            digits = 0;
        } else {
            break;
        }
    }
    if (i == len && parts == 2 && digits == 2 && sep != '.') {
        int yy = (s[len - 2] - '0') * 10 + (s[len - 1] - '0');
        snprintf(buf, 64, "%.*s%d", (int)(len - 2), s, yy < 70 ? 2000 + yy : 1900 + yy);
        if (date_parse(buf, strlen(buf), DATE_ORDER_MDY, &d) == DATE_OK ||
            date_parse(buf, strlen(buf), DATE_ORDER_DMY, &d) == DATE_OK) {
            *text = buf;
            *text_len = strlen(buf);
            return true;
        }
        return false;
    }
    if (text_date(s, len, buf)) {
        *text = buf;
        *text_len = 10;
        return true;
    }
    return false;
}

bool import_parse_date(const char *s, size_t len, date_order order, date *out)
{
    s = text_trim(s, &len);
    if (len == 0 || len > 40)
        return false;
    if (date_parse(s, len, order, out) == DATE_OK)
        return true;
    char iso[11];
    return text_date(s, len, iso) && date_parse(iso, 10, DATE_ORDER_AUTO, out) == DATE_OK;
}

/* ---- accounts ---------------------------------------------------------- */

typedef struct span {
    const char *s;
    size_t len;
} span;

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Length of a code-name separator at s: · • - – — :, or 0. */
static size_t code_separator(const char *s, size_t len)
{
    if (len >= 1 && (s[0] == '-' || s[0] == ':'))
        return 1;
    if (len >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xB7)
        return 2; /* · U+00B7 */
    if (len >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
        ((unsigned char)s[2] == 0xA2 || (unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94))
        return 3; /* • – — */
    return 0;
}

/* Splits a label into code and name: "4000 Sales", "4000 · Sales",
 * "425 - Freight", "Sales (4000)", "Expenses:Rent", "6000 · A:6010 · B"
 * (the last component of a path); no code: the whole label is the name. */
static void account_split(const char *s, size_t len, span *code, span *name)
{
    s = text_trim(s, &len);
    const char *colon = memchr(s, ':', len), *last = colon;
    while (last) {
        const char *next = memchr(last + 1, ':', len - (size_t)(last + 1 - s));
        if (!next)
            break;
        last = next;
    }
    if (colon) {
        size_t left = (size_t)(colon - s);
        const char *l = text_trim(s, &left);
        bool numeric = left > 0;
        for (size_t i = 0; i < left; i++)
            numeric &= is_digit(l[i]) || l[i] == '.';
        if (!(numeric && colon == last)) {
            len -= (size_t)(last + 1 - s);
            s = text_trim(last + 1, &len);
        }
    }
    code->s = s;
    code->len = 0;
    name->s = s;
    name->len = len;
    size_t i = 0;
    while (i < len && (is_digit(s[i]) || ((s[i] == '.' || s[i] == '-') && i > 0 && i + 1 < len &&
                                          is_digit(s[i + 1]))))
        i++;
    if (i > 0) {
        size_t j = i;
        while (j < len && s[j] == ' ')
            j++;
        size_t sep = code_separator(s + j, len - j);
        j += sep;
        while (j < len && s[j] == ' ')
            j++;
        if (j == len && i == len) {
            code->len = len; /* a code alone */
            name->len = 0;
            return;
        }
        if (j > i && j < len && (sep || j > i)) {
            code->len = i;
            name->s = s + j;
            name->len = len - j;
            return;
        }
    }
    if (len > 3 && s[len - 1] == ')') { /* "Name (425)" */
        size_t open = len - 1;
        while (open > 0 && is_digit(s[open - 1]))
            open--;
        if (open > 1 && open < len - 1 && s[open - 1] == '(' && s[open - 2] == ' ') {
            code->s = s + open;
            code->len = len - 1 - open;
            size_t n = open - 1;
            name->s = text_trim(s, &n);
            name->len = n;
        }
    }
}

void import_account_split(const char *label, size_t len, const char **code, size_t *code_len,
                          const char **name, size_t *name_len)
{
    span c, n;
    account_split(label, len, &c, &n);
    *code = c.s;
    *code_len = c.len;
    *name = n.s;
    *name_len = n.len;
}

static void section_free(section *s)
{
    free(s->label);
    free(s->key);
    free(s->code);
    free(s->name);
    memset(s, 0, sizeof *s);
}

static void section_init(section *s, const char *label, size_t len, size_t line,
                         const char *code_cell, size_t code_len)
{
    memset(s, 0, sizeof *s);
    span code, name;
    account_split(label, len, &code, &name);
    if (code_len) { /* Wave: the number in its own column */
        code.s = code_cell;
        code.len = code_len;
        name.s = label;
        name.len = len;
    }
    s->label = dup_span(label, len);
    s->key = fold(label, len);
    s->code = dup_span(code.s, code.len);
    s->name = dup_span(name.s, name.len);
    s->line = line;
}

/* ---- the output line --------------------------------------------------- */

static size_t out_put(import_reader *ir, const char *s, size_t len)
{
    strbuf *b = &ir->out;
    xgrow((void **)&b->data, &b->cap, b->len + len + 1, 1);
    size_t at = b->len;
    memcpy(b->data + at, s, len);
    b->data[at + len] = '\0';
    b->len += len + 1;
    return at;
}

static size_t out_money(import_reader *ir, int64_t v)
{
    char buf[32];
    cents_text(v, buf);
    return out_put(ir, buf, strlen(buf));
}

/* Fills *out from the offsets of its strings in ir->out. */
static void out_finish(import_reader *ir, import_line *out, const size_t at[IMPORT_FIELD_COUNT],
                       size_t name_at)
{
    for (int i = 0; i < IMPORT_FIELD_COUNT; i++) {
        ir->fields[i] = ir->out.data + at[i];
        ir->lengths[i] = strlen(ir->fields[i]);
    }
    out->date = ir->fields[IMPORT_FIELD_DATE];
    out->account = ir->fields[IMPORT_FIELD_ACCOUNT];
    out->account_name = ir->out.data + name_at;
    out->counterparty = ir->fields[IMPORT_FIELD_COUNTERPARTY];
    out->memo = ir->fields[IMPORT_FIELD_MEMO];
    out->ref = ir->fields[IMPORT_FIELD_REF];
    out->record.line = out->line;
    out->record.count = IMPORT_FIELD_COUNT;
    out->record.fields = ir->fields;
    out->record.lengths = ir->lengths;
}

/* ---- sections and totals ----------------------------------------------- */

static section *current(import_reader *ir)
{
    return ir->depth ? &ir->stack[ir->depth - 1] : NULL;
}

static void push_section(import_reader *ir, section *s)
{
    xgrow((void **)&ir->stack, &ir->stack_cap, ir->depth + 1, sizeof *ir->stack);
    s->start = ir->file_sums;
    ir->stack[ir->depth++] = *s;
    ir->counts.sections++;
}

/* Reports a section that ends (at line) without the total it needs. */
static void report_untotalled(import_reader *ir, const section *s, size_t line, const char *why)
{
    if (!ir->p->totals_required || s->closed)
        return;
    report(ir, line, "account '%s' (section at line %zu) has no total row %s", s->label, s->line,
           _(why));
}

/* Pops the innermost section (nested profiles), kept for a later total
 * "with sub-accounts". */
static void pop_section(import_reader *ir)
{
    section *s = &ir->stack[--ir->depth];
    xgrow((void **)&ir->closed, &ir->closed_cap, ir->closed_count + 1, sizeof *ir->closed);
    ir->closed[ir->closed_count++] = *s;
}

/* Compares one figure of the export with bilan's; true when they agree. */
static bool agree(import_reader *ir, const section *s, const char *what, int64_t shown,
                  int64_t expected, const char *whose)
{
    if (shown == expected)
        return true;
    char a[32], b[32];
    cents_text(shown, a);
    cents_text(expected, b);
    if (s)
        report(ir, ir->rec.line, "account '%s': the export's %s is %s but %s %s", s->label, _(what),
               a, _(whose), b);
    else
        report(ir, ir->rec.line, "the export's %s is %s but %s %s", _(what), a, _(whose), b);
    return false;
}

/* The money cells of a total or balance row. */
typedef struct figures {
    int64_t amount, debit, credit, balance;
    bool has_amount, has_debit, has_credit, has_balance;
    bool ok;
} figures;

static figures row_figures(import_reader *ir)
{
    figures f;
    memset(&f, 0, sizeof f);
    f.ok = money_cell(ir, ir->col[IMPORT_AMOUNT], &f.amount, &f.has_amount);
    f.ok &= money_cell(ir, ir->col[IMPORT_DEBIT], &f.debit, &f.has_debit);
    f.ok &= money_cell(ir, ir->col[IMPORT_CREDIT], &f.credit, &f.has_credit);
    f.ok &= money_cell(ir, ir->col[IMPORT_BALANCE], &f.balance, &f.has_balance);
    return f;
}

/* The balance a row shows: its balance cell, else its amount, else its
 * debit - credit.  false when it shows none. */
static bool shown_balance(const figures *f, int64_t *out)
{
    if (f->has_balance)
        *out = f->balance;
    else if (f->has_amount)
        *out = f->amount;
    else if (f->has_debit || f->has_credit)
        *out = f->debit - f->credit;
    else
        return false;
    return true;
}

/* The lines since s began, its sub-accounts' included. */
static sums lines_since_start(const import_reader *ir, const section *s)
{
    sums all = ir->file_sums;
    all.amount -= s->start.amount;
    all.debit -= s->start.debit;
    all.credit -= s->start.credit;
    return all;
}

/* Checks a closing balance: opening + the lines since = closing (in
 * nested profiles, sub-accounts' lines included). */
static bool check_closing(import_reader *ir, const section *s, int64_t closing)
{
    sums since_start = lines_since_start(ir, s);
    const sums *l = ir->p->nested ? &since_start : &s->since_opening;
    int64_t net = ir->p->balance == IMPORT_BALANCE_AMOUNT ? l->amount : l->debit - l->credit;
    int64_t expected = s->opening + net;
    if (ir->p->balance == IMPORT_BALANCE_EITHER && closing == s->opening - net)
        return true;
    char o[32];
    cents_text(s->opening, o);
    char whose[96];
    snprintf(whose, sizeof whose, _("its opening balance %s plus its lines make"), o);
    return agree(ir, s, "closing balance", closing, expected, whose);
}

/* Checks a total row's figures against the section's lines: the amount,
 * or the debits and credits.  In nested profiles a total may include the
 * sub-accounts' lines (always, for TOTAL_SUBS).  Then its balance. */
static void check_total(import_reader *ir, section *s, const figures *f, import_label_kind kind)
{
    sums own = ir->p->nested ? s->own : s->since_total;
    sums all = ir->p->nested ? lines_since_start(ir, s) : own;
    if (ir->p->totals_include_opening) {
        own.debit += s->opening_dc.debit;
        own.credit += s->opening_dc.credit;
        all.debit += s->opening_dc.debit;
        all.credit += s->opening_dc.credit;
    }
    const sums *want = kind == IMPORT_LABEL_TOTAL_SUBS ? &all : &own;
    bool checked = false;
    if (f->has_amount && ir->p->amount == IMPORT_AMOUNT_NATURAL) {
        if (f->amount == all.amount)
            want = &all;
        agree(ir, s, "total", f->amount, want->amount, N_("its lines sum to"));
        checked = true;
    }
    if (f->has_debit || f->has_credit) {
        if (f->debit == all.debit && f->credit == all.credit)
            want = &all;
        agree(ir, s, "debit total", f->debit, want->debit, N_("its lines' debits sum to"));
        agree(ir, s, "credit total", f->credit, want->credit, N_("its lines' credits sum to"));
        checked = true;
    }
    if (f->has_balance && s->has_opening && ir->p->balance != IMPORT_BALANCE_UNCHECKED) {
        check_closing(ir, s, f->balance);
        checked = true;
    }
    if (checked)
        ir->counts.totals_checked++;
    else
        ir->counts.balances_skipped++;
    memset(&s->since_total, 0, sizeof s->since_total);
}

/* A period's change (Sage 50 US "Current Period Change"): its debits and
 * credits, and the net change in its balance cell. */
static void check_change(import_reader *ir, section *s, const figures *f)
{
    const sums *l = &s->since_total;
    bool checked = false;
    if (f->has_debit || f->has_credit) {
        agree(ir, s, "period debit total", f->debit, l->debit, N_("its lines' debits sum to"));
        agree(ir, s, "period credit total", f->credit, l->credit, N_("its lines' credits sum to"));
        checked = true;
    }
    if (f->has_balance && ir->p->balance != IMPORT_BALANCE_UNCHECKED) {
        int64_t net = ir->p->balance == IMPORT_BALANCE_AMOUNT ? l->amount : l->debit - l->credit;
        if (!(ir->p->balance == IMPORT_BALANCE_EITHER && f->balance == -net))
            agree(ir, s, "net change", f->balance, net, N_("its lines make"));
        checked = true;
    }
    if (checked)
        ir->counts.totals_checked++;
    else
        ir->counts.balances_skipped++;
    memset(&s->since_total, 0, sizeof s->since_total);
}

static bool key_is(const section *s, const char *cap, size_t cap_len)
{
    return strlen(s->key) == cap_len && strncmp(s->key, cap, cap_len) == 0;
}

/* The section a total names (folded cap), or the current one; *level is
 * its depth in the stack, 0 for a section already closed. */
static section *total_target(import_reader *ir, const char *cap, size_t cap_len, size_t *level)
{
    *level = ir->depth;
    if (!cap || !ir->p->nested)
        return current(ir);
    for (size_t i = ir->depth; i-- > 0;) {
        if (key_is(&ir->stack[i], cap, cap_len)) {
            *level = i + 1;
            return &ir->stack[i];
        }
    }
    *level = 0;
    for (size_t i = ir->closed_count; i-- > 0;)
        if (key_is(&ir->closed[i], cap, cap_len))
            return &ir->closed[i];
    return NULL;
}

/* A total row (TOTAL, TOTAL_SUBS): checks it and closes its section. */
static void on_total(import_reader *ir, import_label_kind kind, const char *cap, size_t cap_len,
                     const figures *f)
{
    size_t level;
    section *s = total_target(ir, cap, cap_len, &level);
    if (!s) {
        if (cap)
            report(ir, ir->rec.line,
                   "a total for '%.*s', which is not an account "
                   "section of the export",
                   (int)cap_len, cap);
        else
            report(ir, ir->rec.line, "a total row before any account");
        return;
    }
    if (cap && !ir->p->nested && !key_is(s, cap, cap_len)) {
        report(ir, ir->rec.line,
               "a total for '%.*s' in the section of account '%s' "
               "(line %zu)",
               (int)cap_len, cap, s->label, s->line);
        return;
    }
    if (level == 0) { /* closed already: with sub-accounts */
        check_total(ir, s, f, IMPORT_LABEL_TOTAL_SUBS);
        return;
    }
    while (ir->p->nested && ir->depth > level) {
        report_untotalled(ir, current(ir), ir->rec.line, "before this total");
        pop_section(ir);
    }
    check_total(ir, s, f, kind);
    if (ir->p->sections)
        s->closed = true;
    if (ir->p->nested)
        pop_section(ir);
}

/* An opening balance row. */
static void on_opening(import_reader *ir, const figures *f)
{
    section *s = current(ir);
    ir->counts.balances_skipped++;
    if (!s) {
        report(ir, ir->rec.line, "an opening balance before any account");
        return;
    }
    int64_t v;
    if (shown_balance(f, &v)) {
        s->has_opening = true;
        s->opening = v;
    }
    s->opening_dc.debit = f->debit;
    s->opening_dc.credit = f->credit;
    memset(&s->since_opening, 0, sizeof s->since_opening);
}

/* The grand total: the file's debits and credits; the end of the data. */
static void on_grand(import_reader *ir, const figures *f)
{
    while (ir->depth) {
        report_untotalled(ir, current(ir), ir->rec.line, "before the grand total");
        if (ir->p->nested)
            pop_section(ir);
        else
            break;
    }
    if (ir->p->amount != IMPORT_AMOUNT_NATURAL && (f->has_debit || f->has_credit)) {
        agree(ir, NULL, "grand total of debits", f->debit, ir->file_sums.debit,
              N_("the lines' debits sum to"));
        agree(ir, NULL, "grand total of credits", f->credit, ir->file_sums.credit,
              N_("the lines' credits sum to"));
        ir->counts.totals_checked++;
    } else {
        ir->counts.balances_skipped++;
    }
    ir->ended = true;
}

/* ---- labels ------------------------------------------------------------ */

/* Whether key matches pattern ("total for *"); *cap gets the '*' part. */
static bool label_match(const char *pattern, const char *key, const char **cap, size_t *cap_len)
{
    const char *star = strchr(pattern, '*');
    size_t klen = strlen(key);
    *cap = NULL;
    *cap_len = 0;
    if (!star)
        return strcmp(pattern, key) == 0;
    size_t pre = (size_t)(star - pattern), post = strlen(star + 1);
    if (klen <= pre + post || strncmp(key, pattern, pre) != 0 ||
        strcmp(key + klen - post, star + 1) != 0)
        return false;
    *cap = key + pre;
    *cap_len = klen - pre - post;
    return true;
}

/* Whether the money column col is one of the row's roles for money. */
static bool is_money_col(const import_reader *ir, int col)
{
    return col == ir->col[IMPORT_AMOUNT] || col == ir->col[IMPORT_DEBIT] ||
           col == ir->col[IMPORT_CREDIT] || col == ir->col[IMPORT_BALANCE];
}

/* The first label among the row's text cells (exact patterns only when
 * exact_only): its kind, or -1. */
static int find_label(import_reader *ir, bool exact_only, const char **cap, size_t *cap_len)
{
    char **keys = row_keys(ir);
    for (size_t i = 0; i < ir->rec.count; i++) {
        if (!keys[i][0] || is_money_col(ir, (int)i))
            continue;
        for (const import_label *l = ir->p->labels; l->pattern; l++) {
            if (exact_only && strchr(l->pattern, '*'))
                continue;
            if (label_match(l->pattern, keys[i], cap, cap_len))
                return (int)l->kind;
        }
    }
    return -1;
}

/* Handles a labelled row of that kind. */
static void on_label(import_reader *ir, import_label_kind kind, const char *cap, size_t cap_len)
{
    if (kind == IMPORT_LABEL_FOOTER || kind == IMPORT_LABEL_SKIP) {
        if (kind == IMPORT_LABEL_FOOTER)
            ir->counts.other_skipped++;
        else
            ir->counts.balances_skipped++;
        return;
    }
    figures f = row_figures(ir);
    if (!f.ok)
        return;
    switch (kind) {
    case IMPORT_LABEL_OPENING: on_opening(ir, &f); break;
    case IMPORT_LABEL_TOTAL:
    case IMPORT_LABEL_TOTAL_SUBS: on_total(ir, kind, cap, cap_len, &f); break;
    case IMPORT_LABEL_CHANGE:
        if (current(ir))
            check_change(ir, current(ir), &f);
        else
            report(ir, ir->rec.line, "a period change before any account");
        break;
    case IMPORT_LABEL_GRAND: on_grand(ir, &f); break;
    default: break;
    }
}

/* ---- rows -------------------------------------------------------------- */

/* Whether the row repeats the header. */
static bool is_header_again(import_reader *ir)
{
    if (ir->rec.count < ir->header_count)
        return false;
    int d = ir->col[IMPORT_DATE];
    size_t len;
    const char *s = cell(ir, d, &len);
    if (len != strlen(ir->header_names[d]) || strncmp(s, ir->header_names[d], len) != 0)
        return false;
    char **keys = row_keys(ir);
    for (size_t i = 0; i < ir->rec.count; i++)
        if (strcmp(keys[i], i < ir->header_count ? ir->header_keys[i] : "") != 0)
            return false;
    return true;
}

/* The first non-empty cell, or -1. */
static int first_filled(const import_reader *ir)
{
    for (size_t i = 0; i < ir->rec.count; i++) {
        size_t len;
        cell(ir, (int)i, &len);
        if (len)
            return (int)i;
    }
    return -1;
}

/* A section row: its label in the first columns (up to the date column),
 * nothing else but money and (Wave) the account number.  Returns the
 * label's cell, or -1. */
static int section_label(const import_reader *ir)
{
    int label = -1;
    int limit = ir->col[IMPORT_DATE];
    for (size_t i = 0; i < ir->rec.count; i++) {
        size_t len;
        cell(ir, (int)i, &len);
        if (!len || is_money_col(ir, (int)i) || (int)i == ir->col[IMPORT_ACCOUNT])
            continue;
        if (label >= 0 || (int)i > limit)
            return -1;
        label = (int)i;
    }
    return label;
}

/* Whether the row's filled cells are all money cells (a bare total). */
static bool money_only(const import_reader *ir)
{
    bool any = false;
    for (size_t i = 0; i < ir->rec.count; i++) {
        size_t len;
        cell(ir, (int)i, &len);
        if (!len)
            continue;
        if (!is_money_col(ir, (int)i))
            return false;
        any = true;
    }
    return any;
}

/* A section row at rec (the current row, or the title kept from before
 * the header). */
static void on_section(import_reader *ir, const csv_record *rec, int label_col)
{
    size_t len, code_len = 0;
    const char *label = rec_cell(rec, label_col, &len);
    const char *code = "";
    if (ir->p->account == IMPORT_ACCOUNT_SECTION)
        code = rec_cell(rec, ir->col[IMPORT_ACCOUNT], &code_len);
    section s;
    section_init(&s, label, len, rec->line, code, code_len);
    if (!ir->p->nested) {
        while (ir->depth) {
            report_untotalled(ir, current(ir), rec->line, "before the next account");
            section_free(current(ir));
            ir->depth--;
        }
    }
    push_section(ir, &s);
    /* the opening balance some exports show on the section row */
    if (rec == &ir->rec && ir->col[IMPORT_BALANCE] >= 0) {
        int64_t v;
        bool present;
        if (money_cell(ir, ir->col[IMPORT_BALANCE], &v, &present) && present) {
            current(ir)->has_opening = true;
            current(ir)->opening = v;
        }
    }
}

/* Fill-down: a new value in the account column starts a new account. */
static void fill_down(import_reader *ir)
{
    size_t len, name_len;
    const char *code = role_cell(ir, IMPORT_ACCOUNT, &len);
    if (!len)
        return;
    section *s = current(ir);
    if (s && strlen(s->code) == len && strncmp(s->code, code, len) == 0)
        return;
    const char *name = role_cell(ir, IMPORT_ACCOUNT_NAME, &name_len);
    section n;
    memset(&n, 0, sizeof n);
    size_t label_len = len + (name_len ? 1 + name_len : 0);
    n.label = xmalloc(label_len + 1);
    snprintf(n.label, label_len + 1, "%.*s%s%.*s", (int)len, code, name_len ? " " : "",
             (int)name_len, name);
    n.key = fold(code, len);
    n.code = dup_span(code, len);
    n.name = dup_span(name, name_len);
    n.line = ir->rec.line;
    if (s) {
        section_free(s);
        ir->depth--;
    }
    push_section(ir, &n);
}

/* Whether the folded account name is one the profile ignores. */
static bool ignored_account(const import_reader *ir, const char *s, size_t len)
{
    if (!ir->p->ignored_accounts)
        return false;
    char *key = fold(s, len);
    bool found = false;
    for (const char *const *p = ir->p->ignored_accounts; *p && !found; p++) {
        const char *cap;
        size_t cap_len;
        found = label_match(*p, key, &cap, &cap_len);
    }
    free(key);
    return found;
}

/* The line's amounts by the profile's mode into *v.  false when reported. */
static bool line_amounts(import_reader *ir, sums *v)
{
    memset(v, 0, sizeof *v);
    bool present;
    if (ir->p->amount == IMPORT_AMOUNT_DEBIT_CREDIT) {
        bool ok = money_cell(ir, ir->col[IMPORT_DEBIT], &v->debit, &present);
        ok &= money_cell(ir, ir->col[IMPORT_CREDIT], &v->credit, &present);
        if (ok && (v->debit < 0 || v->credit < 0)) {
            /* a negative debit is a credit, and the other way round */
            int64_t net;
            if (__builtin_sub_overflow(v->debit, v->credit, &net) || net == INT64_MIN) {
                report(ir, ir->rec.line, "the line's debit and credit are out of range");
                return false;
            }
            v->debit = net > 0 ? net : 0;
            v->credit = net < 0 ? -net : 0;
        }
        return ok;
    }
    int col = ir->col[IMPORT_AMOUNT];
    int64_t a;
    if (!money_cell(ir, col, &a, &present))
        return false;
    if (!present) {
        report_at(ir, ir->rec.line, col, "is empty");
        return false;
    }
    if (ir->p->amount == IMPORT_AMOUNT_NATURAL) {
        v->amount = a;
    } else if (a >= 0) {
        v->debit = a;
    } else if (a == INT64_MIN) {
        report_at(ir, ir->rec.line, col, "is out of range");
        return false;
    } else {
        v->credit = -a;
    }
    return true;
}

/* Adds a line to the sums it enters; false (reported) on overflow. */
static bool add_line(import_reader *ir, section *s, const sums *v)
{
    bool ok = sums_add(&ir->file_sums, v);
    if (s)
        ok &=
            sums_add(&s->own, v) && sums_add(&s->since_total, v) && sums_add(&s->since_opening, v);
    if (!ok)
        report(ir, ir->rec.line, "the sums of the lines are out of range");
    return ok;
}

/* A transaction row: 1 when *out is filled, 0 when skipped or reported. */
static int on_transaction(import_reader *ir, const char *date_text, size_t date_len,
                          import_line *out)
{
    section *s = current(ir);
    bool from_section = ir->p->account != IMPORT_ACCOUNT_COLUMN;
    size_t acc_len = 0;
    const char *acc = "";
    if (!from_section) {
        acc = role_cell(ir, IMPORT_ACCOUNT, &acc_len);
        from_section = !acc_len && ir->p->sections;
    }
    if (from_section && !s) {
        report(ir, ir->rec.line, "a transaction before any account");
        return 0;
    }
    if (!from_section && !acc_len) {
        report_at(ir, ir->rec.line, ir->col[IMPORT_ACCOUNT], "is empty");
        return 0;
    }
    if (from_section) {
        acc = s->label;
        acc_len = strlen(acc);
    }
    if (s && s->closed && !ir->p->nested) {
        report(ir, ir->rec.line,
               "a transaction after the total of account '%s' "
               "(line %zu)",
               s->label, s->line);
        return 0;
    }
    if (ignored_account(ir, acc, acc_len)) {
        ir->counts.other_skipped++;
        return 0;
    }
    sums v;
    if (!line_amounts(ir, &v) || !add_line(ir, s, &v))
        return 0;

    span code, name;
    if (!from_section) {
        account_split(acc, acc_len, &code, &name);
    } else {
        code.s = s->code;
        code.len = strlen(s->code);
        name.s = s->name;
        name.len = strlen(s->name);
    }
    memset(out, 0, sizeof *out);
    out->line = ir->rec.line;
    out->natural = ir->p->amount == IMPORT_AMOUNT_NATURAL;
    out->amount = v.amount;
    out->debit = v.debit;
    out->credit = v.credit;
    out->account_is_name = code.len == 0;

    size_t at[IMPORT_FIELD_COUNT], len;
    const char *t;
    ir->out.len = 0;
    at[IMPORT_FIELD_DATE] = out_put(ir, date_text, date_len);
    at[IMPORT_FIELD_ACCOUNT] =
        code.len ? out_put(ir, code.s, code.len) : out_put(ir, name.s, name.len);
    size_t name_at = out_put(ir, name.s, name.len);
    at[IMPORT_FIELD_AMOUNT] = out_money(ir, v.amount);
    at[IMPORT_FIELD_DEBIT] = out_money(ir, v.debit);
    at[IMPORT_FIELD_CREDIT] = out_money(ir, v.credit);
    t = role_cell(ir, IMPORT_COUNTERPARTY, &len);
    at[IMPORT_FIELD_COUNTERPARTY] = out_put(ir, t, len);
    t = role_cell(ir, IMPORT_MEMO, &len);
    at[IMPORT_FIELD_MEMO] = out_put(ir, t, len);
    t = role_cell(ir, IMPORT_REF, &len);
    at[IMPORT_FIELD_REF] = out_put(ir, t, len);
    out_finish(ir, out, at, name_at);
    ir->counts.transactions++;
    return 1;
}

/* Reports a row that is none of the known kinds. */
static void report_unknown(import_reader *ir)
{
    size_t len;
    int d = ir->col[IMPORT_DATE];
    const char *s = cell(ir, d, &len);
    if (len) {
        report_at(ir, ir->rec.line, d,
                  "'%.*s' is not a date, and the row is no "
                  "account section nor a known balance or total label",
                  (int)(len > 100 ? 100 : len), s);
        return;
    }
    int first = first_filled(ir);
    s = cell(ir, first, &len);
    report(ir, ir->rec.line,
           "a row that is neither a transaction (no date under '%s'), "
           "an account section nor a known label: '%.*s' in column %d",
           ir->header_names[d], (int)(len > 100 ? 100 : len), s, first + 1);
}

/* A dated row with a balance label and an empty type column (Sage 50 US
 * "Beginning Balance", one QBO variant): its label's kind, or -1.  Only
 * in profiles with a type column: elsewhere a dated row is a transaction. */
static int dated_balance(import_reader *ir, const char **cap, size_t *cap_len)
{
    size_t len;
    role_cell(ir, IMPORT_TYPE, &len);
    if (len || ir->col[IMPORT_TYPE] < 0)
        return -1;
    int kind = find_label(ir, true, cap, cap_len);
    if (kind == IMPORT_LABEL_GRAND || kind == IMPORT_LABEL_FOOTER)
        return -1;
    return kind;
}

/* Classifies the current row: 1 when it is a transaction (*out filled). */
static int on_row(import_reader *ir, import_line *out)
{
    char date_buf[64];
    const char *cap, *date_text;
    size_t cap_len, date_len, len;
    if (rec_blank(&ir->rec))
        return 0;
    const char *d = role_cell(ir, IMPORT_DATE, &len);
    bool dated = date_cell(d, len, date_buf, &date_text, &date_len);
    if (ir->ended) {
        if (dated)
            report(ir, ir->rec.line, "a transaction after the export's grand total");
        else
            ir->counts.other_skipped++;
        return 0;
    }
    if (!dated && is_header_again(ir)) {
        ir->counts.other_skipped++;
        return 0;
    }
    if (ir->p->account == IMPORT_ACCOUNT_FILL_DOWN)
        fill_down(ir);
    int kind;
    if (dated) {
        kind = dated_balance(ir, &cap, &cap_len);
        if (kind < 0)
            return on_transaction(ir, date_text, date_len, out);
        on_label(ir, (import_label_kind)kind, NULL, 0);
        return 0;
    }
    kind = find_label(ir, false, &cap, &cap_len);
    if (kind >= 0) {
        on_label(ir, (import_label_kind)kind, cap, cap_len);
        return 0;
    }
    int label = ir->p->sections ? section_label(ir) : -1;
    if (label >= 0) {
        on_section(ir, &ir->rec, label);
        return 0;
    }
    if (ir->p->unlabelled_total && money_only(ir)) {
        on_label(ir, IMPORT_LABEL_TOTAL, NULL, 0);
        return 0;
    }
    report_unknown(ir);
    return 0;
}

/* At the end of the file: open sections and a missing grand total. */
static void check_end(import_reader *ir)
{
    if (ir->end_checked)
        return;
    ir->end_checked = true;
    bool open = false;
    for (size_t i = ir->depth; i-- > 0;) {
        section *s = &ir->stack[i];
        if (ir->p->totals_required && !s->closed) {
            report(ir, ir->last_line,
                   "the export ends inside account '%s' (section at "
                   "line %zu), before its total row: is the file cut short?",
                   s->label, s->line);
            open = true;
        }
    }
    if (!open && ir->p->end_required && !ir->ended)
        report(ir, ir->last_line,
               "the export ends without its grand total row: is the "
               "file cut short?");
}

/* ---- the API ----------------------------------------------------------- */

import_reader *import_open(record_source *r, const char *file, const import_options *o, diag *d)
{
    import_reader *ir = xcalloc(1, sizeof *ir);
    ir->r = r;
    ir->file = xstrdup(file);
    diag_init(&ir->silent, NULL);
    ir->d = o && o->quiet ? &ir->silent : d;
    ir->decimal = o ? o->decimal : MONEY_DECIMAL_AUTO;
    for (int i = 0; i < ROLE_COUNT; i++)
        ir->col[i] = -1;
    if (detect(ir, o) != 0) {
        import_close(ir);
        return NULL;
    }
    if (!ir->tidy) {
        column_map *m = &ir->map;
        for (int c = 0; c < COL_COUNT; c++)
            m->index[c] = -1;
        bool natural = ir->p->amount == IMPORT_AMOUNT_NATURAL;
        m->index[COL_DATE] = IMPORT_FIELD_DATE;
        m->index[COL_ACCOUNT] = IMPORT_FIELD_ACCOUNT;
        m->index[COL_AMOUNT] = natural ? IMPORT_FIELD_AMOUNT : -1;
        m->index[COL_DEBIT] = natural ? -1 : IMPORT_FIELD_DEBIT;
        m->index[COL_CREDIT] = natural ? -1 : IMPORT_FIELD_CREDIT;
        m->index[COL_COUNTERPARTY] = IMPORT_FIELD_COUNTERPARTY;
        m->index[COL_MEMO] = IMPORT_FIELD_MEMO;
        m->index[COL_REF] = IMPORT_FIELD_REF;
        m->fields = IMPORT_FIELD_COUNT; /* every line has every field */
        m->needed_fields = 0;
        for (int c = 0; c < COL_COUNT; c++)
            m->needed[c] = false;
    }
    return ir;
}

bool import_is_tidy(const import_reader *ir)
{
    return ir->tidy;
}

const column_map *import_column_map(const import_reader *ir)
{
    return &ir->map;
}

const import_profile *import_profile_of(const import_reader *ir)
{
    return ir->p;
}

const import_counts *import_counts_of(const import_reader *ir)
{
    return &ir->counts;
}

int import_next(import_reader *ir, import_line *out)
{
    if (ir->tidy)
        return 0;
    if (ir->title_pending) {
        ir->title_pending = false;
        csv_record title = saved_view(&ir->title);
        for (size_t i = 0; i < title.count; i++) {
            size_t len;
            rec_cell(&title, (int)i, &len);
            if (len) {
                on_section(ir, &title, (int)i);
                break;
            }
        }
    }
    for (;;) {
        keys_clear(ir);
        int got = record_source_next(ir->r, &ir->rec);
        if (got < 0)
            return -1;
        if (got == 0) {
            check_end(ir);
            return 0;
        }
        ir->last_line = ir->rec.line;
        int rc = on_row(ir, out);
        if (rc)
            return rc;
    }
}

void import_summary(const import_reader *ir, char *buf, size_t size)
{
    const import_counts *c = &ir->counts;
    int n = snprintf(buf, size, "%s (line %zu)", ir->p->name, c->header_line);
    if (ir->tidy || n < 0 || (size_t)n >= size)
        return;
    n += snprintf(buf + n, size - (size_t)n,
                  ": %zu transaction rows, %zu sections, "
                  "%zu totals checked, %zu balance rows skipped",
                  c->transactions, c->sections, c->totals_checked, c->balances_skipped);
    if (c->other_skipped && n > 0 && (size_t)n < size)
        snprintf(buf + n, size - (size_t)n, ", %zu other rows skipped", c->other_skipped);
}

void import_close(import_reader *ir)
{
    if (!ir)
        return;
    keys_clear(ir);
    free(ir->keys);
    if (ir->header_keys)
        keys_free(ir->header_keys, ir->header_count);
    if (ir->header_names)
        keys_free(ir->header_names, ir->header_count);
    for (size_t i = 0; i < ir->depth; i++)
        section_free(&ir->stack[i]);
    free(ir->stack);
    for (size_t i = 0; i < ir->closed_count; i++)
        section_free(&ir->closed[i]);
    free(ir->closed);
    saved_free(&ir->title);
    free(ir->out.data);
    free(ir->file);
    free(ir);
}
