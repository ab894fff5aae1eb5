/* pdf_draw.c - libharu behind a small drawing interface.
 *
 * libharu 2.3.0 specifics handled here: UTF-8 text needs
 * HPDF_UseUTFEncodings and the "UTF-8" encoder set as current before any
 * info string; TrueType faces are embedded (libharu writes only the glyphs
 * used); glyphs outside the Basic Multilingual Plane cannot be shown; the
 * ToUnicode map of a UTF-8 font is libharu's CID map, replaced by the
 * identity map (fix_to_unicode).
 *
 * Speed: libharu's UTF-8 (Type0) font maps all 65,536 code points through
 * the font's cmap when it is created, some 50 million instructions a face.
 * So a face is used as a Windows-1252 TrueType font (cheap) for every text
 * that encoding holds, and its UTF-8 font is created only for a text with
 * another character; both are created on first use, so an unused face
 * costs nothing.  Windows-1252 has no U+202F (narrow no-break space, the
 * French thousands separator): there it is drawn as a gap of its width.
 * A face without U+202F gets U+00A0 instead.  Each text takes one path,
 * the same in measuring and drawing, so widths always match what is
 * drawn.  Consecutive texts share one text object, and the font and
 * colour are set only when they change: smaller pages to write and
 * compress.
 *
 * Every script: a text outside Windows-1252 is cut into pieces, each in
 * the first font that has its characters: the face's own, then the
 * fallback fonts added for it (pdf_draw_add_fallback, found through
 * fontconfig); a character no font has is drawn by the face (a box) and
 * recorded with the source the caller set, for a warning
 * (pdf_draw_missing); so is one beyond U+FFFF, drawn as "?".  libharu's
 * subsets lose composite glyphs' parts: put back when saving
 * (pdf_glyphs.c).
 *
 * Measures: a section laid out dry (to learn its height) and then for
 * real would be measured twice; from a dry layout on, every width libharu
 * gives is remembered by font and bytes (pdf_memo.c: bounded, for one
 * section's texts) until the caller says the section is drawn
 * (pdf_draw_forget_widths).  Drawing a text cut in pieces (by U+202F or
 * by fonts) places each piece after the one before, whose width it needs:
 * the pieces but a text's last are remembered apart when measured (a
 * memo of the same bound, emptied when full: the latest matter), so that
 * drawing a text measured before measures nothing. */
#include "pdf/pdf_draw.h"
#include "pdf/pdf_draw_test.h"
#include "pdf/pdf_glyphs.h"
#include "pdf/pdf_memo.h"
#include "pdf/pdf_png.h"
#include "lib/i18n.h"
#include "lib/xalloc.h"

#include <errno.h>
#include <hpdf.h>
#include <hpdf_font.h> /* libharu's internal font record: fix_to_unicode */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { FALLBACK_MAX = 6 };

/* A loaded TrueType file as a UTF-8 font, with what it has. */
typedef struct draw_font {
    const char *name;           /* libharu's name of the loaded file, or NULL */
    HPDF_Font font;             /* created on first need */
    unsigned char *known, *has; /* bitmaps over the BMP: looked up, has a glyph */
} draw_font;

typedef struct pdf_face {
    const char *name;  /* libharu's name of the loaded file, or NULL */
    HPDF_Font latin;   /* Windows-1252, created on first use */
    draw_font unicode; /* the same file as UTF-8 */
    draw_font fallback[FALLBACK_MAX];
    size_t fallback_count;
    bool has_nnbsp;
    double nnbsp_width; /* U+202F, in thousandths of the size */
    bool space_known;
    double space_width; /* a space, in thousandths of the size: measured once */
} pdf_face;

/* A piece of a text in one font: bytes [at, at + len) of the buffer. */
typedef struct draw_piece {
    HPDF_Font font;
    bool latin; /* Windows-1252, with GAP bytes */
    size_t at, len;
} draw_piece;

typedef struct draw_image {
    char *path;
    HPDF_Image image;
} draw_image;

typedef struct draw_link {
    HPDF_Page page;
    HPDF_Rect rect;
    size_t target;
} draw_link;

typedef struct draw_anchor {
    HPDF_Page page;
    double y;
    size_t target;
} draw_anchor;

struct pdf_draw {
    HPDF_Doc doc;
    HPDF_Page page;
    pdf_face faces[PDF_FACE_COUNT];
    bool dry;
    /* the page's state: a text object stays open across texts, the font
     * and fill colour are set only when they change */
    bool in_text, fill_set;
    HPDF_Font font;
    double size;
    pdf_color fill;
    HPDF_STATUS error, detail; /* the first libharu error */
    bool reported;
    diag *d;
    HPDF_Outline *outlines;
    size_t outline_count, outline_cap;
    char *buf; /* normalised text: the pieces, each NUL-ended */
    size_t buf_cap;
    draw_piece *pieces;
    size_t piece_count, piece_cap;
    const char *src_file; /* where the text drawn comes from */
    size_t src_line;
    pdf_missing *missing; /* characters no font has, first source */
    size_t missing_count, missing_cap;
    unsigned char missing_seen[8192]; /* BMP characters in missing */
    draw_image *images;
    size_t image_count, image_cap;
    draw_link *links; /* to anchors, made when the document is saved */
    size_t link_count, link_cap;
    draw_anchor *anchors;
    size_t anchor_count, anchor_cap;
    HPDF_Page *pages; /* every page added, to go back to one */
    size_t page_count, page_cap;
    bool remember;                    /* widths kept from a dry layout on (pdf_draw_set_dry) */
    pdf_memo widths;                  /* until pdf_draw_forget_widths: bounded */
    pdf_memo piece_widths;            /* of texts' pieces but the last, for drawing them */
    pdf_draw_measured_fn *on_measure; /* the test hook (pdf_draw_test.h) */
    void *on_measure_ctx;
};

