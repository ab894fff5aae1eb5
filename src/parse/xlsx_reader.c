/* xlsx_reader.c - stream the rows of an .xlsx workbook's first sheet.
 *
 * libzip opens the container and expat parses each XML part.  Opening
 * reads the small parts whole:
 *   1. _rels/.rels names the workbook part (xl/workbook.xml);
 *   2. its relationships (xl/_rels/workbook.xml.rels) name the sheets,
 *      the shared strings and the styles;
 *   3. the workbook gives the date system and the sheets in tab order:
 *      the first visible worksheet is read (else the first one);
 *   4. the styles say which cell formats (cellXfs) show a date;
 *   5. the shared strings are kept in one buffer (as large as the file's).
 * The sheet is then streamed: expat is fed one chunk at a time and
 * suspended at the end of each row, which becomes the record.
 *
 * A number is converted from the workbook's decimal text, without a
 * double: parsed into digits and a power of ten, rounded half away from
 * zero (see decimal_round), printed plainly.  Every part is parsed with
 * namespaces, matching local names only, so that the transitional and the
 * strict (ISO) namespaces both work; a DOCTYPE is refused (no workbook has
 * one, and it is how entity expansion attacks start). */
#include "parse/xlsx_reader.h"
#include "parse/xlsx_reader_test.h"
#include "lib/files.h"
#include "lib/i18n.h"
#include "lib/xalloc.h"

#include <errno.h>
#include <expat.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

enum {
    XLSX_CHUNK = 64 * 1024,
    XLSX_ROWS_MAX = 1048576, /* Excel's limits */
    XLSX_COLS_MAX = 16384,
    XLSX_CELL_MAX = 1024 * 1024,      /* bytes of one cell's text */
    XLSX_ROW_MAX = 16 * 1024 * 1024,  /* bytes of one row's text */
    XLSX_SST_MAX = 256 * 1024 * 1024, /* bytes of all shared strings */
    XLSX_SST_COUNT_MAX = 16 * 1024 * 1024,
    XLSX_TABLE_MAX = 65536,    /* relationships, number formats */
    XLSX_XF_MAX = 1024 * 1024, /* cell formats */
    XLSX_DIGITS_MAX = 40,      /* significant digits kept */
    XLSX_MESSAGE_MAX = 512
};

#define NS_SEP '|' /* expat's "namespace|local" separator */

static const unsigned char ole2_magic[8] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

/* One relationship of a part: Id, Type, Target. */
typedef struct xlsx_rel {
    char *id, *type, *target;
} xlsx_rel;

/* A custom number format (styles.xml numFmts). */
typedef struct xlsx_numfmt {
    unsigned long id;
    bool date;
} xlsx_numfmt;

/* A non-empty cell of the row being read: its text in the row buffer. */
typedef struct xlsx_cell {
    size_t col, off, len;
    xlsx_cell_kind kind;
} xlsx_cell;

/* A cell's t attribute. */
typedef enum xlsx_type {
    TYPE_NUMBER,
    TYPE_SHARED,
    TYPE_INLINE,
    TYPE_STR,
    TYPE_BOOL,
    TYPE_ERROR,
    TYPE_DATE
} xlsx_type;

/* A number as digits and a power of ten: value = digits * 10^exp. */
typedef struct xlsx_decimal {
    bool negative;
    size_t n;                         /* digits kept, the first non-zero */
    char digits[XLSX_DIGITS_MAX + 2]; /* room for a carry */
    long exp;                         /* power of ten of the last digit */
} xlsx_decimal;

struct xlsx_reader {
    char *name;
    diag *d;
    zip_t *zip;
    size_t chunk;
    XML_Parser xp;    /* the parser at work, for fail() to stop */
    const char *part; /* the part it reads, for messages */
    bool failed;      /* reported; nothing more is read */
    /* relationships of the part being resolved */
    xlsx_rel *rels;
    size_t rel_count, rel_cap;
    /* workbook */
    bool date1904;
    char *sheet_name, *sheet_part;   /* the sheet read */
    char *hidden_name, *hidden_part; /* the first hidden one, as fallback */
    /* styles */
    xlsx_numfmt *fmts;
    size_t fmt_count, fmt_cap;
    unsigned long *xf_fmt; /* cellXfs: numFmtId of each */
    size_t xf_count, xf_cap;
    bool *xf_date; /* cellXfs: shows a date */
    bool in_cellxfs;
    /* shared strings: NUL-terminated, one after the other */
    char *sst;
    size_t sst_len, sst_cap;
    size_t *sst_off;
    size_t sst_count, sst_off_cap;
    size_t si_start;
    bool in_si, in_t;
    int rph_depth; /* inside phonetic runs: not text */
    /* the sheet's stream */
    zip_file_t *zf;
    XML_Parser sheet_xp;
    bool fed_final, suspended, done;
    bool in_sheet_data, in_row, in_cell, in_is, capture;
    size_t row, last_row, col_next;
    xlsx_type cell_type;
    size_t cell_col, cell_start;
    unsigned long cell_style;
    char *text; /* the row's texts; text[0] = "" */
    size_t text_len, text_cap;
    xlsx_cell *cells;
    size_t cell_count, cell_cap;
    bool row_ready;
    /* the record */
    size_t rec_line, field_count, field_cap;
    char **fields;
    size_t *lengths;
    xlsx_cell_kind *kinds;
};

/* ---- errors ---------------------------------------------------------- */

/* Reports that the file cannot be read further (once) and stops the
 * parser at work. */
