/* import_profiles.c - the import profiles: one record per product's export
 * layout, as data.  ../shared/imports.md gives the sources; a layout marked
 * "inferred" there is built as described and is corrected here, in its
 * record, when a real export says otherwise.
 *
 * Names and labels are written folded, as text_header_key folds a cell:
 * lower case, accents off, runs of spaces '-' '.' '_' one space
 * ("Amount Num." is "amount num", "Réf - Libellé" is "ref libelle").
 * tests/unit/test_import.c checks that every one is. */
#include "parse/import.h"

#include <strings.h>

#define END                     \
    {                           \
        IMPORT_END, NULL, false \
    }
#define REQ(role, names)           \
    {                              \
        IMPORT_##role, names, true \
    }
#define OPT(role, names)            \
    {                               \
        IMPORT_##role, names, false \
    }

#define L(pattern, kind)             \
    {                                \
        pattern, IMPORT_LABEL_##kind \
    }
#define LEND                    \
    {                           \
        NULL, IMPORT_LABEL_SKIP \
    }

/* ---- labels, per product and language ---------------------------------- */

#define FOOTERS_EN L("accrual basis *", FOOTER), L("cash basis *", FOOTER)
#define FOOTERS_FR                                                                 \
    L("comptabilite d'exercice *", FOOTER), L("comptabilite de caisse *", FOOTER), \
        L("methode de comptabilite *", FOOTER)

static const import_label qbo_en_labels[] = { L("beginning balance", OPENING),
                                              L("total for * with sub accounts", TOTAL_SUBS),
                                              L("total for *", TOTAL),
                                              L("total", GRAND),
                                              FOOTERS_EN,
                                              LEND };

static const import_label qbo_fr_labels[] = { /* inferred */
                                              L("solde d'ouverture", OPENING),
                                              L("solde de depart", OPENING),
                                              L("solde initial", OPENING),
                                              L("beginning balance", OPENING),
                                              L("total pour * avec sous comptes", TOTAL_SUBS),
                                              L("total pour *", TOTAL),
                                              L("total de *", TOTAL),
                                              L("total", GRAND),
                                              FOOTERS_FR,
                                              FOOTERS_EN,
                                              LEND
};

static const import_label qbd_labels[] = { L("total", GRAND), L("total *", TOTAL), FOOTERS_EN,
                                           LEND };

static const import_label qbd_custom_labels[] = { L("total", GRAND), FOOTERS_EN, LEND };

static const import_label sage_ca_en_labels[] = { /* inferred */
                                                  L("opening balance", OPENING),
                                                  L("total", TOTAL),
                                                  L("total *", TOTAL),
                                                  L("ending balance", TOTAL),
                                                  L("closing balance", TOTAL),
                                                  LEND
};

static const import_label sage_ca_fr_labels[] = { /* inferred */
                                                  L("solde d'ouverture", OPENING),
                                                  L("solde initial", OPENING),
                                                  L("total", TOTAL),
                                                  L("total *", TOTAL),
                                                  L("solde de cloture", TOTAL),
                                                  L("solde de fermeture", TOTAL),
                                                  L("solde final", TOTAL),
                                                  LEND
};

static const import_label sage_us_labels[] = { /* rows inferred */
                                               L("beginning balance", OPENING),
                                               L("current period change", CHANGE),
                                               L("ending balance", TOTAL), LEND
};

static const import_label xero_labels[] = {
    L("opening balance", OPENING), L("total *", TOTAL), L("closing balance", TOTAL),
    L("net movement", SKIP),       L("total", GRAND),   LEND
};

static const import_label wave_labels[] = { L("starting balance", OPENING),
                                            L("totals and ending balance", TOTAL),
                                            L("balance change", SKIP), LEND };

static const import_label odoo_labels[] = { L("solde initial", OPENING),
                                            L("initial balance", OPENING), L("solde final", TOTAL),
                                            L("ending balance", TOTAL), LEND };

