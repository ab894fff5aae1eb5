/* csv_reader.c - stream CSV records with their physical line numbers.
 *
 * Three stages, each fed by the one before:
 *   1. the source: the file (or, for tests, memory) read chunk by chunk;
 *   2. decoding: BOM skipped, NUL bytes and invalid UTF-8 caught, or
 *      Windows-1252 converted to UTF-8 (parse/encoding.c); the result is UTF-8 text.
 *      When no encoding is asked, the first non-ASCII piece decides, and
 *      the file is read once: a valid UTF-8 sequence, UTF-8; a byte that
 *      cannot be UTF-8, Windows-1252 on a guess that a later valid sequence
 *      overturns (the file was UTF-8 with a bad byte: the error at that
 *      byte's line, as if it had been read as UTF-8 from the start);
 *   3. parsing: libcsv (strict RFC 4180), fed one physical line at a time so
 *      that lines can be counted: before each line, libcsv's pstate tells
 *      whether a record may start on it.
 * Line ends are LF, CRLF or a lone CR (old Mac files): each is one physical
 * line.  Memory stays at about one chunk plus the current record.
 *
 * libcsv drops spaces and tabs around unquoted fields, and around quotes;
 * quoted fields keep theirs.  A line of spaces is blank and skipped; a line
 * of delimiters (",,,") is a record of empty fields, for the caller to
 * judge. */
#include "parse/csv_reader.h"
#include "parse/csv_reader_test.h"
#include "parse/encoding.h"
#include "lib/files.h"
#include "lib/i18n.h"
#include "lib/text.h"
#include "lib/xalloc.h"

#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    CSV_CHUNK = 64 * 1024,
    CSV_FIELD_MAX = 16 * 1024 * 1024,
    CSV_RECORD_MAX = 64 * 1024 * 1024,
    CSV_MESSAGE_MAX = 200
};

/* libcsv's parser states (libcsv.c), read from the public pstate field. */
enum { PSTATE_ROW_NOT_BEGUN = 0, PSTATE_FIELD_BEGUN = 2, PSTATE_FIELD_MIGHT_HAVE_ENDED = 3 };

static const unsigned char utf8_bom[3] = { 0xEF, 0xBB, 0xBF };

/* Delimiter detection: counts on the first non-blank line, outside quotes. */
typedef struct csv_sniff {
    size_t pos;
    size_t commas, semicolons, tabs;
    bool quoted, content;
} csv_sniff;

struct csv_reader {
    char *name;
    diag *d;
    /* 1. source */
    FILE *fp;
    const char *mem;
    size_t mem_len, mem_pos;
    size_t chunk_size;
    bool input_eof;
    off_t offset, limit; /* file position; no read beyond limit (-1: none) */
    bool at_limit;       /* the source stopped at limit, not at its end */
    /* 2. decoding */
    csv_encoding encoding; /* CSV_ENCODING_AUTO until decided */
    bool bom_done;
    unsigned char *raw; /* raw[0..carry) waits for more bytes */
    size_t raw_cap, carry;
    char *text; /* decoded, text[text_pos..text_len) unparsed */
    size_t text_len, text_pos, text_cap;
    int error_status;    /* a decoding error at text_len, or 0 */
    bool forbidden_seen; /* a character XML forbids was decoded */
    char error[CSV_MESSAGE_MAX];
    /* Windows-1252 on a guess (guessed): until the end of the file, the
     * raw bytes are looked through for a valid UTF-8 sequence, which
     * overturns it (overturned). */
    bool guessed, overturned;
    unsigned char bad_byte; /* the first non-ASCII byte, not UTF-8 */
    size_t bad_text;        /* where its text starts, until parsed */
    bool guess_reached;     /* parsing reached it: records rest on the guess */
    size_t bad_line;        /* its line, once reached */
    diag_mark mark;         /* d when reached, for diag_rollback */
    bool overturn_reported;
    /* A header line holding the bad byte, whose text before the byte says
     * another delimiter (guess_alt_header): what reading as UTF-8 gives. */
    csv_sniff sniff_at_bad; /* the sniff's counts at the bad byte */
    bool sniff_at_bad_taken, alt;
    char alt_delimiter;
    const char *alt_error; /* a parse error before the byte, at alt_line */
    size_t alt_line, alt_bad_line;
    /* 3. parsing */
    char delimiter;
    csv_sniff sniff;
    struct csv_parser parser;
    bool started, failed, finished;
    size_t line; /* physical line of text[text_pos] */
    bool line_start, after_cr;
    size_t record_line;
    /* the record: fields copied into buf, NUL-terminated */
    char *buf;
    size_t buf_len, buf_cap;
    size_t *offsets, *lengths;
    char **fields;
    size_t count, fields_cap;
    bool record_done, record_too_long;
    bool paused; /* the last call stopped at the limit: the record goes on */
    /* the record again, when characters XML forbids were replaced */
    char *clean;
    size_t clean_cap;
    bool *replaced;
    size_t replaced_cap;
};