__attribute__((format(printf, 3, 4))) static void fail(xlsx_reader *r, int status, const char *fmt,
                                                       ...)
{
    char msg[XLSX_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (!r->failed)
        diag_report(r->d, status, r->name, 0, NULL, "%s", msg);
    r->failed = true;
    if (r->xp)
        XML_StopParser(r->xp, XML_FALSE);
}

/* The same at a cell of the current row: "ledger.xlsx:Sheet1!C12: ...". */
__attribute__((format(printf, 3, 4))) static void fail_cell(xlsx_reader *r, size_t col,
                                                            const char *fmt, ...)
{
    char msg[XLSX_MESSAGE_MAX], place[XLSX_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    xlsx_reader_place(r, r->row, col, place, sizeof place);
    if (!r->failed)
        diag_report(r->d, EXIT_DATAERR, place, 0, NULL, "%s", msg);
    r->failed = true;
    if (r->xp)
        XML_StopParser(r->xp, XML_FALSE);
}

/* Expat's own error, with the part and its line. */
static void fail_xml(xlsx_reader *r, XML_Parser p)
{
    fail(r, EXIT_DATAERR, "damaged workbook: %s, line %lu: %s", r->part,
         (unsigned long)XML_GetCurrentLineNumber(p), XML_ErrorString(XML_GetErrorCode(p)));
}

/* ---- small parsers ------------------------------------------------------ */

/* ASCII classes, whatever the locale. */
static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* A whole decimal number in 0..max (surrounding spaces allowed). */
static bool parse_count(const char *s, unsigned long max, unsigned long *out)
{
    unsigned long v = 0;
    while (is_space(*s))
        s++;
    if (!is_digit(*s))
        return false;
    for (; is_digit(*s); s++) {
        v = v * 10 + (unsigned long)(*s - '0');
        if (v > max)
            return false;
    }
    while (is_space(*s))
        s++;
    *out = v;
    return *s == '\0';
}

/* The column (0-based) of a cell reference "AB12"; false if it is not one. */
static bool parse_cell_column(const char *ref, size_t *col)
{
    size_t c = 0, i = 0;
    for (; (ref[i] >= 'A' && ref[i] <= 'Z') || (ref[i] >= 'a' && ref[i] <= 'z'); i++) {
        c = c * 26 + (size_t)((ref[i] & ~0x20) - 'A' + 1);
        if (c > XLSX_COLS_MAX)
            return false;
    }
    if (i == 0 || !is_digit(ref[i]))
        return false;
    while (is_digit(ref[i]))
        i++;
    *col = c - 1;
    return ref[i] == '\0';
}

/* Whether s ends with suffix, ignoring ASCII case. */
static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

/* ---- text buffers ------------------------------------------------------- */

/* Appends s[0..len) to the row's text buffer. */
static void text_add(xlsx_reader *r, const char *s, size_t len)
{
    xgrow((void **)&r->text, &r->text_cap, r->text_len + len + 1, 1);
    memcpy(r->text + r->text_len, s, len);
    r->text_len += len;
}

/* Writes code point v (below 0x10000) as UTF-8; returns the bytes. */
static size_t utf8_put(char *out, unsigned v)
{
    if (v < 0x80) {
        out[0] = (char)v;
        return 1;
    }
    if (v < 0x800) {
        out[0] = (char)(0xC0 | (v >> 6));
        out[1] = (char)(0x80 | (v & 0x3F));
        return 2;
    }
    out[0] = (char)(0xE0 | (v >> 12));
    out[1] = (char)(0x80 | ((v >> 6) & 0x3F));
    out[2] = (char)(0x80 | (v & 0x3F));
    return 3;
}

/* A hexadecimal digit's value, or -1. */
static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Decodes in place the _xHHHH_ escapes with which OOXML strings carry
 * characters XML cannot (_x000D_ for CR, _x005F_ for '_'); returns the new
 * length.  _x0000_ and surrogates stay as they are. */
static size_t unescape_x(char *s, size_t len)
{
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        unsigned v = 0;
        bool escape = s[i] == '_' && i + 7 <= len && s[i + 1] == 'x' && s[i + 6] == '_';
        for (size_t k = 2; escape && k < 6; k++) {
            int h = hex_value(s[i + k]);
            escape = h >= 0;
            v = v * 16 + (unsigned)(h < 0 ? 0 : h);
        }
        if (escape && v != 0 && (v < 0xD800 || v > 0xDFFF)) {
            o += utf8_put(s + o, v);
            i += 7;
        } else {
            s[o++] = s[i++];
        }
    }
    return o;
}

/* ---- part names and relationships ----------------------------------- */

/* The part a relationship of `source` points to: Target is relative to
 * source's folder, or absolute from the package's root; "." and ".."
 * segments are resolved.  A new string. */
static char *part_resolve(const char *source, const char *target)
{
    size_t dir = 0;
    if (target[0] == '/')
        target++;
    else if (strrchr(source, '/'))
        dir = (size_t)(strrchr(source, '/') - source) + 1;
    size_t tlen = strlen(target);
    char *joined = xmalloc(dir + tlen + 1);
    memcpy(joined, source, dir);
    memcpy(joined + dir, target, tlen + 1);
    char *out = xmalloc(dir + tlen + 1);
    size_t o = 0;
    for (char *seg = joined; *seg;) {
        char *end = strchr(seg, '/');
        size_t n = end ? (size_t)(end - seg) : strlen(seg);
        if (n == 2 && seg[0] == '.' && seg[1] == '.') {
            while (o > 0 && out[o - 1] != '/')
                o--; /* drop "name/" ... */
            if (o > 0)
                o--;
            while (o > 0 && out[o - 1] != '/')
                o--;
        } else if (n > 0 && !(n == 1 && seg[0] == '.')) {
            memcpy(out + o, seg, n);
            o += n;
            if (end)
                out[o++] = '/';
        }
        seg += n + (end ? 1 : 0);
    }
    out[o] = '\0';
    free(joined);
    return out;
}

/* The relationships part of a part: xl/workbook.xml -> xl/_rels/workbook.xml.rels. */
static char *part_rels(const char *part)
{
    const char *slash = strrchr(part, '/');
    size_t dir = slash ? (size_t)(slash - part) + 1 : 0;
    size_t n = strlen(part) + sizeof "_rels/" + sizeof ".rels";
    char *out = xmalloc(n);
    snprintf(out, n, "%.*s_rels/%s.rels", (int)dir, part, part + dir);
    return out;
}

/* Forgets the relationships read (the next part has its own). */
static void rels_clear(xlsx_reader *r)
{
    for (size_t i = 0; i < r->rel_count; i++) {
        free(r->rels[i].id);
        free(r->rels[i].type);
        free(r->rels[i].target);
    }
    r->rel_count = 0;
}

/* The relationship with that Id, or NULL. */
static const xlsx_rel *rels_by_id(const xlsx_reader *r, const char *id)
{
    for (size_t i = 0; i < r->rel_count; i++)
        if (strcmp(r->rels[i].id, id) == 0)
            return &r->rels[i];
    return NULL;
}

/* The first relationship whose type ends with "/kind". */
static const xlsx_rel *rels_by_type(const xlsx_reader *r, const char *kind)
{
    for (size_t i = 0; i < r->rel_count; i++) {
        const char *slash = strrchr(r->rels[i].type, '/');
        if (slash && strcmp(slash + 1, kind) == 0)
            return &r->rels[i];
    }
    return NULL;
}

/* ---- XML plumbing ------------------------------------------------------- */

/* "namespace|local" -> "local". */
static const char *local_name(const XML_Char *name)
{
    const char *sep = strrchr(name, NS_SEP);
    return sep ? sep + 1 : name;
}

/* An attribute without a namespace, or NULL. */
static const char *attr(const XML_Char **atts, const char *name)
{
    for (; *atts; atts += 2)
        if (strcmp(atts[0], name) == 0)
            return atts[1];
    return NULL;
}

/* The relationship id attribute (r:id, in the relationships namespace). */
static const char *attr_rel_id(const XML_Char **atts)
{
    for (; *atts; atts += 2) {
        const char *sep = strrchr(atts[0], NS_SEP);
        if (sep && strcmp(sep + 1, "id") == 0)
            return atts[1];
    }
    return NULL;
}

/* Any DOCTYPE stops the parse: no part of a workbook has one. */
static void XMLCALL doctype_refused(void *ud, const XML_Char *name, const XML_Char *sysid,
                                    const XML_Char *pubid, int has_internal)
{
    (void)name, (void)sysid, (void)pubid, (void)has_internal;
    xlsx_reader *r = ud;
    fail(r, EXIT_DATAERR, "damaged workbook: %s has a DOCTYPE, which no workbook has", r->part);
}

/* A namespace-aware parser with the handlers, r as user data. */
static XML_Parser parser_new(xlsx_reader *r, XML_StartElementHandler start,
                             XML_EndElementHandler end, XML_CharacterDataHandler text)
{
    XML_Parser p = XML_ParserCreateNS(NULL, NS_SEP);
    if (!p) {
        fputs("bilan: out of memory (XML parser)\n", stderr);
        exit(EXIT_SOFTWARE);
    }
    XML_SetUserData(p, r);
    XML_SetElementHandler(p, start, end);
    XML_SetCharacterDataHandler(p, text);
    XML_SetStartDoctypeDeclHandler(p, doctype_refused);
    return p;
}

/* Opens a part of the package.  NULL when it is absent (*absent set) or
 * cannot be opened (reported). */
static zip_file_t *part_open(xlsx_reader *r, const char *part, bool *absent)
{
    *absent = false;
    zip_file_t *zf = zip_fopen(r->zip, part, ZIP_FL_NOCASE);
    if (zf)
        return zf;
    zip_error_t *e = zip_get_error(r->zip);
    if (zip_error_code_zip(e) == ZIP_ER_NOENT)
        *absent = true;
    else
        fail(r, EXIT_DATAERR, "damaged workbook: %s: %s", part, zip_error_strerror(e));
    zip_error_clear(r->zip);
    return NULL;
}

/* Parses a whole part with the handlers.  0 = done, 1 = the part is absent
 * (reported when required), -1 = failed (reported). */
static int part_parse(xlsx_reader *r, const char *part, bool required,
                      XML_StartElementHandler start, XML_EndElementHandler end,
                      XML_CharacterDataHandler text)
{
    bool absent;
    zip_file_t *zf = part_open(r, part, &absent);
    if (!zf) {
        if (absent && required)
            fail(r, EXIT_DATAERR, "not a complete .xlsx workbook: it has no part %s", part);
        return absent && !required ? 1 : -1;
    }
    XML_Parser p = parser_new(r, start, end, text);
    r->xp = p;
    r->part = part;
    for (;;) {
        void *buf = XML_GetBuffer(p, (int)r->chunk);
        if (!buf) {
            fail(r, EXIT_SOFTWARE, "%s: out of memory for the XML parser", part);
            break;
        }
        zip_int64_t n = zip_fread(zf, buf, r->chunk);
        if (n < 0) {
            fail(r, EXIT_DATAERR, "damaged workbook: %s: %s", part, zip_file_strerror(zf));
            break;
        }
        if (XML_ParseBuffer(p, (int)n, n == 0) != XML_STATUS_OK) {
            if (!r->failed)
                fail_xml(r, p);
            break;
        }
        if (n == 0 || r->failed)
            break;
    }
    r->xp = NULL;
    r->part = "";
    XML_ParserFree(p);
    zip_fclose(zf);
    return r->failed ? -1 : 0;
}

/* ---- relationships, workbook ------------------------------------------ */

/* <Relationship Id Type Target [TargetMode]>: internal ones are kept. */
static void XMLCALL rels_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    xlsx_reader *r = ud;
    if (strcmp(local_name(name), "Relationship") != 0)
        return;
    const char *id = attr(atts, "Id"), *type = attr(atts, "Type");
    const char *target = attr(atts, "Target"), *mode = attr(atts, "TargetMode");
    if (!id || !type || !target || (mode && strcmp(mode, "External") == 0))
        return;
    if (r->rel_count >= XLSX_TABLE_MAX) {
        fail(r, EXIT_DATAERR, "damaged workbook: %s has too many relationships", r->part);
        return;
    }
    xgrow((void **)&r->rels, &r->rel_cap, r->rel_count + 1, sizeof *r->rels);
    r->rels[r->rel_count++] = (xlsx_rel){ xstrdup(id), xstrdup(type), xstrdup(target) };
}

