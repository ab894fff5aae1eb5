/* test_template.c - Markdown templates: blocks, styles, placeholders,
 * directives, includes and their errors, generated directives, texts in
 * the report's language, "if text[NAME]", empty sections left out, late
 * directives that see the whole template, a folder where a file is
 * expected, lists and quotes nested past the limit, emphasis however deep,
 * a text saved as Windows-1252 (template.c, with a fake resolver and a
 * fake generator). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "report/template.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[] = "/tmp/test_template_XXXXXX";
static char path[256], texts[256], out[4096];
static const char *const known[] = { "toc", "axis", "people", NULL };

static bool resolve(void *user, const char *name, char *value, size_t size)
{
    (void)user;
    if (strcmp(name, "org") == 0)
        snprintf(value, size, "*Dyn* {{org}} [x]"); /* data: never expanded */
    else if (strcmp(name, "groups[Revenus autonomes].current") == 0)
        snprintf(value, size, "124 980 $");
    else
        return false;
    return true;
}

static void write_file(const char *p, const char *text)
{
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* The late directive "late": a paragraph counting the directive blocks
 * of the whole template as it sees it ("late none": nothing). */
static bool generate_late(tpl_builder *b, const char *arg)
{
    if (strcmp(arg, "none") == 0)
        return true;
    const tpl_doc *doc = tpl_builder_doc(b);
    size_t n = 0;
    for (size_t i = 0; i < doc->count; i++)
        n += doc->blocks[i].kind == TPL_DIRECTIVE;
    char text[64];
    snprintf(text, sizeof text, "%zu directives", n);
    tpl_add_paragraph(b, text);
    return true;
}

/* A generator: "gen ARG" -> a level-1 heading ARG (data), the text "a",
 * a paragraph and a directive; "gen" alone is an error. */
static bool generate(void *user, tpl_builder *b, const char *name, const char *arg)
{
    (void)user;
    if (strcmp(name, "late") == 0)
        return generate_late(b, arg);
    if (strcmp(name, "gen") != 0)
        return false;
    if (!*arg) {
        tpl_builder_fail(b, "expected a name");
        return true;
    }
    tpl_add_heading(b, 1, arg);
    tpl_add_text(b, "a");
    tpl_add_heading(b, 2, "Figures");
    tpl_add_paragraph(b, "Generated {{org}}.");
    tpl_add_directive(b, "axis", arg);
    return true;
}

static int load_with(tpl_doc *doc, const char *text, diag *d, FILE **err, const char *lang)
{
    write_file(path, text);
    *err = fmemopen(out, sizeof out, "w");
    diag_init(d, *err);
    static const char *const late[] = { "late", NULL };
    tpl_options opt = { .templates_dir = dir,
                        .input_dir = dir,
                        .resolve = resolve,
                        .directives = known,
                        .lang = lang,
                        .generate = generate,
                        .late = late };
    int rc = tpl_load(doc, path, "report.md", &opt, d);
    fclose(*err);
    return rc;
}

static int load(tpl_doc *doc, const char *text, diag *d, FILE **err)
{
    return load_with(doc, text, d, err, NULL);
}

static char *text_of(const tpl_doc *doc, size_t i)
{
    static char buf[256];
    char *t = tpl_block_text(&doc->blocks[i]);
    snprintf(buf, sizeof buf, "%s", t);
    free(t);
    return buf;
}

static int setup(void **state)
{
    (void)state;
    if (!mkdtemp(dir))
        return -1;
    snprintf(path, sizeof path, "%s/report.md", dir);
    snprintf(texts, sizeof texts, "%s/texts", dir);
    return mkdir(texts, 0700);
}

static int teardown(void **state)
{
    (void)state;
    char p[300];
    snprintf(p, sizeof p, "%s/a.md", texts);
    unlink(p);
    unlink(path);
    rmdir(texts);
    return rmdir(dir);
}

static void test_blocks_and_styles(void **state)
{
    (void)state;
    tpl_doc doc;
    diag d;
    FILE *err;
    assert_int_equal(load(&doc,
                          "# Title\n\nSome **bold** and *it*\nnext line.\n\n"
                          "- one\n- two\n  1. sub\n\n> « Quote »\n>\n> — Author\n\n---\n",
                          &d, &err),
                     0);
    assert_int_equal(doc.count, 8);
    assert_int_equal(doc.blocks[0].kind, TPL_HEADING);
    assert_int_equal(doc.blocks[0].level, 1);
    const tpl_block *p = &doc.blocks[1];
    assert_int_equal(p->kind, TPL_PARAGRAPH);
    assert_int_equal(p->line, 3);
    assert_int_equal(p->run_count, 5);
    assert_string_equal(p->runs[1].text, "bold");
    assert_int_equal(p->runs[1].style, TPL_BOLD);
    assert_int_equal(p->runs[3].style, TPL_ITALIC);
    assert_int_equal(p->runs[4].style, 0);
    assert_string_equal(p->runs[4].text, " next line."); /* soft break -> space */
    assert_int_equal(doc.blocks[2].kind, TPL_ITEM);
    assert_int_equal(doc.blocks[4].level, 2);
    assert_int_equal(doc.blocks[4].number, 1);
    assert_int_equal(doc.blocks[5].kind, TPL_QUOTE);
    assert_int_equal(doc.blocks[6].kind, TPL_ATTRIBUTION);
    assert_int_equal(doc.blocks[7].kind, TPL_RULE);
    char *text = tpl_block_text(p);
    assert_string_equal(text, "Some bold and it next line.");
    free(text);
    tpl_doc_free(&doc);
}

static void test_placeholders(void **state)
{
    (void)state;
    tpl_doc doc;
    diag d;
    FILE *err;
    assert_int_equal(load(&doc,
                          "# {{org}}\n\nSelf: {{groups[Revenus autonomes].current}}, "
                          "by {{ org }}.\n",
                          &d, &err),
                     0);
    assert_int_equal(doc.count, 2);
    char *text = tpl_block_text(&doc.blocks[0]);
    assert_string_equal(text, "*Dyn* {{org}} [x]"); /* not Markdown, not expanded */
    free(text);
    text = tpl_block_text(&doc.blocks[1]);
    assert_string_equal(text, "Self: 124 980 $, by *Dyn* {{org}} [x].");
    free(text);
    tpl_doc_free(&doc);
}

static void test_unknown_placeholder(void **state)
{
    (void)state;
    tpl_doc doc;
    diag d;
    FILE *err;
    assert_int_equal(load(&doc,
                          "Intro.\n\nA {{org}} and\n{{finances.revenu}} then {{x\n\n"
                          "{{% toc %}} inline\n",
                          &d, &err),
                     -1);
    assert_int_equal(d.status, EXIT_DATAERR);
    assert_non_null(strstr(out, "report.md:4: unknown placeholder '{{finances.revenu}}'\n"));
    assert_non_null(strstr(out, "report.md:4: unterminated placeholder"));
    assert_non_null(strstr(out, "report.md:6: directive '{{% toc %}}' must be alone"));
    assert_int_equal(d.count, 3);
    tpl_doc_free(&doc);
}

static void test_directives(void **state)
{
    (void)state;
    tpl_doc doc;
    diag d;
    FILE *err;
    assert_int_equal(
        load(&doc, "{{% toc %}}\n\n{{%   people  Conseil d'administration %}}\n", &d, &err), 0);
    assert_int_equal(doc.count, 2);
    assert_int_equal(doc.blocks[1].kind, TPL_DIRECTIVE);
    assert_string_equal(doc.blocks[1].name, "people");
    assert_string_equal(doc.blocks[1].arg, "Conseil d'administration");
    assert_int_equal(doc.blocks[1].line, 3);
    assert_string_equal(doc.blocks[0].arg, "");
    tpl_doc_free(&doc);
    assert_int_equal(load(&doc, "text\n\n{{% chrat history %}}\n", &d, &err), -1);
    assert_non_null(strstr(out, "report.md:3: unknown directive '{{% chrat %}}'"));
    tpl_doc_free(&doc);
}

static void test_include(void **state)
{
    (void)state;
    char p[300];
    snprintf(p, sizeof p, "%s/a.md", texts);
    write_file(p, "# Included\n\nKept as is: {{org}} {{% toc %}}\n\n{{% axis X %}}\n");
    tpl_doc doc;
    diag d;
    FILE *err;
    assert_int_equal(load(&doc, "Before.\n\n{{% include texts/a.md %}}\n\nAfter.\n", &d, &err), 0);
    assert_int_equal(doc.count, 5);
    assert_int_equal(doc.blocks[1].kind, TPL_HEADING);
    assert_int_equal(doc.blocks[1].level, 1);
    assert_int_equal(doc.blocks[1].line, 1);
    assert_non_null(strstr(doc.blocks[1].file, "texts/a.md"));
    char *text = tpl_block_text(&doc.blocks[2]);
    assert_string_equal(text, "Kept as is: {{org}} {{% toc %}}");
    free(text);
    assert_int_equal(doc.blocks[3].kind, TPL_PARAGRAPH); /* not a directive */
    tpl_doc_free(&doc);
}

static void test_include_errors(void **state)
{
    (void)state;
    tpl_doc doc;
    diag d;
    FILE *err;
    assert_int_equal(load(&doc,
                          "{{% include ../secret.md %}}\n\n{{% include /etc/passwd %}}\n\n"
                          "{{% include texts/../../x.md %}}\n\n{{% include texts/..md %}}\n",
                          &d, &err),
                     -1);
    assert_non_null(strstr(out, "report.md:1: include '../secret.md': the path must stay"));
    assert_non_null(strstr(out, "report.md:3: include '/etc/passwd'"));
    assert_non_null(strstr(out, "report.md:5: include 'texts/../../x.md'"));
    assert_non_null(strstr(out, "report.md:7: cannot read included file")); /* "..md" is a name */
    assert_int_equal(d.status, EXIT_NOINPUT);
    assert_int_equal(d.count, 4);
    tpl_doc_free(&doc);
}

static void test_text_optional_and_heading_once(void **state)
{
    (void)state;
    char p[300];
    snprintf(p, sizeof p, "%s/a.md", texts);
    write_file(p, "# Mission\n\nFrom the text.\n");
    tpl_doc doc;
    diag d;
    FILE *err;
    assert_int_equal(load(&doc,
                          "# Mission\n\n{{% text a %}}\n\n# Absent\n\n{{% text nope %}}\n\n"
                          "Done.\n",
                          &d, &err),
                     0);
    assert_int_equal(doc.count, 4); /* the text's heading shown once */
    assert_int_equal(doc.blocks[0].kind, TPL_HEADING);
    assert_int_equal(doc.blocks[1].kind, TPL_PARAGRAPH);
    assert_string_equal(doc.blocks[2].runs[0].text, "Absent");
    assert_int_equal(d.count, 0);
    tpl_doc_free(&doc);
    assert_int_equal(load(&doc, "{{% text ../a %}}\n", &d, &err), -1);
    assert_non_null(strstr(out, "report.md:1: text '../a': expected a file name"));
    tpl_doc_free(&doc);
}

static void test_if_blocks(void **state)
{
    (void)state;
    tpl_doc doc;
    diag d;
    FILE *err;
    assert_int_equal(load(&doc,
                          "{{% if org %}}\n\nShown {{org}}.\n\n{{% if nope %}}\n\n"
                          "# Hidden {{nope}}\n\n- {{nope}}\n\n{{% axis {{nope}} %}}\n\n---\n\n"
                          "{{% endif %}}\n\nAlso shown.\n\n{{% endif %}}\n\nEnd.\n",
                          &d, &err),
                     0);
    assert_int_equal(d.count, 0); /* hidden placeholders not read */
    assert_int_equal(doc.count, 3);
    assert_string_equal(doc.blocks[1].runs[0].text, "Also shown.");
    tpl_doc_free(&doc);
    assert_int_equal(load(&doc,
                          "{{% if org %}}\n\ntext\n\n{{% endif %}}\n\n{{% endif %}}\n\n"
                          "{{% if org %}}\n",
                          &d, &err),
                     -1);
    assert_non_null(strstr(out, "report.md:7: '{{% endif %}}' without '{{% if %}}'"));
    assert_non_null(strstr(out, "report.md:9: '{{% if %}}' without '{{% endif %}}'"));
    tpl_doc_free(&doc);
}

static void test_generated_blocks(void **state)
{
    (void)state;
    char p[300];
    snprintf(p, sizeof p, "%s/a.md", texts);
    write_file(p, "# Éducation & *co*\n\nThe text.\n");
    tpl_doc doc;
    diag d;
    FILE *err;
    assert_int_equal(load(&doc,
                          "Before.\n\n{{% gen Éducation & *co* %}}\n\n"
                          "{{% gen Outreach %}}\n",
                          &d, &err),
                     0);
    assert_int_equal(d.count, 0);
    assert_int_equal(doc.count, 1 + 5 + 5);
    assert_int_equal(doc.blocks[1].kind, TPL_HEADING);
    assert_int_equal(doc.blocks[1].level, 1);
    assert_int_equal(doc.blocks[1].line, 3);
    assert_string_equal(text_of(&doc, 1), "Éducation & co");
    assert_string_equal(text_of(&doc, 2), "The text."); /* the text's equal heading dropped */
    assert_string_equal(text_of(&doc, 3), "Figures");
    assert_int_equal(doc.blocks[3].level, 2);
    assert_string_equal(text_of(&doc, 4), "Generated {{org}}."); /* data: not expanded */
    assert_int_equal(doc.blocks[5].kind, TPL_DIRECTIVE);
    assert_string_equal(doc.blocks[5].name, "axis");
    assert_string_equal(doc.blocks[5].arg, "Éducation & co");
    /* "Outreach" is followed by the text's own level-1 heading (not equal,
     * kept): left with nothing under it, it is out */
    assert_string_equal(text_of(&doc, 6), "Éducation & co");
    assert_string_equal(text_of(&doc, 7), "The text.");
    assert_string_equal(doc.blocks[10].arg, "Outreach");
    tpl_doc_free(&doc);
    assert_int_equal(load(&doc, "x\n\n{{% gen %}}\n", &d, &err), -1);
    assert_non_null(strstr(out, "report.md:3: directive '{{% gen %}}': expected a name"));
    tpl_doc_free(&doc);
}

static void test_text_in_language(void **state)
{
    (void)state;
    char fr[300], en[300];
    snprintf(fr, sizeof fr, "%s/b.md", texts);
    snprintf(en, sizeof en, "%s/b.en.md", texts);
    write_file(fr, "Texte.\n");
    write_file(en, "Text.\n");
    tpl_doc doc;
    diag d;
    FILE *err;
    assert_int_equal(load_with(&doc, "{{% text b %}}\n", &d, &err, "en"), 0);
    assert_string_equal(text_of(&doc, 0), "Text.");
    tpl_doc_free(&doc);
    assert_int_equal(load_with(&doc, "{{% text b %}}\n", &d, &err, "fr"), 0);
    assert_string_equal(text_of(&doc, 0), "Texte."); /* no b.fr.md: b.md */
    tpl_doc_free(&doc);
    unlink(fr);
    assert_int_equal(load_with(&doc,
                               "{{% text b %}}\n\n{{% if text[b] %}}\n\nYes.\n\n{{% endif %}}\n",
                               &d, &err, "fr"),
                     0);
    assert_int_equal(doc.count, 0); /* b.en.md is not French */
    tpl_doc_free(&doc);
    unlink(en);
}

static void test_text_in_windows_1252(void **state)
{
    (void)state;
    char p[300];
    snprintf(p, sizeof p, "%s/c.md", texts);
    /* "Été « cité » – 15 €, Œuvre" saved as Windows-1252 (Notepad's ANSI) */
    write_file(p, "# \xc9t\xe9\n\n\xab cit\xe9 \xbb \x96 15 \x80, \x8cuvre\n");
    tpl_doc doc;
    diag d;
    FILE *err;
    assert_int_equal(load(&doc, "{{% text c %}}\n", &d, &err), 0);
    assert_int_equal(doc.count, 2);
    assert_string_equal(text_of(&doc, 0), "\xc3\x89t\xc3\xa9");
    assert_string_equal(text_of(&doc, 1), "\xc2\xab cit\xc3\xa9 \xc2\xbb \xe2\x80\x93 15 "
                                          "\xe2\x82\xac, \xc5\x92uvre");
    tpl_doc_free(&doc);
    /* valid UTF-8 stays as it is, even where Windows-1252 would read it */
    write_file(p, "\xc3\x89t\xc3\xa9.\n");
    assert_int_equal(load(&doc, "{{% text c %}}\n", &d, &err), 0);
    assert_string_equal(text_of(&doc, 0), "\xc3\x89t\xc3\xa9.");
    tpl_doc_free(&doc);
    unlink(p);
}

static void test_if_text(void **state)
{
    (void)state;
    char p[300];
    snprintf(p, sizeof p, "%s/a.md", texts);
    write_file(p, "The text.\n");
    tpl_doc doc;
    diag d;
    FILE *err;
    assert_int_equal(load(&doc,
                          "{{% if text[a] %}}\n\nA.\n\n{{% endif %}}\n\n"
                          "{{% if text[nope] %}}\n\nNope {{nope}}.\n\n{{% endif %}}\n",
                          &d, &err),
                     0);
    assert_int_equal(d.count, 0);
    assert_int_equal(doc.count, 1);
    assert_string_equal(text_of(&doc, 0), "A.");
    tpl_doc_free(&doc);
    assert_int_equal(load(&doc, "{{% if text[../a] %}}\n\n{{% endif %}}\n", &d, &err), -1);
    assert_non_null(strstr(out, "report.md:1: text '../a': expected a file name"));
    tpl_doc_free(&doc);
}

static void test_empty_sections_left_out(void **state)
{
    (void)state;
    tpl_doc doc;
    diag d;
    FILE *err;
    assert_int_equal(
        load(&doc,
             "# Mission\n\n{{% text nope %}}\n\n"
             "# Team\n\n## Teams\n\n{{% if nope %}}\n\n{{% toc %}}\n\n{{% endif %}}\n\n"
             "# Kept\n\n## Empty\n\n## Full\n\n{{% toc %}}\n\n"
             "# Last\n",
             &d, &err),
        0);
    assert_int_equal(doc.count, 3); /* Mission, Team, Teams, Empty, Last: out */
    assert_string_equal(text_of(&doc, 0), "Kept");
    assert_string_equal(text_of(&doc, 1), "Full");
    assert_int_equal(doc.blocks[2].kind, TPL_DIRECTIVE);
    tpl_doc_free(&doc);
}

static void test_late_directives(void **state)
{
    (void)state;
    tpl_doc doc;
    diag d;
    FILE *err;
    /* each sees the whole template: the first, 5 directives (itself, toc,
     * the second, axis and "late none"; not the one in the false if); the
     * second, 4 (the first is a paragraph now) */
    assert_int_equal(load(&doc,
                          "{{% late %}}\n\n{{% toc %}}\n\n{{% late %}}\n\n{{% axis X %}}\n\n"
                          "{{% if nope %}}\n\n{{% late %}}\n\n{{% endif %}}\n\n"
                          "# Empty\n\n{{% late none %}}\n",
                          &d, &err),
                     0);
    assert_int_equal(d.count, 0);
    assert_int_equal(doc.count, 4); /* "Empty" has nothing under it: out */
    assert_string_equal(text_of(&doc, 0), "5 directives");
    assert_int_equal(doc.blocks[0].line, 1);
    assert_string_equal(doc.blocks[1].name, "toc");
    assert_string_equal(text_of(&doc, 2), "4 directives");
    assert_int_equal(doc.blocks[2].line, 5);
    assert_string_equal(doc.blocks[3].arg, "X");
    tpl_doc_free(&doc);
}

static void test_folder_instead_of_file(void **state)
{
    (void)state;
    char p[300];
    snprintf(p, sizeof p, "%s/folder.md", texts);
    assert_int_equal(mkdir(p, 0700), 0);
    tpl_doc doc;
    diag d;
    FILE *err;
    assert_int_equal(load(&doc, "Intro.\n\n{{% text folder %}}\n", &d, &err), -1);
    assert_int_equal(d.status, EXIT_NOINPUT);
    char want[600];
    snprintf(want, sizeof want, "%s: is a folder, not a file (included at report.md:3)\n", p);
    assert_non_null(strstr(out, want));
    assert_null(strstr(out, "Input/output error"));
    tpl_doc_free(&doc);
    diag_init(&d, NULL);
    tpl_options opt = {
        .templates_dir = dir, .input_dir = dir, .resolve = resolve, .directives = known
    };
    assert_int_equal(tpl_load(&doc, p, "report.md", &opt, &d), -1); /* the template itself */
    assert_int_equal(d.status, EXIT_NOINPUT);
    tpl_doc_free(&doc);
    rmdir(p);
}

/* text made of n copies of unit between head and tail (malloc'd). */
static char *repeated(const char *head, const char *unit, size_t n, const char *tail)
{
    size_t hl = strlen(head), ul = strlen(unit), tl = strlen(tail);
    char *s = malloc(hl + ul * n + tl + 1);
    assert_non_null(s);
    memcpy(s, head, hl);
    for (size_t i = 0; i < n; i++)
        memcpy(s + hl + ul * i, unit, ul);
    memcpy(s + hl + ul * n, tail, tl + 1);
    return s;
}

static void test_nesting_limit(void **state)
{
    (void)state;
    tpl_doc doc;
    diag d;
    FILE *err;
    char *text = repeated("Intro.\n\n", "> ", TPL_NESTING_MAX, "deep\n");
    assert_int_equal(load(&doc, text, &d, &err), 0); /* as deep as allowed */
    assert_int_equal(doc.count, 2);
    assert_int_equal(doc.blocks[1].kind, TPL_QUOTE);
    assert_int_equal(doc.blocks[1].level, TPL_NESTING_MAX);
    tpl_doc_free(&doc);
    free(text);
    /* lists and quotes count together; one problem for the file */
    text = repeated("Intro.\n\n", "- > ", 100000, "x\n\n> > too\n");
    assert_int_equal(load(&doc, text, &d, &err), -1);
    assert_int_equal(d.status, EXIT_DATAERR);
    assert_int_equal(d.count, 1);
    assert_non_null(strstr(out, "report.md:3: lists and quotes nested more than 32 levels deep"));
    tpl_doc_free(&doc);
    free(text);
}

static void test_deep_emphasis(void **state)
{
    (void)state;
    tpl_doc doc;
    diag d;
    FILE *err;
    /* 600 KB of '*' around a word: emphasis nested 150,000 deep, shown */
    char *open = repeated("", "*", 300001, "");
    size_t n = strlen(open);
    char *text = malloc(2 * n + 64);
    assert_non_null(text);
    snprintf(text, 2 * n + 64, "A ![alt *x*](i.png) b %sx%s\n", open, open);
    assert_int_equal(load(&doc, text, &d, &err), 0);
    assert_int_equal(doc.count, 1);
    const tpl_block *p = &doc.blocks[0];
    assert_int_equal(p->run_count, 2);
    assert_string_equal(p->runs[0].text, "A  b "); /* an image is not shown */
    assert_int_equal(p->runs[0].style, 0);
    assert_string_equal(p->runs[1].text, "x");
    assert_int_equal(p->runs[1].style, TPL_BOLD | TPL_ITALIC);
    tpl_doc_free(&doc);
    free(text);
    free(open);
}

static void test_missing_template(void **state)
{
    (void)state;
    tpl_doc doc;
    diag d;
    diag_init(&d, NULL);
    tpl_options opt = {
        .templates_dir = dir, .input_dir = dir, .resolve = resolve, .directives = known
    };
    assert_int_equal(tpl_load(&doc, "/nonexistent/report.md", "report.md", &opt, &d), -1);
    assert_int_equal(d.status, EXIT_NOINPUT);
    tpl_doc_free(&doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_blocks_and_styles),
        cmocka_unit_test(test_placeholders),
        cmocka_unit_test(test_unknown_placeholder),
        cmocka_unit_test(test_directives),
        cmocka_unit_test(test_include),
        cmocka_unit_test(test_include_errors),
        cmocka_unit_test(test_text_optional_and_heading_once),
        cmocka_unit_test(test_if_blocks),
        cmocka_unit_test(test_generated_blocks),
        cmocka_unit_test(test_text_in_language),
        cmocka_unit_test(test_text_in_windows_1252),
        cmocka_unit_test(test_if_text),
        cmocka_unit_test(test_empty_sections_left_out),
        cmocka_unit_test(test_late_directives),
        cmocka_unit_test(test_folder_instead_of_file),
        cmocka_unit_test(test_missing_template),
        cmocka_unit_test(test_nesting_limit),
        cmocka_unit_test(test_deep_emphasis),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