/* ---- 1. source ---- */

static size_t read_source(csv_reader *r, unsigned char *dst, size_t want, int *err)
{
    *err = 0;
    if (r->fp) {
        size_t got = fread(dst, 1, want, r->fp);
        if (got < want && ferror(r->fp))
            *err = errno ? errno : EIO;
        r->offset += (off_t)got;
        return got;
    }
    size_t got = r->mem_len - r->mem_pos < want ? r->mem_len - r->mem_pos : want;
    memcpy(dst, r->mem + r->mem_pos, got);
    r->mem_pos += got;
    r->offset += (off_t)got;
    return got;
}

/* ---- 2. decoding ---- */

/* Records the first decoding error; it is reported when parsing reaches
 * the end of the text decoded before it, i.e. at the line of the bad byte. */
__attribute__((format(printf, 3, 4))) static void set_error(csv_reader *r, int status,
                                                            const char *fmt, ...)
{
    if (r->error_status)
        return;
    r->error_status = status;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->error, sizeof r->error, _(fmt), ap);
    va_end(ap);
}

static void set_invalid_utf8(csv_reader *r, unsigned char byte)
{
    set_error(r, EXIT_DATAERR,
              "invalid UTF-8 (byte 0x%02X); set [csv] encoding = windows-1252 "
              "in report.ini if the file is Windows-1252",
              byte);
}

/* Notes whether the text decoded at s[0..n) has a character XML forbids:
 * until one is seen, records need no look for them (replace_forbidden). */
static void note_forbidden(csv_reader *r, const char *s, size_t n)
{
    if (!r->forbidden_seen)
        r->forbidden_seen = encoding_xml_forbidden(s, n);
}

/* Appends s[0..n) to the text (decode_utf8 has noted what XML forbids). */
static void text_append(csv_reader *r, const void *s, size_t n)
{
    xgrow((void **)&r->text, &r->text_cap, r->text_len + n + 1, 1);
    memcpy(r->text + r->text_len, s, n);
    r->text_len += n;
}

/* With CSV_ENCODING_AUTO, a first non-ASCII byte that cannot be UTF-8:
 * Windows-1252 from there on, on a guess (decode_guessed). */
static void guess_cp1252(csv_reader *r, unsigned char byte, size_t text_at)
{
    r->encoding = CSV_ENCODING_CP1252;
    r->guessed = true;
    r->bad_byte = byte;
    r->bad_text = text_at;
}

/* Copies the valid UTF-8 at p[0..n) to the text.  Stops at a NUL (error),
 * at a sequence cut by the chunk's end (left in the carry), or at an
 * invalid one: an error, or with CSV_ENCODING_AUTO the switch to
 * Windows-1252 (guess_cp1252).  A valid non-ASCII sequence decides AUTO
 * for UTF-8.  Returns the bytes consumed. */