/* For the parts whose elements only matter by their attributes. */
static void XMLCALL ignore_end(void *ud, const XML_Char *name)
{
    (void)ud, (void)name;
}

static void XMLCALL ignore_text(void *ud, const XML_Char *s, int len)
{
    (void)ud, (void)s, (void)len;
}

/* xsd:boolean true. */
static bool xml_true(const char *v)
{
    return v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
}

/* <workbookPr date1904>, and each <sheet name state r:id> in tab order:
 * the first visible worksheet is chosen, the first hidden one remembered. */
static void XMLCALL workbook_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    xlsx_reader *r = ud;
    const char *local = local_name(name);
    if (strcmp(local, "workbookPr") == 0) {
        r->date1904 = xml_true(attr(atts, "date1904"));
        return;
    }
    if (strcmp(local, "sheet") != 0 || r->sheet_part)
        return;
    const char *sheet = attr(atts, "name"), *state = attr(atts, "state");
    const char *id = attr_rel_id(atts);
    const xlsx_rel *rel = id ? rels_by_id(r, id) : NULL;
    const char *slash = rel ? strrchr(rel->type, '/') : NULL;
    if (!sheet || !slash || strcmp(slash + 1, "worksheet") != 0)
        return; /* a chart sheet, a dialog */
    if (!state || strcmp(state, "visible") == 0) {
        r->sheet_name = xstrdup(sheet);
        r->sheet_part = part_resolve(r->part, rel->target);
    } else if (!r->hidden_part) {
        r->hidden_name = xstrdup(sheet);
        r->hidden_part = part_resolve(r->part, rel->target);
    }
}

/* ---- styles ------------------------------------------------------------- */

/* Whether a number format code shows a date: a day, month or year outside
 * quoted text, escapes and [brackets]; 'm' alone means a month unless the
 * format also has hours or seconds (then it means minutes). */
static bool format_code_is_date(const char *code)
{
    bool date = false, time = false, m = false;
    for (const char *p = code; *p; p++) {
        char c = *p;
        if (c == '"') {
            p = strchr(p + 1, '"');
            if (!p)
                break;
        } else if (c == '\\' || c == '_' || c == '*') {
            if (!p[1])
                break;
            p++;
        } else if (c == '[') {
            const char *end = strchr(p, ']');
            if (!end)
                break;
            size_t n = (size_t)(end - p - 1);
            if (n > 0 && strspn(p + 1, "hHmMsS") >= n)
                time = true; /* [h]:mm elapsed time */
            p = end;
        } else if (strncasecmp(p, "am/pm", 5) == 0 || strncasecmp(p, "a/p", 3) == 0) {
            time = true;
            p += p[1] == '/' ? 2 : 4;
        } else if (strncasecmp(p, "general", 7) == 0) {
            p += 6;
        } else if (c == 'd' || c == 'D' || c == 'y' || c == 'Y') {
            date = true;
        } else if (c == 'h' || c == 'H' || c == 's' || c == 'S') {
            time = true;
        } else if (c == 'm' || c == 'M') {
            m = true;
        }
    }
    return date || (m && !time);
}

/* Built-in formats that show a date: 14-17 (m/d/yyyy ... mmm-yy), 22
 * (m/d/yyyy h:mm), and the East Asian date ids that are dates in every
 * locale (27-31, 36, 50-54, 57, 58).  Time-only ones (18-21, 45-47) are
 * not: they show no date. */
