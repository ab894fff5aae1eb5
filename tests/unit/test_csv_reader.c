/* test_csv_reader.c - the CSV reader, as libcsv tests itself: every input
 * is read at every chunk size from 1 to its length, and must give the same
 * records, line numbers and diagnostics each time. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "parse/csv_reader.h"
#include "parse/csv_reader_test.h"
#include "parse/encoding.h"

static void put_escaped(FILE *f, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\n')
            fputs("\\n", f);
        else if (s[i] == '\r')
            fputs("\\r", f);
        else if (s[i] == '\t')
            fputs("\\t", f);
        else
            fputc(s[i], f);
    }
}

/* Reads everything and describes it: "LINE:[field][field]" per record,
 * then the diagnostics (written to d's stream, messages) and "ERR", or
 * "EOF"; then the delimiter.  The records read on an encoding guess that
 * is overturned are left out, as ingest withdraws what it found in them. */
static void dump(csv_reader *r, diag *d, FILE *f, char **messages)
{
    csv_record rec;
    int rc;
    long guessed_from = -1;
    while ((rc = csv_reader_next(r, &rec)) == 1) {
        if (guessed_from < 0 && csv_reader_guessing(r))
            guessed_from = ftell(f);
        fprintf(f, "%zu:", rec.line);
        for (size_t i = 0; i < rec.count; i++) {
            assert_int_equal(strlen(rec.fields[i]), rec.lengths[i]);
            fputc('[', f);
            put_escaped(f, rec.fields[i], rec.lengths[i]);
            fputc(']', f);
        }
        fputc('\n', f);
    }
    fflush(d->stream);
    if (rc < 0) {
        assert_int_not_equal(d->status, EXIT_OK);
        assert_int_equal(csv_reader_next(r, &rec), -1); /* stays failed */
        if (guessed_from >= 0 && csv_reader_overturned(r))
            fseek(f, guessed_from, SEEK_SET);
        fputs(*messages, f);
        fputs("ERR\n", f);
    } else {
        assert_false(csv_reader_guessing(r));
        assert_int_equal(d->count, 0);
        assert_int_equal(csv_reader_next(r, &rec), 0);
        fputs("EOF\n", f);
    }
    char delim = csv_reader_delimiter(r);
    fprintf(f, "delimiter %s\n", delim == '\t' ? "TAB" : (char[2]){ delim, 0 });
}

static char *read_mem(const char *data, size_t len, const csv_options *o, size_t chunk,
                      csv_encoding *enc)
{
    char *out = NULL, *messages = NULL;
    size_t size = 0, messages_size = 0;
    FILE *f = open_memstream(&out, &size), *m = open_memstream(&messages, &messages_size);
    assert_non_null(f);
    assert_non_null(m);
    diag d;
    diag_init(&d, m);
    csv_reader *r = csv_reader_open_mem(data, len, "t.csv", o, chunk, &d);
    assert_non_null(r);
    dump(r, &d, f, &messages);
    *enc = csv_reader_encoding(r);
    assert_int_equal(csv_reader_bytes_read(r) <= len, 1);
    csv_reader_free(r);
    fclose(f);
    fclose(m);
    free(messages);
    return out;
}

/* Every chunk size gives `expected`. */
static void check_all(const char *data, size_t len, const csv_options *o, const char *expected,
                      csv_encoding expected_enc)
{
    for (size_t chunk = 1; chunk <= len + 1; chunk++) {
        csv_encoding enc;
        char *got = read_mem(data, len, o, chunk, &enc);
        if (strcmp(got, expected) != 0 || enc != expected_enc) {
            for (size_t i = 0; i < len; i++)
                fprintf(stderr, "\\x%02x", (unsigned char)data[i]);
            fail_msg("chunk size %zu: got\n%s(encoding %d)\nexpected\n%s(encoding %d)", chunk, got,
                     (int)enc, expected, (int)expected_enc);
        }
        free(got);
    }
    csv_encoding enc;
    char *got = read_mem(data, len, o, 65536, &enc);
    assert_string_equal(got, expected);
    free(got);
}

#define CHECK(data, opts, expected, enc) check_all(data, sizeof(data) - 1, opts, expected, enc)

static const csv_options automatic = { CSV_ENCODING_AUTO, 0 };
static const csv_options utf8 = { CSV_ENCODING_UTF8, 0 };
static const csv_options cp1252 = { CSV_ENCODING_CP1252, 0 };