static size_t decode_utf8(csv_reader *r, unsigned char *p, size_t n)
{
    size_t i = 0, len;
    while (i < n) {
        i += encoding_plain_run(p + i, n - i);
        if (i == n)
            break;
        utf8_piece piece = encoding_utf8_piece(p + i, n - i, !r->input_eof, &len);
        if (piece == PIECE_ASCII || piece == PIECE_SEQUENCE) {
            if (piece == PIECE_SEQUENCE)
                r->encoding = CSV_ENCODING_UTF8;
            note_forbidden(r, (const char *)p + i, len);
            i += len;
            continue;
        }
        if (piece == PIECE_NUL)
            set_error(r, EXIT_DATAERR, "NUL byte: not a text file");
        else if (piece == PIECE_CUT)
            r->carry = len;
        else if (r->encoding == CSV_ENCODING_AUTO)
            guess_cp1252(r, p[i], r->text_len + i);
        else
            set_invalid_utf8(r, p[i]);
        break;
    }
    text_append(r, p, i);
    if (r->carry)
        memmove(r->raw, p + i, r->carry);
    return i;
}

/* Converts Windows-1252 p[0..n) to UTF-8 text.  NUL bytes, and the five
 * bytes that Windows-1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D), are
 * errors.  Returns the bytes consumed. */
static size_t decode_cp1252(csv_reader *r, unsigned char *p, size_t n)
{
    const unsigned char *nul = memchr(p, 0, n);
    size_t m = nul ? (size_t)(nul - p) : n, written;
    xgrow((void **)&r->text, &r->text_cap, r->text_len + 3 * m + 1, 1);
    size_t done = encoding_from_cp1252(p, m, r->text + r->text_len, &written);
    note_forbidden(r, r->text + r->text_len, written);
    r->text_len += written;
    if (done < m)
        set_error(r, EXIT_DATAERR, "byte 0x%02X is not a Windows-1252 character", p[done]);
    else if (nul)
        set_error(r, EXIT_DATAERR, "NUL byte: not a text file");
    return done;
}

/* Looks through p[0..n), raw bytes read on the Windows-1252 guess, for a
 * valid UTF-8 multi-byte sequence, which overturns the guess.  Piece by
 * piece from the bad byte on, as reading the file as UTF-8 would have.
 * Returns the bytes looked through; *cut is the length of a sequence cut by
 * the chunk's end, to look at with the next chunk. */
static size_t guess_scan(csv_reader *r, const unsigned char *p, size_t n, size_t *cut)
{
    size_t i = 0, len;
    *cut = 0;
    while (i < n) {
        utf8_piece piece = encoding_utf8_piece(p + i, n - i, !r->input_eof, &len);
        if (piece == PIECE_SEQUENCE) {
            r->overturned = true;
            break;
        }
        if (piece == PIECE_CUT) {
            *cut = len;
            break;
        }
        i += len;
    }
    return i;
}

/* The guess is overturned: the file is UTF-8, and the bad byte an error
 * at its line.  Before parsing reached it, the text from it on is dropped,
 * as if decoding had stopped there (the header line, if being sniffed for
 * its delimiter, is counted again up to there); after, the text not yet
 * parsed is dropped, for csv_reader_next to fail at once. */
static void overturn(csv_reader *r)
{
    r->encoding = CSV_ENCODING_UTF8;
    if (r->guess_reached) {
        r->text_len = r->text_pos;
    } else {
        r->text_len = r->bad_text;
        if (r->sniff.pos > r->bad_text)
            memset(&r->sniff, 0, sizeof r->sniff);
    }
    set_invalid_utf8(r, r->bad_byte);
}

/* Converts p[0..n) as Windows-1252 on the guess, unless a valid UTF-8
 * sequence in it overturns the guess.  A sequence cut by the chunk's end
 * waits in the carry.  Returns the bytes consumed. */
static size_t decode_guessed(csv_reader *r, unsigned char *p, size_t n)
{
    size_t cut, m = guess_scan(r, p, n, &cut);
    if (r->overturned) {
        overturn(r);
        return n;
    }
    size_t done = decode_cp1252(r, p, m);
    if (cut) {
        r->carry = cut;
        memmove(r->raw, p + m, cut);
    }
    return done;
}

/* Whether the guess is overturned, reading the rest of the file (only to
 * look through it) when its end is not yet read: a failure after the bad
 * byte is reported as the bad byte when the file proves UTF-8. */
