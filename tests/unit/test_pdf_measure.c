/* test_pdf_measure.c - the PDF measures each string once (issue 12): a
 * table's titles, words and numbers, a paragraph's words, a list's names
 * over many pages, the page header, a chart's title and scale on each of
 * its pages; a space once a face; drawing measures nothing again, a text
 * cut in pieces by U+202F neither; a section laid out dry, then for real,
 * measures each text once in all (pdf_draw remembers the dry layout's
 * widths in a bounded memo, pdf_memo.h, tested here too).  Every text
 * libharu is asked to measure is seen through the hook of pdf_draw_test.h,
 * with DejaVu Serif as the faces. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "pdf/pdf_chart.h"
#include "pdf/pdf_draw_test.h"
#include "pdf/pdf_flow.h"
#include "pdf/pdf_memo.h"
#include "pdf/pdf_sections.h"
#include "pdf/pdf_table.h"
#include "report/template.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SERIF "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
#define BOLD  "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"

enum { SEEN_MAX = 4096 };

/* The texts measured so far, each with its face and how often. */
typedef struct seen {
    char *text[SEEN_MAX];
    int face[SEEN_MAX];
    int count[SEEN_MAX];
    size_t n, total;
} seen;

static void on_measure(void *ctx, int face, const char *text, size_t len)
{
    seen *s = ctx;
    s->total++;
    for (size_t i = 0; i < s->n; i++)
        if (s->face[i] == face && strlen(s->text[i]) == len && memcmp(s->text[i], text, len) == 0) {
            s->count[i]++;
            return;
        }
    assert_true(s->n < SEEN_MAX);
    s->text[s->n] = strndup(text, len);
    s->face[s->n] = face;
    s->count[s->n++] = 1;
}

/* How often text was measured in face. */
static int times(const seen *s, int face, const char *text)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->face[i] == face && strcmp(s->text[i], text) == 0)
            return s->count[i];
    return 0;
}

/* Fails naming the first text measured more than once. */
static void assert_each_once(const seen *s)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->count[i] != 1)
            fail_msg("'%s' (face %d) measured %d times", s->text[i], s->face[i], s->count[i]);
}

/* A report on a letter page with the two faces loaded, page 1 begun. */
typedef struct fixture {
    diag d;
    pdf_style st;
    config cfg;
    figures f;
    pdf_report r;
    seen seen;
} fixture;

static int setup(void **state)
{
    fixture *x = calloc(1, sizeof *x);
    diag_init(&x->d, stderr);
    x->st = (pdf_style){ .page_width = 612,
                         .page_height = 792,
                         .margin_top = 72,
                         .margin_bottom = 72,
                         .margin_left = 72,
                         .margin_right = 72,
                         .size_body = 10,
                         .size_table = 8.5,
                         .size_small = 8,
                         .leading = 1.3,
                         .paragraph_space = 6,
                         .list_columns = 3 };
    x->cfg.org_name = "Organisme";
    x->cfg.title = "Bilan";
    x->f.config = &x->cfg;
    x->f.lang = LANG_EN;
    snprintf(x->f.current.label, sizeof x->f.current.label, "2013-2014");
    pdf_draw *w = pdf_draw_new(&x->d);
    assert_non_null(w);
    assert_int_equal(pdf_draw_load_face(w, PDF_FACE_REGULAR, SERIF), 0);
    assert_int_equal(pdf_draw_load_face(w, PDF_FACE_BOLD, BOLD), 0);
    x->r = (pdf_report){ .f = &x->f, .st = &x->st, .draw = w, .d = &x->d, .logo = -1 };
    x->r.left = 72;
    x->r.width = 612 - 144;
    pdf_draw_on_measure(w, on_measure, &x->seen);
    pdf_flow_begin(&x->r);
    *state = x;
    return 0;
}

static int teardown(void **state)
{
    fixture *x = *state;
    assert_false(pdf_draw_failed(x->r.draw));
    pdf_flow_end(&x->r);
    pdf_draw_free(x->r.draw);
    for (size_t i = 0; i < x->seen.n; i++)
        free(x->seen.text[i]);
    free(x);
    return 0;
}

/* A table: its titles wrapped once though drawn on every page it spans,
 * each text cell's words measured once, a number's two parts (before and
 * after its decimal mark) once each and the whole number never, a word in
 * a number column once; a space once a face. */
