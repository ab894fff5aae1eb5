/* pdf_layout.c - line breaking and justification from measured widths,
 * the page flow, chart scales.  No libharu here: widths come from the
 * measure callback, each word's once (when it is added, or cut), a
 * space's once a face for the paragraph. */
#include "pdf/pdf_layout.h"
#include "lib/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define EPSILON 0.001

void layout_para_init(layout_para *p, layout_measure_fn measure, void *user, double size)
{
    memset(p, 0, sizeof *p);
    p->measure = measure;
    p->user = user;
    p->size = size;
}

void layout_para_set_space(layout_para *p, layout_space_fn space)
{
    p->space = space;
}

void layout_para_free(layout_para *p)
{
    free(p->atoms);
    free(p->lines);
    p->atoms = NULL;
    p->lines = NULL;
    p->atom_count = p->line_count = 0;
}

static void push_atom(layout_para *p, const char *text, size_t len, int face, const char *url)
{
    xgrow((void **)&p->atoms, &p->atom_cap, p->atom_count + 1, sizeof *p->atoms);
    p->atoms[p->atom_count++] = (layout_atom){
        .text = text,
        .len = len,
        .face = face,
        .width = p->measure(p->user, face, p->size, text, len),
        .space_before = p->pending_space && p->atom_count > 0,
        .break_before = p->pending_break && p->atom_count > 0,
        .url = url,
    };
    p->pending_space = p->pending_break = false;
}

void layout_para_add(layout_para *p, const char *text, size_t len, int face)
{
    layout_para_add_link(p, text, len, face, NULL);
}

void layout_para_add_link(layout_para *p, const char *text, size_t len, int face, const char *url)
{
    size_t i = 0;
    while (i < len) {
        char c = text[i];
        if (c == ' ' || c == '\t' || c == '\r') {
            p->pending_space = true;
            i++;
        } else if (c == '\n') {
            p->pending_break = true;
            i++;
        } else {
            size_t start = i;
            while (i < len && text[i] != ' ' && text[i] != '\t' && text[i] != '\r' &&
                   text[i] != '\n')
                i++;
            push_atom(p, text + start, i - start, face, url);
        }
    }
}

/* A space's width in face, measured now. */
static double measure_space(const layout_para *p, int face)
{
    return p->space ? p->space(p->user, face, p->size) : p->measure(p->user, face, p->size, " ", 1);
}

double layout_space_width(layout_para *p, int face)
{
    if (face < 0 || face >= LAYOUT_FACES)
        return measure_space(p, face);
    if (!p->space_known[face]) {
        p->space_width[face] = measure_space(p, face);
        p->space_known[face] = true;
    }
    return p->space_width[face];
}

/* A space's width in face as layout_para_wrap kept it (measured now only
 * for lines it did not make). */
static double known_space(const layout_para *p, int face)
{
    return face >= 0 && face < LAYOUT_FACES && p->space_known[face] ? p->space_width[face]
                                                                    : measure_space(p, face);
}

/* Length of the longest prefix of a (at least one character) that fits;
 * *w is its width when it was measured on the way, else -1. */
static size_t fitting_prefix(const layout_para *p, const layout_atom *a, double width, double *w)
{
    size_t best = 0, at = 0;
    *w = -1;
    while (at < a->len) {
        size_t next = at + 1;
        while (next < a->len && ((unsigned char)a->text[next] & 0xC0) == 0x80)
            next++;
        if (best > 0) {
            double fits = p->measure(p->user, a->face, p->size, a->text, next);
            if (fits > width + EPSILON)
                break;
            *w = fits;
        }
        best = at = next;
    }
    return best;
}

/* Cuts every atom wider than width into pieces that fit. */
static void split_wide_atoms(layout_para *p, double width)
{
    for (size_t i = 0; i < p->atom_count; i++) {
        layout_atom *a = &p->atoms[i];
        if (a->width <= width + EPSILON)
            continue;
        double cut_width;
        size_t cut = fitting_prefix(p, a, width, &cut_width);
        if (cut >= a->len)
            continue;
        layout_atom rest = *a;
        rest.text += cut;
        rest.len -= cut;
        rest.space_before = rest.break_before = false;
        rest.width = p->measure(p->user, rest.face, p->size, rest.text, rest.len);
        a->len = cut;
        a->width = cut_width >= 0 ? cut_width : p->measure(p->user, a->face, p->size, a->text, cut);
        xgrow((void **)&p->atoms, &p->atom_cap, p->atom_count + 1, sizeof *p->atoms);
        memmove(&p->atoms[i + 2], &p->atoms[i + 1], (p->atom_count - i - 1) * sizeof *p->atoms);
        p->atoms[i + 1] = rest;
        p->atom_count++;
    }
}

static void end_line(layout_para *p, layout_line *cur, bool last)
{
    if (cur->count == 0)
        return;
    cur->last = last;
    xgrow((void **)&p->lines, &p->line_cap, p->line_count + 1, sizeof *p->lines);
    p->lines[p->line_count++] = *cur;
    *cur = (layout_line){ .first = cur->first + cur->count };
}