static bool guess_overturned(csv_reader *r)
{
    while (r->guessed && !r->overturned && !r->input_eof) {
        xgrow((void **)&r->raw, &r->raw_cap, r->carry + r->chunk_size, 1);
        int err;
        size_t got = read_source(r, r->raw + r->carry, r->chunk_size, &err);
        xalloc_check(err);
        if (err)
            break; /* the failure at hand is reported */
        r->input_eof = got < r->chunk_size;
        size_t cut, m = guess_scan(r, r->raw, r->carry + got, &cut);
        memmove(r->raw, r->raw + m, cut);
        r->carry = cut;
    }
    return r->overturned;
}

/* Parsing reaches the bad byte of the guess, on the current line: from
 * now on records rest on the guess, and what d receives may have to be
 * withdrawn (fail_overturned). */
static void guess_reach(csv_reader *r)
{
    r->guess_reached = true;
    r->bad_line = r->line;
    diag_mark_take(r->d, &r->mark);
}

/* Fails with the bad byte of the overturned guess, at its line, as reading
 * the file as UTF-8 would have (or, see guess_alt_header, with what the
 * header line's text before it gives); what d received since records
 * rested on the guess is withdrawn. */
static int fail_overturned(csv_reader *r)
{
    r->encoding = CSV_ENCODING_UTF8;
    if (r->guess_reached)
        diag_rollback(r->d, &r->mark);
    r->failed = r->overturn_reported = true;
    size_t line = r->guess_reached ? r->bad_line : r->line;
    if (r->alt) {
        r->delimiter = r->alt_delimiter;
        line = r->alt_bad_line;
        if (r->alt_error) {
            diag_data(r->d, r->name, r->alt_line, NULL, "%s", r->alt_error);
            return -1;
        }
    }
    r->error_status = 0;
    set_invalid_utf8(r, r->bad_byte);
    diag_report(r->d, EXIT_DATAERR, r->name, line, NULL, "%s", r->error);
    return -1;
}

/* Skips a UTF-8 BOM at the start of the file.  False when p[0..n) is too
 * short to tell yet (kept in the carry). */
static bool skip_bom(csv_reader *r, const unsigned char *p, size_t n, size_t *i)
{
    if (n < 3 && !r->input_eof && memcmp(p, utf8_bom, n) == 0) {
        r->carry = n;
        return false;
    }
    r->bom_done = true;
    if (n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF))) {
        set_error(r, EXIT_DATAERR,
                  "UTF-16 text (as Excel's \"Unicode Text\"): "
                  "save the file as CSV UTF-8 or CSV");
        return true;
    }
    if (r->encoding == CSV_ENCODING_CP1252 && n >= 3 && memcmp(p, utf8_bom, 3) == 0) {
        set_error(r, EXIT_DATAERR,
                  "the file starts with a UTF-8 byte order mark but "
                  "report.ini says encoding = windows-1252");
        return true;
    }
    if (r->encoding != CSV_ENCODING_CP1252 && n >= 3 && memcmp(p, utf8_bom, 3) == 0) {
        *i = 3;
        if (r->encoding == CSV_ENCODING_AUTO)
            r->encoding = CSV_ENCODING_UTF8;
    }
    return true;
}

static void decode(csv_reader *r, size_t n)
{
    unsigned char *p = r->raw;
    size_t i = 0;
    r->carry = 0;
    if (!r->bom_done && !skip_bom(r, p, n, &i))
        return;
    while (i < n && !r->error_status && !r->carry) {
        if (r->encoding != CSV_ENCODING_CP1252)
            i += decode_utf8(r, p + i, n - i);
        else if (r->guessed)
            i += decode_guessed(r, p + i, n - i);
        else
            i += decode_cp1252(r, p + i, n - i);
    }
}

/* Reads and decodes one more chunk, appended to the text. */
static void fill(csv_reader *r)
{
    if (r->text_pos == r->text_len)
        r->text_pos = r->text_len = 0;
    xgrow((void **)&r->raw, &r->raw_cap, r->carry + r->chunk_size, 1);
    size_t want = r->chunk_size;
    if (r->limit >= 0 && (off_t)want >= r->limit - r->offset)
        want = (size_t)(r->limit - r->offset);
    int err;
    size_t got = read_source(r, r->raw + r->carry, want, &err);
    r->at_limit = want < r->chunk_size && got == want && !err;
    r->input_eof = !r->at_limit && got < want;
    decode(r, r->carry + got);
    xalloc_check(err);
    if (err)
        set_error(r, EXIT_NOINPUT, "read error: %s", strerror(err));
}