static bool builtin_is_date(unsigned long id)
{
    return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) || id == 36 ||
           (id >= 50 && id <= 54) || id == 57 || id == 58;
}

/* <numFmt numFmtId formatCode>, and <xf numFmtId> inside <cellXfs>. */
static void XMLCALL styles_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    xlsx_reader *r = ud;
    const char *local = local_name(name);
    unsigned long id = 0;
    const char *v = attr(atts, "numFmtId");
    if (v && !parse_count(v, 0xFFFFFFFFul, &id))
        id = 0;
    if (strcmp(local, "cellXfs") == 0) {
        r->in_cellxfs = true;
    } else if (strcmp(local, "numFmt") == 0 && v) {
        const char *code = attr(atts, "formatCode");
        if (r->fmt_count >= XLSX_TABLE_MAX) {
            fail(r, EXIT_DATAERR, "damaged workbook: %s has too many number formats", r->part);
            return;
        }
        xgrow((void **)&r->fmts, &r->fmt_cap, r->fmt_count + 1, sizeof *r->fmts);
        r->fmts[r->fmt_count++] = (xlsx_numfmt){ id, code && format_code_is_date(code) };
    } else if (strcmp(local, "xf") == 0 && r->in_cellxfs) {
        if (r->xf_count >= XLSX_XF_MAX) {
            fail(r, EXIT_DATAERR, "damaged workbook: %s has too many cell formats", r->part);
            return;
        }
        xgrow((void **)&r->xf_fmt, &r->xf_cap, r->xf_count + 1, sizeof *r->xf_fmt);
        r->xf_fmt[r->xf_count++] = id;
    }
}

/* </cellXfs>: the xf that follow are cell styles, not cell formats. */
static void XMLCALL styles_end(void *ud, const XML_Char *name)
{
    xlsx_reader *r = ud;
    if (strcmp(local_name(name), "cellXfs") == 0)
        r->in_cellxfs = false;
}

/* After styles.xml: whether each cell format shows a date (a custom
 * format of the same id wins over the built-in one). */
static void styles_resolve(xlsx_reader *r)
{
    r->xf_date = xcalloc(r->xf_count, sizeof *r->xf_date);
    for (size_t i = 0; i < r->xf_count; i++) {
        bool date = builtin_is_date(r->xf_fmt[i]);
        for (size_t k = 0; k < r->fmt_count; k++)
            if (r->fmts[k].id == r->xf_fmt[i])
                date = r->fmts[k].date;
        r->xf_date[i] = date;
    }
}

/* ---- shared strings ----------------------------------------------------- */

/* <si> is one string: the text of its <t>, or of its runs' <t>, but not of
 * its phonetic runs <rPh>. */
static void XMLCALL sst_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    (void)atts;
    xlsx_reader *r = ud;
    const char *local = local_name(name);
    if (strcmp(local, "si") == 0) {
        if (r->in_si)
            r->sst_len = r->si_start; /* nested: the outer one is dropped */
        r->in_si = true;
        r->in_t = false;
        r->rph_depth = 0;
        r->si_start = r->sst_len;
    } else if (strcmp(local, "rPh") == 0) {
        r->rph_depth++;
    } else if (strcmp(local, "t") == 0 && r->in_si && r->rph_depth == 0) {
        r->in_t = true;
    }
}

static void XMLCALL sst_end(void *ud, const XML_Char *name)
{
    xlsx_reader *r = ud;
    const char *local = local_name(name);
    if (strcmp(local, "t") == 0) {
        r->in_t = false;
    } else if (strcmp(local, "rPh") == 0) {
        r->rph_depth--;
    } else if (strcmp(local, "si") == 0 && r->in_si) {
        r->in_si = r->in_t = false;
        if (r->sst_count >= XLSX_SST_COUNT_MAX) {
            fail(r, EXIT_DATAERR, "%s has more than %d shared strings", r->part,
                 XLSX_SST_COUNT_MAX);
            return;
        }
        xgrow((void **)&r->sst, &r->sst_cap, r->sst_len + 1, 1);
        r->sst_len = r->si_start + unescape_x(r->sst + r->si_start, r->sst_len - r->si_start);
        r->sst[r->sst_len++] = '\0';
        xgrow((void **)&r->sst_off, &r->sst_off_cap, r->sst_count + 1, sizeof *r->sst_off);
        r->sst_off[r->sst_count++] = r->si_start;
    }
}

/* A string's text, bounded by XLSX_SST_MAX in all. */
static void XMLCALL sst_text(void *ud, const XML_Char *s, int len)
{
    xlsx_reader *r = ud;
    if (!r->in_t || r->failed)
        return;
    if (r->sst_len + (size_t)len >= XLSX_SST_MAX) {
        fail(r, EXIT_DATAERR, "%s: the shared strings exceed %d MiB", r->part,
             XLSX_SST_MAX / (1024 * 1024));
        return;
    }
    xgrow((void **)&r->sst, &r->sst_cap, r->sst_len + (size_t)len + 1, 1);
    memcpy(r->sst + r->sst_len, s, (size_t)len);
    r->sst_len += (size_t)len;
}

/* ---- numbers and dates -------------------------------------------------- */

/* Parses a number as a workbook writes it, [-+]digits[.digits][E[-+]digits],
 * into digits and a power of ten.  False when it is not one. */
static bool decimal_parse(const char *s, size_t len, xlsx_decimal *x)
{
    size_t i = 0;
    while (i < len && is_space(s[i]))
        i++;
    while (len > i && is_space(s[len - 1]))
        len--;
    memset(x, 0, sizeof *x);
    if (i < len && (s[i] == '-' || s[i] == '+'))
        x->negative = s[i++] == '-';
    bool point = false, any = false;
    long adjust = 0;
    for (; i < len; i++) {
        char c = s[i];
        if (c == '.' && !point) {
            point = true;
            continue;
        }
        if (!is_digit(c))
            break;
        any = true;
        if (x->n == 0 && c == '0') {
            adjust -= point; /* a leading zero */
        } else if (x->n < XLSX_DIGITS_MAX) {
            x->digits[x->n++] = c;
            adjust -= point;
        } else if (!point) {
            adjust++; /* an integer digit not kept */
        }             /* (fraction digits not kept are
                                                 below any rounding position) */
    }
    if (!any)
        return false;
    long e = 0;
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        bool neg = false;
        i++;
        if (i < len && (s[i] == '-' || s[i] == '+'))
            neg = s[i++] == '-';
        if (i >= len || !is_digit(s[i]))
            return false;
        for (; i < len && is_digit(s[i]); i++)
            if (e < 1000000)
                e = e * 10 + (s[i] - '0');
        if (neg)
            e = -e;
    }
    x->exp = adjust + e;
    return i == len;
}

/* Power of ten of the first digit (meaningless for zero). */
static long decimal_msd(const xlsx_decimal *x)
{
    return x->exp + (long)x->n - 1;
}

