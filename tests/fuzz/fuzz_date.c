/* fuzz_date.c - libFuzzer harness: date_parse and the order evidence on
 * arbitrary bytes.  A parsed date is always a valid day, and survives the
 * round trip through days since the epoch and ISO formatting. */
#include "parse/date.h"
#include "fuzz_util.h"

static void check_date(date d)
{
    if (!date_is_valid(d.year, d.month, d.day))
        abort();
    date back = date_from_days(date_to_days(d));
    if (date_compare(back, d) != 0)
        abort();
    char iso[11];
    date_format_iso(d, iso);
    date again;
    if (d.year >= 1000 && d.year <= 9999 &&
        (date_parse(iso, strlen(iso), DATE_ORDER_AUTO, &again) != DATE_OK ||
         date_compare(again, d) != 0))
        abort();
    fiscal_calendar cal = {3, 31};
    int fy = fiscal_year_of(cal, d);
    if (date_compare(fiscal_year_start(cal, fy), d) > 0 ||
        date_compare(fiscal_year_end(cal, fy), d) < 0)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size ? size : 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    static const date_order orders[] = {DATE_ORDER_AUTO, DATE_ORDER_DMY, DATE_ORDER_MDY};
    for (int i = 0; i < 3; i++) {
        date d = {0, 0, 0};
        date_status st = date_parse(text, size, orders[i], &d);
        (void)date_status_message(st);
        if (st == DATE_OK)
            check_date(d);
        else if (st == DATE_AMBIGUOUS && orders[i] != DATE_ORDER_AUTO)
            abort();
    }
    (void)date_order_evidence(text, size);
    (void)date_needs_order(text, size);
    free(text);
    return 0;
}
