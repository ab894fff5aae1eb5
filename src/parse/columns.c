/* columns.c - canonical column names, their French and English aliases,
 * and the mapping of a file's header line onto them.
 *
 * Headers and aliases are compared by text_header_key (case, accents,
 * surrounding spaces and '_' '-' '.' runs ignored).  Each alias names one
 * column of a file kind.  A [columns.KIND] override in report.ini replaces
 * a column's aliases by the one header it gives.  In the ledger, an
 * 'amount' column wins over 'debit'/'credit' columns, which are then
 * ignored. */
#include "parse/columns.h"
#include "lib/text.h"
#include "lib/xalloc.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { ALIASES_MAX = 24, ALIASES_SHOWN = 3 };

typedef struct column_spec {
    column_id col;
    bool required;
    const char *aliases[ALIASES_MAX]; /* NULL-terminated, canonical first */
} column_spec;

#define SPEC_END          \
    {                     \
        COL_COUNT, false, \
        {                 \
            NULL          \
        }                 \
    }

#define ACCOUNT_ALIASES                                                                           \
    "account", "compte", "no de compte", "no compte", "numéro de compte", "numéro du compte",     \
        "n° de compte", "n° compte", "account code", "account number", "account no", "account #", \
        "code", "code de compte", "code du compte"

static const column_spec ledger_specs[] = {
    { COL_DATE,
      true,
      { "date", "transaction date", "date de transaction", "date de l'opération",
        "date d'opération", "posting date", "date comptable", "date d'écriture",
        "date de l'écriture" } },
    { COL_ACCOUNT, true, { ACCOUNT_ALIASES } },
    { COL_AMOUNT, false, { "amount", "montant", "net amount", "montant net", "net" } },
    { COL_DEBIT,
      false,
      { "debit", "débit", "débits", "debit amount", "montant débit", "montant du débit" } },
    { COL_CREDIT,
      false,
      { "credit", "crédit", "crédits", "credit amount", "montant crédit", "montant du crédit" } },
    { COL_COUNTERPARTY,
      false,
      { "counterparty", "tiers", "nom du tiers", "name", "nom", "payee", "vendor", "customer",
        "client", "fournisseur", "bailleur", "bailleur de fonds", "funder", "donor", "donateur",
        "bénéficiaire" } },
    { COL_MEMO,
      false,
      { "memo", "mémo", "memo/description", "description", "libellé", "détail", "détails",
        "details", "commentaire", "commentaires", "note", "notes", "explication" } },
    { COL_REF,
      false,
      { "ref", "référence", "no de référence", "pièce", "no de pièce", "no pièce",
        "numéro de pièce", "n° de pièce", "n° pièce", "pièce justificative", "document",
        "no de document", "num", "voucher" } },
    SPEC_END
};

static const column_spec accounts_specs[] = {
    { COL_ACCOUNT, true, { ACCOUNT_ALIASES } },
    { COL_NAME,
      true,
      { "name", "nom", "account name", "nom du compte", "intitulé", "intitulé du compte", "libellé",
        "libellé du compte", "description" } },
    { COL_KIND,
      true,
      { "kind", "nature", "type", "account type", "type de compte", "type du compte" } },
    { COL_GROUP,
      true,
      { "group", "groupe", "category", "catégorie", "rubrique", "poste", "poste budgétaire",
        "regroupement", "report group", "report line", "ligne du rapport" } },
    SPEC_END
};

/* The account lists accounting products export: a signature (folded
 * header names that say which product it is, '|' between alternatives,
 * each item of the list needed) and their columns.  Their account types
 * are kinds (ingest_accounts.c); none has a report group. */
typedef struct account_list_spec {
    const char *name;
    const char *signature[3]; /* NULL-ended */
    column_spec specs[5];
} account_list_spec;

