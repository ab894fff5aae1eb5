/* init_accounts.c - for `bilan init --from`: collect the accounts of ledger
 * exports (any layout the import engine reads: bilan's own, QuickBooks,
 * Sage 50, Xero, Wave, GnuCash, Odoo) and write them as an accounts.csv
 * whose guesses are marked for review. */
#include "init_accounts.h"
#include "lib/i18n.h"
#include "lib/text.h"
#include "lib/xalloc.h"
#include "parse/csv_reader.h"
#include "parse/import.h"

#include <stdlib.h>
#include <string.h>

#define NBSP "\xc2\xa0" /* U+00A0, before a French colon */

void init_accounts_init(init_accounts *a)
{
    memset(a, 0, sizeof *a);
    a->seen = strmap_new();
}

void init_accounts_free(init_accounts *a)
{
    for (size_t i = 0; i < a->count; i++) {
        free(a->items[i].code);
        free(a->items[i].name);
    }
    free(a->items);
    strmap_free(a->seen);
    memset(a, 0, sizeof *a);
}

/* ---- collecting -------------------------------------------------------- */

/* s[0..len) trimmed, in a new string. */
static char *trimmed(const char *s, size_t len)
{
    s = text_trim(s, &len);
    return xstrndup(s, len);
}

/* Adds the account of one transaction line: by code, or by name when the
 * export gives none; a name learnt later fills an empty one. */
static void add_account(init_accounts *a, const char *code, const char *name, bool xero)
{
    char *c = trimmed(code, strlen(code)), *n = trimmed(name, strlen(name));
    if (!*c && !*n) {
        free(c);
        free(n);
        return;
    }
    char *key = *c ? xstrdup(c) : NULL;
    if (!key) {
        size_t len = strlen(n) + 2;
        key = xmalloc(len);
        snprintf(key, len, "\1%s", n);
    }
    size_t at;
    if (strmap_get(a->seen, key, strlen(key), &at)) {
        init_account *old = &a->items[at];
        if (!*old->name && *n) {
            free(old->name);
            old->name = n;
            n = NULL;
        }
        free(c);
        free(n);
    } else {
        xgrow((void **)&a->items, &a->cap, a->count + 1, sizeof *a->items);
        a->items[a->count] = (init_account){ c, n, xero };
        strmap_put(a->seen, key, strlen(key), a->count++);
    }
    free(key);
}

/* The year of a date as exports write it (2025-01-15, 2025/01/15,
 * 15/01/2025, 1/15/2025): four digits at the start or the end; 0 when
 * neither. */
static int year_of(const char *s)
{
    size_t len = strlen(s);
    s = text_trim(s, &len);
    if (len >= 8 && strspn(s, "0123456789") == 4 && (s[4] == '-' || s[4] == '/'))
        return atoi(s);
    if (len >= 8 && strspn(s + len - 4, "0123456789") == 4 && !strchr("0123456789", s[len - 5]))
        return atoi(s + len - 4);
    return 0;
}

static void note_date(init_accounts *a, const char *when)
{
    int y = year_of(when);
    if (y > a->last_year && y <= 9999)
        a->last_year = y;
    a->lines++;
}

/* bilan's own layout: the caller reads the records (import_is_tidy). */
static int read_tidy(init_accounts *a, record_source *r, const import_reader *ir)
{
    const column_map *map = import_column_map(ir);
    int account = map->index[COL_ACCOUNT], when = map->index[COL_DATE], got;
    csv_record rec;
    while ((got = record_source_next(r, &rec)) > 0) {
        if (account < 0 || (size_t)account >= rec.count)
            continue;
        add_account(a, rec.fields[account], "", false);
        if (when >= 0 && (size_t)when < rec.count)
            note_date(a, rec.fields[when]);
    }
    return got < 0 ? -1 : 0;
}

/* Any other layout: the transaction lines import_next gives. */
static int read_export(init_accounts *a, import_reader *ir)
{
    bool xero = strcmp(import_profile_of(ir)->name, "xero-account-transactions") == 0;
    import_line line;
    int got;
    while ((got = import_next(ir, &line)) > 0) {
        if (line.account_is_name)
            add_account(a, "", line.account, xero);
        else
            add_account(a, line.account, line.account_name, xero);
        note_date(a, line.date);
    }
    return got < 0 ? -1 : 0;
}

int init_accounts_read(init_accounts *a, const char *path, const char *display, diag *d)
{
    size_t before = d->count;
    csv_options copts = { CSV_ENCODING_AUTO, 0 };
    record_source *r = record_source_open(path, display, &copts, d);
    if (!r)
        return -1;
    import_options iopts = { NULL, NULL, MONEY_DECIMAL_AUTO, false };
    import_reader *ir = import_open(r, display, &iopts, d);
    int rc = -1;
    if (ir)
        rc = import_is_tidy(ir) ? read_tidy(a, r, ir) : read_export(a, ir);
    import_close(ir);
    record_source_free(r);
    return rc == 0 && d->count == before ? 0 : -1;
}

/* ---- writing ----------------------------------------------------------- */

typedef enum guess {
    GUESS_NONE,
    GUESS_ASSET,
    GUESS_LIABILITY,
    GUESS_EQUITY,
    GUESS_REVENUE,
    GUESS_EXPENSE
} guess;