static void test_table(void **state)
{
    fixture *x = *state;
    pdf_table t;
    pdf_table_init(&t);
    pdf_table_add_col(&t, "Name", 0.5, PDF_ALIGN_LEFT);
    pdf_table_add_col(&t, "Amount", 0.25, PDF_ALIGN_NUMBER);
    pdf_table_add_col(&t, "Change", 0.25, PDF_ALIGN_NUMBER);
    char name[64], amount[64], change[64];
    for (int i = 0; i < 150; i++) { /* three pages or so */
        snprintf(name, sizeof name, "Funder N%03d of grants", i);
        snprintf(amount, sizeof amount, "%d,%03d.%02d", 1 + i, 100 + i, i % 100);
        snprintf(change, sizeof change, "%d.%d%%", 200 + i, i % 10);
        const char *cells[] = { name, amount, i == 7 ? "new" : change };
        pdf_table_add_row(&t, PDF_ROW_BODY, cells);
    }
    const char *total[] = { "Total revenue", "999,999.99", "99.9%" };
    pdf_table_add_row(&t, PDF_ROW_TOTAL, total);
    assert_int_equal(pdf_table_draw(&x->r, &t), 0);
    pdf_table_free(&t);
    assert_true(x->r.flow.page >= 3);
    seen *s = &x->seen;
    assert_int_equal(times(s, PDF_FACE_BOLD, "Amount"), 1);
    assert_int_equal(times(s, PDF_FACE_REGULAR, "N007"), 1);
    assert_int_equal(times(s, PDF_FACE_REGULAR, "8,107"), 1);    /* before the mark */
    assert_int_equal(times(s, PDF_FACE_BOLD, ".99"), 1);         /* after it, bold */
    assert_int_equal(times(s, PDF_FACE_REGULAR, "8,107.07"), 0); /* drawn unmeasured */
    assert_int_equal(times(s, PDF_FACE_REGULAR, "new"), 1);
    assert_int_equal(times(s, PDF_FACE_REGULAR, " "), 1);
    assert_int_equal(times(s, PDF_FACE_BOLD, " "), 1);
    assert_int_equal(times(s, PDF_FACE_REGULAR, "grants"), 150); /* once a row */
    /* the titles; a row's 4 words and its numbers' 2 parts each ("new":
     * 1); the total's 2 words and 4 parts; a space a face; the header's 2
     * texts and the page numbers on pages 2.. */
    size_t want =
        3 + 150 * 4 + 150 * 2 + 149 * 2 + 1 + 2 + 4 + 2 + 2 + (size_t)(x->r.flow.page - 1);
    assert_int_equal(s->total, want);
}

/* A paragraph flowed and justified: each word once, the space once,
 * nothing measured when drawn. */
static void test_paragraph(void **state)
{
    fixture *x = *state;
    pdf_span spans[] = { { "Alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo "
                           "lima mike november oscar papa quebec romeo sierra tango uniform victor "
                           "whiskey xray yankee zulu",
                           PDF_FACE_REGULAR, NULL },
                         { " Strong words", PDF_FACE_BOLD, NULL } };
    pdf_text_opts o = { 10, x->st.text, 0, 300, PDF_ALIGN_JUSTIFY, 2 };
    pdf_flow_text(&x->r, spans, 2, &o);
    assert_int_equal(x->seen.n, 26 + 2 + 2); /* the words, and a space a face */
    assert_each_once(&x->seen);
}

/* A list of names in columns over many pages: each name's words once,
 * the header's texts once for all pages, each page number once. */
static void test_list_and_header(void **state)
{
    fixture *x = *state;
    enum { N = 1000 };
    partner_figure *partners = calloc(N, sizeof *partners);
    char(*names)[32] = calloc(N, sizeof *names);
    for (int i = 0; i < N; i++) {
        snprintf(names[i], sizeof names[i], "Partner P%04d", i);
        partners[i].name = names[i];
    }
    x->f.partners = partners;
    x->f.partner_list_count = N;
    tpl_block b = { .kind = TPL_DIRECTIVE, .name = "partners", .arg = "" };
    pdf_sections_draw(&x->r, &b);
    assert_false(x->r.broken);
    int pages = x->r.flow.page;
    assert_true(pages >= 5);
    seen *s = &x->seen;
    assert_int_equal(times(s, PDF_FACE_REGULAR, "Partner"), N); /* a word of each name */
    assert_int_equal(times(s, PDF_FACE_REGULAR, "P0999"), 1);
    assert_int_equal(times(s, PDF_FACE_REGULAR, " "), 1);
    assert_int_equal(times(s, PDF_FACE_BOLD, "Organisme"), 1);          /* the header */
    assert_int_equal(times(s, PDF_FACE_REGULAR, "Bilan 2013-2014"), 1); /* for every page */
    assert_int_equal(times(s, PDF_FACE_REGULAR, "2"), 1);               /* page numbers */
    assert_int_equal(times(s, PDF_FACE_REGULAR, "5"), 1);
    /* N names of 2 words, a space, the header's 2 texts, pages 2.. */
    assert_int_equal(s->total, 2 * N + 1 + 2 + (size_t)(pages - 1));
    free(partners);
    free(names);
}

