/* text.h - UTF-8 helpers: trimming, keys for comparing names. */
#ifndef BILAN_TEXT_H
#define BILAN_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Trims ASCII white space, U+00A0 and U+202F from both ends of s[0..*len):
 * returns the new start and updates *len. */
const char *text_trim(const char *s, size_t *len);

/* A comparison key: trimmed, Unicode case-folded (utf8proc), NFC.
 * "MONTRÉAL-NORD", " Montréal-Nord" and "montréal-nord" give one key.
 * Returns a malloc'd string, or NULL when s is not valid UTF-8. */
char *text_fold_key(const char *s, size_t len);

/* A header key: as text_fold_key, accents removed too ("Débit" -> "debit"),
 * runs of white space, '_', '-' and '.' made one space, ’ made '. */
char *text_header_key(const char *s, size_t len);

/* Whether s[0..len) is valid UTF-8. */
bool text_is_utf8(const char *s, size_t len);

/* Splits "KEY].rest" at its first "].": KEY copied to key (size bytes),
 * NUL-terminated; returns rest, or NULL when there is no "]." or KEY is
 * too long. */
const char *text_bracket_key(const char *s, char *key, size_t size);

/* Whether s[0..len) is one or more ASCII digits. */
bool text_all_digits(const char *s, size_t len);

/* Whether digit strings a <= b as numbers (leading zeros ignored). */
bool text_digits_le(const char *a, size_t alen, const char *b, size_t blen);

#endif