/* Removes binary noise: rounds half away from zero at the 13th significant
 * digit, but at 6 decimals at most and 3 at least (never at the cents,
 * so a real third decimal always stays); drops trailing zeros.
 *
 * A double carries 15 to 17 significant digits, but a computed cell does
 * not: a running balance near 1,000,000 after a thousand lines is off by
 * some 1e-8 (2720197.6299999948 for 2720197.63) in a fifth of its cells,
 * which rounding at 9 decimals or at 15 digits would reject. */
static void decimal_round(xlsx_decimal *x)
{
    if (x->n > 0 && x->exp < -3) {
        long msd = decimal_msd(x);
        long p = msd - 12; /* power of ten of the last digit kept */
        if (p < -6)
            p = -6;
        if (p > -3)
            p = -3;
        long keep = msd - p + 1;
        if (x->exp < p) {
            if (keep < 0) {
                x->n = 0;
                return;
            }
            bool up = x->digits[keep] >= '5';
            x->n = (size_t)keep;
            x->exp = p;
            long i = keep - 1;
            while (up && i >= 0 && x->digits[i] == '9')
                x->digits[i--] = '0';
            if (up && i >= 0) {
                x->digits[i]++;
            } else if (up) { /* 999.9995 -> 1000 */
                memmove(x->digits + 1, x->digits, (size_t)keep);
                x->digits[0] = '1';
                x->n = (size_t)keep + 1;
            }
        }
    }
    while (x->n > 0 && x->digits[x->n - 1] == '0') {
        x->n--;
        x->exp++;
    }
}

/* Prints a rounded number plainly: "-1234.5", "0.003", "120". */
static size_t decimal_format(const xlsx_decimal *x, char out[64])
{
    if (x->n == 0) {
        strcpy(out, "0");
        return 1;
    }
    char *o = out;
    if (x->negative)
        *o++ = '-';
    long whole = (long)x->n + x->exp; /* digits before the point */
    if (whole <= 0)
        *o++ = '0';
    for (long i = 0; i < whole; i++)
        *o++ = i < (long)x->n ? x->digits[i] : '0';
    if (x->exp < 0) {
        *o++ = '.';
        for (long i = whole; i < 0; i++)
            *o++ = '0';
        for (long i = whole < 0 ? 0 : whole; i < (long)x->n; i++)
            *o++ = x->digits[i];
    }
    *o = '\0';
    return (size_t)(o - out);
}

