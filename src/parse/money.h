/* money.h - amount text -> exact integer cents (also used for hours).
 *
 * Accepted forms: 1234.56  1,234.56  1 234,56  1234,56  -1234.56
 * (1 234,56)  1 234,56 $  $1,234.56  12,50 €  £12.50  +12  12.5 ;
 * thousands separators are space, U+00A0 and U+202F, or the other of ','
 * '.' than the decimal mark.
 * At most two decimals.  Never floating point. */
#ifndef BILAN_MONEY_H
#define BILAN_MONEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum money_decimal {
    MONEY_DECIMAL_AUTO, /* decide from the value, or report ambiguity */
    MONEY_DECIMAL_POINT,
    MONEY_DECIMAL_COMMA
} money_decimal;

typedef enum money_status {
    MONEY_OK,
    MONEY_EMPTY,     /* nothing but spaces */
    MONEY_SYNTAX,    /* not an amount at all */
    MONEY_DECIMALS,  /* more than two decimals */
    MONEY_AMBIGUOUS, /* 1,234 or 1.234 with MONEY_DECIMAL_AUTO */
    MONEY_OVERFLOW   /* beyond int64 cents */
} money_status;

/* What a value says about the file's decimal mark. */
typedef enum money_evidence {
    MONEY_EVIDENCE_NONE,  /* no separator, or cannot tell */
    MONEY_EVIDENCE_POINT, /* e.g. 12.50, 1,234.56, 1,234,567 */
    MONEY_EVIDENCE_COMMA  /* e.g. 12,50, 1 234,56, 1.234.567 */
} money_evidence;

/* Parses text[0..len) (UTF-8, need not be NUL-terminated) into *cents.
 * With MONEY_DECIMAL_AUTO a value whose mark cannot be told
 * (a single separator followed by exactly three digits) is MONEY_AMBIGUOUS. */
money_status money_parse(const char *text, size_t len, money_decimal decimal, int64_t *cents);

/* The decimal-mark evidence in text, without parsing it fully. */
money_evidence money_evidence_of(const char *text, size_t len);

/* A short English phrase for a status: "is not an amount", ... */
const char *money_status_message(money_status status);

/* Checked arithmetic: false on int64 overflow, *out unchanged. */
bool money_add(int64_t a, int64_t b, int64_t *out);

#endif