/* A chart of horizontal bars over pages (many groups): its title and its
 * scale's amounts measured once for all its pages (were measured again
 * on each), each value once; only the groups' names repeat words. */
static void test_bars_over_pages(void **state)
{
    fixture *x = *state;
    enum { N = 120 };
    group_figure *groups = calloc(N, sizeof *groups);
    char(*names)[32] = calloc(N, sizeof *names);
    for (int i = 0; i < N; i++) {
        snprintf(names[i], sizeof names[i], "Revenue group G%03d", i);
        groups[i].group = names[i];
        /* whole dollars (the labels'), none the same as another or a tick */
        groups[i].amount.current = (i + 1) * INT64_C(123400);
        groups[i].amount.previous = (i + 1) * INT64_C(77700);
    }
    x->st.size_h3 = 11;
    snprintf(x->f.previous.label, sizeof x->f.previous.label, "2012-2013");
    x->f.revenue_groups = groups;
    x->f.revenue_group_count = N;
    pdf_chart_revenue_groups(&x->r);
    assert_true(x->r.flow.page >= 3);
    const seen *s = &x->seen;
    assert_int_equal(times(s, PDF_FACE_BOLD, "pdf.chart_revenue_groups"), 1); /* the title */
    for (size_t i = 0; i < s->n; i++)
        if (s->count[i] != 1 && strcmp(s->text[i], "Revenue") != 0 &&
            strcmp(s->text[i], "group") != 0)
            fail_msg("'%s' (face %d) measured %d times", s->text[i], s->face[i], s->count[i]);
    free(groups);
    free(names);
}

/* A text cut in pieces by U+202F (the French thousands separator; DejaVu
 * Serif has it) is drawn without its pieces measured again, out of any
 * dry layout: measured whole, or only its whole part before the decimal
 * mark, as a table's number column does. */
static void test_pieces_drawn(void **state)
{
    fixture *x = *state;
    pdf_draw *w = x->r.draw;
    const char *n = "12\u202f345\u202f678,90\u00a0$", *whole = "98\u202f765";
    double width = pdf_draw_width(w, PDF_FACE_REGULAR, 10, n, strlen(n));
    assert_true(width > 0);
    assert_int_equal(x->seen.total, 3); /* "12", "345", "678,90 $" */
    pdf_draw_text(w, PDF_FACE_REGULAR, 10, x->st.text, 100, 500, n, strlen(n));
    assert_int_equal(x->seen.total, 3);
    pdf_draw_width(w, PDF_FACE_REGULAR, 10, whole, strlen(whole));
    assert_int_equal(x->seen.total, 5); /* "98", "765" */
    const char *amount = "98\u202f765,43";
    pdf_draw_text(w, PDF_FACE_REGULAR, 10, x->st.text, 100, 480, amount, strlen(amount));
    assert_int_equal(x->seen.total, 5);
    assert_each_once(&x->seen);
}

/* A section: a paragraph, then a table over two pages or so whose rows
 * repeat words and numbers. */
static void section(fixture *x)
{
    pdf_span span = { "Revenue grew again this year thanks to our funders and members",
                      PDF_FACE_REGULAR, NULL };
    pdf_text_opts o = { 10, x->st.text, 0, 0, PDF_ALIGN_JUSTIFY, 2 };
    pdf_flow_text(&x->r, &span, 1, &o);
    pdf_table t;
    pdf_table_init(&t);
    pdf_table_add_col(&t, "Funder", 0.6, PDF_ALIGN_LEFT);
    pdf_table_add_col(&t, "Amount", 0.4, PDF_ALIGN_NUMBER);
    char name[64], amount[64];
    for (int i = 0; i < 80; i++) {
        snprintf(name, sizeof name, "Funder F%03d of grants", i);
        snprintf(amount, sizeof amount, "%d,%03d.%02d", 1 + i % 7, 100 + i, i % 100);
        const char *cells[] = { name, amount };
        pdf_table_add_row(&t, PDF_ROW_BODY, cells);
    }
    assert_int_equal(pdf_table_draw(&x->r, &t), 0);
    pdf_table_free(&t);
}

/* A section laid out dry from the top of a page (to learn its height, as
 * render_pdf.c does before it keeps a section on one page), then for
 * real: each string measured once in all, the repeated ones too, and the
 * real layout measures nothing the dry one did. */