/* Days since 1970-01-01 of a date of the proleptic Gregorian calendar. */
static long days_from_civil(long y, long m, long d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* The date of a day number (days_from_civil's inverse). */
static void civil_from_days(long z, long *y, long *m, long *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

/* A rounded serial number as "YYYY-MM-DD" (its whole days: the time of
 * day is dropped).  1900 system: 1 = 1900-01-01, 60 = the 1900-02-29 Excel
 * shows (1900 was not a leap year, Lotus thought it was), 61 = 1900-03-01.
 * 1904 system: 0 = 1904-01-01.  False outside year 9999 or before day 1. */
static bool serial_date(const xlsx_decimal *x, bool date1904, char out[64])
{
    if (x->negative && x->n > 0)
        return false;
    long whole = (long)x->n + x->exp, serial = 0;
    if (x->n > 0 && whole > 8)
        return false;
    for (long i = 0; i < whole; i++)
        serial = serial * 10 + (i < (long)x->n ? x->digits[i] - '0' : 0);
    long base;
    if (date1904) {
        base = days_from_civil(1904, 1, 1);
    } else if (serial == 60) {
        strcpy(out, "1900-02-29");
        return true;
    } else if (serial < 1) {
        return false;
    } else {
        base = days_from_civil(1899, 12, serial < 60 ? 31 : 30);
    }
    long y, m, d;
    civil_from_days(base + serial, &y, &m, &d);
    if (y > 9999)
        return false;
    snprintf(out, 64, "%04ld-%02ld-%02ld", y, m, d);
    return true;
}

/* ---- the sheet: cells ------------------------------------------------- */

/* Whether s[0..len) starts with an ISO 8601 day, "YYYY-MM-DD" (a real
 * one, year 1 or later), alone or followed by a time ("T..."). */
static bool iso_day(const char *s, size_t len)
{
    static const char form[] = "dddd-dd-dd";
    if (len < 10 || (len > 10 && s[10] != 'T'))
        return false;
    long v[3] = { 0, 0, 0 };
    for (size_t i = 0, k = 0; i < 10; i++) {
        if (form[i] == '-' ? s[i] != '-' : !is_digit(s[i]))
            return false;
        if (form[i] == '-')
            k++;
        else
            v[k] = v[k] * 10 + (s[i] - '0');
    }
    long y, m, d;
    civil_from_days(days_from_civil(v[0], v[1], v[2]), &y, &m, &d);
    return v[0] >= 1 && y == v[0] && m == v[1] && d == v[2];
}

/* The cell's value as text in place of its raw text (text[cell_start..]):
 * numbers rounded, dates formatted, shared strings looked up. */
static xlsx_cell_kind cell_value(xlsx_reader *r)
{
    char *raw = r->text + r->cell_start;
    size_t len = r->text_len - r->cell_start;
    char out[64];
    xlsx_decimal x;
    unsigned long index;
    if (len == 0)
        return XLSX_CELL_EMPTY;
    switch (r->cell_type) {
    case TYPE_SHARED:
        raw[len] = '\0';
        if (!parse_count(raw, XLSX_SST_COUNT_MAX, &index) || index >= r->sst_count) {
            fail_cell(r, r->cell_col,
                      "damaged workbook: shared string '%.40s' does not "
                      "exist (the workbook has %zu)",
                      raw, r->sst_count);
            return XLSX_CELL_EMPTY;
        }
        size_t n = strlen(r->sst + r->sst_off[index]);
        if (r->cell_start + n > XLSX_ROW_MAX) {
            fail_cell(r, r->cell_col, "the row's text is longer than %d MiB",
                      XLSX_ROW_MAX / (1024 * 1024));
            return XLSX_CELL_EMPTY;
        }
        r->text_len = r->cell_start;
        text_add(r, r->sst + r->sst_off[index], n);
        return n > 0 ? XLSX_CELL_TEXT : XLSX_CELL_EMPTY;
    case TYPE_INLINE:
    case TYPE_STR: r->text_len = r->cell_start + unescape_x(raw, len); return XLSX_CELL_TEXT;
    case TYPE_ERROR: return XLSX_CELL_TEXT;
    case TYPE_BOOL:
        if (len == 1 && (raw[0] == '0' || raw[0] == '1')) {
            r->text_len = r->cell_start;
            text_add(r, raw[0] == '1' ? "TRUE" : "FALSE", raw[0] == '1' ? 4 : 5);
            return XLSX_CELL_BOOL;
        }
        return XLSX_CELL_TEXT;
    case TYPE_DATE: /* ISO 8601: keep the day */
        if (iso_day(raw, len)) {
            r->text_len = r->cell_start + 10;
            return XLSX_CELL_DATE;
        }
        return XLSX_CELL_TEXT;
    case TYPE_NUMBER: break;
    }
    if (!decimal_parse(raw, len, &x))
        return XLSX_CELL_TEXT; /* not a number: kept as written */
    if (x.n > 0 && decimal_msd(&x) > 17)
        return XLSX_CELL_NUMBER_OTHER; /* beyond 10^18: kept as written */
    decimal_round(&x);
    bool date_style = r->cell_style < r->xf_count && r->xf_date[r->cell_style];
    xlsx_cell_kind kind;
    size_t n;
    if (date_style && serial_date(&x, r->date1904, out)) {
        n = strlen(out);
        kind = XLSX_CELL_DATE;
    } else {
        n = decimal_format(&x, out);
        kind = x.n > 0 && x.exp < -2 ? XLSX_CELL_NUMBER_OTHER : XLSX_CELL_NUMBER;
    }
    r->text_len = r->cell_start;
    text_add(r, out, n);
    return kind;
}

/* </c>: the value is converted and, when not empty, kept for the row. */
static void cell_finish(xlsx_reader *r)
{
    xlsx_cell_kind kind = cell_value(r);
    if (r->failed)
        return;
    if (r->text_len == r->cell_start) {
        r->text_len = r->cell_start; /* empty: nothing kept */
        return;
    }
    xgrow((void **)&r->cells, &r->cell_cap, r->cell_count + 1, sizeof *r->cells);
    r->cells[r->cell_count++] =
        (xlsx_cell){ r->cell_col, r->cell_start, r->text_len - r->cell_start, kind };
    r->text[r->text_len++] = '\0'; /* text_add left room for it */
}

/* <c r t s>: its column (the next one when r is absent), type and style. */
static void cell_start(xlsx_reader *r, const XML_Char **atts)
{
    const char *ref = attr(atts, "r"), *t = attr(atts, "t"), *s = attr(atts, "s");
    size_t col = r->col_next;
    if (ref && !parse_cell_column(ref, &col)) {
        fail(r, EXIT_DATAERR, "damaged workbook: %s, row %zu: bad cell reference '%.20s'", r->part,
             r->row, ref);
        return;
    }
    if (col >= XLSX_COLS_MAX || col < r->col_next) {
        fail_cell(r, col, "damaged workbook: cell out of order or beyond column XFD");
        return;
    }
    static const struct {
        const char *name;
        xlsx_type type;
    } types[] = {
        { "n", TYPE_NUMBER }, { "s", TYPE_SHARED }, { "inlineStr", TYPE_INLINE },
        { "str", TYPE_STR },  { "b", TYPE_BOOL },   { "e", TYPE_ERROR },
        { "d", TYPE_DATE },
    };
    r->cell_type = TYPE_NUMBER;
    for (size_t i = 0; t && i < sizeof types / sizeof types[0]; i++)
        if (strcmp(t, types[i].name) == 0)
            r->cell_type = types[i].type;
    unsigned long style = 0;
    if (s && !parse_count(s, 0xFFFFFFFFul, &style))
        style = 0;
    r->cell_style = style;
    r->cell_col = col;
    r->col_next = col + 1;
    r->cell_start = r->text_len;
    r->in_cell = true;
    r->in_is = r->capture = false;
    r->rph_depth = 0;
}

/* ---- the sheet: rows -------------------------------------------------- */

/* <row r>: its number (the next one when r is absent), after the last. */
static void row_start(xlsx_reader *r, const XML_Char **atts)
{
    const char *ref = attr(atts, "r");
    unsigned long row = r->last_row + 1;
    if (ref && (!parse_count(ref, XLSX_ROWS_MAX, &row) || row == 0)) {
        fail(r, EXIT_DATAERR, "damaged workbook: %s: bad row number '%.20s'", r->part, ref);
        return;
    }
    if (row > XLSX_ROWS_MAX || row <= r->last_row) {
        fail(r, EXIT_DATAERR, "damaged workbook: %s: row %lu out of order (after row %zu)", r->part,
             row, r->last_row);
        return;
    }
    r->row = row;
    r->in_row = true;
    r->cell_count = 0;
    r->col_next = 0;
    r->text_len = 1; /* text[0] is the empty field */
}

/* </row>: a row with a value becomes the record, and expat is suspended
 * until the caller asks for the next one. */
static void row_finish(xlsx_reader *r)
{
    r->in_row = false;
    r->last_row = r->row;
    if (r->cell_count == 0)
        return; /* a blank row */
    size_t count = r->cells[r->cell_count - 1].col + 1;
    if (count > r->field_cap) {
        size_t cap = r->field_cap;
        xgrow((void **)&r->fields, &cap, count, sizeof *r->fields);
        cap = r->field_cap;
        xgrow((void **)&r->lengths, &cap, count, sizeof *r->lengths);
        cap = r->field_cap;
        xgrow((void **)&r->kinds, &cap, count, sizeof *r->kinds);
        r->field_cap = cap;
    }
    for (size_t i = 0; i < count; i++) {
        r->fields[i] = r->text;
        r->lengths[i] = 0;
        r->kinds[i] = XLSX_CELL_EMPTY;
    }
    for (size_t i = 0; i < r->cell_count; i++) {
        const xlsx_cell *c = &r->cells[i];
        r->fields[c->col] = r->text + c->off;
        r->lengths[c->col] = c->len;
        r->kinds[c->col] = c->kind;
    }
    r->rec_line = r->row;
    r->field_count = count;
    r->row_ready = true;
    XML_StopParser(r->xp, XML_TRUE);
}

/* Elements of the sheet: rows and cells inside <sheetData>; in a cell,
 * <v> (its value) or <is> (its inline string, <t> outside <rPh>). */
static void XMLCALL sheet_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    xlsx_reader *r = ud;
    const char *local = local_name(name);
    if (r->failed)
        return;
    if (!r->in_sheet_data) {
        r->in_sheet_data = strcmp(local, "sheetData") == 0;
    } else if (!r->in_row) {
        if (strcmp(local, "row") == 0)
            row_start(r, atts);
    } else if (!r->in_cell) {
        if (strcmp(local, "c") == 0)
            cell_start(r, atts);
    } else if (strcmp(local, "v") == 0) {
        r->capture = r->cell_type != TYPE_INLINE;
    } else if (strcmp(local, "is") == 0) {
        r->in_is = true;
    } else if (strcmp(local, "rPh") == 0) {
        r->rph_depth++;
    } else if (strcmp(local, "t") == 0) {
        r->capture = r->in_is && r->rph_depth == 0 && r->cell_type == TYPE_INLINE;
    }
}

/* Ends of values, cells (converted), rows (become records). */
static void XMLCALL sheet_end(void *ud, const XML_Char *name)
{
    xlsx_reader *r = ud;
    const char *local = local_name(name);
    if (r->failed || !r->in_sheet_data)
        return;
    if (r->in_cell) {
        if (strcmp(local, "v") == 0 || strcmp(local, "t") == 0) {
            r->capture = false;
        } else if (strcmp(local, "rPh") == 0) {
            r->rph_depth--;
        } else if (strcmp(local, "is") == 0) {
            r->in_is = false;
        } else if (strcmp(local, "c") == 0) {
            r->in_cell = r->capture = false;
            cell_finish(r);
        }
    } else if (r->in_row) {
        if (strcmp(local, "row") == 0)
            row_finish(r);
    } else if (strcmp(local, "sheetData") == 0) {
        r->in_sheet_data = false;
    }
}

/* A cell's raw text, bounded per cell and per row. */
static void XMLCALL sheet_text(void *ud, const XML_Char *s, int len)
{
    xlsx_reader *r = ud;
    if (!r->capture || r->failed)
        return;
    if (r->text_len - r->cell_start + (size_t)len > XLSX_CELL_MAX) {
        fail_cell(r, r->cell_col, "the cell's text is longer than %d MiB",
                  XLSX_CELL_MAX / (1024 * 1024));
        return;
    }
    if (r->text_len + (size_t)len > XLSX_ROW_MAX) {
        fail_cell(r, r->cell_col, "the row's text is longer than %d MiB",
                  XLSX_ROW_MAX / (1024 * 1024));
        return;
    }
    text_add(r, s, (size_t)len);
}

/* Feeds expat the next chunk of the sheet, or lets it resume the one it
 * was suspended in; sets done at the end of the sheet. */
static void sheet_pump(xlsx_reader *r)
{
    enum XML_Status st;
    r->xp = r->sheet_xp;
    r->part = r->sheet_part;
    if (r->suspended) {
        st = XML_ResumeParser(r->xp);
    } else {
        void *buf = XML_GetBuffer(r->xp, (int)r->chunk);
        if (!buf) {
            fail(r, EXIT_SOFTWARE, "%s: out of memory for the XML parser", r->part);
            r->xp = NULL;
            return;
        }
        zip_int64_t n = zip_fread(r->zf, buf, r->chunk);
        if (n < 0) {
            fail(r, EXIT_DATAERR, "damaged workbook: %s: %s", r->part, zip_file_strerror(r->zf));
            r->xp = NULL;
            return;
        }
        r->fed_final = n == 0;
        st = XML_ParseBuffer(r->xp, (int)n, n == 0);
    }
    r->suspended = st == XML_STATUS_SUSPENDED;
    if (st == XML_STATUS_ERROR && !r->failed)
        fail_xml(r, r->xp);
    else if (st == XML_STATUS_OK && r->fed_final)
        r->done = true;
    r->xp = NULL;
}

/* ---- opening ------------------------------------------------------------ */

/* The first bytes of the file (0 when empty); -1 when it cannot be read
 * (reported, EXIT_NOINPUT). */
static int read_magic(const char *path, const char *name, unsigned char magic[8], diag *d)
{
    FILE *f = fopen(path, "rb");
    size_t got = 0;
    if (f) {
        got = fread(magic, 1, 8, f);
        if (ferror(f)) {
            int e = errno;
            fclose(f);
            f = NULL;
            errno = e;
        } else {
            fclose(f);
        }
    }
    if (!f && got == 0) {
        diag_report(d, EXIT_NOINPUT, name, 0, NULL, "cannot open: %s", strerror(errno));
        return -1;
    }
    return (int)got;
}

/* Whether the zip is an OpenDocument file: its "mimetype" member says so. */
static bool package_is_opendocument(xlsx_reader *r, bool *spreadsheet)
{
    static const char prefix[] = "application/vnd.oasis.opendocument.";
    zip_file_t *zf = zip_fopen(r->zip, "mimetype", 0);
    if (!zf) {
        zip_error_clear(r->zip);
        return false;
    }
    char type[80] = "";
    zip_int64_t n = zip_fread(zf, type, sizeof type - 1);
    zip_fclose(zf);
    type[n > 0 ? n : 0] = '\0';
    *spreadsheet = strncmp(type, "application/vnd.oasis.opendocument.spreadsheet", 46) == 0;
    return strncmp(type, prefix, sizeof prefix - 1) == 0;
}

/* Opens the zip; refuses what is not an .xlsx with a message saying what
 * the file is.  False when refused (reported). */
static bool package_open(xlsx_reader *r, const char *path)
{
    unsigned char magic[8];
    int got = read_magic(path, r->name, magic, r->d);
    if (got < 0)
        return false;
    if (got == 0) {
        diag_data(r->d, r->name, 0, NULL, "the file is empty, not an .xlsx workbook");
        return false;
    }
    if (got == 8 && memcmp(magic, ole2_magic, 8) == 0) {
        diag_data(r->d, r->name, 0, NULL,
                  "an Excel 97-2003 workbook (.xls) or an encrypted "
                  "workbook: bilan reads .xlsx; save it as .xlsx (without a password) or CSV");
        return false;
    }
    int err = 0;
    r->zip = zip_open(path, ZIP_RDONLY, &err);
    if (!r->zip) {
        zip_error_t e;
        zip_error_init_with_code(&e, err);
        if (err == ZIP_ER_NOZIP)
            diag_data(r->d, r->name, 0, NULL,
                      "not an .xlsx workbook (not a zip archive): "
                      "save it as .xlsx or CSV");
        else if (err == ZIP_ER_OPEN || err == ZIP_ER_READ)
            diag_report(r->d, EXIT_NOINPUT, r->name, 0, NULL, "cannot open: %s",
                        zip_error_strerror(&e));
        else
            diag_data(r->d, r->name, 0, NULL, "damaged .xlsx workbook: %s", zip_error_strerror(&e));
        zip_error_fini(&e);
        return false;
    }
    bool spreadsheet = false;
    if (package_is_opendocument(r, &spreadsheet)) {
        diag_data(r->d, r->name, 0, NULL, "%s: bilan reads .xlsx; save it as .xlsx or CSV",
                  spreadsheet ? _("an OpenDocument spreadsheet (.ods)")
                              : _("an OpenDocument file, not a workbook"));
        return false;
    }
    return true;
}

/* The workbook part, from the package's relationships (else the usual
 * name).  NULL when refused (reported). */
static char *workbook_find(xlsx_reader *r)
{
    if (part_parse(r, "_rels/.rels", false, rels_start, ignore_end, ignore_text) < 0)
        return NULL;
    const xlsx_rel *rel = rels_by_type(r, "officeDocument");
    char *part = part_resolve("", rel ? rel->target : "xl/workbook.xml");
    rels_clear(r);
    if (ends_with(part, ".bin")) {
        diag_data(r->d, r->name, 0, NULL,
                  "a binary Excel workbook (.xlsb): bilan reads "
                  ".xlsx; save it as .xlsx or CSV");
    } else if (zip_name_locate(r->zip, part, ZIP_FL_NOCASE) < 0) {
        diag_data(r->d, r->name, 0, NULL, "not an .xlsx workbook: it has no %s", part);
    } else {
        return part;
    }
    free(part);
    return NULL;
}

/* Reads a part a relationship of the workbook names, if there is one. */
static int workbook_part(xlsx_reader *r, const char *workbook, const char *kind,
                         XML_StartElementHandler start, XML_EndElementHandler end,
                         XML_CharacterDataHandler text)
{
    const xlsx_rel *rel = rels_by_type(r, kind);
    if (!rel)
        return 0;
    char *part = part_resolve(workbook, rel->target);
    int rc = part_parse(r, part, false, start, end, text);
    free(part);
    return rc < 0 ? -1 : 0;
}

/* Everything before the rows: the workbook, its first worksheet, styles
 * and shared strings; then the sheet's stream.  0 or -1 (reported). */
static int workbook_load(xlsx_reader *r)
{
    char *workbook = workbook_find(r);
    if (!workbook)
        return -1;
    char *rels = part_rels(workbook);
    int rc = part_parse(r, rels, true, rels_start, ignore_end, ignore_text);
    free(rels);
    if (rc == 0)
        rc = part_parse(r, workbook, true, workbook_start, ignore_end, ignore_text);
    if (rc == 0 && !r->sheet_part && !r->hidden_part) {
        fail(r, EXIT_DATAERR, "the workbook has no worksheet");
        rc = -1;
    }
    if (rc == 0)
        rc = workbook_part(r, workbook, "styles", styles_start, styles_end, ignore_text);
    if (rc == 0)
        rc = workbook_part(r, workbook, "sharedStrings", sst_start, sst_end, sst_text);
    rels_clear(r);
    free(workbook);
    if (rc < 0)
        return -1;
    styles_resolve(r);
    if (!r->sheet_part) {
        r->sheet_part = r->hidden_part;
        r->sheet_name = r->hidden_name;
        r->hidden_part = r->hidden_name = NULL;
    }
    bool absent;
    r->zf = part_open(r, r->sheet_part, &absent);
    if (!r->zf) {
        if (absent)
            fail(r, EXIT_DATAERR, "not a complete .xlsx workbook: it has no part %s (sheet '%s')",
                 r->sheet_part, r->sheet_name);
        return -1;
    }
    r->sheet_xp = parser_new(r, sheet_start, sheet_end, sheet_text);
    return 0;
}

xlsx_reader *xlsx_reader_open_chunked(const char *path, const char *name, size_t chunk_size,
                                      diag *d)
{
    xlsx_reader *r = xcalloc(1, sizeof *r);
    r->name = xstrdup(name);
    r->d = d;
    r->chunk = chunk_size ? chunk_size : XLSX_CHUNK;
    if (r->chunk > XLSX_CHUNK)
        r->chunk = XLSX_CHUNK;
    xgrow((void **)&r->text, &r->text_cap, 1, 1);
    r->text[0] = '\0';
    r->text_len = 1;
    if (!package_open(r, path) || workbook_load(r) < 0) {
        xlsx_reader_free(r);
        return NULL;
    }
    return r;
}

/* ---- the interface ------------------------------------------------------ */

xlsx_reader *xlsx_reader_open(const char *path, const char *name, diag *d)
{
    return xlsx_reader_open_chunked(path, name, 0, d);
}

int xlsx_reader_next(xlsx_reader *r, csv_record *rec)
{
    while (!r->row_ready) {
        if (r->failed)
            return -1;
        if (r->done)
            return 0;
        sheet_pump(r);
    }
    r->row_ready = false;
    if (r->failed)
        return -1;
    rec->line = r->rec_line;
    rec->count = r->field_count;
    rec->fields = r->fields;
    rec->lengths = r->lengths;
    return 1;
}

xlsx_cell_kind xlsx_reader_kind(const xlsx_reader *r, size_t field)
{
    return field < r->field_count ? r->kinds[field] : XLSX_CELL_EMPTY;
}

const char *xlsx_reader_sheet(const xlsx_reader *r)
{
    return r->sheet_name;
}

char *xlsx_column_name(size_t field, char buf[16])
{
    char rev[16];
    size_t n = 0;
    for (size_t c = field;; c = c / 26 - 1) {
        rev[n++] = (char)('A' + c % 26);
        if (c < 26 || n == sizeof rev - 1)
            break;
    }
    for (size_t i = 0; i < n; i++)
        buf[i] = rev[n - 1 - i];
    buf[n] = '\0';
    return buf;
}

/* Whether a sheet name needs quotes in a reference, as Excel writes them. */
static bool sheet_needs_quotes(const char *s)
{
    if (is_digit(s[0]))
        return true;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c < 0x80 && !(c == '_' || c == '.' || is_digit((char)c) || (c >= 'A' && c <= 'Z') ||
                          (c >= 'a' && c <= 'z')))
            return true;
    }
    return false;
}