static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void *user)
{
    pdf_draw *w = user;
    if (w->error == 0) {
        w->error = error;
        w->detail = detail;
    }
}

pdf_draw *pdf_draw_new(diag *d)
{
    pdf_draw *w = xcalloc(1, sizeof *w);
    w->d = d;
    w->doc = HPDF_New(on_error, w);
    if (!w->doc) {
        diag_report(d, EXIT_SOFTWARE, NULL, 0, NULL, "cannot create a PDF document");
        free(w);
        return NULL;
    }
    /* these fail only when libharu's allocation does, which it does not
     * always report through on_error: a document without its encoder
     * would fail later, as a font that cannot be loaded */
    HPDF_STATUS rc = HPDF_UseUTFEncodings(w->doc);
    if (rc == HPDF_OK)
        rc = HPDF_SetCurrentEncoder(w->doc, "UTF-8");
    if (rc == HPDF_OK)
        rc = HPDF_SetCompressionMode(w->doc, HPDF_COMP_ALL);
    if (rc == HPDF_OK)
        rc = HPDF_SetPageMode(w->doc, HPDF_PAGE_MODE_USE_OUTLINE);
    if (rc != HPDF_OK) {
        diag_report(d, EXIT_SOFTWARE, NULL, 0, NULL,
                    "cannot create a PDF document (PDF library error 0x%04X)", (unsigned)rc);
        pdf_draw_free(w);
        return NULL;
    }
    return w;
}

void pdf_draw_free(pdf_draw *w)
{
    if (!w)
        return;
    HPDF_Free(w->doc);
    for (size_t i = 0; i < w->image_count; i++)
        free(w->images[i].path);
    free(w->images);
    free(w->links);
    free(w->anchors);
    free(w->pages);
    free(w->outlines);
    free(w->buf);
    free(w->pieces);
    free(w->missing);
    pdf_memo_free(&w->widths);
    pdf_memo_free(&w->piece_widths);
    for (int f = 0; f < PDF_FACE_COUNT; f++) {
        pdf_face *face = &w->faces[f];
        free(face->unicode.known);
        free(face->unicode.has);
        for (size_t k = 0; k < face->fallback_count; k++) {
            free(face->fallback[k].known);
            free(face->fallback[k].has);
        }
    }
    free(w);
}

bool pdf_draw_failed(pdf_draw *w)
{
    if (w->error == 0)
        return false;
    if (!w->reported)
        diag_report(w->d, EXIT_SOFTWARE, NULL, 0, NULL, "PDF library error 0x%04X (detail %u)",
                    (unsigned)w->error, (unsigned)w->detail);
    w->reported = true;
    return true;
}

/* Whether face has a glyph for cp: a missing glyph measures as .notdef,
 * which is what U+FFFF (never a character) gets. */
static bool face_has(HPDF_Font font, HPDF_UNICODE cp)
{
    return HPDF_Font_GetUnicodeWidth(font, cp) != HPDF_Font_GetUnicodeWidth(font, 0xFFFF);
}

/* The exit status for libharu's error, otherwise when it is not out of
 * memory (HPDF_FAILD_TO_ALLOC_MEM, or a file it could not open for want
 * of memory: err is errno after the call). */
static int error_status(const pdf_draw *w, int err, int otherwise)
{
    return w->error == HPDF_FAILD_TO_ALLOC_MEM || err == ENOMEM ? EXIT_SOFTWARE : otherwise;
}

/* The file is read and checked now; its fonts are made when first used. */
int pdf_draw_load_face(pdf_draw *w, int face, const char *path)
{
    errno = 0;
    const char *name = HPDF_LoadTTFontFromFile(w->doc, path, HPDF_TRUE);
    if (!name) {
        diag_report(w->d, error_status(w, errno, EXIT_NOINPUT), path, 0, NULL,
                    "cannot load this TrueType font (PDF library error 0x%04X)",
                    (unsigned)w->error);
        w->reported = true;
        return -1;
    }
    w->faces[face] = (pdf_face){ .name = name, .unicode = { .name = name } };
    return 0;
}

/* Whether the file is a TrueType collection (.ttc: "ttcf"), which
 * libharu reads with an index. */
static bool is_collection(const char *path)
{
    FILE *f = fopen(path, "rb");
    char head[4] = { 0 };
    size_t got = f ? fread(head, 1, sizeof head, f) : 0;
    if (f)
        fclose(f);
    return got == 4 && memcmp(head, "ttcf", 4) == 0;
}