static void test_basic(void **state)
{
    (void)state;
    CHECK("date,amount\n2014-01-01,12.50\n", &automatic,
          "1:[date][amount]\n2:[2014-01-01][12.50]\nEOF\ndelimiter ,\n", CSV_ENCODING_AUTO);
    CHECK("a,b\n1,2", &automatic, "1:[a][b]\n2:[1][2]\nEOF\ndelimiter ,\n", CSV_ENCODING_AUTO);
    CHECK("", &automatic, "EOF\ndelimiter ,\n", CSV_ENCODING_AUTO);
    CHECK("\n\n", &automatic, "EOF\ndelimiter ,\n", CSV_ENCODING_AUTO);
    CHECK("a,b,c\n,,\n", &automatic, "1:[a][b][c]\n2:[][][]\nEOF\ndelimiter ,\n",
          CSV_ENCODING_AUTO);
    CHECK("a\n1,2,3\n", &automatic, "1:[a]\n2:[1][2][3]\nEOF\ndelimiter ,\n", CSV_ENCODING_AUTO);
    /* NULL options mean automatic */
    csv_encoding enc;
    char *got = read_mem("x;y\n", 4, NULL, 2, &enc);
    assert_string_equal(got, "1:[x][y]\nEOF\ndelimiter ;\n");
    free(got);
}

static void test_delimiter(void **state)
{
    (void)state;
    CHECK("a;b;c\n1;2,5;3\n", &automatic, "1:[a][b][c]\n2:[1][2,5][3]\nEOF\ndelimiter ;\n",
          CSV_ENCODING_AUTO);
    CHECK("a\tb\n1\t2,5\n", &automatic, "1:[a][b]\n2:[1][2,5]\nEOF\ndelimiter TAB\n",
          CSV_ENCODING_AUTO);
    CHECK("a,b,c;d\n", &automatic, "1:[a][b][c;d]\nEOF\ndelimiter ,\n", CSV_ENCODING_AUTO);
    /* ties: ';' before TAB before ',' */
    CHECK("a;b,c\n", &automatic, "1:[a][b,c]\nEOF\ndelimiter ;\n", CSV_ENCODING_AUTO);
    CHECK("a\tb,c\n", &automatic, "1:[a][b,c]\nEOF\ndelimiter TAB\n", CSV_ENCODING_AUTO);
    /* delimiters inside quotes do not count */
    CHECK("\"a,b,c\";d\n", &automatic, "1:[a,b,c][d]\nEOF\ndelimiter ;\n", CSV_ENCODING_AUTO);
    /* no delimiter at all: one column */
    CHECK("name\nx\n", &automatic, "1:[name]\n2:[x]\nEOF\ndelimiter ,\n", CSV_ENCODING_AUTO);
    /* the first non-blank line is the header */
    CHECK("\n  \na;b\n1;2\n", &automatic, "3:[a][b]\n4:[1][2]\nEOF\ndelimiter ;\n",
          CSV_ENCODING_AUTO);
    /* later lines do not count */
    CHECK("a;b\n1,2,3,4\n", &automatic, "1:[a][b]\n2:[1,2,3,4]\nEOF\ndelimiter ;\n",
          CSV_ENCODING_AUTO);
    /* set, not detected */
    static const csv_options semi = { CSV_ENCODING_AUTO, ';' };
    CHECK("a,b\n", &semi, "1:[a,b]\nEOF\ndelimiter ;\n", CSV_ENCODING_AUTO);
}

static void test_sep_line(void **state)
{
    (void)state;
    /* Excel's hint: sets the delimiter, is skipped, counts as line 1 */
    CHECK("sep=;\na,b;c\n1;2\n", &automatic, "2:[a,b][c]\n3:[1][2]\nEOF\ndelimiter ;\n",
          CSV_ENCODING_AUTO);
    CHECK("sep=,\r\na;b,c\r\n", &automatic, "2:[a;b][c]\nEOF\ndelimiter ,\n", CSV_ENCODING_AUTO);
    CHECK("sep=\t\ra\tb\r", &automatic, "2:[a][b]\nEOF\ndelimiter TAB\n", CSV_ENCODING_AUTO);
    CHECK("\xEF\xBB\xBFsep=;\na;b\n", &automatic, "2:[a][b]\nEOF\ndelimiter ;\n",
          CSV_ENCODING_UTF8);
    CHECK("sep=;", &automatic, "EOF\ndelimiter ;\n", CSV_ENCODING_AUTO);
    /* it wins over report.ini's delimiter: it describes this file */
    static const csv_options comma = { CSV_ENCODING_AUTO, ',' };
    CHECK("sep=;\na;b\n", &comma, "2:[a][b]\nEOF\ndelimiter ;\n", CSV_ENCODING_AUTO);
    /* anything else is an ordinary first line */
    CHECK("sep=x\na\n", &automatic, "1:[sep=x]\n2:[a]\nEOF\ndelimiter ,\n", CSV_ENCODING_AUTO);
    CHECK("sep=;;\na\n", &automatic, "1:[sep=][][]\n2:[a]\nEOF\ndelimiter ;\n", CSV_ENCODING_AUTO);
    CHECK("x\nsep=;\n", &automatic, "1:[x]\n2:[sep=;]\nEOF\ndelimiter ,\n", CSV_ENCODING_AUTO);
}

