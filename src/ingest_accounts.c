/* ingest_accounts.c - accounts.csv: one account per row, with its kind
 * (revenue, expense, asset, liability, equity) and its report group.
 *
 * The file may be bilan's own (account, name, kind, group) or an
 * accounting product's account list (columns.c: QuickBooks Online,
 * Xero, Sage 50), whose account types are kinds and which has no group.
 * An account's group is, in this order: the one report.ini [groups]
 * gives it (by code range, code or name), its group column, and when the
 * file has no group column the name of its parent account ("Office" for
 * "Office:Supplies") or its own name. */
#include "ingest_field.h"
#include "lib/text.h"
#include "lib/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* The kind an export calls s[0..len) (English or French, as accounting
 * software names its account types); false when none. */
static bool kind_parse(const char *s, size_t len, account_kind *out)
{
    static const struct {
        const char *name;
        account_kind kind;
    } names[] = {
        { "revenue", KIND_REVENUE },
        { "revenues", KIND_REVENUE },
        { "income", KIND_REVENUE },
        { "produit", KIND_REVENUE },
        { "produits", KIND_REVENUE },
        { "revenu", KIND_REVENUE },
        { "revenus", KIND_REVENUE },
        { "expense", KIND_EXPENSE },
        { "expenses", KIND_EXPENSE },
        { "charge", KIND_EXPENSE },
        { "charges", KIND_EXPENSE },
        { "depense", KIND_EXPENSE },
        { "depenses", KIND_EXPENSE },
        { "asset", KIND_ASSET },
        { "assets", KIND_ASSET },
        { "actif", KIND_ASSET },
        { "liability", KIND_LIABILITY },
        { "liabilities", KIND_LIABILITY },
        { "passif", KIND_LIABILITY },
        { "equity", KIND_EQUITY },
        { "actif net", KIND_EQUITY },
        { "avoir", KIND_EQUITY },
        { "capitaux propres", KIND_EQUITY },
        { "fonds", KIND_EQUITY },
        { "net assets", KIND_EQUITY },
        /* Account types as accounting software exports them: QuickBooks
         * Online and Desktop, Xero (names and codes), Sage 50 US. */
        { "other income", KIND_REVENUE },
        { "autres revenus", KIND_REVENUE },
        { "autres produits", KIND_REVENUE },
        { "sales", KIND_REVENUE },
        { "otherincome", KIND_REVENUE },
        { "other expense", KIND_EXPENSE },
        { "other expenses", KIND_EXPENSE },
        { "cost of goods sold", KIND_EXPENSE },
        { "cost of sales", KIND_EXPENSE },
        { "autres charges", KIND_EXPENSE },
        { "direct costs", KIND_EXPENSE },
        { "directcosts", KIND_EXPENSE },
        { "overhead", KIND_EXPENSE },
        { "overheads", KIND_EXPENSE },
        { "depreciation", KIND_EXPENSE },
        { "depreciatn", KIND_EXPENSE },
        { "wages expense", KIND_EXPENSE },
        { "wagesexpense", KIND_EXPENSE },
        { "superannuation expense", KIND_EXPENSE },
        { "superannuationexpense", KIND_EXPENSE },
        { "cout des ventes", KIND_EXPENSE },
        { "bank", KIND_ASSET },
        { "accounts receivable", KIND_ASSET },
        { "accounts receivable (a/r)", KIND_ASSET },
        { "current asset", KIND_ASSET },
        { "current assets", KIND_ASSET },
        { "other current asset", KIND_ASSET },
        { "other current assets", KIND_ASSET },
        { "fixed asset", KIND_ASSET },
        { "fixed assets", KIND_ASSET },
        { "other asset", KIND_ASSET },
        { "other assets", KIND_ASSET },
        { "non current asset", KIND_ASSET },
        { "noncurrent", KIND_ASSET },
        { "current", KIND_ASSET },
        { "fixed", KIND_ASSET },
        { "inventory", KIND_ASSET },
        { "prepayment", KIND_ASSET },
        { "cash", KIND_ASSET },
        { "accumulated depreciation", KIND_ASSET },
        { "banque", KIND_ASSET },
        { "encaisse", KIND_ASSET },
        { "comptes clients", KIND_ASSET },
        { "accounts payable", KIND_LIABILITY },
        { "accounts payable (a/p)", KIND_LIABILITY },
        { "credit card", KIND_LIABILITY },
        { "carte de credit", KIND_LIABILITY },
        { "current liability", KIND_LIABILITY },
        { "current liabilities", KIND_LIABILITY },
        { "other current liability", KIND_LIABILITY },
        { "other current liabilities", KIND_LIABILITY },
        { "long term liability", KIND_LIABILITY },
        { "long term liabilities", KIND_LIABILITY },
        { "non current liability", KIND_LIABILITY },
        { "currliab", KIND_LIABILITY },
        { "termliab", KIND_LIABILITY },
        { "paygliability", KIND_LIABILITY },
        { "superannuationliability", KIND_LIABILITY },
        { "dette", KIND_LIABILITY },
        { "dettes", KIND_LIABILITY },
        { "comptes fournisseurs", KIND_LIABILITY },
        { "equity doesn't close", KIND_EQUITY },
        { "equity gets closed", KIND_EQUITY },
        { "equity retained earnings", KIND_EQUITY },
        { "capitaux propres", KIND_EQUITY },
    };
    char *key = text_header_key(s, len);
    bool found = false;
    for (size_t i = 0; key && !found && i < sizeof names / sizeof names[0]; i++) {
        if (strcmp(key, names[i].name) == 0) {
            *out = names[i].kind;
            found = true;
        }
    }
    free(key);
    return found;
}