static const import_label no_labels[] = { LEND };

static const char *const gnucash_ignored[] = { "imbalance *", "orphan *", "desequilibre *",
                                               "orphelin *", NULL };

/* ---- columns ----------------------------------------------------------- */

/* QuickBooks Online, General Ledger, classic view:
 * ,Date,Transaction Type,Num,Name,Memo/Description,Split,Amount,Balance */
static const import_column qbo_gl_columns[] = {
    REQ(DATE, "date"),         REQ(TYPE, "transaction type"), REQ(REF, "num"),
    REQ(COUNTERPARTY, "name"), REQ(MEMO, "memo/description"), OPT(KNOWN, "split"),
    REQ(AMOUNT, "amount"),     REQ(BALANCE, "balance"),       END
};

/* Modern view: ,Distribution account,Transaction date,Transaction type,Num,
 * Name,Memo/Description,Split account,Amount,Balance */
static const import_column qbo_gl_modern_columns[] = { REQ(ACCOUNT, "distribution account"),
                                                       REQ(DATE, "transaction date"),
                                                       REQ(TYPE, "transaction type"),
                                                       OPT(REF, "num"),
                                                       OPT(COUNTERPARTY, "name"),
                                                       OPT(MEMO, "memo/description"),
                                                       OPT(KNOWN, "split account"),
                                                       REQ(AMOUNT, "amount"),
                                                       OPT(BALANCE, "balance"),
                                                       END };

/* Transaction Detail by Account: ,Transaction date,Transaction type,Num,
 * Name,Description,Split,Amount,Balance */
static const import_column qbo_tdba_columns[] = {
    REQ(DATE, "transaction date"), REQ(TYPE, "transaction type"), OPT(REF, "num"),
    OPT(COUNTERPARTY, "name"),     REQ(MEMO, "description"),      OPT(KNOWN, "split"),
    REQ(AMOUNT, "amount"),         OPT(BALANCE, "balance"),       END
};

/* Grand livre, fr-CA (inferred): ,Date,Type de transaction,N°,Nom,
 * Mémo/Description,Contrepartie,Montant,Solde */
static const import_column qbo_fr_columns[] = {
    REQ(DATE, "date|date de transaction"),
    REQ(TYPE, "type de transaction|type d'operation|type"),
    OPT(REF, "n°|no|num|numero"),
    OPT(COUNTERPARTY, "nom"),
    OPT(MEMO, "memo/description|note/description|description|memo"),
    OPT(KNOWN, "contrepartie|compte de contrepartie|ventilation|fractionnement"),
    REQ(AMOUNT, "montant"),
    REQ(BALANCE, "solde"),
    END
};

/* QuickBooks Desktop, General Ledger:
 * ,Type,Date,Num,Adj,Name,Memo,Split,Debit,Credit,Balance */
static const import_column qbd_gl_columns[] = { REQ(TYPE, "type"),
                                                REQ(DATE, "date"),
                                                REQ(REF, "num"),
                                                OPT(KNOWN, "adj"),
                                                REQ(COUNTERPARTY, "name"),
                                                REQ(MEMO, "memo"),
                                                REQ(KNOWN, "split"),
                                                REQ(DEBIT, "debit"),
                                                REQ(CREDIT, "credit"),
                                                REQ(BALANCE, "balance"),
                                                END };

/* Custom Transaction Detail: ,Trans #,Type,Date,Num,Name,Memo,Account,Clr,
 * Split,Debit,Credit,Balance (Reckon adds more columns, "Description"
 * for Memo). */