int pdf_draw_add_fallback(pdf_draw *w, int face, const char *path, unsigned index)
{
    pdf_face *f = &w->faces[face];
    if (f->fallback_count == FALLBACK_MAX)
        return -1;
    HPDF_STATUS before = w->error;
    const char *name = is_collection(path)
                           ? HPDF_LoadTTFontFromFile2(w->doc, path, index, HPDF_TRUE)
                           : HPDF_LoadTTFontFromFile(w->doc, path, HPDF_TRUE);
    if (!name) { /* a font libharu cannot embed: skipped */
        HPDF_ResetError(w->doc);
        w->error = before;
        return -1;
    }
    for (size_t k = 0; k < f->fallback_count; k++)
        if (strcmp(f->fallback[k].name, name) == 0)
            return 0;
    f->fallback[f->fallback_count++] = (draw_font){ .name = name };
    return 0;
}

void pdf_draw_set_source(pdf_draw *w, const char *file, size_t line)
{
    w->src_file = file;
    w->src_line = line;
}

size_t pdf_draw_missing(const pdf_draw *w, const pdf_missing **list)
{
    *list = w->missing;
    return w->missing_count;
}

void pdf_draw_forget_missing(pdf_draw *w)
{
    w->missing_count = 0;
    memset(w->missing_seen, 0, sizeof w->missing_seen);
}

/* Whether cp belongs to a right-to-left script (Hebrew, Arabic, Syriac,
 * Thaana, N'Ko and their presentation forms). */
static bool is_rtl(uint32_t cp)
{
    return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) ||
           (cp >= 0xFE70 && cp <= 0xFEFF);
}

/* Records cp as shown by no font (or, rtl, shown left to right), with the
 * current source, once. */
static void record(pdf_draw *w, uint32_t cp, bool rtl)
{
    if (cp <= 0xFFFF && (w->missing_seen[cp >> 3] & (1u << (cp & 7))))
        return;
    for (size_t i = 0; cp > 0xFFFF && i < w->missing_count; i++)
        if (w->missing[i].cp == cp)
            return;
    if (cp <= 0xFFFF)
        w->missing_seen[cp >> 3] |= (unsigned char)(1u << (cp & 7));
    xgrow((void **)&w->missing, &w->missing_cap, w->missing_count + 1, sizeof *w->missing);
    w->missing[w->missing_count++] = (pdf_missing){ cp, w->src_file, w->src_line, rtl };
}

static void record_missing(pdf_draw *w, uint32_t cp)
{
    record(w, cp, false);
}

/* The face's Windows-1252 font, made on first use; NULL when not loaded. */
static HPDF_Font latin_font(pdf_draw *w, int face)
{
    pdf_face *f = &w->faces[face];
    if (!f->latin && f->name && (f->latin = HPDF_GetFont(w->doc, f->name, "CP1252"))) {
        f->has_nnbsp = face_has(f->latin, 0x202F);
        f->nnbsp_width = HPDF_Font_GetUnicodeWidth(f->latin, 0x202F);
    }
    return f->latin;
}

/* Writes the identity ToUnicode CMap of 2-byte codes into stream: code
 * U+XXXX is the character U+XXXX.  bfrange entries keep their first byte
 * (256 ranges, at most 100 in a block); surrogates map to nothing. */
static HPDF_STATUS write_identity_cmap(HPDF_Stream s)
{
    HPDF_STATUS rc = HPDF_Stream_WriteStr(
        s, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
           "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
           "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
           "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    static const int blocks[][2] = { { 0x00, 0x64 }, { 0x64, 0xC8 }, { 0xC8, 0x100 } };
    for (int b = 0; b < 3 && rc == HPDF_OK; b++) {
        int n = 0;
        for (int hi = blocks[b][0]; hi < blocks[b][1]; hi++)
            n += hi < 0xD8 || hi > 0xDF;
        char line[64];
        snprintf(line, sizeof line, "%d beginbfrange\n", n);
        rc = HPDF_Stream_WriteStr(s, line);
        for (int hi = blocks[b][0]; hi < blocks[b][1] && rc == HPDF_OK; hi++) {
            if (hi >= 0xD8 && hi <= 0xDF)
                continue;
            snprintf(line, sizeof line, "<%02X00> <%02XFF> <%02X00>\n", hi, hi, hi);
            rc = HPDF_Stream_WriteStr(s, line);
        }
        if (rc == HPDF_OK)
            rc = HPDF_Stream_WriteStr(s, "endbfrange\n");
    }
    if (rc == HPDF_OK)
        rc = HPDF_Stream_WriteStr(s, "endcmap\nCMapName currentdict /CMap defineresource pop\n"
                                     "end\nend\n");
    return rc;
}

/* libharu 2.3.0 gives its UTF-8 (Identity-H) font the encoder's CID CMap
 * as /ToUnicode ("begincidrange": not a ToUnicode CMap, which poppler
 * reports as a syntax error).  Its codes are the characters' UCS-2 values
 * (the CIDToGIDMap is built from them), so the identity map is right: the
 * stream is rewritten in place, through libharu's internal font record
 * (hpdf_font.h; its Type0 font keeps that stream as cmap_stream). */
static void fix_to_unicode(pdf_draw *w, HPDF_Font font)
{
    HPDF_FontAttr attr = font ? (HPDF_FontAttr)font->attr : NULL;
    HPDF_Dict cmap = attr ? attr->cmap_stream : NULL;
    if (!cmap || !cmap->stream || HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT) != cmap)
        return; /* not the layout this is written for */
    HPDF_MemStream_FreeData(cmap->stream);
    HPDF_Dict info = HPDF_Dict_New(cmap->mmgr);
    HPDF_STATUS rc = info ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM;
    if (rc == HPDF_OK)
        rc = HPDF_Dict_Add(info, "Registry", HPDF_String_New(cmap->mmgr, "Adobe", NULL));
    if (rc == HPDF_OK)
        rc = HPDF_Dict_Add(info, "Ordering", HPDF_String_New(cmap->mmgr, "UCS", NULL));
    if (rc == HPDF_OK)
        rc = HPDF_Dict_AddNumber(info, "Supplement", 0);
    if (rc == HPDF_OK)
        rc = HPDF_Dict_Add(cmap, "CIDSystemInfo", info);
    if (rc == HPDF_OK)
        rc = HPDF_Dict_AddName(cmap, "CMapName", "Adobe-Identity-UCS");
    if (rc == HPDF_OK)
        rc = write_identity_cmap(cmap->stream);
    if (rc != HPDF_OK && w->error == 0)
        w->error = rc;
}