/* ---- [groups] ---------------------------------------------------------- */

/* Whether the rule takes the account code[0..code_len), named by one of
 * names[0..n) (its name, its path "Parent:Child"). */
static bool rule_matches(const group_rule *r, const char *code, size_t code_len,
                         const char *const *names, const size_t *name_lens, size_t n)
{
    if (r->low)
        return text_all_digits(code, code_len) &&
               text_digits_le(r->low, strlen(r->low), code, code_len) &&
               text_digits_le(code, code_len, r->high, strlen(r->high));
    if (strlen(r->item) == code_len && memcmp(r->item, code, code_len) == 0)
        return true;
    char *item = text_header_key(r->item, strlen(r->item));
    bool same = false;
    for (size_t i = 0; item && i < n && !same; i++) {
        char *key = text_header_key(names[i], name_lens[i]);
        same = key && strcmp(key, item) == 0;
        free(key);
    }
    free(item);
    return same;
}

/* The group report.ini [groups] gives the account, or NULL; two rules of
 * two groups that take it are reported. */
static const char *rule_group(ingest_file *f, const char *code, size_t code_len,
                              const char *const *names, const size_t *name_lens, size_t n)
{
    const config *cfg = f->m->config;
    const group_rule *found = NULL;
    if (cfg->group_rule_count && !f->rule_hits)
        f->rule_hits = xcalloc(cfg->group_rule_count, sizeof *f->rule_hits);
    for (size_t i = 0; i < cfg->group_rule_count; i++) {
        const group_rule *r = &cfg->group_rules[i];
        if (!rule_matches(r, code, code_len, names, name_lens, n))
            continue;
        f->rule_hits[i]++;
        if (found && strcmp(found->group, r->group) != 0) {
            ingest_problem(f, COL_GROUP, NULL,
                           "report.ini [groups] puts it in two groups: "
                           "'%s' (line %zu, %s) and '%s' (line %zu, %s)",
                           found->group, found->line, found->item, r->group, r->line, r->item);
            return found->group;
        }
        if (!found)
            found = r;
    }
    return found ? found->group : NULL;
}

void ingest_accounts_done(ingest_file *f, bool read)
{
    const config *cfg = f->m->config;
    for (size_t i = 0; read && i < cfg->group_rule_count; i++) {
        const group_rule *r = &cfg->group_rules[i];
        if (!f->rule_hits || f->rule_hits[i] == 0)
            diag_data(f->d, "report.ini", r->line, NULL,
                      "[groups] %s: %s '%s' matches no "
                      "account of %s",
                      r->group, r->low ? "the range" : "the code or name", r->item, f->name);
    }
    free(f->rule_hits);
    f->rule_hits = NULL;
}

/* ---- account lists ----------------------------------------------------- */

/* Whether the record is the footer of an account list export: one cell,
 * "Accrual Basis Tuesday, ...", "Cash Basis ...", or a date and time
 * ("Tuesday, January 07, 2026 10:15 AM"). */
static bool list_footer(const ingest_file *f)
{
    static const char *const starts[] = { "accrual basis", "cash basis", "monday", "tuesday",
                                          "wednesday",     "thursday",   "friday", "saturday",
                                          "sunday",        NULL };
    const char *text = NULL;
    size_t len = 0;
    for (size_t i = 0; i < f->rec.count; i++) {
        size_t n = f->rec.lengths[i];
        const char *s = text_trim(f->rec.fields[i], &n);
        if (n && text)
            return false;
        if (n) {
            text = s;
            len = n;
        }
    }
    if (!text)
        return false;
    char *key = text_header_key(text, len);
    bool footer = false;
    for (const char *const *p = starts; key && *p && !footer; p++)
        footer = strncmp(key, *p, strlen(*p)) == 0;
    free(key);
    return footer;
}

/* The parent of a "Parent:Child" path (the part before the last ':', its
 * code left out), or NULL. */