/* Appends s to buf[0..size) at *len, truncating; buf stays terminated. */
static void put(char *buf, size_t size, size_t *len, const char *s)
{
    for (; *s && *len + 1 < size; s++)
        buf[(*len)++] = *s;
    buf[*len] = '\0';
}

char *xlsx_reader_cell(const xlsx_reader *r, size_t line, size_t field, char *buf, size_t size)
{
    size_t len = 0;
    if (size == 0)
        return buf;
    buf[0] = '\0';
    const char *s = r->sheet_name ? r->sheet_name : "";
    bool quote = sheet_needs_quotes(s);
    if (quote)
        put(buf, size, &len, "'");
    for (; *s; s++)
        put(buf, size, &len, *s == '\'' && quote ? "''" : (char[2]){ *s, '\0' });
    if (quote)
        put(buf, size, &len, "'");
    char col[16], ref[48];
    snprintf(ref, sizeof ref, "!%s%zu", xlsx_column_name(field, col), line);
    put(buf, size, &len, ref);
    return buf;
}

char *xlsx_reader_place(const xlsx_reader *r, size_t line, size_t field, char *buf, size_t size)
{
    int n = snprintf(buf, size, "%s:", r->name);
    if (n >= 0 && (size_t)n < size)
        xlsx_reader_cell(r, line, field, buf + n, size - (size_t)n);
    return buf;
}