/* The kind an account's code suggests: 1xxx asset, 2xxx liability, 3xxx
 * equity, 4xxx revenue, 5xxx and above expense; in a Xero export, whose
 * default chart numbers otherwise, a three-digit code: 0xx 1xx 6xx 7xx
 * asset, 2xx revenue, 3xx 4xx 5xx expense, 8xx liability, 9xx equity. */
static guess guess_kind(const init_account *acc)
{
    static const guess usual[10] = {
        GUESS_NONE,    GUESS_ASSET,   GUESS_LIABILITY, GUESS_EQUITY,  GUESS_REVENUE,
        GUESS_EXPENSE, GUESS_EXPENSE, GUESS_EXPENSE,   GUESS_EXPENSE, GUESS_EXPENSE,
    };
    static const guess xero[10] = {
        GUESS_ASSET,   GUESS_ASSET, GUESS_REVENUE, GUESS_EXPENSE,   GUESS_EXPENSE,
        GUESS_EXPENSE, GUESS_ASSET, GUESS_ASSET,   GUESS_LIABILITY, GUESS_EQUITY,
    };
    const char *c = acc->code;
    size_t digits = strspn(c, "0123456789");
    if (digits < 3)
        return GUESS_NONE;
    int first = c[0] - '0';
    return acc->xero && digits == 3 ? xero[first] : usual[first];
}

/* The kind's word in accounts.csv, in lang (accounts.csv reads both). */
static const char *kind_word(guess g, language lang)
{
    static const char *const en[] = { "", "asset", "liability", "equity", "revenue", "expense" };
    static const char *const fr[] = { "", "actif", "passif", "actif net", "produit", "charge" };
    return lang == LANG_FR ? fr[g] : en[g];
}

void init_csv_field(FILE *out, const char *text, char end)
{
    size_t len = strlen(text);
    bool quote =
        strpbrk(text, ",;\"\r\n\t") != NULL || (len && (text[0] == ' ' || text[len - 1] == ' '));
    if (!quote) {
        fputs(text, out);
    } else {
        fputc('"', out);
        for (const char *p = text; *p; p++) {
            if (*p == '"')
                fputc('"', out);
            fputc(*p, out);
        }
        fputc('"', out);
    }
    fputc(end, out);
}

/* Codes in ascending order (numerically when both are numbers), then the
 * accounts without a code in their order of appearance. */
static int by_code(const void *x, const void *y)
{
    const init_account *a = *(init_account *const *)x, *b = *(init_account *const *)y;
    if (!*a->code || !*b->code) {
        if (*a->code || *b->code)
            return *a->code ? -1 : 1;
        return a < b ? -1 : a > b; /* items are in order of appearance */
    }
    size_t la = strlen(a->code), lb = strlen(b->code);
    bool na = strspn(a->code, "0123456789") == la, nb = strspn(b->code, "0123456789") == lb;
    if (na && nb && la != lb)
        return la < lb ? -1 : 1;
    return strcmp(a->code, b->code);
}

/* What to check on an account's row, in lang. */
static void write_review(FILE *out, const init_account *acc, guess g, language lang)
{
    char text[200];
    bool fr = lang == LANG_FR;
    if (!*acc->code) {
        snprintf(text, sizeof text, "%s",
                 fr ? "pas de code dans l'export" NBSP ": donnez-lui-en un, et sa nature"
                    : "no code in the export: give it one, and its kind");
    } else if (g == GUESS_NONE) {
        snprintf(text, sizeof text, "%s",
                 fr ? "nature inconnue" NBSP ": produit, charge, actif, passif ou actif net"
                    : "kind unknown: revenue, expense, asset, liability or equity");
    } else {
        char range[8];
        size_t digits = strspn(acc->code, "0123456789");
        range[0] = acc->code[0];
        for (size_t i = 1; i < digits && i < 4; i++)
            range[i] = 'x';
        range[digits < 4 ? digits : 4] = '\0';
        snprintf(text, sizeof text,
                 fr ? "nature devinée d'après le code (%s" NBSP ": %s)" NBSP ": à vérifier"
                    : "kind guessed from the code (%s: %s): check it",
                 range, kind_word(g, lang));
    }
    if (!*acc->name)
        snprintf(text + strlen(text), sizeof text - strlen(text), "%s",
                 fr ? "; nom et groupe à écrire" : "; write its name and group");
    init_csv_field(out, text, '\n');
}

int init_accounts_write(const init_accounts *a, FILE *out, language lang)
{
    fputs(lang == LANG_FR ? "compte,nom,nature,groupe,à vérifier\n"
                          : "account,name,kind,group,review\n",
          out);
    const init_account **sorted = xmalloc((a->count + 1) * sizeof *sorted);
    for (size_t i = 0; i < a->count; i++)
        sorted[i] = &a->items[i];
    qsort(sorted, a->count, sizeof *sorted, by_code);
    for (size_t i = 0; i < a->count; i++) {
        const init_account *acc = sorted[i];
        guess g = *acc->code ? guess_kind(acc) : GUESS_NONE;
        init_csv_field(out, acc->code, ',');
        init_csv_field(out, acc->name, ',');
        init_csv_field(out, kind_word(g, lang), ',');
        init_csv_field(out, acc->name, ',');
        write_review(out, acc, g, lang);
    }
    free(sorted);
    return ferror(out) ? -1 : 0;
}