static const import_column qbd_custom_columns[] = { REQ(KNOWN, "trans #"),
                                                    REQ(TYPE, "type"),
                                                    REQ(DATE, "date"),
                                                    OPT(REF, "num"),
                                                    OPT(COUNTERPARTY, "name"),
                                                    OPT(MEMO, "memo|description"),
                                                    REQ(ACCOUNT, "account"),
                                                    OPT(KNOWN, "clr"),
                                                    OPT(KNOWN, "split"),
                                                    REQ(DEBIT, "debit"),
                                                    REQ(CREDIT, "credit"),
                                                    OPT(KNOWN, "amount"),
                                                    OPT(BALANCE, "balance"),
                                                    OPT(KNOWN, "adj"),
                                                    OPT(KNOWN, "p o #"),
                                                    OPT(KNOWN, "source name"),
                                                    OPT(KNOWN, "due date"),
                                                    OPT(KNOWN, "item"),
                                                    OPT(KNOWN, "class"),
                                                    OPT(KNOWN, "tax code"),
                                                    OPT(KNOWN, "pay meth"),
                                                    OPT(KNOWN, "qty"),
                                                    OPT(KNOWN, "account type"),
                                                    OPT(KNOWN, "tax amount"),
                                                    END };

/* Sage 50 Canadian Edition, General Ledger (fields confirmed, layout
 * inferred): Date,Comment,Source #,JE #,Debits,Credits,Balance */
static const import_column sage_ca_en_columns[] = { REQ(DATE, "date"),
                                                    REQ(MEMO, "comment"),
                                                    REQ(REF, "source #|source no|source"),
                                                    REQ(KNOWN, "je #|je no"),
                                                    REQ(DEBIT, "debits"),
                                                    REQ(CREDIT, "credits"),
                                                    OPT(BALANCE, "balance"),
                                                    END };

/* French edition (inferred): Date,Commentaire,N° de source,N° d'écriture,
 * Débits,Crédits,Solde */
static const import_column sage_ca_fr_columns[] = {
    REQ(DATE, "date"),
    REQ(MEMO, "commentaire"),
    REQ(REF, "n° de source|no de source|numero de source|n° source"),
    REQ(KNOWN, "n° d'ecriture|no d'ecriture|numero d'ecriture|n° ecriture"),
    REQ(DEBIT, "debits"),
    REQ(CREDIT, "credits"),
    OPT(BALANCE, "solde"),
    END
};

/* Sage 50 US: Account ID,Account Description,Date,Reference,Jrnl,
 * Trans Description,Debit Amt,Credit Amt,Balance */
static const import_column sage_us_columns[] = {
    REQ(ACCOUNT, "account id"), REQ(ACCOUNT_NAME, "account description"),
    REQ(DATE, "date"),          REQ(REF, "reference"),
    REQ(TYPE, "jrnl"),          REQ(MEMO, "trans description"),
    REQ(DEBIT, "debit amt"),    REQ(CREDIT, "credit amt"),
    OPT(BALANCE, "balance"),    END
};

/* Xero, Account Transactions: Date,Source,Contact,Description,Reference,
 * Currency,Debit (Source),Credit (Source),Debit (CAD),Credit (CAD),
 * Running Balance (CAD); the base currency's columns are the ones read. */
static const import_column xero_columns[] = { REQ(DATE, "date"),
                                              REQ(TYPE, "source"),
                                              OPT(COUNTERPARTY, "contact"),
                                              REQ(MEMO, "description"),
                                              REQ(REF, "reference"),
                                              OPT(KNOWN, "currency"),
                                              OPT(KNOWN, "debit (source)"),
                                              OPT(KNOWN, "credit (source)"),
                                              REQ(DEBIT, "debit|debit (*"),
                                              REQ(CREDIT, "credit|credit (*"),
                                              OPT(BALANCE, "running balance|running balance (*"),
                                              OPT(KNOWN, "account code"),
                                              OPT(KNOWN, "account type"),
                                              OPT(KNOWN, "gross|gross (*"),
                                              OPT(KNOWN, "net|net (*"),
                                              OPT(KNOWN, "gst|gst (*|vat|vat (*|tax|tax (*"),
                                              END };