static void test_xml_forbidden_replaced(void **state)
{
    (void)state;
    static const char data[] = "a,b\nx\x01y,ok\n\xEF\xBF\xBF,\"q\x0bq\"\nfine,too\n";
    diag d;
    diag_init(&d, NULL);
    csv_reader *r = csv_reader_open_mem(data, sizeof data - 1, "t.csv", NULL, 3, &d);
    csv_record rec;
    assert_int_equal(csv_reader_next(r, &rec), 1);
    assert_null(rec.replaced);
    assert_int_equal(csv_reader_next(r, &rec), 1);
    assert_non_null(rec.replaced);
    assert_true(rec.replaced[0]);
    assert_false(rec.replaced[1]);
    assert_string_equal(rec.fields[0], "x\xEF\xBF\xBDy");
    assert_int_equal(rec.lengths[0], 5);
    assert_string_equal(rec.fields[1], "ok");
    assert_int_equal(csv_reader_next(r, &rec), 1);
    assert_true(rec.replaced[0] && rec.replaced[1]);
    assert_string_equal(rec.fields[0], "\xEF\xBF\xBD");
    assert_string_equal(rec.fields[1], "q\xEF\xBF\xBDq");
    assert_int_equal(csv_reader_next(r, &rec), 1);
    assert_null(rec.replaced);
    assert_string_equal(rec.fields[1], "too");
    assert_int_equal(csv_reader_next(r, &rec), 0);
    assert_int_equal(d.count, 0);
    csv_reader_free(r);
}

static void test_line_ends(void **state)
{
    (void)state;
    CHECK("a,b\r\n1,2\r\n\r\n3,4\r\n", &automatic,
          "1:[a][b]\n2:[1][2]\n4:[3][4]\nEOF\ndelimiter ,\n", CSV_ENCODING_AUTO);
    /* old Mac: CR alone */
    CHECK("a,b\r1,2\r\r3,4", &automatic, "1:[a][b]\n2:[1][2]\n4:[3][4]\nEOF\ndelimiter ,\n",
          CSV_ENCODING_AUTO);
    /* blank lines skipped but counted, spaces-only lines are blank */
    CHECK("a\n\n\n  \nb\n\n", &automatic, "1:[a]\n5:[b]\nEOF\ndelimiter ,\n", CSV_ENCODING_AUTO);
}

static void test_quotes(void **state)
{
    (void)state;
    /* a record after a three-line quoted field gets the right line */
    CHECK("a,b\n\"x\ny\nz\",2\n3,4\n", &automatic,
          "1:[a][b]\n2:[x\\ny\\nz][2]\n5:[3][4]\nEOF\ndelimiter ,\n", CSV_ENCODING_AUTO);
    CHECK("a\r\n\"x\r\ny\"\r\n\r\nb\r\n", &automatic,
          "1:[a]\n2:[x\\r\\ny]\n5:[b]\nEOF\ndelimiter ,\n", CSV_ENCODING_AUTO);
    CHECK("a,b\n\"he said \"\"hi\"\"\",\"x,y\"\n", &automatic,
          "1:[a][b]\n2:[he said \"hi\"][x,y]\nEOF\ndelimiter ,\n", CSV_ENCODING_AUTO);
    CHECK("a,b\n\"\",\"\"\"\"\n", &automatic, "1:[a][b]\n2:[][\"]\nEOF\ndelimiter ,\n",
          CSV_ENCODING_AUTO);
    /* libcsv drops spaces around unquoted fields; quoted ones keep theirs */
    CHECK("a, b ,\" c \"\n", &automatic, "1:[a][b][ c ]\nEOF\ndelimiter ,\n", CSV_ENCODING_AUTO);
    /* a quoted header with a newline in it */
    CHECK("\"a\nb\";c\nx;y\n", &automatic, "1:[a\\nb][c]\n3:[x][y]\nEOF\ndelimiter ;\n",
          CSV_ENCODING_AUTO);
}