/* f's UTF-8 font, made on first need (NULL when not loaded). */
static HPDF_Font unicode_font(pdf_draw *w, draw_font *f)
{
    if (!f->font && f->name) {
        f->font = HPDF_GetFont(w->doc, f->name, "UTF-8");
        fix_to_unicode(w, f->font);
    }
    return f->font;
}

/* Whether f has a glyph for BMP character cp (looked up once). */
static bool font_has(pdf_draw *w, draw_font *f, uint32_t cp)
{
    if (!f->name || cp > 0xFFFF)
        return false;
    if (!f->known) {
        f->known = xcalloc(8192, 1);
        f->has = xcalloc(8192, 1);
    }
    unsigned char bit = (unsigned char)(1u << (cp & 7));
    if (!(f->known[cp >> 3] & bit)) {
        HPDF_FontDef def = HPDF_GetFontDef(w->doc, f->name);
        f->known[cp >> 3] |= bit;
        if (def && pdf_glyphs_has(def, (unsigned)cp))
            f->has[cp >> 3] |= bit;
    }
    return (f->has[cp >> 3] & bit) != 0;
}

void pdf_draw_set_info(pdf_draw *w, const pdf_info *info)
{
    if (info->title)
        HPDF_SetInfoAttr(w->doc, HPDF_INFO_TITLE, info->title);
    if (info->author)
        HPDF_SetInfoAttr(w->doc, HPDF_INFO_AUTHOR, info->author);
    if (info->subject)
        HPDF_SetInfoAttr(w->doc, HPDF_INFO_SUBJECT, info->subject);
    if (info->keywords)
        HPDF_SetInfoAttr(w->doc, HPDF_INFO_KEYWORDS, info->keywords);
    HPDF_SetInfoAttr(w->doc, HPDF_INFO_CREATOR, "bilan");
    struct tm tm;
    time_t t = info->timestamp;
    if (!gmtime_r(&t, &tm))
        return;
    HPDF_Date date = { tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                       tm.tm_sec,         'Z',           0,          0 };
    HPDF_SetInfoDateAttr(w->doc, HPDF_INFO_CREATION_DATE, date);
    HPDF_SetInfoDateAttr(w->doc, HPDF_INFO_MOD_DATE, date);
}

void pdf_draw_set_dry(pdf_draw *w, bool dry)
{
    w->dry = dry;
    w->remember |= dry;
}

void pdf_draw_forget_widths(pdf_draw *w)
{
    pdf_memo_clear(&w->widths);
    w->remember = false;
}

bool pdf_draw_is_dry(const pdf_draw *w)
{
    return w->dry;
}

/* Decodes one UTF-8 sequence at s (valid UTF-8 is assumed, anything else
 * is taken byte by byte); returns its length. */
static size_t utf8_next(const unsigned char *s, size_t len, uint32_t *cp)
{
    size_t n = s[0] < 0x80 ? 1 : s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 1;
    if (n > len)
        n = 1;
    *cp = n == 1 ? s[0] : s[0] & (0x7F >> n);
    for (size_t i = 1; i < n; i++)
        *cp = (*cp << 6) | (s[i] & 0x3F);
    return n;
}

#define GAP '\x01' /* U+202F in a Windows-1252 text: a gap of its width */

/* The Windows-1252 byte of cp, 0 when that encoding has none. */
static unsigned char cp1252_byte(uint32_t cp)
{
    static const uint16_t high[32] = {
        /* 0x80 .. 0x9F */
        0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178
    };
    if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF))
        return (unsigned char)cp;
    for (int i = 0; i < 32; i++)
        if (high[i] == cp)
            return (unsigned char)(0x80 + i);
    return 0;
}

/* Copies text into w->buf in Windows-1252 for face: U+202F -> GAP (or
 * U+00A0 when the face lacks it), control characters -> '?'.  False when
 * another character is not in Windows-1252. */
static bool to_latin(pdf_draw *w, int face, const char *text, size_t len)
{
    xgrow((void **)&w->buf, &w->buf_cap, len + 1, 1);
    size_t out = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += utf8_next((const unsigned char *)text + i, len - i, &cp);
        unsigned char byte = cp == 0x202F ? (w->faces[face].has_nnbsp ? GAP : 0xA0)
                             : cp < 0x20  ? '?'
                                          : cp1252_byte(cp);
        if (!byte)
            return false;
        w->buf[out++] = (char)byte;
    }
    w->buf[out] = '\0';
    return true;
}