static void test_dry_then_real(void **state)
{
    fixture *x = *state;
    x->r.flow.y -= 200; /* the page is begun: a section that would not fit */
    layout_flow saved = x->r.flow;
    pdf_draw_set_dry(x->r.draw, true);
    x->r.measuring = true;
    layout_flow_next_page(&x->r.flow);
    section(x);
    assert_true(x->r.flow.page > saved.page + 1); /* two pages or more */
    x->r.measuring = false;
    pdf_draw_set_dry(x->r.draw, false);
    x->r.flow = saved;
    size_t dry = x->seen.total;
    assert_int_equal(times(&x->seen, PDF_FACE_REGULAR, "2"), 0);
    section(x);
    /* but the number of page 2: the dry layout began there, headless */
    assert_int_equal(x->seen.total, dry + 1);
    assert_int_equal(times(&x->seen, PDF_FACE_REGULAR, "2"), 1);
    assert_int_equal(times(&x->seen, PDF_FACE_REGULAR, "grants"), 1);
    assert_each_once(&x->seen);
    /* the section drawn, its widths forgotten: measured again */
    pdf_draw_forget_widths(x->r.draw);
    section(x);
    assert_int_equal(times(&x->seen, PDF_FACE_REGULAR, "grants"), 1 + 80);
}

/* The key of s[0..len) in font, for test_memo. */
static const pdf_memo_key *key(const void *font, const char *s, size_t len)
{
    static pdf_memo_key k;
    k = pdf_memo_key_of(font, s, len);
    return &k;
}

/* Remembers units as the width of s[0..len) in font: whether it was
 * (false: known already, or the memo full). */
static bool put(pdf_memo *m, const void *font, const char *s, size_t len, double units)
{
    bool known;
    double *width = pdf_memo_add(m, key(font, s, len), &known);
    if (width && !known)
        *width = units;
    return width && !known;
}

/* The memo of widths: found again by font and text; its table grows with
 * use; full (in entries or in bytes) it remembers nothing more but finds
 * what it holds; cleared, it finds nothing. */
static void test_memo(void **state)
{
    (void)state;
    pdf_memo m = { 0 };
    int font = 0, other = 0; /* two fonts: only their addresses count */
    double u = 0;
    assert_false(pdf_memo_get(&m, key(&font, "abc", 3), &u));
    assert_true(put(&m, &font, "abc", 3, 1500));
    assert_false(put(&m, &font, "abc", 3, 1500)); /* has it */
    assert_int_equal(m.slot_count, 64);           /* grows with use */
    assert_true(pdf_memo_get(&m, key(&font, "abc", 3), &u));
    assert_true(u == 1500);
    assert_false(pdf_memo_get(&m, key(&other, "abc", 3), &u));
    assert_false(pdf_memo_get(&m, key(&font, "ab", 2), &u));
    char text[32];
    size_t n = 1;
    for (;; n++) {
        snprintf(text, sizeof text, "t%zu", n);
        if (!put(&m, &font, text, strlen(text), (double)n))
            break;
    }
    assert_int_equal(n, PDF_MEMO_ENTRIES); /* "abc" and t1 .. t4095 */
    assert_int_equal(m.slot_count, 2 * PDF_MEMO_ENTRIES);
    assert_false(pdf_memo_get(&m, key(&font, text, strlen(text)), &u));
    assert_true(pdf_memo_get(&m, key(&font, "t1", 2), &u));
    assert_true(u == 1);
    assert_true(pdf_memo_get(&m, key(&font, "abc", 3), &u));
    bool known;
    assert_null(pdf_memo_add(&m, key(&font, text, strlen(text)), &known));
    assert_false(known);
    double *t1 = pdf_memo_add(&m, key(&font, "t1", 2), &known);
    assert_true(t1 && known && *t1 == 1);
    pdf_memo_clear(&m);
    assert_false(pdf_memo_get(&m, key(&font, "abc", 3), &u));
    assert_false(pdf_memo_get(&m, key(&font, "t1", 2), &u));
    static char big[PDF_MEMO_BYTES / 4];
    memset(big, 'x', sizeof big);
    for (int i = 0; i < 4; i++) {
        big[0] = (char)('a' + i);
        assert_true(put(&m, &font, big, sizeof big, i));
    }
    assert_false(put(&m, &font, "y", 1, 1)); /* no byte left */
    assert_true(pdf_memo_get(&m, key(&font, big, sizeof big), &u));
    assert_true(u == 3);
    pdf_memo_free(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_table, setup, teardown),
        cmocka_unit_test_setup_teardown(test_paragraph, setup, teardown),
        cmocka_unit_test_setup_teardown(test_list_and_header, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bars_over_pages, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pieces_drawn, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dry_then_real, setup, teardown),
        cmocka_unit_test(test_memo),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