/* ---- 3. parsing ---- */

/* Scans the first non-blank line for delimiters, outside quotes; true
 * when that line is complete. */
static bool sniff_scan(csv_reader *r)
{
    csv_sniff *s = &r->sniff;
    for (; s->pos < r->text_len; s->pos++) {
        if (s->pos == r->bad_text && r->guessed && !r->sniff_at_bad_taken) {
            r->sniff_at_bad = *s; /* (guess_alt_header) */
            r->sniff_at_bad_taken = true;
        }
        char c = r->text[s->pos];
        if (c == '"') {
            s->quoted = !s->quoted;
            s->content = true;
        } else if (s->quoted) {
            continue;
        } else if (c == '\r' || c == '\n') {
            if (s->content)
                return true;
        } else if (c != ' ') {
            s->content = true;
            s->commas += c == ',';
            s->semicolons += c == ';';
            s->tabs += c == '\t';
        }
    }
    return false;
}

/* The most frequent of ';' TAB ',' on the header line, in that order of
 * preference on ties; ',' when there is none (a one-column file). */
static char sniff_delimiter(const csv_sniff *s)
{
    if (s->semicolons && s->semicolons >= s->tabs && s->semicolons >= s->commas)
        return ';';
    if (s->tabs && s->tabs >= s->commas)
        return '\t';
    return ',';
}

/* The delimiter the header line says (sniff_delimiter). */
static char detect_delimiter(csv_reader *r)
{
    while (!sniff_scan(r) && !r->error_status && !r->input_eof && r->text_len <= CSV_FIELD_MAX)
        fill(r);
    return sniff_delimiter(&r->sniff);
}

/* Excel's delimiter hint: a first line that is exactly "sep=;" (or ','
 * or TAB) sets the delimiter, even over the one asked for (it describes
 * this very file), and is skipped; it still counts as line 1. */
static void skip_sep_line(csv_reader *r)
{
    while (r->text_len - r->text_pos < 7 && !r->error_status && !r->input_eof)
        fill(r);
    size_t len = r->text_len - r->text_pos;
    if (len < 5)
        return;
    const char *s = r->text + r->text_pos;
    if (memcmp(s, "sep=", 4) != 0 || !s[4] || !strchr(",;\t", s[4]) ||
        (len > 5 && s[5] != '\n' && s[5] != '\r'))
        return;
    r->delimiter = s[4];
    size_t n = len > 5 ? 6 : 5;
    if (len > 6 && s[5] == '\r' && s[6] == '\n')
        n = 7;
    if (n > 5) {
        r->line++;
        r->after_cr = n == 6 && s[5] == '\r';
    }
    r->text_pos += n;
}

static void parser_init(csv_reader *r)
{
    r->started = true;
    csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI);
    csv_set_delim(&r->parser, (unsigned char)r->delimiter);
    csv_set_realloc_func(&r->parser, xrealloc);
    csv_set_free_func(&r->parser, free);
}

static void guess_alt_header(csv_reader *r);

static void start(csv_reader *r)
{
    skip_sep_line(r);
    if (!r->delimiter) {
        r->delimiter = detect_delimiter(r);
        guess_alt_header(r);
    }
    parser_init(r);
}

static void grow_fields(csv_reader *r)
{
    size_t cap = r->fields_cap ? 2 * r->fields_cap : 16;
    r->offsets = xrealloc(r->offsets, cap * sizeof *r->offsets);
    r->lengths = xrealloc(r->lengths, cap * sizeof *r->lengths);
    r->fields = xrealloc(r->fields, cap * sizeof *r->fields);
    r->fields_cap = cap;
}

