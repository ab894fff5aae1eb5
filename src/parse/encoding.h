/* encoding.h - the text encodings of input files: UTF-8 classified piece
 * by piece (which the CSV reader decides a file's encoding with), and
 * Windows-1252 (what Excel and Notepad call "ANSI") converted to UTF-8.
 * The one converter serves the CSV reader and report.ini. */
#ifndef BILAN_ENCODING_H
#define BILAN_ENCODING_H

#include <stdbool.h>
#include <stddef.h>

/* What starts at some point of a byte string. */
typedef enum utf8_piece {
    PIECE_ASCII, /* a run of ASCII bytes, no NUL */
    PIECE_NUL,
    PIECE_SEQUENCE, /* one valid multi-byte sequence */
    PIECE_CUT,      /* a sequence cut by the end of the chunk */
    PIECE_INVALID   /* a byte that cannot be UTF-8 here */
} utf8_piece;

/* The piece at p[0..n) and its length (at least 1); PIECE_CUT only when
 * more bytes are to come. */
utf8_piece encoding_utf8_piece(const unsigned char *p, size_t n, bool more, size_t *len);

/* The length of the run at p[0..n) (maybe 0) of printable ASCII, TAB, LF
 * and CR: text that reads the same in UTF-8 and Windows-1252 and has no
 * character XML forbids, the bulk of any CSV file, found in one look. */
size_t encoding_plain_run(const unsigned char *p, size_t n);

/* Converts Windows-1252 in[0..n) to UTF-8 at out, which has room for
 * 3 * n bytes; NUL bytes are converted like any other.  Stops before a
 * byte that Windows-1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D).
 * Returns the bytes converted; *written is the UTF-8 length. */
size_t encoding_from_cp1252(const unsigned char *in, size_t n, char *out, size_t *written);

/* Windows-1252 text[0..*len) as UTF-8 in a new NUL-terminated buffer,
 * *len updated; NULL when some byte is undefined in Windows-1252. */
char *encoding_from_cp1252_dup(const char *text, size_t *len);

/* Whether UTF-8 s[0..len) has a character XML 1.0 forbids: a C0 control
 * but TAB, LF and CR, or U+FFFE, U+FFFF (a workbook, a PDF's metadata and
 * the JSON's readers would break on them). */
bool encoding_xml_forbidden(const char *s, size_t len);

/* Copies s[0..len) to out (room for 3 * len bytes) with each such
 * character replaced by U+FFFD; returns the length written. */
size_t encoding_xml_replace(const char *s, size_t len, char *out);

#endif
