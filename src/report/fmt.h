/* fmt.h - numbers, money, percents and dates as each language writes them.
 * French: 125 000 $  58,2 %  31 mars 2014 (no-break spaces U+00A0/U+202F);
 * English: $125,000  58.2%  March 31, 2014.  Integer arithmetic only.
 * Each writes a NUL-terminated string into buf and returns buf. */
#ifndef BILAN_FMT_H
#define BILAN_FMT_H

#include "config.h"
#include "parse/date.h"
#include "figures.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { FMT_SIZE = 64 }; /* enough for any of these */

/* The symbol of currency code (report.ini's "currency"), as the workbook
 * writes it too: CAD, USD, AUD, NZD (and NULL) "$", EUR "€", GBP "£",
 * any other code itself ("CHF"). */
const char *fmt_currency_symbol(const char *code);
/* cents -> "125 000 $" (whole dollars, rounded half away from zero) or,
 * with cents, "124 980,50 $"; negatives "-1 234 $" (fr) / "-$1,234" (en).
 * currency is a code (NULL: "$"): "1 750 €" / "€1,750"; a code
 * without a symbol is set apart by a no-break space: "1 750 CHF" /
 * "CHF 1,750". */
char *fmt_money(char *buf, size_t size, int64_t cents, bool with_cents, const char *currency,
                language lang);
/* 12345 -> "12 345" / "12,345" */
char *fmt_count(char *buf, size_t size, int64_t n, language lang);
/* hundredths -> "1 234,5" / "1,234.5" (no trailing zero decimals) */
char *fmt_hours(char *buf, size_t size, int64_t hundredths, language lang);
/* a figure's change % -> "+58,2 %" / "+58.2%", or the word of its status
 * (fmt_pct_word) */
char *fmt_change_pct(char *buf, size_t size, const figure *f, language lang);
/* What is shown instead of a percentage: "nouveau" / "new" (from 0),
 * "—" (0 to 0), "n.s." / "n.m." (from a negative value); NULL for
 * FIGURE_PCT_VALUE. */
const char *fmt_pct_word(figure_pct pct, language lang);
/* tenths -> "3,2" / "3.2" (always one decimal); with percent, "16,1 %" /
 * "16.1%" */
char *fmt_tenths(char *buf, size_t size, int64_t tenths, bool percent, language lang);
/* The plural category of a count: "one" or "other", the suffix of the
 * message keys NOUN_one and NOUN_other ("1 activité", "2 activités").
 * French counts 0 and 1 as singular ("0 activité"), English only 1. */
const char *fmt_plural(int64_t n, language lang);
/* 2014-03-31 -> "31 mars 2014" / "March 31, 2014" */
char *fmt_date(char *buf, size_t size, date d, language lang);

#endif