/* libcsv callback: one field, copied into the record's buffer. */
static void on_field(void *s, size_t len, void *data)
{
    csv_reader *r = data;
    if (r->record_too_long || r->buf_len + len + 1 > CSV_RECORD_MAX) {
        r->record_too_long = true;
        return;
    }
    xgrow((void **)&r->buf, &r->buf_cap, r->buf_len + len + 1, 1);
    if (len)
        memcpy(r->buf + r->buf_len, s, len);
    r->buf[r->buf_len + len] = '\0';
    if (r->count == r->fields_cap)
        grow_fields(r);
    r->offsets[r->count] = r->buf_len;
    r->lengths[r->count] = len;
    r->count++;
    r->buf_len += len + 1;
}

/* libcsv callback: end of a record. */
static void on_record(int c, void *data)
{
    (void)c;
    ((csv_reader *)data)->record_done = true;
}

__attribute__((format(printf, 3, 4))) static int fail(csv_reader *r, size_t line, const char *fmt,
                                                      ...)
{
    if ((r->guess_reached || r->alt) && guess_overturned(r))
        return fail_overturned(r);
    char message[CSV_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, _(fmt), ap);
    va_end(ap);
    diag_data(r->d, r->name, line, NULL, "%s", message);
    r->failed = true;
    return -1;
}

static int fail_decoding(csv_reader *r)
{
    if (r->error_status == EXIT_DATAERR && guess_overturned(r))
        return fail_overturned(r); /* (an error at or after the bad byte) */
    size_t line = r->error_status == EXIT_DATAERR ? r->line : 0;
    diag_report(r->d, r->error_status, r->name, line, NULL, "%s", r->error);
    r->failed = true;
    return -1;
}

/* Length of the piece of s[0..n) up to and including its first line end. */
static size_t piece_length(const char *s, size_t n)
{
    const char *nl = memchr(s, '\n', n);
    size_t end = nl ? (size_t)(nl - s) : n;
    const char *cr = memchr(s, '\r', end);
    if (cr)
        return (size_t)(cr - s) + 1;
    return nl ? end + 1 : n;
}

/* Counts the line end that closes a piece, if any. */
static void count_lines(csv_reader *r, const char *piece, size_t n)
{
    char last = piece[n - 1];
    if (last == '\r') {
        r->line++;
        r->line_start = r->after_cr = true;
    } else if (last == '\n') {
        if (!(n == 1 && r->after_cr))
            r->line++;
        r->line_start = true;
        r->after_cr = false;
    } else {
        r->line_start = r->after_cr = false;
    }
}

/* What a strict libcsv parse error was. */
static const char *parse_error(csv_reader *r)
{
    if (csv_error(&r->parser) != CSV_EPARSE)
        return csv_strerror(csv_error(&r->parser));
    if (r->parser.pstate == PSTATE_FIELD_MIGHT_HAVE_ENDED)
        return "unexpected text after a closing quote";
    return "stray quote in an unquoted field (quote the whole field and double the quote)";
}

/* Feeds libcsv the next piece of one physical line.  False on error. */
static bool feed_piece(csv_reader *r)
{
    const char *s = r->text + r->text_pos;
    size_t n = piece_length(s, r->text_len - r->text_pos);
    if (r->line_start && r->parser.pstate == PSTATE_ROW_NOT_BEGUN)
        r->record_line = r->line;
    size_t done = csv_parse(&r->parser, s, n, on_field, on_record, r);
    if (r->guessed && !r->guess_reached && r->bad_text <= r->text_pos + done &&
        r->bad_text < r->text_pos + n)
        guess_reach(r); /* (parsed, or failed at it or after) */
    r->text_pos += n;
    if (done < n) {
        fail(r, r->record_line, "%s", parse_error(r));
        return false;
    }
    /* libcsv grows its field buffer by blk_size: make that geometric. */
    if (csv_get_buffer_size(&r->parser) > r->parser.blk_size)
        csv_set_blk_size(&r->parser, csv_get_buffer_size(&r->parser));
    if (r->parser.entry_pos > CSV_FIELD_MAX) {
        fail(r, r->record_line, "field too long (over %d MiB)", CSV_FIELD_MAX >> 20);
        return false;
    }
    if (r->record_too_long) {
        fail(r, r->record_line, "record too long (over %d MiB)", CSV_RECORD_MAX >> 20);
        return false;
    }
    count_lines(r, s, n);
    return true;
}

