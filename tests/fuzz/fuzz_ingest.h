/* fuzz_ingest.h - the body of the ingest harnesses: one input file is the
 * fuzz data, the others are a small valid set (tests/cases/_base); the
 * whole folder goes through ingest_input, and when it is accepted through
 * compute_figures and the detail walks, as in a real run.
 *
 * A harness defines FUZZ_FILE ("ledger.csv", ...) and includes this. */
#ifndef BILAN_FUZZ_INGEST_H
#define BILAN_FUZZ_INGEST_H

#include "compute.h"
#include "config.h"
#include "fuzz_util.h"
#include "ingest.h"
#include "model.h"

static const struct {
    const char *name, *text;
} fuzz_base[] = {
    {"report.ini",
     "[organisation]\nname = Fuzz\n[report]\nfiscal_year_end = 03-31\n"
     "year = 2014\nhistory = 3\nlanguage = fr\n"},
    {"accounts.csv",
     "account,name,kind,group\n4100,Subvention,revenue,Subventions\n"
     "4200,Formations,revenue,Revenus autonomes\n5100,Salaires,expense,Salaires\n"
     "1000,Banque,asset,Actif\n"},
    {"ledger.csv",
     "date,account,amount,counterparty,memo,ref\n"
     "2013-04-15,4100,10000.00,Centraide,Versement,P-1\n"
     "2013-06-01,4200,1234.56,Ville,Formation,P-2\n"
     "2012-07-31,5100,5000.00,,Paie,P-3\n2013-05-05,1000,300.00,,,\n"},
    {"activities.csv",
     "date,axis,type,title,partner,region,participants,hours\n"
     "2013-05-10,Formation,Formation,A,Montréal-Nord,Montréal,12,3.5\n"
     "2012-09-20,Accompagnement,Coaching,B,MONTRÉAL-NORD,Laval,4,2\n"},
    {"people.csv", "name,role,group,team\nMarie,Présidente,CA,\n"},
};

static config fuzz_cfg;

static int fuzz_count_ledger(const ledger_detail *row, void *arg)
{
    (void)row;
    ++*(size_t *)arg;
    return 0;
}

static int fuzz_count_activity(const activity_detail *row, void *arg)
{
    (void)row;
    ++*(size_t *)arg;
    return 0;
}

/* Writes the valid files once and loads report.ini (unless fuzzed). */
static void fuzz_setup(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    for (size_t i = 0; i < sizeof fuzz_base / sizeof fuzz_base[0]; i++)
        fuzz_write(fuzz_base[i].name, fuzz_base[i].text, strlen(fuzz_base[i].text));
    diag d;
    diag_init(&d, stderr);
    char path[512];
    snprintf(path, sizeof path, "%s/report.ini", fuzz_scratch());
    if (config_load(&fuzz_cfg, path, "report.ini", &d) != 0)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_setup();
    fuzz_write(FUZZ_FILE, data, size);
    diag d;
    diag_init(&d, NULL);
    model m;
    model_init(&m, &fuzz_cfg);
    int rc = ingest_input(&m, fuzz_scratch(), &d);
    if ((rc != 0) != diag_failed(&d))
        abort();   /* failure if and only if a problem was reported */
    if (rc == 0) {
        figures f = {0};
        if (compute_figures(&m, &f, &d) == 0) {
            detail_source src = ingest_detail_source(&m);
            size_t n = 0;
            src.each_ledger(src.ctx, fuzz_count_ledger, &n);
            if (n > m.ledger_rows)
                abort();
            n = 0;
            src.each_activity(src.ctx, fuzz_count_activity, &n);
            if (n > m.activity_rows)
                abort();
        }
        figures_free(&f);
    }
    model_free(&m);
    return 0;
}

#endif