/* The font of face that shows cp: the face's own, else the first fallback
 * that has it; -1 when none has it (the face shows a box). */
static int font_for(pdf_draw *w, pdf_face *f, uint32_t cp)
{
    if (font_has(w, &f->unicode, cp))
        return 0;
    for (size_t k = 0; k < f->fallback_count; k++)
        if (font_has(w, &f->fallback[k], cp))
            return (int)k + 1;
    return -1;
}

/* Starts a piece in font at the buffer's end (out). */
static void add_piece(pdf_draw *w, HPDF_Font font, bool latin, size_t out)
{
    xgrow((void **)&w->pieces, &w->piece_cap, w->piece_count + 1, sizeof *w->pieces);
    w->pieces[w->piece_count++] = (draw_piece){ font, latin, out, 0 };
}

/* Cuts text into pieces in the UTF-8 fonts of face and its fallbacks, their
 * bytes in w->buf: U+202F -> U+00A0 where the face lacks it, control
 * characters -> '?', characters beyond U+FFFF -> '?' (recorded), a
 * character no font has -> the face's box (recorded). */
static void to_unicode(pdf_draw *w, int face, const char *text, size_t len)
{
    pdf_face *f = &w->faces[face];
    xgrow((void **)&w->buf, &w->buf_cap, 2 * len + 2, 1);
    size_t out = 0;
    int current = -2;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = utf8_next((const unsigned char *)text + i, len - i, &cp), step = n;
        const char *bytes = text + i;
        if (cp == 0x202F && !f->has_nnbsp)
            cp = 0xA0, bytes = "\xc2\xa0", n = 2;
        else if (cp > 0xFFFF || cp < 0x20) {
            if (cp > 0xFFFF)
                record_missing(w, cp);
            cp = '?', bytes = "?", n = 1;
        }
        int k = font_for(w, f, cp);
        if (k < 0) {
            record_missing(w, cp);
            k = 0;
        } else if (is_rtl(cp)) {
            record(w, cp, true);
        }
        if (k != current) {
            if (current != -2)
                w->buf[out++] = '\0';
            add_piece(w, unicode_font(w, k ? &f->fallback[k - 1] : &f->unicode), false, out);
            current = k;
        }
        memcpy(w->buf + out, bytes, n);
        out += n;
        w->pieces[w->piece_count - 1].len += n;
        i += step;
    }
    w->buf[out] = '\0';
}

/* Cuts text into the pieces that show it (w->pieces, w->buf): one piece
 * in the face's Windows-1252 font when that encoding holds it.  False
 * when the face is not loaded or libharu failed. */
static bool prepare(pdf_draw *w, int face, const char *text, size_t len)
{
    w->piece_count = 0;
    HPDF_Font font = latin_font(w, face);
    if (!font)
        return false;
    if (to_latin(w, face, text, len)) {
        add_piece(w, font, true, 0);
        w->pieces[0].len = strlen(w->buf);
        return true;
    }
    to_unicode(w, face, text, len);
    for (size_t i = 0; i < w->piece_count; i++)
        if (!w->pieces[i].font)
            return false;
    return true;
}

/* Width of s[0..len) (bytes of font's encoding) in thousandths of the
 * size, from libharu: the one place it is asked for a width. */
static double measure(pdf_draw *w, int face, HPDF_Font font, const char *s, size_t len)
{
    if (w->on_measure)
        w->on_measure(w->on_measure_ctx, face, s, len);
    return HPDF_Font_TextWidth(font, (const HPDF_BYTE *)s, (HPDF_UINT)len).width;
}

/* units for a width that may be remembered: found, or measured and
 * remembered. */
static double remembered(pdf_draw *w, int face, HPDF_Font font, const char *s, size_t len,
                         bool piece)
{
    pdf_memo_key k = pdf_memo_key_of(font, s, len);
    bool known = false;
    double *width = w->remember ? pdf_memo_add(&w->widths, &k, &known) : NULL, *as_piece = NULL;
    if (known)
        return *width;
    if (piece && !(as_piece = pdf_memo_add(&w->piece_widths, &k, &known))) {
        pdf_memo_clear(&w->piece_widths); /* full: the latest pieces are drawn next */
        as_piece = pdf_memo_add(&w->piece_widths, &k, &known);
    }
    double measured = known ? *as_piece : measure(w, face, font, s, len);
    if (width)
        *width = measured;
    if (as_piece)
        *as_piece = measured;
    return measured;
}

/* Width of s[0..len) (bytes of font's encoding) in thousandths of the
 * size, measured unless remembered: from a dry layout on, or for a piece
 * of a text but its last (piece), which drawing the text places the next
 * piece after.  Only the question is saved: the text was prepared as
 * always (its fonts made, its missing characters recorded), and libharu
 * marked its glyphs used when it was measured. */
static double units(pdf_draw *w, int face, HPDF_Font font, const char *s, size_t len, bool piece)
{
    if (!len)
        return 0;
    if (!w->remember && !piece)
        return measure(w, face, font, s, len);
    return remembered(w, face, font, s, len, piece);
}