static void test_quote_errors(void **state)
{
    (void)state;
    CHECK("a,b\n1,\"abc\n2,3\n", &automatic,
          "1:[a][b]\nt.csv:2: unterminated quoted field\nERR\ndelimiter ,\n", CSV_ENCODING_AUTO);
    CHECK("a,b\n1,\"abc", &automatic,
          "1:[a][b]\nt.csv:2: unterminated quoted field\nERR\ndelimiter ,\n", CSV_ENCODING_AUTO);
    CHECK("a,b\n1,ab\"c\n", &automatic,
          "1:[a][b]\nt.csv:2: stray quote in an unquoted field (quote the whole field "
          "and double the quote)\nERR\ndelimiter ,\n",
          CSV_ENCODING_AUTO);
    /* reported at the record's first line */
    CHECK("a\n\"ab\ncd\"x\n", &automatic,
          "1:[a]\nt.csv:2: unexpected text after a closing quote\nERR\ndelimiter ,\n",
          CSV_ENCODING_AUTO);
}

static void test_bom(void **state)
{
    (void)state;
    CHECK("\xef\xbb\xbf"
          "date,x\n1,2\n",
          &automatic, "1:[date][x]\n2:[1][2]\nEOF\ndelimiter ,\n", CSV_ENCODING_UTF8);
    CHECK("\xef\xbb\xbf", &automatic, "EOF\ndelimiter ,\n", CSV_ENCODING_UTF8);
    CHECK("\xef\xbb\xbf"
          "a",
          &utf8, "1:[a]\nEOF\ndelimiter ,\n", CSV_ENCODING_UTF8);
    /* not a BOM: a Windows-1252 "ï»" */
    CHECK("\xef\xbb"
          "a\n",
          &automatic,
          "1:[\xc3\xaf\xc2\xbb"
          "a]\nEOF\ndelimiter ,\n",
          CSV_ENCODING_CP1252);
}

static void test_encoding(void **state)
{
    (void)state;
    CHECK("name\ncaf\xe9\n", &cp1252, "1:[name]\n2:[caf\xc3\xa9]\nEOF\ndelimiter ,\n",
          CSV_ENCODING_CP1252);
    CHECK("n\n\x80 \x92\x9c\n", &cp1252,
          "1:[n]\n2:[\xe2\x82\xac \xe2\x80\x99\xc5\x93]\nEOF\ndelimiter ,\n", CSV_ENCODING_CP1252);
    /* auto: the first non-ASCII sequence decides */
    CHECK("name\nabc\ncaf\xe9\n\xe0 b\xe9"
          "b\xe9\n",
          &automatic,
          "1:[name]\n2:[abc]\n3:[caf\xc3\xa9]\n4:[\xc3\xa0 b\xc3\xa9"
          "b\xc3\xa9]\nEOF\ndelimiter ,\n",
          CSV_ENCODING_CP1252);
    CHECK("name\ncaf\xc3\xa9\n", &automatic, "1:[name]\n2:[caf\xc3\xa9]\nEOF\ndelimiter ,\n",
          CSV_ENCODING_UTF8);
    CHECK("a;b\n\xe2\x82\xac;\xf0\x9f\x98\x80\n", &automatic,
          "1:[a][b]\n2:[\xe2\x82\xac][\xf0\x9f\x98\x80]\nEOF\ndelimiter ;\n", CSV_ENCODING_UTF8);
    /* a UTF-8 sequence cut by the end of file: Windows-1252 */
    CHECK("a\nb\xc3", &automatic, "1:[a]\n2:[b\xc3\x83]\nEOF\ndelimiter ,\n", CSV_ENCODING_CP1252);
    /* decided UTF-8, then an invalid byte: an error at its line */
    CHECK("n\ncaf\xc3\xa9\nx\n\xe9t\xe9\n", &automatic,
          "1:[n]\n2:[caf\xc3\xa9]\n3:[x]\nt.csv:4: invalid UTF-8 (byte 0xE9); set [csv] "
          "encoding = windows-1252 in report.ini if the file is Windows-1252\nERR\n"
          "delimiter ,\n",
          CSV_ENCODING_UTF8);
}