/* Wave, Account Transactions: ACCOUNT NUMBER,DATE,DESCRIPTION,
 * DEBIT (In Business Currency),CREDIT (...),BALANCE (...) */
static const import_column wave_columns[] = { REQ(ACCOUNT, "account number"),
                                              REQ(DATE, "date"),
                                              REQ(MEMO, "description"),
                                              REQ(DEBIT, "debit (in business currency)"),
                                              REQ(CREDIT, "credit (in business currency)"),
                                              REQ(BALANCE, "balance (in business currency)"),
                                              END };

/* GnuCash, Export Transactions to CSV (default layout): Date,
 * Transaction ID,Number,Description,Notes,Commodity/Currency,Void Reason,
 * Action,Memo,Full Account Name,Account Name,Amount With Sym,Amount Num.,
 * Value With Sym,Value Num.,Reconcile,Reconcile Date,Rate/Price */
static const import_column gnucash_en_columns[] = { REQ(DATE, "date"),
                                                    REQ(KNOWN, "transaction id"),
                                                    OPT(REF, "number"),
                                                    OPT(MEMO, "description"),
                                                    OPT(KNOWN, "notes"),
                                                    OPT(KNOWN, "commodity/currency"),
                                                    OPT(KNOWN, "void reason"),
                                                    OPT(KNOWN, "action"),
                                                    OPT(KNOWN, "memo"),
                                                    REQ(KNOWN, "full account name"),
                                                    REQ(ACCOUNT, "account name"),
                                                    OPT(KNOWN, "amount with sym"),
                                                    REQ(AMOUNT, "amount num"),
                                                    OPT(KNOWN, "value with sym"),
                                                    OPT(KNOWN, "value num"),
                                                    OPT(KNOWN, "reconcile"),
                                                    OPT(KNOWN, "reconcile date"),
                                                    OPT(KNOWN, "rate/price"),
                                                    END };

/* The same in French (inferred: the strings pass through gettext). */
static const import_column gnucash_fr_columns[] = {
    REQ(DATE, "date"),
    REQ(KNOWN, "id de la transaction|id de transaction|identifiant de la transaction"),
    OPT(REF, "numero|n°"),
    OPT(MEMO, "description"),
    OPT(KNOWN, "notes"),
    OPT(KNOWN, "marchandise/devise|devise/titre|commodite/devise"),
    OPT(KNOWN, "raison de l'annulation|motif d'annulation|raison d'annulation"),
    OPT(KNOWN, "action"),
    OPT(KNOWN, "memo"),
    REQ(KNOWN, "nom complet du compte"),
    REQ(ACCOUNT, "nom du compte"),
    OPT(KNOWN, "montant avec symbole|montant avec sym"),
    REQ(AMOUNT, "montant num|montant numerique"),
    OPT(KNOWN, "valeur avec symbole|valeur avec sym"),
    OPT(KNOWN, "valeur num|valeur numerique"),
    OPT(KNOWN, "rapprochement|rapproche"),
    OPT(KNOWN, "date de rapprochement"),
    OPT(KNOWN, "taux/prix|cours/prix"),
    END
};

/* Odoo (OCA account_financial_report), General Ledger, French or English:
 * Date,Pièce,Journal,Compte,Taxes,Partenaire,Réf - Libellé,Let.,Débit,
 * Crédit,Cumul bal. (repeated under each account's title). */
static const import_column odoo_columns[] = { REQ(DATE, "date"),
                                              REQ(REF, "piece|entry"),
                                              REQ(TYPE, "journal"),
                                              REQ(ACCOUNT, "compte|account"),
                                              OPT(KNOWN, "taxes"),
                                              OPT(COUNTERPARTY, "partenaire|partner"),
                                              REQ(MEMO, "ref libelle|ref label"),
                                              OPT(KNOWN, "compte analytique|analytic account"),
                                              OPT(KNOWN, "etiquettes|tags"),
                                              OPT(KNOWN, "let|rec"),
                                              REQ(DEBIT, "debit"),
                                              REQ(CREDIT, "credit"),
                                              REQ(BALANCE, "cumul bal"),
                                              OPT(KNOWN, "montant dev|amount cur"),
                                              OPT(KNOWN, "cumul dev|cumul cur"),
                                              END };

