/* fuzz_import.c - libFuzzer harness: the import engine (profile detection,
 * row classification, the export's own checks) and the trial balance
 * reader on an arbitrary file.  The first byte picks the options (a forced
 * profile, the decimal mark, the chunk size); the rest is the file, read
 * in memory to the end.  Lines must come in non-decreasing line order,
 * every field NUL-terminated at its length, debit and credit never
 * negative; a file that cannot be opened or read is always reported. */
#include "parse/csv_reader_test.h"
#include "parse/import.h"
#include "parse/record_source.h"
#include "parse/trial_balance.h"
#include "fuzz_util.h"

static void check_line(const import_line *l, size_t *last)
{
    if (l->line < *last || l->line == 0)
        abort();
    *last = l->line;
    for (size_t i = 0; i < l->record.count; i++)
        if (l->record.fields[i][l->record.lengths[i]] != '\0')
            abort();
    if (!l->natural && (l->debit < 0 || l->credit < 0))
        abort();
    if (l->record.count != IMPORT_FIELD_COUNT || strlen(l->date) == 0)
        abort();
}

static void run_import(const char *data, size_t size, const import_options *o, size_t chunk)
{
    diag d;
    diag_init(&d, NULL);
    record_source *r = record_source_of_csv(
        csv_reader_open_mem(data, size, "ledger.csv", NULL, chunk, &d), "ledger.csv");
    if (!r)
        return;
    import_reader *ir = import_open(r, "ledger.csv", o, &d);
    if (!ir) {
        if (!diag_failed(&d) && !o->quiet)
            abort();   /* a refused header is always reported */
    } else {
        import_line l;
        size_t last = 0;
        int rc;
        while ((rc = import_next(ir, &l)) == 1)
            check_line(&l, &last);
        if (rc == -1 && !diag_failed(&d) && !o->quiet)
            abort();
        char summary[512];
        import_summary(ir, summary, sizeof summary);
        if (!import_profile_of(ir) || !import_counts_of(ir))
            abort();
    }
    import_close(ir);
    record_source_free(r);
}

static void run_trial(const char *data, size_t size, size_t chunk)
{
    diag d;
    diag_init(&d, NULL);
    record_source *r = record_source_of_csv(
        csv_reader_open_mem(data, size, "trial-balance.csv", NULL, chunk, &d),
        "trial-balance.csv");
    if (!r)
        return;
    trial_reader *t = trial_open(r, "trial-balance.csv", MONEY_DECIMAL_AUTO, &d);
    if (t) {
        trial_row row;
        size_t last = 0;
        while (trial_next(t, &row) == 1) {
            if (row.line < last || row.debit < 0 || row.credit < 0 || !*row.label)
                abort();
            last = row.line;
        }
        date as_of;
        size_t line;
        if (trial_as_of(t, &as_of, &line) && !date_is_valid(as_of.year, as_of.month,
                                                             as_of.day))
            abort();
    } else if (!diag_failed(&d)) {
        abort();
    }
    trial_close(t);
    record_source_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    size_t count;
    const import_profile *all = import_profiles(&count);
    static const money_decimal decimals[] = {
        MONEY_DECIMAL_AUTO, MONEY_DECIMAL_POINT, MONEY_DECIMAL_COMMA, MONEY_DECIMAL_AUTO,
    };
    uint8_t opt = data[0];
    /* one input in four forces a profile, chosen by the low bits */
    const char *forced = (opt & 0xC0) == 0xC0 ? all[opt % count].name : NULL;
    import_options o = { forced, NULL, decimals[(opt >> 4) & 3], (opt & 0x08) != 0 };
    size_t chunk = (opt & 0x07) == 0 ? 4096 : (size_t)(opt & 0x07);
    const char *text = (const char *)data + 1;
    run_import(text, size - 1, &o, chunk);
    run_trial(text, size - 1, chunk);
    return 0;
}