void xlsx_reader_free(xlsx_reader *r)
{
    if (!r)
        return;
    if (r->sheet_xp)
        XML_ParserFree(r->sheet_xp);
    if (r->zf)
        zip_fclose(r->zf);
    if (r->zip)
        zip_discard(r->zip);
    rels_clear(r);
    free(r->rels);
    free(r->name);
    free(r->sheet_name);
    free(r->sheet_part);
    free(r->hidden_name);
    free(r->hidden_part);
    free(r->fmts);
    free(r->xf_fmt);
    free(r->xf_date);
    free(r->sst);
    free(r->sst_off);
    free(r->text);
    free(r->cells);
    free(r->fields);
    free(r->lengths);
    free(r->kinds);
    free(r);
}

bool xlsx_reader_is_spreadsheet(const char *path)
{
    static const char *const suffixes[] = { ".xlsx", ".xlsm", ".xls", ".ods" };
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++)
        if (ends_with(path, suffixes[i]))
            return true;
    unsigned char magic[4] = { 0 };
    const char *why;
    FILE *f = open_regular(path, &why); /* a FIFO would wait for a writer */
    if (!f)
        return false;
    size_t got = fread(magic, 1, sizeof magic, f);
    fclose(f);
    return got == 4 && (memcmp(magic, "PK\3\4", 4) == 0 || memcmp(magic, ole2_magic, 4) == 0);
}