void pdf_draw_on_measure(pdf_draw *w, pdf_draw_measured_fn *fn, void *ctx)
{
    w->on_measure = fn;
    w->on_measure_ctx = ctx;
}

/* Width of piece p in thousandths of the size: a Windows-1252 piece's
 * GAP bytes are U+202F's width.  Its parts are measured as drawing cuts
 * them, each but the text's last remembered for drawing (units). */
static double piece_units(pdf_draw *w, int face, const draw_piece *p, bool last)
{
    const char *s = w->buf + p->at, *end = s + p->len, *gap;
    double total = 0;
    while (p->latin && (gap = memchr(s, GAP, (size_t)(end - s)))) {
        total += units(w, face, p->font, s, (size_t)(gap - s), true) + w->faces[face].nnbsp_width;
        s = gap + 1;
    }
    return total + units(w, face, p->font, s, (size_t)(end - s), !last);
}

double pdf_draw_width(pdf_draw *w, int face, double size, const char *text, size_t len)
{
    if (!len || !prepare(w, face, text, len))
        return 0;
    double total = 0;
    for (size_t i = 0; i < w->piece_count; i++)
        total += piece_units(w, face, &w->pieces[i], i + 1 == w->piece_count);
    return total * size / 1000.0;
}

double pdf_draw_space_width(pdf_draw *w, int face, double size)
{
    pdf_face *f = &w->faces[face];
    if (!f->space_known) {
        HPDF_Font font = latin_font(w, face);
        if (!font)
            return 0;
        f->space_width = units(w, face, font, " ", 1, false);
        f->space_known = true;
    }
    return f->space_width * size / 1000.0;
}

static void end_text(pdf_draw *w)
{
    if (w->in_text && w->page)
        HPDF_Page_EndText(w->page);
    w->in_text = false;
}

void pdf_draw_page(pdf_draw *w, double width, double height)
{
    if (w->dry)
        return;
    end_text(w);
    w->fill_set = false;
    w->font = NULL;
    w->page = HPDF_AddPage(w->doc);
    if (!w->page)
        return;
    xgrow((void **)&w->pages, &w->page_cap, w->page_count + 1, sizeof *w->pages);
    w->pages[w->page_count++] = w->page;
    HPDF_Page_SetWidth(w->page, (HPDF_REAL)width);
    HPDF_Page_SetHeight(w->page, (HPDF_REAL)height);
}

size_t pdf_draw_page_index(const pdf_draw *w)
{
    return w->dry || !w->page ? 0 : w->page_count;
}

void pdf_draw_revisit(pdf_draw *w, size_t index)
{
    if (w->dry || index == 0 || index > w->page_count)
        return;
    end_text(w);
    w->fill_set = false;
    w->font = NULL;
    w->page = w->pages[index - 1];
}

static bool can_draw(const pdf_draw *w)
{
    return !w->dry && w->page;
}

/* Lines and shapes are drawn outside a text object. */
static bool can_paint(pdf_draw *w)
{
    if (!can_draw(w))
        return false;
    end_text(w);
    return true;
}

static void set_fill(pdf_draw *w, pdf_color c)
{
    if (w->fill_set && w->fill.r == c.r && w->fill.g == c.g && w->fill.b == c.b)
        return;
    HPDF_Page_SetRGBFill(w->page, (HPDF_REAL)c.r, (HPDF_REAL)c.g, (HPDF_REAL)c.b);
    w->fill = c;
    w->fill_set = true;
}

/* Piece p at (x, y); returns x after it when another piece follows
 * (more), else x: the last piece is not measured, the others only when
 * pdf_draw_width did not (units). */
static double draw_piece_at(pdf_draw *w, int face, double size, const draw_piece *p, double x,
                            double y, bool more)
{
    if (p->font != w->font || size != w->size)
        HPDF_Page_SetFontAndSize(w->page, p->font, (HPDF_REAL)size);
    w->font = p->font;
    w->size = size;
    char *s = w->buf + p->at, *gap;
    while (p->latin && (gap = strchr(s, GAP))) { /* pieces around each U+202F */
        *gap = '\0';
        if (*s)
            HPDF_Page_TextOut(w->page, (HPDF_REAL)x, (HPDF_REAL)y, s);
        x += (units(w, face, p->font, s, strlen(s), true) + w->faces[face].nnbsp_width) * size /
             1000.0;
        s = gap + 1;
    }
    if (*s)
        HPDF_Page_TextOut(w->page, (HPDF_REAL)x, (HPDF_REAL)y, s);
    return more ? x + units(w, face, p->font, s, strlen(s), true) * size / 1000.0 : x;
}

void pdf_draw_text(pdf_draw *w, int face, double size, pdf_color color, double x, double y,
                   const char *text, size_t len)
{
    if (!can_draw(w) || !len || !prepare(w, face, text, len))
        return;
    if (!w->in_text)
        HPDF_Page_BeginText(w->page);
    w->in_text = true;
    set_fill(w, color);
    for (size_t i = 0; i < w->piece_count; i++)
        x = draw_piece_at(w, face, size, &w->pieces[i], x, y, i + 1 < w->piece_count);
}