static void test_encoding_errors(void **state)
{
    (void)state;
    CHECK("a\nb\ncaf\xe9\n", &utf8,
          "1:[a]\n2:[b]\nt.csv:3: invalid UTF-8 (byte 0xE9); set [csv] encoding = "
          "windows-1252 in report.ini if the file is Windows-1252\nERR\ndelimiter ,\n",
          CSV_ENCODING_UTF8);
    /* inside a quoted field spanning lines: the line of the byte */
    CHECK("a\n\"x\ny\nz\xc3\x28\"\n", &utf8,
          "1:[a]\nt.csv:4: invalid UTF-8 (byte 0xC3); set [csv] encoding = "
          "windows-1252 in report.ini if the file is Windows-1252\nERR\ndelimiter ,\n",
          CSV_ENCODING_UTF8);
    /* overlong and surrogate forms are invalid */
    CHECK("a\n\xc0\xaf\n", &utf8,
          "1:[a]\nt.csv:2: invalid UTF-8 (byte 0xC0); set [csv] encoding = "
          "windows-1252 in report.ini if the file is Windows-1252\nERR\ndelimiter ,\n",
          CSV_ENCODING_UTF8);
    CHECK("a\n\xed\xa0\x80\n", &utf8,
          "1:[a]\nt.csv:2: invalid UTF-8 (byte 0xED); set [csv] encoding = "
          "windows-1252 in report.ini if the file is Windows-1252\nERR\ndelimiter ,\n",
          CSV_ENCODING_UTF8);
    CHECK("a\nb\xc3", &utf8,
          "1:[a]\nt.csv:2: invalid UTF-8 (byte 0xC3); set [csv] encoding = "
          "windows-1252 in report.ini if the file is Windows-1252\nERR\ndelimiter ,\n",
          CSV_ENCODING_UTF8);
    CHECK("a\r\nb\r\n\x81\r\n", &cp1252,
          "1:[a]\n2:[b]\nt.csv:3: byte 0x81 is not a Windows-1252 character\nERR\n"
          "delimiter ,\n",
          CSV_ENCODING_CP1252);
    CHECK("a\nb\0c\n", &automatic,
          "1:[a]\nt.csv:2: NUL byte: not a text file\nERR\n"
          "delimiter ,\n",
          CSV_ENCODING_AUTO);
    CHECK("a\n\xe9\nb\0c\n", &automatic,
          "1:[a]\n2:[\xc3\xa9]\nt.csv:3: NUL byte: not a text file\nERR\ndelimiter ,\n",
          CSV_ENCODING_CP1252);
    CHECK("\0", &utf8, "t.csv:1: NUL byte: not a text file\nERR\ndelimiter ,\n", CSV_ENCODING_UTF8);
}

#define INVALID_E9                                                                            \
    "invalid UTF-8 (byte 0xE9); set [csv] encoding = windows-1252 in report.ini if the file " \
    "is Windows-1252"

/* The encoding decided as the file is read: Windows-1252 from its first
 * non-ASCII byte when that cannot be UTF-8, unless a valid UTF-8 sequence
 * comes later (at any chunk size: the two may be chunks apart). */
static void test_encoding_guess(void **state)
{
    (void)state;
    CHECK("n\nx\xe9y\nok\ncaf\xc3\xa9\n", &automatic,
          "1:[n]\nt.csv:2: " INVALID_E9 "\nERR\ndelimiter ,\n", CSV_ENCODING_UTF8);
    /* the first failure after the bad byte is the bad byte */
    CHECK("n\nx\xe9y\n\"q\"x\ncaf\xc3\xa9\n", &automatic,
          "1:[n]\nt.csv:2: " INVALID_E9 "\nERR\ndelimiter ,\n", CSV_ENCODING_UTF8);
    CHECK("n\n\xe9\nb\0c\n\xc3\xa9\n", &automatic,
          "1:[n]\nt.csv:2: " INVALID_E9 "\nERR\ndelimiter ,\n", CSV_ENCODING_UTF8);
    CHECK("n\n\"a\nb\xe9\"\n\xc3\xa9\n", &automatic,
          "1:[n]\nt.csv:3: " INVALID_E9 "\nERR\ndelimiter ,\n", CSV_ENCODING_UTF8);
    CHECK("a\n\x81\n\xc3\xa9\n", &automatic,
          "1:[a]\nt.csv:2: invalid UTF-8 (byte 0x81); set [csv] encoding = windows-1252 in "
          "report.ini if the file is Windows-1252\nERR\ndelimiter ,\n",
          CSV_ENCODING_UTF8);
    /* ... but not one before it (the encoding then as decided so far) */
    static const char quote_first[] = "n\n\"q\"x\nx\xe9y\ncaf\xc3\xa9\n";
    csv_encoding enc;
    char *got = read_mem(quote_first, sizeof quote_first - 1, &automatic, 65536, &enc);
    assert_string_equal(
        got, "1:[n]\nt.csv:2: unexpected text after a closing quote\nERR\ndelimiter ,\n");
    free(got);
    /* no valid sequence: Windows-1252, its errors its own */
    CHECK("a\n\x81\n", &automatic,
          "1:[a]\nt.csv:2: byte 0x81 is not a Windows-1252 character\nERR\ndelimiter ,\n",
          CSV_ENCODING_CP1252);
    CHECK("a\n\xe9\n\xc3\n", &automatic, "1:[a]\n2:[\xc3\xa9]\n3:[\xc3\x83]\nEOF\ndelimiter ,\n",
          CSV_ENCODING_CP1252);
    /* the header line sniffed for its delimiter up to the bad byte only */
    CHECK("a;b\xe9,c,d,e\n\xc3\xa9\n", &automatic, "t.csv:1: " INVALID_E9 "\nERR\ndelimiter ;\n",
          CSV_ENCODING_UTF8);
    /* a BOM says UTF-8 */
    CHECK("\xef\xbb\xbf"
          "a\nx\xe9\n",
          &automatic, "1:[a]\nt.csv:2: " INVALID_E9 "\nERR\ndelimiter ,\n", CSV_ENCODING_UTF8);
}