/* When the header line holds the bad byte of a guess still in doubt, and
 * its text before the byte says another delimiter than the whole line (as
 * "\xC9ch\xE9ance;Date": none, hence ',', against ';'), reading the file as
 * UTF-8 would have parsed that text with that delimiter, then failed at the
 * byte: what that gives (alt_*), an overturned guess reports.  (No record
 * ends before the byte: the header line is the first with content.) */
static void guess_alt_header(csv_reader *r)
{
    if (!r->sniff_at_bad_taken || r->overturned || r->input_eof ||
        sniff_delimiter(&r->sniff_at_bad) == r->delimiter)
        return;
    r->alt = true;
    r->alt_delimiter = sniff_delimiter(&r->sniff_at_bad);
    size_t text_pos = r->text_pos, line = r->line;
    bool line_start = r->line_start, after_cr = r->after_cr;
    csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI);
    csv_set_delim(&r->parser, (unsigned char)r->alt_delimiter);
    csv_set_realloc_func(&r->parser, xrealloc);
    csv_set_free_func(&r->parser, free);
    while (r->text_pos < r->bad_text && !r->alt_error) {
        const char *s = r->text + r->text_pos;
        size_t n = piece_length(s, r->bad_text - r->text_pos);
        if (r->line_start && r->parser.pstate == PSTATE_ROW_NOT_BEGUN)
            r->record_line = r->line;
        if (csv_parse(&r->parser, s, n, NULL, NULL, NULL) < n) {
            r->alt_error = parse_error(r);
            r->alt_line = r->record_line;
        }
        count_lines(r, s, n);
        r->text_pos += n;
    }
    r->alt_bad_line = r->line;
    csv_free(&r->parser);
    r->text_pos = text_pos;
    r->line = line;
    r->line_start = line_start;
    r->after_cr = after_cr;
}

/* End of input: the last record, if not ended by a line end.  1, 0 or -1. */
static int finish(csv_reader *r)
{
    r->finished = true;
    if (csv_fini(&r->parser, on_field, on_record, r) != 0)
        return fail(r, r->record_line, "unterminated quoted field");
    if (r->record_too_long)
        return fail(r, r->record_line, "record too long (over %d MiB)", CSV_RECORD_MAX >> 20);
    return r->record_done ? 1 : 0;
}

/* Copies the record into r->clean with the characters XML forbids
 * replaced, pointing the fields there; false (nothing done) when no field
 * has one. */
static bool replace_forbidden(csv_reader *r)
{
    size_t i = 0, need = 0;
    while (i < r->count && !encoding_xml_forbidden(r->fields[i], r->lengths[i]))
        i++;
    if (i == r->count)
        return false;
    for (size_t k = 0; k < r->count; k++)
        need += 3 * r->lengths[k] + 1;
    xgrow((void **)&r->clean, &r->clean_cap, need, 1);
    xgrow((void **)&r->replaced, &r->replaced_cap, r->count, sizeof *r->replaced);
    for (size_t k = 0, used = 0; k < r->count; k++) {
        char *out = r->clean + used;
        r->replaced[k] = k >= i && encoding_xml_forbidden(r->fields[k], r->lengths[k]);
        if (r->replaced[k]) {
            r->lengths[k] = encoding_xml_replace(r->fields[k], r->lengths[k], out);
        } else {
            memcpy(out, r->fields[k], r->lengths[k]);
        }
        out[r->lengths[k]] = '\0';
        r->fields[k] = out;
        used += r->lengths[k] + 1;
    }
    return true;
}

static void emit(csv_reader *r, csv_record *rec)
{
    for (size_t i = 0; i < r->count; i++)
        r->fields[i] = r->buf + r->offsets[i];
    rec->replaced = r->forbidden_seen && replace_forbidden(r) ? r->replaced : NULL;
    rec->line = r->record_line;
    rec->count = r->count;
    rec->fields = r->fields;
    rec->lengths = r->lengths;
}