static const account_list_spec account_lists[] = {
    /* QuickBooks Online, Reports > Account List: Account (the name, with
     * its number when numbers are on, sub-accounts as Parent:Child), Type,
     * Detail type, Description, Balance; "Account #" when shown. */
    { "qbo-account-list",
      { "detail type|type de detail", NULL },
      { { COL_ACCOUNT,
          false,
          { "account #", "account number", "number", "num", "no", "n°", "no de compte", "numéro",
            "numéro de compte" } },
        { COL_NAME,
          true,
          { "account", "account name", "full name", "compte", "nom du compte", "nom" } },
        { COL_KIND, true, { "type", "account type", "type de compte" } },
        { COL_GROUP, false, { "group", "groupe" } },
        SPEC_END } },
    /* Xero, Accounting > Chart of accounts > Export: *Code, *Name, *Type,
     * *Tax Code, Description, Dashboard, Expense Claims, Enable Payments. */
    { "xero-chart-of-accounts",
      { "*code|*name|*type|tax code", NULL },
      { { COL_ACCOUNT, true, { "*code", "code", "account code" } },
        { COL_NAME, true, { "*name", "name", "account name" } },
        { COL_KIND, true, { "*type", "type", "account type" } },
        { COL_GROUP, false, { "group", "groupe" } },
        SPEC_END } },
    /* Sage 50 US, Chart of Accounts: Account ID, Account Description,
     * Active?, Account Type. */
    { "sage50-account-list",
      { "account id", "account description", NULL },
      { { COL_ACCOUNT, true, { "account id", "account number", "account no" } },
        { COL_NAME, true, { "account description", "description" } },
        { COL_KIND, true, { "account type", "type" } },
        { COL_GROUP, false, { "group", "groupe" } },
        SPEC_END } },
};

static const column_spec activities_specs[] = {
    { COL_DATE,
      true,
      { "date", "activity date", "date de l'activité", "date d'activité", "date activité",
        "start date", "date de début" } },
    { COL_AXIS,
      true,
      { "axis", "axe", "axe d'intervention", "program", "programme", "program area", "volet",
        "secteur" } },
    { COL_TYPE,
      true,
      { "type", "activity type", "type d'activité", "type activité", "activity", "activité" } },
    { COL_TITLE,
      false,
      { "title", "titre", "name", "nom", "activity name", "nom de l'activité", "intitulé", "sujet",
        "subject", "event", "événement" } },
    { COL_PARTNER,
      false,
      { "partner", "partenaire", "organisation", "organization", "organisme", "complicité",
        "communauté", "community", "client" } },
    { COL_REGION,
      false,
      { "region", "région", "région administrative", "administrative region", "territoire",
        "territory" } },
    { COL_PARTICIPANTS,
      false,
      { "participants", "participant(e)s", "attendees", "nombre de participants", "nb participants",
        "nb de participants", "nbre de participants", "number of participants", "participant count",
        "nombre de personnes" } },
    { COL_HOURS,
      false,
      { "hours", "heures", "duration", "durée", "nombre d'heures", "nb heures", "nb d'heures",
        "nbre d'heures", "hrs", "durée (heures)", "durée (h)", "duration (hours)" } },
    SPEC_END
};

static const column_spec people_specs[] = {
    { COL_NAME,
      true,
      { "name", "nom", "full name", "nom complet", "prénom et nom", "person", "personne" } },
    { COL_ROLE,
      true,
      { "role", "rôle", "fonction", "position", "title", "titre", "poste", "job title" } },
    { COL_GROUP,
      true,
      { "group", "groupe", "category", "catégorie", "instance", "section", "liste" } },
    { COL_TEAM, false, { "team", "équipe", "sous-équipe", "service" } },
    SPEC_END
};

/* budget.csv: a line names an account or a group (one of the two columns
 * at least, checked by check_target). */
static const column_spec budget_specs[] = {
    { COL_YEAR,
      true,
      { "year", "exercice", "année", "exercice financier", "fiscal year", "année financière",
        "financial year", "fy" } },
    { COL_ACCOUNT, false, { ACCOUNT_ALIASES } },
    { COL_GROUP,
      false,
      { "group", "groupe", "poste", "poste budgétaire", "category", "catégorie", "rubrique",
        "regroupement", "report group", "report line", "ligne du rapport" } },
    { COL_AMOUNT,
      true,
      { "amount", "montant", "budget", "montant budgété", "budgeted amount", "budget amount",
        "prévision", "prévisions" } },
    SPEC_END
};

/* balances.csv: an account's balance at the end of a day. */
static const column_spec balances_specs[] = {
    { COL_ACCOUNT, true, { ACCOUNT_ALIASES } },
    { COL_DATE,
      true,
      { "date", "au", "en date du", "date du solde", "balance date", "as of", "as at" } },
    { COL_BALANCE,
      true,
      { "balance", "solde", "solde de clôture", "solde de fermeture", "solde d'ouverture",
        "closing balance", "opening balance", "amount", "montant" } },
    SPEC_END
};

#define KIND_SPECS(id, name)  [id] = name##_specs,
#define KIND_NAME(id, name)   [id] = #name,
#define FILE_NAME(id, name)   [id] = #name ".csv",
#define COLUMN_NAME(id, name) [id] = name,

static const column_spec *const kind_specs[INPUT_KIND_COUNT] = { INPUT_KINDS(KIND_SPECS) };
static const char *const kind_names[INPUT_KIND_COUNT] = { INPUT_KINDS(KIND_NAME) };
static const char *const file_names[INPUT_KIND_COUNT] = { INPUT_KINDS(FILE_NAME) };
static const char *const col_names[COL_COUNT] = { COLUMNS(COLUMN_NAME) };