/* head, lines of ASCII up to about size bytes, then tail. */
static char *lines_between(const char *head, size_t size, const char *tail, size_t *len)
{
    char *data = malloc(size + strlen(head) + strlen(tail) + 64);
    assert_non_null(data);
    size_t n = (size_t)sprintf(data, "%s", head);
    while (n < size) {
        memcpy(data + n, "abcdefghijklmnopqrstuvwxyz,0123456789\n", 38);
        n += 38;
    }
    n += (size_t)sprintf(data + n, "%s", tail);
    *len = n;
    return data;
}

/* "h", a line with a bad byte, size bytes later tail. */
static char *far_apart(size_t size, const char *tail, size_t *len)
{
    return lines_between("h\nx\xe9y\n", size, tail, len);
}

/* A guess overturned chunks after the bad byte: what d received since the
 * records rested on the guess is withdrawn, what came before stays. */
static void test_guess_overturned_late(void **state)
{
    (void)state;
    size_t len;
    char *data = far_apart(300000, "caf\xc3\xa9\n", &len);
    char *out = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&out, &size);
    diag d;
    diag_init(&d, f);
    diag_hold(&d);
    csv_reader *r = csv_reader_open_mem(data, len, "t.csv", &automatic, 65536, &d);
    csv_record rec;
    assert_int_equal(csv_reader_next(r, &rec), 1);
    assert_false(csv_reader_guessing(r));
    diag_data(&d, "t.csv", 1, NULL, "before the guess");
    assert_int_equal(csv_reader_next(r, &rec), 1);
    assert_int_equal(rec.line, 2);
    assert_string_equal(rec.fields[0], "x\xc3\xa9y");
    assert_true(csv_reader_guessing(r));
    diag_data(&d, "t.csv", 2, NULL, "on the guess");
    diag_warning(&d, "t.csv", 3, NULL, "on the guess too");
    int rc;
    while ((rc = csv_reader_next(r, &rec)) == 1)
        assert_true(rec.line < len);
    assert_int_equal(rc, -1);
    assert_true(csv_reader_overturned(r));
    assert_int_equal(csv_reader_encoding(r), CSV_ENCODING_UTF8);
    diag_release(&d);
    assert_int_equal(d.count, 2);
    assert_int_equal(d.warnings, 0);
    csv_reader_free(r);
    fclose(f);
    assert_string_equal(out, "t.csv:1: before the guess\nt.csv:2: " INVALID_E9 "\n");
    free(out);

    /* The guess confirmed: nothing is withdrawn. */
    free(data);
    data = far_apart(300000, "caf\xe9\n", &len);
    diag_init(&d, NULL);
    r = csv_reader_open_mem(data, len, "t.csv", &automatic, 65536, &d);
    while ((rc = csv_reader_next(r, &rec)) == 1)
        ;
    assert_int_equal(rc, 0);
    assert_false(csv_reader_guessing(r));
    assert_false(csv_reader_overturned(r));
    assert_int_equal(csv_reader_encoding(r), CSV_ENCODING_CP1252);
    assert_string_equal(rec.fields[0], "caf\xc3\xa9");
    csv_reader_free(r);
    free(data);
}

/* A reader freed on the guess, before the end of the file (its caller
 * stopped at a problem of its own), reads the rest to know. */
static void test_guess_freed_early(void **state)
{
    (void)state;
    size_t len;
    char *data = far_apart(300000, "caf\xc3\xa9\n", &len);
    char *out = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&out, &size);
    diag d;
    diag_init(&d, f);
    diag_hold(&d);
    csv_reader *r = csv_reader_open_mem(data, len, "t.csv", &automatic, 65536, &d);
    csv_record rec;
    assert_int_equal(csv_reader_next(r, &rec), 1);
    assert_int_equal(csv_reader_next(r, &rec), 1);
    diag_data(&d, "t.csv", 2, NULL, "the caller's problem");
    csv_reader_free(r);
    diag_release(&d);
    fclose(f);
    assert_string_equal(out, "t.csv:2: " INVALID_E9 "\n");
    free(out);
    free(data);
}