int csv_reader_next(csv_reader *r, csv_record *rec)
{
    if (r->failed)
        return -1;
    if (r->finished)
        return 0;
    if (!r->started)
        start(r);
    if (!r->paused)
        r->buf_len = r->count = 0;
    r->paused = false;
    r->record_done = false;
    while (!r->record_done) {
        if (r->text_pos < r->text_len) {
            if (!feed_piece(r))
                return -1;
        } else if (r->error_status) {
            return fail_decoding(r);
        } else if (r->at_limit) {
            r->paused = true;
            return 0;
        } else if (r->input_eof) {
            int rc = finish(r);
            if (rc <= 0)
                return rc;
        } else {
            fill(r);
        }
    }
    emit(r, rec);
    return 1;
}

/* ---- opening and closing ---- */

static csv_reader *reader_new(const char *name, const csv_options *options, size_t chunk_size,
                              diag *d)
{
    csv_reader *r = xcalloc(1, sizeof *r);
    r->name = xstrdup(name);
    r->d = d;
    r->chunk_size = chunk_size ? chunk_size : 1;
    r->encoding = options ? options->encoding : CSV_ENCODING_AUTO;
    r->delimiter = options ? options->delimiter : 0;
    r->line = 1;
    r->line_start = true;
    r->limit = -1;
    return r;
}

csv_reader *csv_reader_open(const char *path, const char *name, const csv_options *options, diag *d)
{
    const char *why;
    FILE *fp = open_regular(path, &why);
    if (!fp) {
        diag_report(d, EXIT_NOINPUT, name, 0, NULL, "cannot open: %s", why);
        return NULL;
    }
    csv_reader *r = reader_new(name, options, CSV_CHUNK, d);
    r->fp = fp;
    return r;
}

csv_reader *csv_reader_open_mem(const char *data, size_t len, const char *name,
                                const csv_options *options, size_t chunk_size, diag *d)
{
    csv_reader *r = reader_new(name, options, chunk_size, d);
    r->mem = data;
    r->mem_len = len;
    return r;
}

csv_reader *csv_reader_open_at(const char *path, const char *name, const csv_options *options,
                               off_t start, diag *d)
{
    const char *why;
    FILE *fp = open_regular(path, &why);
    if (!fp || fseeko(fp, start, SEEK_SET) != 0) {
        diag_report(d, EXIT_NOINPUT, name, 0, NULL, "cannot open: %s", fp ? strerror(errno) : why);
        if (fp)
            fclose(fp);
        return NULL;
    }
    csv_reader *r = reader_new(name, options, CSV_CHUNK, d);
    r->fp = fp;
    r->offset = start;
    r->bom_done = true; /* what starts a file is not here */
    parser_init(r);
    return r;
}

void csv_reader_set_limit(csv_reader *r, off_t limit)
{
    r->limit = limit;
    r->at_limit = false;
}

off_t csv_reader_offset(const csv_reader *r)
{
    return r->offset;
}

bool csv_reader_at_record_start(const csv_reader *r)
{
    return r->paused && r->text_pos == r->text_len && r->carry == 0 && !r->error_status &&
           r->parser.pstate == PSTATE_ROW_NOT_BEGUN && r->line_start;
}

size_t csv_reader_line(const csv_reader *r)
{
    return r->line;
}

void csv_reader_end_at_limit(csv_reader *r)
{
    r->at_limit = false;
    r->input_eof = true;
}

char csv_reader_delimiter(const csv_reader *r)
{
    return r->delimiter;
}

csv_encoding csv_reader_encoding(const csv_reader *r)
{
    return r->encoding;
}

bool csv_reader_guessing(const csv_reader *r)
{
    return r->guess_reached && !r->overturned && !r->input_eof;
}

bool csv_reader_overturned(const csv_reader *r)
{
    return r->overturn_reported;
}

size_t csv_reader_bytes_read(const csv_reader *r)
{
    return (size_t)r->offset;
}

void csv_reader_free(csv_reader *r)
{
    if (!r)
        return;
    if (r->guess_reached && !r->failed && guess_overturned(r))
        fail_overturned(r); /* reading stopped before the end, on the guess */
    if (r->started)
        csv_free(&r->parser);
    if (r->fp)
        fclose(r->fp);
    free(r->name);
    free(r->raw);
    free(r->text);
    free(r->buf);
    free(r->offsets);
    free(r->lengths);
    free(r->fields);
    free(r->clean);
    free(r->replaced);
    free(r);
}