#undef KIND_SPECS
#undef KIND_NAME
#undef FILE_NAME
#undef COLUMN_NAME

const char *input_file_name(input_kind kind)
{
    return file_names[kind];
}

const char *input_kind_name(input_kind kind)
{
    return kind_names[kind];
}

const char *column_name(column_id col)
{
    return col_names[col];
}

int column_lookup(input_kind kind, const char *name)
{
    for (const column_spec *s = kind_specs[kind]; s->col != COL_COUNT; s++)
        if (strcasecmp(col_names[s->col], name) == 0)
            return (int)s->col;
    return -1;
}

/* The header being mapped: one key per field, and who claimed it. */
typedef struct header_state {
    const csv_record *header;
    char **keys; /* NULL for an empty field */
    const char *file;
    diag *d;
    int found[COL_COUNT]; /* field index, or -1 */
    bool failed;
} header_state;

static int field_width(const header_state *h, size_t i)
{
    size_t len = h->header->lengths[i];
    text_trim(h->header->fields[i], &len);
    return len > 1000 ? 1000 : (int)len;
}

static const char *field_text(const header_state *h, size_t i)
{
    size_t len = h->header->lengths[i];
    return text_trim(h->header->fields[i], &len);
}

/* Field i names column col: records it, or reports a second header. */
static void claim(header_state *h, column_id col, size_t i)
{
    int prev = h->found[col];
    if (prev < 0) {
        h->found[col] = (int)i;
        return;
    }
    diag_data(h->d, h->file, h->header->line, col_names[col],
              "headers '%.*s' and '%.*s' both name it (fields %d and %zu)",
              field_width(h, (size_t)prev), field_text(h, (size_t)prev), field_width(h, i),
              field_text(h, i), prev + 1, i + 1);
    h->failed = true;
}

static bool key_equals(const char *key, const char *text)
{
    char *other = text_header_key(text, strlen(text));
    bool same = other && strcmp(key, other) == 0;
    free(other);
    return same;
}

/* Matches the fields not yet claimed against the spec's aliases. */
static void match_aliases(header_state *h, const column_spec *s, const bool *claimed)
{
    for (size_t i = 0; i < h->header->count; i++) {
        if (!h->keys[i] || claimed[i])
            continue;
        for (const char *const *a = s->aliases; *a; a++) {
            if (key_equals(h->keys[i], *a)) {
                claim(h, s->col, i);
                break;
            }
        }
    }
}

/* Matches the override's header; reports it when no field has it. */
static void match_override(header_state *h, column_id col, const column_override *o, bool *claimed)
{
    for (size_t i = 0; i < h->header->count; i++) {
        if (h->keys[i] && key_equals(h->keys[i], o->header[col])) {
            claim(h, col, i);
            claimed[i] = true;
        }
    }
    if (h->found[col] < 0) {
        diag_data(h->d, h->file, h->header->line, col_names[col],
                  "header '%s' (from report.ini line %zu) not found", o->header[col], o->line[col]);
        h->failed = true;
    }
}

static void report_missing(header_state *h, const column_spec *s)
{
    char list[256];
    size_t n = 0;
    for (size_t k = 0; s->aliases[k] && k < ALIASES_SHOWN; k++)
        n += (size_t)snprintf(list + n, sizeof list - n, "%s'%s'", k ? ", " : "", s->aliases[k]);
    diag_data(h->d, h->file, h->header->line, col_names[s->col], "missing (no header %s%s)", list,
              s->aliases[ALIASES_SHOWN] ? ", ..." : "");
    h->failed = true;
}

/* The ledger's amount: an 'amount' column, or both 'debit' and 'credit'. */
static void check_amount(header_state *h, const column_override *o)
{
    int *f = h->found;
    if (f[COL_AMOUNT] >= 0) {
        f[COL_DEBIT] = f[COL_CREDIT] = -1;
        return;
    }
    bool overridden = o && (o->header[COL_AMOUNT] || o->header[COL_DEBIT] || o->header[COL_CREDIT]);
    if ((f[COL_DEBIT] >= 0 && f[COL_CREDIT] >= 0) || (overridden && h->failed))
        return;
    if (f[COL_DEBIT] < 0 && f[COL_CREDIT] < 0)
        diag_data(h->d, h->file, h->header->line, col_names[COL_AMOUNT],
                  "missing (need 'amount', or both 'debit' and 'credit')");
    else
        diag_data(h->d, h->file, h->header->line,
                  col_names[f[COL_DEBIT] < 0 ? COL_DEBIT : COL_CREDIT],
                  "missing (need both 'debit' and 'credit', or 'amount')");
    h->failed = true;
}

