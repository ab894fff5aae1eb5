/* pdf_draw.c - libharu behind a small drawing interface.
 *
 * libharu 2.3.0 specifics handled here: UTF-8 text needs
 * HPDF_UseUTFEncodings and the "UTF-8" encoder set as current before any
 * info string; TrueType faces are embedded (libharu writes only the glyphs
 * used); glyphs outside the Basic Multilingual Plane cannot be shown.  A
 * face without U+202F (narrow no-break space) gets U+00A0 instead, in
 * measuring and drawing alike, so widths always match what is drawn. */
#include "pdf_draw.h"
#include "xalloc.h"

#include <hpdf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pdf_draw {
    HPDF_Doc doc;
    HPDF_Page page;
    HPDF_Font faces[PDF_FACE_COUNT];
    bool has_nnbsp[PDF_FACE_COUNT];
    bool dry;
    HPDF_STATUS error, detail;    /* the first libharu error */
    bool reported;
    diag *d;
    HPDF_Outline *outlines;
    size_t outline_count, outline_cap;
    char *buf;                    /* normalised text */
    size_t buf_cap;
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
    HPDF_UseUTFEncodings(w->doc);
    HPDF_SetCurrentEncoder(w->doc, "UTF-8");
    HPDF_SetCompressionMode(w->doc, HPDF_COMP_ALL);
    HPDF_SetPageMode(w->doc, HPDF_PAGE_MODE_USE_OUTLINE);
    return w;
}

void pdf_draw_free(pdf_draw *w)
{
    if (!w)
        return;
    HPDF_Free(w->doc);
    free(w->outlines);
    free(w->buf);
    free(w);
}

bool pdf_draw_failed(pdf_draw *w)
{
    if (w->error == 0)
        return false;
    if (!w->reported)
        diag_report(w->d, EXIT_SOFTWARE, NULL, 0, NULL,
                    "PDF library error 0x%04X (detail %u)",
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

int pdf_draw_load_face(pdf_draw *w, int face, const char *path)
{
    const char *name = HPDF_LoadTTFontFromFile(w->doc, path, HPDF_TRUE);
    HPDF_Font font = name ? HPDF_GetFont(w->doc, name, "UTF-8") : NULL;
    if (!font) {
        diag_report(w->d, EXIT_NOINPUT, path, 0, NULL,
                    "cannot load this TrueType font (PDF library error 0x%04X)",
                    (unsigned)w->error);
        w->reported = true;
        return -1;
    }
    w->faces[face] = font;
    w->has_nnbsp[face] = face_has(font, 0x202F);
    return 0;
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
    HPDF_Date date = { tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                       tm.tm_hour, tm.tm_min, tm.tm_sec, 'Z', 0, 0 };
    HPDF_SetInfoDateAttr(w->doc, HPDF_INFO_CREATION_DATE, date);
    HPDF_SetInfoDateAttr(w->doc, HPDF_INFO_MOD_DATE, date);
}

void pdf_draw_set_dry(pdf_draw *w, bool dry)
{
    w->dry = dry;
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

/* Copies text into w->buf as the face can show it: U+202F -> U+00A0 when
 * missing, characters beyond U+FFFF and control characters -> '?'. */
static const char *normalise(pdf_draw *w, int face, const char *text, size_t len)
{
    xgrow((void **)&w->buf, &w->buf_cap, len + 1, 1);
    size_t out = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = utf8_next((const unsigned char *)text + i, len - i, &cp);
        if (cp == 0x202F && !w->has_nnbsp[face]) {
            memcpy(w->buf + out, "\xc2\xa0", 2);
            out += 2;
        } else if (cp > 0xFFFF || cp < 0x20) {
            w->buf[out++] = '?';
        } else {
            memcpy(w->buf + out, text + i, n);
            out += n;
        }
        i += n;
    }
    w->buf[out] = '\0';
    return w->buf;
}

double pdf_draw_width(pdf_draw *w, int face, double size, const char *text, size_t len)
{
    if (len == 0 || !w->faces[face])
        return 0;
    const char *s = normalise(w, face, text, len);
    HPDF_TextWidth tw = HPDF_Font_TextWidth(w->faces[face], (const HPDF_BYTE *)s,
                                            (HPDF_UINT)strlen(s));
    return tw.width * size / 1000.0;
}

void pdf_draw_page(pdf_draw *w, double width, double height)
{
    if (w->dry)
        return;
    w->page = HPDF_AddPage(w->doc);
    if (!w->page)
        return;
    HPDF_Page_SetWidth(w->page, (HPDF_REAL)width);
    HPDF_Page_SetHeight(w->page, (HPDF_REAL)height);
}

static bool can_draw(const pdf_draw *w)
{
    return !w->dry && w->page;
}

void pdf_draw_text(pdf_draw *w, int face, double size, pdf_color color,
                   double x, double y, const char *text, size_t len)
{
    if (!can_draw(w) || len == 0 || !w->faces[face])
        return;
    const char *s = normalise(w, face, text, len);
    HPDF_Page_SetRGBFill(w->page, (HPDF_REAL)color.r, (HPDF_REAL)color.g, (HPDF_REAL)color.b);
    HPDF_Page_BeginText(w->page);
    HPDF_Page_SetFontAndSize(w->page, w->faces[face], (HPDF_REAL)size);
    HPDF_Page_TextOut(w->page, (HPDF_REAL)x, (HPDF_REAL)y, s);
    HPDF_Page_EndText(w->page);
}

void pdf_draw_line(pdf_draw *w, double x0, double y0, double x1, double y1,
                   double line_width, pdf_color color)
{
    if (!can_draw(w))
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
    if (!can_draw(w) || (!fill && !stroke))
        return;
    if (fill)
        HPDF_Page_SetRGBFill(w->page, (HPDF_REAL)fill->r, (HPDF_REAL)fill->g, (HPDF_REAL)fill->b);
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

void pdf_draw_hatch(pdf_draw *w, double x, double y, double width, double height,
                    double spacing, pdf_color color)
{
    if (!can_draw(w) || width <= 0 || height <= 0 || spacing <= 0)
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

int pdf_draw_save(pdf_draw *w, const char *path)
{
    if (pdf_draw_failed(w))
        return -1;
    if (HPDF_SaveToFile(w->doc, path) != HPDF_OK) {
        diag_report(w->d, EXIT_CANTCREAT, path, 0, NULL,
                    "cannot write the PDF (PDF library error 0x%04X)", (unsigned)w->error);
        return -1;
    }
    return 0;
}
