/* ingest_accounts.c - accounts.csv: one account per row, with its kind
 * (revenue, expense, asset, liability, equity) and its report group. */
#include "ingest_field.h"
#include "lib/text.h"

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
        {"revenue", KIND_REVENUE}, {"revenues", KIND_REVENUE},
        {"income", KIND_REVENUE}, {"produit", KIND_REVENUE},
        {"produits", KIND_REVENUE}, {"revenu", KIND_REVENUE},
        {"revenus", KIND_REVENUE},
        {"expense", KIND_EXPENSE}, {"expenses", KIND_EXPENSE},
        {"charge", KIND_EXPENSE}, {"charges", KIND_EXPENSE},
        {"depense", KIND_EXPENSE}, {"depenses", KIND_EXPENSE},
        {"asset", KIND_ASSET}, {"assets", KIND_ASSET}, {"actif", KIND_ASSET},
        {"liability", KIND_LIABILITY}, {"liabilities", KIND_LIABILITY},
        {"passif", KIND_LIABILITY},
        {"equity", KIND_EQUITY}, {"actif net", KIND_EQUITY},
        {"avoir", KIND_EQUITY}, {"capitaux propres", KIND_EQUITY},
        {"fonds", KIND_EQUITY}, {"net assets", KIND_EQUITY},
        /* Account types as accounting software exports them. */
        {"other income", KIND_REVENUE}, {"autres revenus", KIND_REVENUE},
        {"autres produits", KIND_REVENUE},
        {"other expense", KIND_EXPENSE}, {"cost of goods sold", KIND_EXPENSE},
        {"cost of sales", KIND_EXPENSE}, {"autres charges", KIND_EXPENSE},
        {"bank", KIND_ASSET}, {"accounts receivable", KIND_ASSET},
        {"other current asset", KIND_ASSET}, {"fixed asset", KIND_ASSET},
        {"other asset", KIND_ASSET}, {"banque", KIND_ASSET},
        {"accounts payable", KIND_LIABILITY}, {"credit card", KIND_LIABILITY},
        {"other current liability", KIND_LIABILITY},
        {"long term liability", KIND_LIABILITY}, {"dette", KIND_LIABILITY},
        {"dettes", KIND_LIABILITY},
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

/* One account: code, name and kind required, a group for revenue and
 * expense accounts, each code once. */
void ingest_account_row(ingest_file *f)
{
    model *m = f->m;
    const char *code, *name, *kind_text, *group;
    size_t code_len, name_len, kind_len, group_len;
    account_kind kind = KIND_ASSET;
    bool ok = ingest_field_required(f, COL_ACCOUNT, &code, &code_len) == INGEST_FIELD_OK;
    ok &= ingest_field_required(f, COL_NAME, &name, &name_len) == INGEST_FIELD_OK;
    if (ingest_field_required(f, COL_KIND, &kind_text, &kind_len) == INGEST_FIELD_OK &&
        !kind_parse(kind_text, kind_len, &kind)) {
        ingest_problem(f, COL_KIND, "not a kind",
                       "'%s' is not an account kind (revenue, expense, asset, "
                       "liability, equity)", ingest_key(f, NULL, kind_text, kind_len));
        ok = false;
    }
    group = ingest_field_text(f, COL_GROUP, &group_len);
    if (group_len == 0 && (kind == KIND_REVENUE || kind == KIND_EXPENSE)) {
        ingest_problem(f, COL_GROUP, "is empty", "is empty");
        ok = false;
    }
    const account *existing = code_len ? model_find_account(m, code, code_len) : NULL;
    if (existing) {
        ingest_problem(f, COL_ACCOUNT, NULL, "'%s' is already defined at line %zu",
                       ingest_key(f, NULL, code, code_len), existing->line);
        ok = false;
    }
    if (!ok) {
        if (code_len)   /* its ledger lines need no second diagnostic */
            model_reject_account(m, code, code_len);
        return;
    }
    account *a = model_add_account(m, code, code_len, f->rec.line);
    a->name = model_strndup(m, name, name_len);
    a->group = model_strndup(m, group, group_len);
    a->kind = kind;
}