static const char *parent_name(const char *s, size_t len, size_t *out_len)
{
    const char *last = NULL;
    for (size_t i = 0; i < len; i++)
        if (s[i] == ':')
            last = s + i;
    if (!last)
        return NULL;
    const char *start = s;
    for (const char *p = s; p < last; p++)
        if (*p == ':')
            start = p + 1;
    size_t n = (size_t)(last - start);
    start = text_trim(start, &n);
    if (text_all_digits(start, n))
        return NULL; /* "4000: Sales": a code, not a parent */
    const char *code, *name;
    size_t code_len, name_len;
    import_account_split(start, n, &code, &code_len, &name, &name_len);
    *out_len = name_len ? name_len : n;
    return name_len ? name : start;
}

/* What an account row says: its code, name (the full path too) and the
 * group its parent gives it. */
typedef struct account_names {
    const char *code, *name, *full, *parent;
    size_t code_len, name_len, full_len, parent_len;
} account_names;

/* The code and name of an account list's row: its code column, else the
 * code its name carries ("4000 Sales"), else its name (the full path) as
 * its code; the name is the last part of a path. */
static bool list_names(ingest_file *f, account_names *n)
{
    n->code = ingest_field_text(f, COL_ACCOUNT, &n->code_len);
    if (ingest_field_required(f, COL_NAME, &n->full, &n->full_len) != INGEST_FIELD_OK)
        return false;
    const char *code;
    size_t code_len;
    import_account_split(n->full, n->full_len, &code, &code_len, &n->name, &n->name_len);
    if (n->name_len == 0) {
        n->name = n->full;
        n->name_len = n->full_len;
    }
    if (n->code_len == 0) {
        n->code = code_len ? code : n->full;
        n->code_len = code_len ? code_len : n->full_len;
    }
    n->parent = parent_name(n->full, n->full_len, &n->parent_len);
    return true;
}

/* One account: code, name and kind required, a group for revenue and
 * expense accounts (see the top of the file), each code once. */
void ingest_account_row(ingest_file *f)
{
    model *m = f->m;
    const column_map *map = &f->format->map;
    const char *kind_text, *group;
    size_t kind_len, group_len;
    account_kind kind = KIND_ASSET;
    account_names n = { 0 };
    if (map->account_list && list_footer(f))
        return;
    bool ok;
    if (map->account_list) {
        ok = list_names(f, &n);
    } else {
        ok = ingest_field_required(f, COL_ACCOUNT, &n.code, &n.code_len) == INGEST_FIELD_OK;
        ok &= ingest_field_required(f, COL_NAME, &n.name, &n.name_len) == INGEST_FIELD_OK;
        n.full = n.name;
        n.full_len = n.name_len;
    }
    if (ingest_field_required(f, COL_KIND, &kind_text, &kind_len) == INGEST_FIELD_OK &&
        !kind_parse(kind_text, kind_len, &kind)) {
        ingest_problem(f, COL_KIND, "not a kind",
                       "'%s' is not an account kind (revenue, expense, asset, "
                       "liability, equity)",
                       ingest_key(f, NULL, kind_text, kind_len));
        ok = false;
    }
    const char *names[2] = { n.name, n.full };
    size_t lens[2] = { n.name_len, n.full_len };
    group = rule_group(f, n.code, n.code_len, names, lens, 2);
    group_len = group ? strlen(group) : 0;
    if (!group)
        group = ingest_field_text(f, COL_GROUP, &group_len);
    if (group_len == 0 && !ingest_field_present(f, COL_GROUP)) {
        group = n.parent ? n.parent : n.name; /* no group column */
        group_len = n.parent ? n.parent_len : n.name_len;
    }
    if (group_len == 0 && (kind == KIND_REVENUE || kind == KIND_EXPENSE)) {
        ingest_problem(f, COL_GROUP, "is empty", "is empty");
        ok = false;
    }
    const account *existing = n.code_len ? model_find_account(m, n.code, n.code_len) : NULL;
    if (existing) {
        ingest_problem(f, COL_ACCOUNT, NULL, "'%s' is already defined at line %zu",
                       ingest_key(f, NULL, n.code, n.code_len), existing->line);
        ok = false;
    }
    if (!ok) {
        if (n.code_len) /* its ledger lines need no second diagnostic */
            model_reject_account(m, n.code, n.code_len);
        return;
    }
    account *a = model_add_account(m, n.code, n.code_len, f->rec.line);
    a->name = model_strndup(m, n.name, n.name_len);
    a->group = model_strndup(m, group, group_len);
    a->kind = kind;
    model_index_account_name(m, a, n.full, n.full_len);
}

account *ingest_account_find(ingest_file *f, const char *code, size_t len)
{
    const model *m = f->m;
    account *a = model_find_account(m, code, len);
    if (!a && !m->accounts_unreadable && !model_account_rejected(m, code, len))
        ingest_problem(f, COL_ACCOUNT, "not in accounts.csv", "'%s' is not in accounts.csv",
                       ingest_key(f, NULL, code, len));
    return a;
}