/* The end of the word starting at atom i: the next atom after a space. */
static size_t word_end(const layout_para *p, size_t i)
{
    size_t j = i + 1;
    while (j < p->atom_count && !p->atoms[j].space_before && !p->atoms[j].break_before)
        j++;
    return j;
}

size_t layout_para_wrap(layout_para *p, double width)
{
    split_wide_atoms(p, width);
    p->line_count = 0;
    layout_line cur = { 0 };
    size_t i = 0;
    while (i < p->atom_count) {
        if (p->atoms[i].break_before)
            end_line(p, &cur, true);
        size_t j = word_end(p, i);
        double word = 0;
        for (size_t k = i; k < j; k++)
            word += p->atoms[k].width;
        double space = cur.count ? layout_space_width(p, p->atoms[i - 1].face) : 0;
        if (cur.count && cur.width + space + word > width + EPSILON) {
            end_line(p, &cur, false);
            space = 0;
        }
        if (cur.count == 0 && word > width + EPSILON) {
            /* A word of several atoms too wide for any line: break inside. */
            double w = 0;
            size_t k = i;
            while (k < j && (k == i || w + p->atoms[k].width <= width + EPSILON))
                w += p->atoms[k++].width;
            cur.count = k - i;
            cur.width = w;
            i = k;
            if (i < p->atom_count && !p->atoms[i].space_before && !p->atoms[i].break_before)
                end_line(p, &cur, false);
            continue;
        }
        if (cur.count)
            cur.spaces++;
        cur.width += space + word;
        cur.count += j - i;
        i = j;
    }
    end_line(p, &cur, true);
    return p->line_count;
}

void layout_line_positions(const layout_para *p, size_t i, double width, bool justify, double *out)
{
    const layout_line *ln = &p->lines[i];
    double extra = 0;
    if (justify && !ln->last && ln->spaces > 0 && width > ln->width)
        extra = (width - ln->width) / ln->spaces;
    double x = 0;
    for (size_t k = 0; k < ln->count; k++) {
        const layout_atom *a = &p->atoms[ln->first + k];
        if (k > 0 && a->space_before)
            x += known_space(p, p->atoms[ln->first + k - 1].face) + extra;
        out[k] = x;
        x += a->width;
    }
}

void layout_flow_init(layout_flow *fl, double top, double bottom, int page)
{
    fl->top = top;
    fl->bottom = bottom;
    fl->y = top;
    fl->page = page;
}

bool layout_flow_fits(const layout_flow *fl, double height)
{
    return fl->y - height >= fl->bottom - EPSILON;
}

void layout_flow_next_page(layout_flow *fl)
{
    fl->page++;
    fl->y = fl->top;
}

bool layout_flow_reserve(layout_flow *fl, double height, double keep)
{
    if (fl->y >= fl->top - EPSILON || layout_flow_fits(fl, height + keep))
        return false;
    layout_flow_next_page(fl);
    return true;
}

int64_t layout_nice_step(int64_t max, int ticks, int64_t *top)
{
    if (max <= 0 || ticks <= 0) {
        *top = 1;
        return 1;
    }
    int64_t scale = 1;
    for (;;) {
        static const int mult[] = { 1, 2, 5 };
        for (size_t m = 0; m < 3; m++) {
            int64_t step = scale * mult[m];
            int64_t n = (max + step - 1) / step;
            if (n <= ticks) {
                *top = n * step;
                return step;
            }
        }
        if (scale > INT64_MAX / 10 / 5) {
            *top = max;
            return max;
        }
        scale *= 10;
    }
}

/* ceil(v / step) for v >= 0, step > 0, without overflow. */
static int64_t steps_for(int64_t v, int64_t step)
{
    return v / step + (v % step != 0);
}

int64_t layout_nice_range(int64_t lo, int64_t hi, int ticks, int64_t *bottom, int64_t *top)
{
    lo = lo > 0 ? 0 : lo < -INT64_MAX ? -INT64_MAX : lo;
    hi = hi < 0 ? 0 : hi;
    *bottom = 0;
    *top = 1;
    if ((lo == 0 && hi == 0) || ticks <= 0)
        return 1;
    int64_t scale = 1;
    for (;;) {
        static const int mult[] = { 1, 2, 5 };
        for (size_t m = 0; m < 3; m++) {
            int64_t step = scale * mult[m];
            int64_t up = steps_for(hi, step), down = steps_for(-lo, step);
            if (up <= ticks && down <= ticks - up && up <= INT64_MAX / step &&
                down <= INT64_MAX / step) {
                *top = up * step;
                *bottom = -down * step;
                return step;
            }
        }
        if (scale > INT64_MAX / 10 / 5) { /* cannot happen for ticks >= 2 */
            *top = hi;
            *bottom = lo;
            return hi > lo ? hi / 2 - lo / 2 : 1;
        }
        scale *= 10;
    }
}

size_t layout_decimal_at(const char *text, size_t len, char mark)
{
    for (size_t i = len; i > 0; i--)
        if (text[i - 1] == mark && i < len && text[i] >= '0' && text[i] <= '9' && i >= 2 &&
            text[i - 2] >= '0' && text[i - 2] <= '9')
            return i - 1;
    return len;
}