/* The budget's target: an 'account' column, a 'group' column, or both. */
static void check_target(header_state *h)
{
    if (h->found[COL_ACCOUNT] >= 0 || h->found[COL_GROUP] >= 0)
        return;
    diag_data(h->d, h->file, h->header->line, col_names[COL_GROUP],
              "missing (need 'account' or 'group', or both)");
    h->failed = true;
}

/* Whether a record needs col's field: a required column, or the ledger's
 * amount, debit and credit (whichever the header settled on). */
static bool column_needed(const column_spec *specs, column_id col)
{
    if (col == COL_AMOUNT || col == COL_DEBIT || col == COL_CREDIT)
        return true;
    for (const column_spec *s = specs; s->col != COL_COUNT; s++)
        if (s->col == col)
            return s->required;
    return false;
}

bool columns_fit(const column_map *map, size_t count, size_t last, int *missing)
{
    *missing = -1;
    if (last > map->fields)
        return false;
    if (count >= map->needed_fields)
        return true;
    for (int c = 0; c < COL_COUNT; c++)
        if (map->needed[c] && map->index[c] >= (int)count &&
            (*missing < 0 || map->index[c] < map->index[*missing]))
            *missing = c;
    return *missing < 0;
}

/* Whether one of the '|'-separated names is among keys[0..n). */
static bool keys_have(char *const *keys, size_t n, const char *names)
{
    const char *p = names;
    while (*p) {
        size_t w = strcspn(p, "|");
        for (size_t i = 0; i < n; i++)
            if (keys[i] && strlen(keys[i]) == w && strncmp(keys[i], p, w) == 0)
                return true;
        p += w + (p[w] == '|');
    }
    return false;
}

/* The product account list whose signature the header has, or NULL. */
static const account_list_spec *account_list_of(char *const *keys, size_t n)
{
    for (size_t i = 0; i < sizeof account_lists / sizeof account_lists[0]; i++) {
        bool all = true;
        for (const char *const *sig = account_lists[i].signature; *sig && all; sig++)
            all = keys_have(keys, n, *sig);
        if (all)
            return &account_lists[i];
    }
    return NULL;
}

int columns_map_header(input_kind kind, const csv_record *header, const column_override *override,
                       const char *file, column_map *map, diag *d)
{
    header_state h = { header, NULL, file, d, { 0 }, false };
    size_t n = header->count;
    h.keys = xcalloc(n, sizeof *h.keys);
    bool *claimed = xcalloc(n, sizeof *claimed);
    for (size_t i = 0; i < n; i++) {
        h.keys[i] = text_header_key(header->fields[i], header->lengths[i]);
        if (h.keys[i] && !h.keys[i][0]) {
            free(h.keys[i]);
            h.keys[i] = NULL;
        }
    }
    for (int c = 0; c < COL_COUNT; c++)
        h.found[c] = -1;
    const column_spec *specs = kind_specs[kind];
    map->account_list = NULL;
    if (kind == INPUT_ACCOUNTS) {
        const account_list_spec *list = account_list_of(h.keys, n);
        if (list) {
            specs = list->specs;
            map->account_list = list->name;
        }
    }
    for (const column_spec *s = specs; s->col != COL_COUNT; s++)
        if (override && override->header[s->col])
            match_override(&h, s->col, override, claimed);
    for (const column_spec *s = specs; s->col != COL_COUNT; s++)
        if (!override || !override->header[s->col])
            match_aliases(&h, s, claimed);
    for (const column_spec *s = specs; s->col != COL_COUNT; s++)
        if (s->required && h.found[s->col] < 0 &&
            !(override && (override->header[s->col] || override->optional[s->col])))
            report_missing(&h, s);
    if (kind == INPUT_LEDGER)
        check_amount(&h, override);
    if (kind == INPUT_BUDGET && !h.failed)
        check_target(&h);
    for (int c = 0; c < COL_COUNT; c++)
        map->index[c] = h.found[c];
    map->needed_fields = 0;
    for (int c = 0; c < COL_COUNT; c++) {
        map->needed[c] = map->index[c] >= 0 && column_needed(specs, (column_id)c);
        if (map->needed[c] && (size_t)map->index[c] + 1 > map->needed_fields)
            map->needed_fields = (size_t)map->index[c] + 1;
    }
    map->fields = n;
    for (size_t i = 0; i < n; i++)
        free(h.keys[i]);
    free(h.keys);
    free(claimed);
    return h.failed ? -1 : 0;
}