/* ---- the table --------------------------------------------------------- */

/* Section rows mark the accounts; each ends with its total when required. */
#define SECTIONS(required) .sections = true, .totals_required = (required)

static const import_profile profiles[] = {
    { .name = "bilan",
      .product = "bilan's tidy ledger (header on line 1)",
      .tidy = true,
      .amount = IMPORT_AMOUNT_NATURAL,
      .account = IMPORT_ACCOUNT_COLUMN,
      .labels = no_labels },

    { .name = "qbo-gl",
      .product = "QuickBooks Online, General Ledger (classic view)",
      .columns = qbo_gl_columns,
      .amount = IMPORT_AMOUNT_NATURAL,
      .account = IMPORT_ACCOUNT_SECTION,
      SECTIONS(true),
      .nested = true,
      .end_required = true,
      .balance = IMPORT_BALANCE_AMOUNT,
      .decimal = MONEY_DECIMAL_POINT,
      .labels = qbo_en_labels },
    { .name = "qbo-gl-modern",
      .product = "QuickBooks Online, General Ledger (modern view)",
      .columns = qbo_gl_modern_columns,
      .amount = IMPORT_AMOUNT_NATURAL,
      .account = IMPORT_ACCOUNT_COLUMN,
      SECTIONS(true),
      .nested = true,
      .balance = IMPORT_BALANCE_AMOUNT,
      .decimal = MONEY_DECIMAL_POINT,
      .labels = qbo_en_labels },
    { .name = "qbo-transaction-detail",
      .product = "QuickBooks Online, Transaction Detail by Account",
      .columns = qbo_tdba_columns,
      .amount = IMPORT_AMOUNT_NATURAL,
      .account = IMPORT_ACCOUNT_SECTION,
      SECTIONS(true),
      .nested = true,
      .balance = IMPORT_BALANCE_AMOUNT,
      .decimal = MONEY_DECIMAL_POINT,
      .labels = qbo_en_labels },
    { .name = "qbo-grand-livre",
      .product = "QuickBooks Online en français, Grand livre",
      .columns = qbo_fr_columns,
      .amount = IMPORT_AMOUNT_NATURAL,
      .account = IMPORT_ACCOUNT_SECTION,
      SECTIONS(true),
      .nested = true,
      .balance = IMPORT_BALANCE_AMOUNT,
      .decimal = MONEY_DECIMAL_COMMA,
      .labels = qbo_fr_labels },

    { .name = "qbd-gl",
      .product = "QuickBooks Desktop, General Ledger",
      .columns = qbd_gl_columns,
      .amount = IMPORT_AMOUNT_DEBIT_CREDIT,
      .account = IMPORT_ACCOUNT_SECTION,
      SECTIONS(true),
      .nested = true,
      .balance = IMPORT_BALANCE_EITHER,
      .decimal = MONEY_DECIMAL_POINT,
      .labels = qbd_labels },
    { .name = "qbd-custom-transaction-detail",
      .product = "QuickBooks Desktop, Custom Transaction Detail Report",
      .columns = qbd_custom_columns,
      .amount = IMPORT_AMOUNT_DEBIT_CREDIT,
      .account = IMPORT_ACCOUNT_COLUMN,
      .decimal = MONEY_DECIMAL_POINT,
      .labels = qbd_custom_labels },

    { .name = "sage50-ca-en-gl",
      .product = "Sage 50 Canadian Edition (English), General Ledger",
      .columns = sage_ca_en_columns,
      .amount = IMPORT_AMOUNT_DEBIT_CREDIT,
      .account = IMPORT_ACCOUNT_SECTION,
      SECTIONS(false),
      .unlabelled_total = true,
      .balance = IMPORT_BALANCE_DEBIT,
      .decimal = MONEY_DECIMAL_POINT,
      .labels = sage_ca_en_labels },
    { .name = "sage50-ca-fr-gl",
      .product = "Sage 50 édition canadienne (français), Grand livre",
      .columns = sage_ca_fr_columns,
      .amount = IMPORT_AMOUNT_DEBIT_CREDIT,
      .account = IMPORT_ACCOUNT_SECTION,
      SECTIONS(false),
      .unlabelled_total = true,
      .balance = IMPORT_BALANCE_DEBIT,
      .decimal = MONEY_DECIMAL_COMMA,
      .labels = sage_ca_fr_labels },
    { .name = "sage50-us-gl",
      .product = "Sage 50 US (Peachtree), General Ledger",
      .columns = sage_us_columns,
      .amount = IMPORT_AMOUNT_DEBIT_CREDIT,
      .account = IMPORT_ACCOUNT_FILL_DOWN,
      .balance = IMPORT_BALANCE_DEBIT,
      .decimal = MONEY_DECIMAL_POINT,
      .labels = sage_us_labels },

    { .name = "xero-account-transactions",
      .product = "Xero, Account Transactions",
      .columns = xero_columns,
      .amount = IMPORT_AMOUNT_DEBIT_CREDIT,
      .account = IMPORT_ACCOUNT_SECTION,
      SECTIONS(true),
      .balance = IMPORT_BALANCE_EITHER,
      .decimal = MONEY_DECIMAL_POINT,
      .labels = xero_labels },
    { .name = "wave-account-transactions",
      .product = "Wave, Account Transactions",
      .columns = wave_columns,
      .amount = IMPORT_AMOUNT_DEBIT_CREDIT,
      .account = IMPORT_ACCOUNT_SECTION,
      SECTIONS(true),
      .balance = IMPORT_BALANCE_EITHER,
      .decimal = MONEY_DECIMAL_POINT,
      .labels = wave_labels },

    { .name = "gnucash-en",
      .product = "GnuCash (English), Export Transactions to CSV",
      .columns = gnucash_en_columns,
      .amount = IMPORT_AMOUNT_DEBIT_POSITIVE,
      .account = IMPORT_ACCOUNT_COLUMN,
      .decimal = MONEY_DECIMAL_AUTO,
      .labels = no_labels,
      .ignored_accounts = gnucash_ignored },
    { .name = "gnucash-fr",
      .product = "GnuCash (français), Exporter les transactions en CSV",
      .columns = gnucash_fr_columns,
      .amount = IMPORT_AMOUNT_DEBIT_POSITIVE,
      .account = IMPORT_ACCOUNT_COLUMN,
      .decimal = MONEY_DECIMAL_AUTO,
      .labels = no_labels,
      .ignored_accounts = gnucash_ignored },

    { .name = "odoo-gl",
      .product = "Odoo (OCA account_financial_report), General Ledger",
      .columns = odoo_columns,
      .amount = IMPORT_AMOUNT_DEBIT_CREDIT,
      .account = IMPORT_ACCOUNT_COLUMN,
      SECTIONS(true),
      .totals_include_opening = true,
      .header_repeats = true,
      .balance = IMPORT_BALANCE_DEBIT,
      .decimal = MONEY_DECIMAL_AUTO,
      .labels = odoo_labels },
};

const import_profile *import_profiles(size_t *count)
{
    *count = sizeof profiles / sizeof profiles[0];
    return profiles;
}

const import_profile *import_profile_find(const char *name)
{
    for (size_t i = 0; i < sizeof profiles / sizeof profiles[0]; i++)
        if (strcasecmp(profiles[i].name, name) == 0)
            return &profiles[i];
    return NULL;
}
