/* pdf_glyphs.c - composite glyphs' components added to libharu's
 * TrueType subsets (pdf_glyphs.h says why), read from the font file's
 * 'glyf' table through libharu's own record of it (hpdf_fontdef.h): the
 * table's offset, the 'loca' offsets and the used-glyph flags. */
#include "pdf/pdf_glyphs.h"
#include "lib/xalloc.h"

#include <stdlib.h>

enum {
    ARG_1_AND_2_ARE_WORDS = 1,
    WE_HAVE_A_SCALE = 8,
    MORE_COMPONENTS = 32,
    WE_HAVE_AN_X_AND_Y_SCALE = 64,
    WE_HAVE_A_TWO_BY_TWO = 128
};

static int read_u16(HPDF_Stream s, unsigned *v)
{
    HPDF_BYTE b[2];
    HPDF_UINT n = 2;
    if (HPDF_Stream_Read(s, b, &n) != HPDF_OK || n != 2)
        return -1;
    *v = (unsigned)b[0] << 8 | b[1];
    return 0;
}

/* Where glyph gid's data starts in the font file; 0 for an empty glyph. */
static HPDF_UINT glyph_offset(HPDF_TTFontDefAttr a, unsigned gid)
{
    HPDF_UINT from = a->glyph_tbl.offsets[gid], to = a->glyph_tbl.offsets[gid + 1];
    if (to <= from)
        return 0;
    return (a->header.index_to_loc_format == 0 ? from * 2 : from) + a->glyph_tbl.base_offset;
}

/* Pushes glyph gid's components not yet used onto stack (marking them). */
static void components(HPDF_TTFontDefAttr a, unsigned gid, unsigned *stack, size_t *n)
{
    HPDF_UINT at = glyph_offset(a, gid);
    unsigned contours, flags, index;
    if (!at || HPDF_Stream_Seek(a->stream, (HPDF_INT)at, HPDF_SEEK_SET) != HPDF_OK ||
        read_u16(a->stream, &contours) != 0 || contours != 0xFFFF ||
        HPDF_Stream_Seek(a->stream, 8, HPDF_SEEK_CUR) != HPDF_OK)
        return; /* a simple glyph, or unreadable */
    do {
        if (read_u16(a->stream, &flags) != 0 || read_u16(a->stream, &index) != 0)
            return;
        HPDF_INT skip = (flags & ARG_1_AND_2_ARE_WORDS) ? 4 : 2;
        skip += (flags & WE_HAVE_A_SCALE)            ? 2
                : (flags & WE_HAVE_AN_X_AND_Y_SCALE) ? 4
                : (flags & WE_HAVE_A_TWO_BY_TWO)     ? 8
                                                     : 0;
        if (HPDF_Stream_Seek(a->stream, skip, HPDF_SEEK_CUR) != HPDF_OK)
            return;
        if (index < a->num_glyphs && !a->glyph_tbl.flgs[index]) {
            a->glyph_tbl.flgs[index] = 1;
            stack[(*n)++] = index;
        }
    } while (flags & MORE_COMPONENTS);
}

void pdf_glyphs_close(HPDF_FontDef def)
{
    HPDF_TTFontDefAttr a = def && def->type == HPDF_FONTDEF_TYPE_TRUETYPE ? def->attr : NULL;
    if (!a || !a->embedding || !a->stream || !a->glyph_tbl.flgs || !a->glyph_tbl.offsets)
        return;
    /* each glyph is pushed once at most: when it is first marked */
    unsigned *stack = xcalloc((size_t)a->num_glyphs + 1, sizeof *stack);
    size_t n = 0;
    for (unsigned gid = 0; gid < a->num_glyphs; gid++)
        if (a->glyph_tbl.flgs[gid])
            stack[n++] = gid;
    while (n > 0)
        components(a, stack[--n], stack, &n);
    free(stack);
}

int pdf_glyphs_has(HPDF_FontDef def, unsigned cp)
{
    return cp <= 0xFFFF && HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)cp) != 0;
}