void pdf_draw_line(pdf_draw *w, double x0, double y0, double x1, double y1, double line_width,
                   pdf_color color)
{
    if (!can_paint(w))
        return;
    HPDF_Page_SetLineWidth(w->page, (HPDF_REAL)line_width);
    HPDF_Page_SetRGBStroke(w->page, (HPDF_REAL)color.r, (HPDF_REAL)color.g, (HPDF_REAL)color.b);
    HPDF_Page_MoveTo(w->page, (HPDF_REAL)x0, (HPDF_REAL)y0);
    HPDF_Page_LineTo(w->page, (HPDF_REAL)x1, (HPDF_REAL)y1);
    HPDF_Page_Stroke(w->page);
}

void pdf_draw_rect(pdf_draw *w, double x, double y, double width, double height,
                   const pdf_color *fill, const pdf_color *stroke)
{
    if ((!fill && !stroke) || !can_paint(w))
        return;
    if (fill)
        set_fill(w, *fill);
    if (stroke) {
        HPDF_Page_SetLineWidth(w->page, 0.5f);
        HPDF_Page_SetRGBStroke(w->page, (HPDF_REAL)stroke->r, (HPDF_REAL)stroke->g,
                               (HPDF_REAL)stroke->b);
    }
    HPDF_Page_Rectangle(w->page, (HPDF_REAL)x, (HPDF_REAL)y, (HPDF_REAL)width, (HPDF_REAL)height);
    if (fill && stroke)
        HPDF_Page_FillStroke(w->page);
    else if (fill)
        HPDF_Page_Fill(w->page);
    else
        HPDF_Page_Stroke(w->page);
}

void pdf_draw_hatch(pdf_draw *w, double x, double y, double width, double height, double spacing,
                    pdf_color color)
{
    if (width <= 0 || height <= 0 || spacing <= 0 || !can_paint(w))
        return;
    HPDF_Page_GSave(w->page);
    HPDF_Page_Rectangle(w->page, (HPDF_REAL)x, (HPDF_REAL)y, (HPDF_REAL)width, (HPDF_REAL)height);
    HPDF_Page_Clip(w->page);
    HPDF_Page_EndPath(w->page);
    HPDF_Page_SetLineWidth(w->page, 0.6f);
    HPDF_Page_SetRGBStroke(w->page, (HPDF_REAL)color.r, (HPDF_REAL)color.g, (HPDF_REAL)color.b);
    /* Lines at 45 degrees: x - y = c for c across the rectangle. */
    for (double c = -height; c < width; c += spacing) {
        HPDF_Page_MoveTo(w->page, (HPDF_REAL)(x + c), (HPDF_REAL)y);
        HPDF_Page_LineTo(w->page, (HPDF_REAL)(x + c + height), (HPDF_REAL)(y + height));
    }
    HPDF_Page_Stroke(w->page);
    HPDF_Page_GRestore(w->page);
}

size_t pdf_draw_bookmark(pdf_draw *w, size_t parent, const char *title, double y)
{
    if (!can_draw(w))
        return 0;
    HPDF_Outline up = parent && parent <= w->outline_count ? w->outlines[parent - 1] : NULL;
    HPDF_Outline o = HPDF_CreateOutline(w->doc, up, title, HPDF_GetEncoder(w->doc, "UTF-8"));
    if (!o)
        return 0;
    HPDF_Destination dst = HPDF_Page_CreateDestination(w->page);
    if (dst) {
        HPDF_Destination_SetFitH(dst, (HPDF_REAL)y);
        HPDF_Outline_SetDestination(o, dst);
    }
    HPDF_Outline_SetOpened(o, HPDF_FALSE);
    xgrow((void **)&w->outlines, &w->outline_cap, w->outline_count + 1, sizeof *w->outlines);
    w->outlines[w->outline_count++] = o;
    return w->outline_count;
}

/* ---- images ------------------------------------------------------------ */

/* libharu 2.3.0 leaves a PNG's transparency mask (its SMask) uncompressed:
 * it is compressed as the image is. */
static void compress_mask(HPDF_Image image)
{
    HPDF_Dict mask = HPDF_Dict_GetItem(image, "SMask", HPDF_OCLASS_DICT);
    if (mask && image->filter == HPDF_STREAM_FILTER_FLATE_DECODE)
        mask->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
}

/* Whether the file starts as a PNG does (1; else 0: it is taken for a
 * JPEG), or -1 with errno set when it cannot be opened or read. */
static int is_png(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    unsigned char head[4] = { 0 };
    size_t got = fread(head, 1, sizeof head, f);
    int err = ferror(f) ? (errno ? errno : EIO) : 0;
    fclose(f);
    errno = err;
    return err ? -1 : got == 4 && memcmp(head, "\x89PNG", 4) == 0;
}

