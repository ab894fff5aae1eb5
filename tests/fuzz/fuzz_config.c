/* fuzz_config.c - libFuzzer harness: report.ini from arbitrary bytes
 * through config_load and config_free.  A load that succeeds leaves a
 * usable configuration. */
#include "config.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_write("report.ini", data, size);
    diag d;
    diag_init(&d, NULL);
    config cfg;
    int rc = config_load(&cfg, path, "report.ini", &d);
    if (rc == 0) {
        if (diag_failed(&d) || !cfg.org_name || cfg.history < 1 || cfg.history > 20 ||
            !date_is_valid(2000, cfg.calendar.end_month, cfg.calendar.end_day))
            abort();
        char label[16];
        fiscal_year_label(cfg.calendar, cfg.year, label, sizeof label);
    } else if (!diag_failed(&d)) {
        abort();   /* a failure is always reported */
    }
    config_free(&cfg);
    return 0;
}