/* What reading the whole file first to guess its encoding decided (the
 * reader before it read each file once): then the file was read so. */
static const csv_options *whole_file_guess(const char *data, size_t len)
{
    const unsigned char *p = (const unsigned char *)data;
    bool sequence = false, invalid = false;
    for (size_t i = 0, n; i < len; i += n) {
        utf8_piece piece = encoding_utf8_piece(p + i, len - i, false, &n);
        sequence |= piece == PIECE_SEQUENCE;
        invalid |= piece == PIECE_INVALID;
    }
    if (invalid && !sequence)
        return &cp1252;
    return sequence || invalid ? &utf8 : &automatic;
}

/* Random inputs: deciding as the file is read gives, at every chunk
 * size, what guessing from the whole file first gave. */
static void test_guess_as_whole_file(void **state)
{
    (void)state;
    static const char alphabet[] = "a,;\t \"\n\r\xc3\xa9\xe9\xa9\x81\xe2\x82\xef\xbb\xbf";
    const char *env = getenv("GUESS_ROUNDS");
    int rounds = env ? atoi(env) : 1500;
    uint32_t seed = env ? (uint32_t)rounds : 4242;
    char data[40];
    for (int round = 0; round < rounds; round++) {
        seed = seed * 1103515245u + 12345u;
        size_t len = (seed >> 16) % sizeof data;
        for (size_t i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            data[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
        }
        if (round % 7 == 0 && len > 3)
            data[len / 2] = '\0';
        const csv_options *o = whole_file_guess(data, len);
        csv_encoding expected_enc, enc;
        char *expected = read_mem(data, len, o, 65536, &expected_enc);
        bool ok = strstr(expected, "\nEOF\n") || strncmp(expected, "EOF\n", 4) == 0;
        for (size_t chunk = 1; chunk <= len + 1; chunk++) {
            char *got = read_mem(data, len, &automatic, chunk, &enc);
            if (strcmp(got, expected) != 0 || (ok && enc != expected_enc))
                fail_msg("round %d, chunk size %zu: got\n%s(encoding %d)\nexpected\n%s(encoding "
                         "%d)",
                         round, chunk, got, (int)enc, expected, (int)expected_enc);
            free(got);
        }
        free(expected);
    }
}

/* Random inputs over an alphabet of troublemakers: every chunk size must
 * agree with reading the whole input at once, in every encoding. */
static void test_random_chunking(void **state)
{
    (void)state;
    static const char alphabet[] = "a,;\"\r\n \t\xc3\xa9\xe9\x81\xef\xbb\xbf";
    static const csv_options *const opts[] = { &automatic, &utf8, &cp1252 };
    uint32_t seed = 12345;
    char data[48];
    for (int round = 0; round < 600; round++) {
        seed = seed * 1103515245u + 12345u;
        size_t len = (seed >> 16) % sizeof data;
        for (size_t i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            data[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
        }
        const csv_options *o = opts[round % 3];
        csv_encoding enc;
        char *expected = read_mem(data, len, o, 65536, &enc);
        check_all(data, len, o, expected, enc);
        free(expected);
    }
}

static void test_field_too_long(void **state)
{
    (void)state;
    size_t n = 17u << 20;
    char *data = malloc(n + 8);
    assert_non_null(data);
    memcpy(data, "a\n\"", 3);
    memset(data + 3, 'x', n);
    memcpy(data + 3 + n, "\"\n", 2);
    csv_encoding enc;
    char *got = read_mem(data, n + 5, &automatic, 65536, &enc);
    assert_string_equal(got, "1:[a]\nt.csv:2: field too long (over 16 MiB)\nERR\ndelimiter ,\n");
    free(got);
    free(data);
}

static void test_many_lines(void **state)
{
    (void)state;
    enum { N = 20000 };
    char *data = malloc(N * 32);
    assert_non_null(data);
    size_t len = (size_t)sprintf(data, "date;account;amount\r\n");
    for (int i = 0; i < N; i++)
        len += (size_t)sprintf(data + len, "2014-01-01;%d;\"1 234,%02d\"\r\n", i, i % 100);
    diag d;
    diag_init(&d, NULL);
    csv_reader *r = csv_reader_open_mem(data, len, "big.csv", &automatic, 4096, &d);
    csv_record rec;
    assert_int_equal(csv_reader_next(r, &rec), 1);
    for (int i = 0; i < N; i++) {
        assert_int_equal(csv_reader_next(r, &rec), 1);
        assert_int_equal(rec.line, (size_t)i + 2);
        assert_int_equal(rec.count, 3);
        assert_int_equal(atoi(rec.fields[1]), i);
    }
    assert_int_equal(csv_reader_next(r, &rec), 0);
    csv_reader_free(r);
    free(data);
}

static void test_files(void **state)
{
    (void)state;
    char path[] = "/tmp/test_csv_readerXXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char content[] = "compte;montant\n4100;\"1 234,56\"\n";
    assert_int_equal(write(fd, content, sizeof content - 1), (ssize_t)(sizeof content - 1));
    close(fd);

    diag d;
    diag_init(&d, NULL);
    csv_reader *r = csv_reader_open(path, "ledger.csv", &automatic, &d);
    assert_non_null(r);
    csv_record rec;
    assert_int_equal(csv_reader_next(r, &rec), 1);
    assert_int_equal(csv_reader_delimiter(r), ';');
    assert_int_equal(csv_reader_next(r, &rec), 1);
    assert_int_equal(rec.line, 2);
    assert_string_equal(rec.fields[1], "1 234,56");
    assert_int_equal(csv_reader_next(r, &rec), 0);
    csv_reader_free(r);
    unlink(path);
    csv_reader_free(NULL);

    char *out = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&out, &size);
    diag_init(&d, f);
    assert_null(csv_reader_open(path, "ledger.csv", &automatic, &d));
    assert_int_equal(d.status, EXIT_NOINPUT);
    assert_null(csv_reader_open("/tmp", "people.csv", &automatic, &d));
    fclose(f);
    assert_string_equal(out, "ledger.csv: cannot open: No such file or directory\n"
                             "people.csv: cannot open: Is a directory\n");
    free(out);
}

/* The bytes this process has read so far (Linux's /proc/self/io), or -1. */
static long long bytes_read_by_process(void)
{
    FILE *f = fopen("/proc/self/io", "r");
    long long n = -1;
    if (f) {
        if (fscanf(f, "rchar: %lld", &n) != 1)
            n = -1;
        fclose(f);
    }
    return n;
}

/* Each file is read once, whatever its encoding turns out to be: as
 * counted by the reader and by the kernel. */
static void test_read_once(void **state)
{
    (void)state;
    static const char *const tails[] = { "ok\n", "caf\xc3\xa9\n", "caf\xe9\n" };
    static const char *const heads[] = { "h\nx\n", "h\nx\xe9y\n", "h\nx\xc3\xa9y\n" };
    for (size_t t = 0; t < 3; t++) {
        for (size_t h = 0; h < 3; h++) {
            size_t len;
            char *data = lines_between(heads[h], 400000, tails[t], &len);
            char path[] = "/tmp/test_csv_readerXXXXXX";
            int fd = mkstemp(path);
            assert_true(fd >= 0);
            assert_int_equal(write(fd, data, len), (ssize_t)len);
            close(fd);
            diag d;
            diag_init(&d, NULL);
            long long before = bytes_read_by_process();
            csv_reader *r = csv_reader_open(path, "t.csv", &automatic, &d);
            assert_non_null(r);
            csv_record rec;
            int rc;
            while ((rc = csv_reader_next(r, &rec)) == 1)
                ;
            assert_int_equal(rc, (h == 1 && t == 1) || (h == 2 && t == 2) ? -1 : 0);
            long long after = bytes_read_by_process();
            assert_int_equal(csv_reader_bytes_read(r), len);
            if (before >= 0 && after >= 0) {
                assert_true(after - before >= (long long)len);
                assert_true(after - before < (long long)len + 4096);
            }
            csv_reader_free(r);
            unlink(path);
            free(data);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_basic),
        cmocka_unit_test(test_delimiter),
        cmocka_unit_test(test_sep_line),
        cmocka_unit_test(test_xml_forbidden_replaced),
        cmocka_unit_test(test_line_ends),
        cmocka_unit_test(test_quotes),
        cmocka_unit_test(test_quote_errors),
        cmocka_unit_test(test_bom),
        cmocka_unit_test(test_encoding),
        cmocka_unit_test(test_encoding_errors),
        cmocka_unit_test(test_random_chunking),
        cmocka_unit_test(test_field_too_long),
        cmocka_unit_test(test_many_lines),
        cmocka_unit_test(test_files),
        cmocka_unit_test(test_encoding_guess),
        cmocka_unit_test(test_guess_overturned_late),
        cmocka_unit_test(test_guess_freed_early),
        cmocka_unit_test(test_guess_as_whole_file),
        cmocka_unit_test(test_read_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