int pdf_draw_image_load(pdf_draw *w, const char *path, double *px_width, double *px_height,
                        const char **why)
{
    size_t i = 0;
    while (i < w->image_count && strcmp(w->images[i].path, path) != 0)
        i++;
    if (i == w->image_count) {
        HPDF_STATUS before = w->error;
        int png = is_png(path);
        if (png < 0) {
            *why = strerror(errno);
            return -2;
        }
        if (png && (*why = pdf_png_check(path)) != NULL)
            return errno ? -2 : -1; /* libpng would abort the program */
        HPDF_Image image = png ? HPDF_LoadPngImageFromFile(w->doc, path)
                               : HPDF_LoadJpegImageFromFile(w->doc, path);
        if (!image) { /* the caller reports it, where it was named */
            bool unreadable = HPDF_GetError(w->doc) == HPDF_FILE_OPEN_ERROR ||
                              HPDF_GetError(w->doc) == HPDF_FILE_IO_ERROR;
            *why = unreadable ? N_("it cannot be opened or read")
                   : png      ? N_("the PDF library cannot read it")
                              : N_("it is not a JPEG it can read");
            HPDF_ResetError(w->doc);
            w->error = before;
            return unreadable ? -2 : -1;
        }
        compress_mask(image);
        xgrow((void **)&w->images, &w->image_cap, w->image_count + 1, sizeof *w->images);
        w->images[w->image_count++] = (draw_image){ xstrdup(path), image };
    }
    *px_width = HPDF_Image_GetWidth(w->images[i].image);
    *px_height = HPDF_Image_GetHeight(w->images[i].image);
    return (int)i;
}

void pdf_draw_image(pdf_draw *w, int id, double x, double y, double width, double height)
{
    if (id < 0 || (size_t)id >= w->image_count || width <= 0 || height <= 0 || !can_paint(w))
        return;
    HPDF_Page_DrawImage(w->page, w->images[id].image, (HPDF_REAL)x, (HPDF_REAL)y, (HPDF_REAL)width,
                        (HPDF_REAL)height);
}

/* ---- links and the catalog --------------------------------------------- */

static HPDF_Rect link_rect(double x0, double y0, double x1, double y1)
{
    return (HPDF_Rect){ (HPDF_REAL)x0, (HPDF_REAL)y0, (HPDF_REAL)x1, (HPDF_REAL)y1 };
}

void pdf_draw_link_uri(pdf_draw *w, double x0, double y0, double x1, double y1, const char *uri)
{
    if (!can_draw(w) || !uri || !*uri)
        return;
    HPDF_Annotation a = HPDF_Page_CreateURILinkAnnot(w->page, link_rect(x0, y0, x1, y1), uri);
    if (a)
        HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
}

void pdf_draw_link_to(pdf_draw *w, double x0, double y0, double x1, double y1, size_t target)
{
    if (!can_draw(w))
        return;
    xgrow((void **)&w->links, &w->link_cap, w->link_count + 1, sizeof *w->links);
    w->links[w->link_count++] = (draw_link){ w->page, link_rect(x0, y0, x1, y1), target };
}

void pdf_draw_anchor(pdf_draw *w, size_t target, double y)
{
    if (!can_draw(w))
        return;
    xgrow((void **)&w->anchors, &w->anchor_cap, w->anchor_count + 1, sizeof *w->anchors);
    w->anchors[w->anchor_count++] = (draw_anchor){ w->page, y, target };
}

/* Each link to an anchor becomes an annotation going there (the pages of
 * both exist by now). */
static void make_links(pdf_draw *w)
{
    for (size_t i = 0; i < w->link_count; i++) {
        const draw_link *l = &w->links[i];
        const draw_anchor *to = NULL;
        for (size_t k = 0; k < w->anchor_count && !to; k++)
            if (w->anchors[k].target == l->target)
                to = &w->anchors[k];
        HPDF_Destination dst = to ? HPDF_Page_CreateDestination(to->page) : NULL;
        if (!dst)
            continue;
        HPDF_Destination_SetFitH(dst, (HPDF_REAL)to->y);
        HPDF_Annotation a = HPDF_Page_CreateLinkAnnot(l->page, l->rect, dst);
        if (a)
            HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
    }
    w->link_count = 0;
}

void pdf_draw_set_language(pdf_draw *w, const char *tag)
{
    HPDF_Dict catalog = w->doc->catalog;
    HPDF_String lang = HPDF_String_New(w->doc->mmgr, tag, NULL);
    HPDF_Dict prefs = HPDF_Dict_New(w->doc->mmgr);
    if (!catalog || !lang || !prefs)
        return;
    HPDF_Dict_Add(catalog, "Lang", lang);
    /* viewers show the title rather than the file name */
    HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE);
    HPDF_Dict_Add(catalog, "ViewerPreferences", prefs);
}

/* Every glyph the embedded subsets draw, composite glyphs' parts too. */
static void close_glyphs(pdf_draw *w)
{
    for (int f = 0; f < PDF_FACE_COUNT; f++) {
        const pdf_face *face = &w->faces[f];
        if (face->name)
            pdf_glyphs_close(HPDF_GetFontDef(w->doc, face->name));
        for (size_t k = 0; k < face->fallback_count; k++)
            pdf_glyphs_close(HPDF_GetFontDef(w->doc, face->fallback[k].name));
    }
}

int pdf_draw_save(pdf_draw *w, const char *path)
{
    end_text(w);
    make_links(w);
    close_glyphs(w);
    if (pdf_draw_failed(w))
        return -1;
    errno = 0;
    if (HPDF_SaveToFile(w->doc, path) != HPDF_OK) {
        diag_report(w->d, error_status(w, errno, EXIT_CANTCREAT), path, 0, NULL,
                    "cannot write the PDF (PDF library error 0x%04X)", (unsigned)w->error);
        return -1;
    }
    return 0;
}
