/* template.c - Markdown templates: cmark's tree -> tpl_doc blocks, with
 * placeholders replaced and includes inserted.
 *
 * Placeholders are found after parsing, in the text of each paragraph or
 * heading (cmark splits text at characters such as '[', so adjacent text of
 * one style is joined first).  Expansion is one left-to-right pass over the
 * template's own text: a value is copied out and never scanned again.
 * Generated blocks (tpl_add_*) and included texts are data likewise. */
#include "report/template.h"
#include "parse/encoding.h"
#include "lib/i18n.h"
#include "lib/text.h"
#include "lib/xalloc.h"

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SOFT_BREAK '\x01' /* marks a source line break inside a run */

typedef struct loader {
    tpl_doc *doc;
    const tpl_options *opt;
    diag *d;
    const char *file; /* display name, owned by doc */
    bool expand;      /* template text (true) or included text */
    bool failed;
    int nesting;    /* open list items and block quotes */
    bool too_deep;  /* nesting past TPL_NESTING_MAX reported */
    int depth;      /* open {{% if %}} blocks */
    int skip;       /* the depth whose condition failed, 0 if none */
    size_t if_line; /* of the outermost open if */
    char *dir;      /* the file's folder: pictures are found there */
    size_t notes;   /* footnote definitions met: cmark-gfm numbers the
                               references in order and puts the definitions,
                               in that order, at the end */
} loader;

struct tpl_builder {
    loader *L;
    const char *name, *arg; /* the directive being generated */
    size_t line;
    const tpl_doc *doc; /* the document read so far */
};

typedef struct context {
    tpl_kind kind; /* for paragraphs: PARAGRAPH, ITEM or QUOTE */
    int depth;
    int number; /* the item's number, 0 for a bullet */
    bool continued;
} context;

typedef struct run_list {
    tpl_run *runs;
    size_t count, cap;
} run_list;

/* A picture met in a paragraph: placed after it. */
typedef struct picture {
    char *url, *caption;
} picture;

typedef struct picture_list {
    picture *items;
    size_t count, cap;
} picture_list;

/* buf[0..*len) as UTF-8: a file that is not valid UTF-8 is taken for
 * Windows-1252 ("ANSI", as Notepad and Word save a .txt), as the CSV files
 * and report.ini are, and converted; when it is not that either, it is
 * kept as read. */
static char *as_utf8(char *buf, size_t *len)
{
    if (text_is_utf8(buf, *len))
        return buf;
    size_t n = *len;
    char *converted = encoding_from_cp1252_dup(buf, &n);
    if (!converted)
        return buf;
    free(buf);
    *len = n;
    return converted;
}

/* The file's bytes (malloc'd) as UTF-8 (as_utf8), or NULL with errno set:
 * EISDIR for a folder. */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        xalloc_check(errno); /* out of memory is not "cannot read" */
        return NULL;
    }
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        errno = EISDIR;
        return NULL;
    }
    size_t cap = 4096, n = 0;
    char *buf = xmalloc(cap);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap)
            buf = xrealloc(buf, cap *= 2);
    }
    bool bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        errno = EIO;
        return NULL;
    }
    *len = n;
    return as_utf8(buf, len);
}

static const char *own_name(tpl_doc *doc, const char *name)
{
    xgrow((void **)&doc->files, &doc->file_cap, doc->file_count + 1, sizeof *doc->files);
    doc->files[doc->file_count] = xstrdup(name);
    return doc->files[doc->file_count++];
}

static tpl_block *new_block(loader *L, tpl_kind kind, size_t line)
{
    tpl_doc *doc = L->doc;
    xgrow((void **)&doc->blocks, &doc->cap, doc->count + 1, sizeof *doc->blocks);
    tpl_block *b = &doc->blocks[doc->count++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    b->file = L->file;
    b->line = line;
    return b;
}

/* Appends text to the last run when it has the same style and link. */
static void append_run(run_list *rl, const char *text, size_t len, unsigned style, const char *url)
{
    tpl_run *last = rl->count ? &rl->runs[rl->count - 1] : NULL;
    if (last && last->style == style &&
        (last->url == url || (last->url && url && strcmp(last->url, url) == 0))) {
        size_t old = strlen(last->text);
        last->text = xrealloc(last->text, old + len + 1);
        memcpy(last->text + old, text, len);
        last->text[old + len] = '\0';
        return;
    }
    xgrow((void **)&rl->runs, &rl->cap, rl->count + 1, sizeof *rl->runs);
    rl->runs[rl->count++] = (tpl_run){ xstrndup(text, len), style, url ? xstrdup(url) : NULL };
}

/* The line of inline node c, or line (its block's) when cmark has none. */
static size_t inline_line(cmark_node *c, size_t line)
{
    int at = cmark_node_get_start_line(c);
    return at > 0 ? (size_t)at : line;
}

/* Whether html is only comments ("<!-- ... -->"): those are comments. */
static bool only_comments(const char *html)
{
    const char *p = html;
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
            p++;
        if (!*p)
            return true;
        if (strncmp(p, "<!--", 4) != 0)
            return false;
        const char *end = strstr(p + 4, "-->");
        if (!end)
            return false;
        p = end + 3;
    }
}

/* Warns that HTML at line is not shown, quoting its start. */
static void html_warning(loader *L, const char *html, size_t line)
{
    if (!html || only_comments(html))
        return;
    size_t n = strcspn(html, "\n");
    diag_warning(L->d, L->file, line, NULL, "HTML is not shown in the PDF: '%.*s%s'",
                 (int)(n > 60 ? 60 : n), html, n > 60 ? "..." : "");
}

/* What collect_inlines keeps while it walks: the link it is in and that
 * link's text so far, the pictures met and their captions. */
typedef struct inline_state {
    const char *url; /* the innermost open link's target */
    char *link_text;
    size_t link_len, link_cap;
    picture_list *pictures;
    char *caption; /* of the picture being read */
    size_t caption_len, caption_cap;
} inline_state;

/* Appends s[0..n) to the growing string *out (as cat, declared below). */
static void grow_text(char **out, size_t *len, size_t *cap, const char *s, size_t n)
{
    xgrow((void **)out, cap, *len + n + 1, 1);
    memcpy(*out + *len, s, n);
    *len += n;
    (*out)[*len] = '\0';
}

/* Text of a paragraph: into the picture's caption when inside one, else a
 * run (with the link it is in). */
static void add_text(inline_state *st, run_list *rl, const char *text, size_t len, unsigned style,
                     size_t hidden)
{
    if (st->caption && hidden) {
        grow_text(&st->caption, &st->caption_len, &st->caption_cap, text, len);
        return;
    }
    if (hidden)
        return;
    append_run(rl, text, len, style, st->url);
    if (st->url)
        grow_text(&st->link_text, &st->link_len, &st->link_cap, text, len);
}

/* A link's end: its target printed after its text, " (TARGET)", unless the
 * text already says it (an autolink, "mailto:" aside). */
static void end_link(inline_state *st, run_list *rl, unsigned style)
{
    const char *url = st->url, *bare = url;
    if (strncmp(bare, "mailto:", 7) == 0)
        bare += 7;
    const char *text = st->link_text ? st->link_text : "";
    if (*url && strcmp(text, url) != 0 && strcmp(text, bare) != 0) {
        append_run(rl, " (", 2, style, NULL);
        append_run(rl, bare, strlen(bare), style, url);
        append_run(rl, ")", 1, style, NULL);
    }
    st->url = NULL;
    st->link_len = 0;
    if (st->link_text)
        st->link_text[0] = '\0';
}

/* A picture's start: its target kept; its alt text becomes its caption. */
static void start_picture(inline_state *st, cmark_node *c)
{
    free(st->caption);
    st->caption = xstrdup("");
    st->caption_len = 0;
    st->caption_cap = 1;
    const char *url = cmark_node_get_url(c);
    xgrow((void **)&st->pictures->items, &st->pictures->cap, st->pictures->count + 1,
          sizeof *st->pictures->items);
    st->pictures->items[st->pictures->count++] = (picture){ xstrdup(url ? url : ""), NULL };
}

static void end_picture(inline_state *st)
{
    st->pictures->items[st->pictures->count - 1].caption = st->caption;
    st->caption = NULL;
}

/* The text of a paragraph's or heading's inlines as runs: emphasis makes
 * italic, strong emphasis bold, however deeply nested; a link's runs keep
 * its target; a footnote reference is "[N]"; pictures go to pictures (their
 * alt text their caption); raw HTML is a warning.  Iterative (cmark's
 * iterator, a count of open emphases of each kind), so that no input can
 * exhaust the stack. */
static void collect_inlines(loader *L, cmark_node *node, run_list *rl, picture_list *pictures,
                            size_t line)
{
    cmark_iter *it = cmark_iter_new(node);
    size_t italic = 0, bold = 0, hidden = 0; /* open EMPH, STRONG, IMAGE... */
    inline_state st = { .pictures = pictures };
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *c = cmark_iter_get_node(it);
        if (c == node)
            continue;
        bool enter = ev == CMARK_EVENT_ENTER;
        unsigned style = (italic ? TPL_ITALIC : 0) | (bold ? TPL_BOLD : 0);
        const char *lit = cmark_node_get_literal(c);
        cmark_node_type type = cmark_node_get_type(c);
        if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) {
            if (lit)
                add_text(&st, rl, lit, strlen(lit), style, hidden);
        } else if (type == CMARK_NODE_SOFTBREAK) {
            add_text(&st, rl, hidden ? " " : (char[]){ SOFT_BREAK }, 1, style, hidden);
        } else if (type == CMARK_NODE_LINEBREAK) {
            add_text(&st, rl, hidden ? " " : "\n", 1, style, hidden);
        } else if (type == CMARK_NODE_EMPH) {
            italic = enter ? italic + 1 : italic - 1;
        } else if (type == CMARK_NODE_STRONG) {
            bold = enter ? bold + 1 : bold - 1;
        } else if (type == CMARK_NODE_LINK && !hidden) {
            if (enter && !st.url)
                st.url = cmark_node_get_url(c);
            else if (!enter && st.url == cmark_node_get_url(c))
                end_link(&st, rl, style);
        } else if (type == CMARK_NODE_IMAGE) {
            if (enter && hidden++ == 0)
                start_picture(&st, c);
            else if (!enter && --hidden == 0)
                end_picture(&st);
        } else if (type == CMARK_NODE_FOOTNOTE_REFERENCE && enter && !hidden) {
            char mark[32];
            snprintf(mark, sizeof mark, "[%s]", lit ? lit : "");
            append_run(rl, mark, strlen(mark), style, NULL);
        } else if (type == CMARK_NODE_HTML_INLINE) {
            html_warning(L, lit, inline_line(c, line));
        }
    }
    free(st.link_text);
    free(st.caption);
    cmark_iter_free(it);
}

static void free_runs(tpl_run *runs, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        free(runs[i].text);
        free(runs[i].url);
    }
    free(runs);
}

/* Appends s[0..len) to the growing string *out. */
static void cat(char **out, size_t *len, size_t *cap, const char *s, size_t n)
{
    xgrow((void **)out, cap, *len + n + 1, 1);
    memcpy(*out + *len, s, n);
    *len += n;
    (*out)[*len] = '\0';
}

static const char *trim(const char *s, size_t *len)
{
    while (*len && (*s == ' ' || *s == SOFT_BREAK)) {
        s++;
        (*len)--;
    }
    while (*len && (s[*len - 1] == ' ' || s[*len - 1] == SOFT_BREAK))
        (*len)--;
    return s;
}

/* The separators an empty placeholder takes with it ("{{a}} — {{b}}"). */
static const char *const separators[] = { " \xe2\x80\x94 ", " \xe2\x80\x93 ", " \xc2\xb7 ", " | ",
                                          " - " };

/* The length of the separator out ends with, or 0. */
static size_t separator_before(const char *out, size_t len)
{
    for (size_t i = 0; i < sizeof separators / sizeof *separators; i++) {
        size_t n = strlen(separators[i]);
        if (len >= n && memcmp(out + len - n, separators[i], n) == 0)
            return n;
    }
    return 0;
}

/* The length of the separator p starts with, or 0. */
static size_t separator_after(const char *p)
{
    for (size_t i = 0; i < sizeof separators / sizeof *separators; i++)
        if (strncmp(p, separators[i], strlen(separators[i])) == 0)
            return strlen(separators[i]);
    return 0;
}

/* Expands the placeholders of one run; *line follows its source lines.  A
 * placeholder whose value is empty (an address not given) takes one
 * separator next to it away, the one before it else the one after it, so
 * that "{{name}} — {{address}} — {{phone}}" never reads "Dynamo — —". */
static char *expand_run(loader *L, const char *text, size_t *line)
{
    char *out = NULL;
    size_t len = 0, cap = 0;
    cat(&out, &len, &cap, "", 0);
    const char *p = text;
    while (*p) {
        if (*p == SOFT_BREAK) {
            cat(&out, &len, &cap, " ", 1);
            (*line)++;
            p++;
            continue;
        }
        if (*p == '\n')
            (*line)++;
        if (!L->expand || p[0] != '{' || p[1] != '{') {
            cat(&out, &len, &cap, p++, 1);
            continue;
        }
        const char *end = strstr(p + 2, "}}");
        const char *nl = strpbrk(p + 2, "\n\x01");
        if (!end || (nl && nl < end)) {
            diag_data(L->d, L->file, *line, NULL, "unterminated placeholder: '{{' without '}}'");
            L->failed = true;
            cat(&out, &len, &cap, p, 2);
            p += 2;
            continue;
        }
        size_t n = (size_t)(end - p - 2);
        const char *name = trim(p + 2, &n);
        char *key = xstrndup(name, n);
        char value[TPL_VALUE_MAX];
        if (n && key[0] == '%') {
            diag_data(L->d, L->file, *line, NULL,
                      "directive '{{%s}}' must be alone in its paragraph", key);
            L->failed = true;
        } else if (!L->opt->resolve(L->opt->user, key, value, sizeof value)) {
            diag_data(L->d, L->file, *line, NULL, "unknown placeholder '{{%s}}'", key);
            L->failed = true;
        } else if (*value) {
            cat(&out, &len, &cap, value, strlen(value));
        } else if (separator_before(out, len)) {
            len -= separator_before(out, len);
            out[len] = '\0';
        } else if (len == 0 || out[len - 1] == ' ') {
            end += separator_after(end + 2);
        }
        free(key);
        p = end + 2;
    }
    return out;
}

/* Replaces the runs' text by its expansion; drops runs left empty. */
static void expand_runs(loader *L, run_list *rl, size_t line)
{
    size_t kept = 0;
    for (size_t i = 0; i < rl->count; i++) {
        char *text = expand_run(L, rl->runs[i].text, &line);
        free(rl->runs[i].text);
        if (*text) {
            rl->runs[kept++] = (tpl_run){ text, rl->runs[i].style, rl->runs[i].url };
        } else {
            free(text);
            free(rl->runs[i].url);
        }
    }
    rl->count = kept;
}

static char *joined_text(const tpl_run *runs, size_t count)
{
    char *out = NULL;
    size_t len = 0, cap = 0;
    cat(&out, &len, &cap, "", 0);
    for (size_t i = 0; i < count; i++)
        cat(&out, &len, &cap, runs[i].text, strlen(runs[i].text));
    return out;
}

char *tpl_block_text(const tpl_block *b)
{
    return joined_text(b->runs, b->run_count);
}

/* Whether name is in the NULL-terminated list names (NULL: empty). */
static bool listed(const char *const *names, const char *name)
{
    for (const char *const *k = names; k && *k; k++)
        if (strcmp(*k, name) == 0)
            return true;
    return false;
}

static int load_file(loader *L, const char *path, const char *display, bool expand,
                     size_t from_line, bool optional);
static void free_block(tpl_block *b);
static void walk(loader *L, cmark_node *parent, context cx);

/* An included text may start with the heading the template just gave
 * ("# Mission et approches" in both): it is shown once. */
static void drop_repeated_heading(tpl_doc *doc, size_t first)
{
    if (first == 0 || first >= doc->count)
        return;
    tpl_block *given = &doc->blocks[first - 1], *again = &doc->blocks[first];
    if (given->kind != TPL_HEADING || again->kind != TPL_HEADING || given->level != again->level)
        return;
    char *a = tpl_block_text(given), *b = tpl_block_text(again);
    bool same = strcmp(a, b) == 0;
    free(a);
    free(b);
    if (!same)
        return;
    free_block(again);
    memmove(again, again + 1, (doc->count - first - 1) * sizeof *again);
    doc->count--;
}

/* "texts/x.md" -> input_dir/texts/x.md, else templates_dir/PATH; refuses
 * absolute paths and "..".  An optional file that does not exist is
 * skipped. */
static void include_file(loader *L, const char *arg, size_t line, bool optional)
{
    bool bad = arg[0] == '\0' || arg[0] == '/' || strchr(arg, '\\');
    for (const char *s = arg; !bad && *s; s = strchr(s, '/') ? strchr(s, '/') + 1 : s + strlen(s))
        if (strncmp(s, "..", 2) == 0 && (s[2] == '/' || s[2] == '\0'))
            bad = true;
    if (bad) {
        diag_data(L->d, L->file, line, NULL,
                  "include '%s': the path must stay inside templates/ or texts/ "
                  "(no absolute path, no '..')",
                  arg);
        L->failed = true;
        return;
    }
    bool text = strncmp(arg, "texts/", 6) == 0;
    const char *dir = text ? L->opt->input_dir : L->opt->templates_dir;
    size_t size = strlen(dir) + strlen(arg) + 2;
    char *path = xmalloc(size);
    snprintf(path, size, "%s/%s", dir, arg);
    size_t first = L->doc->count;
    if (load_file(L, path, path, false, line, optional) != 0)
        L->failed = true;
    drop_repeated_heading(L->doc, first);
    free(path);
}

static bool input_exists(const loader *L, const char *arg)
{
    size_t size = strlen(L->opt->input_dir) + strlen(arg) + 2;
    char *path = xmalloc(size);
    snprintf(path, size, "%s/%s", L->opt->input_dir, arg);
    bool there = access(path, F_OK) == 0;
    free(path);
    return there;
}

/* The include path of narrative text NAME: "texts/NAME.LANG.md" when the
 * input folder has it (a text in the report's language), else
 * "texts/NAME.md"; NULL, reported, when NAME is not a plain file name. */
static char *text_arg(loader *L, const char *name, size_t line)
{
    if (!*name || name[0] == '.' || strpbrk(name, "/\\")) {
        diag_data(L->d, L->file, line, NULL,
                  "text '%s': expected a file name of input/texts/ without '.md'", name);
        L->failed = true;
        return NULL;
    }
    const char *lang = L->opt->lang ? L->opt->lang : "";
    size_t size = strlen(name) + strlen(lang) + 12;
    char *arg = xmalloc(size);
    snprintf(arg, size, "texts/%s.%s.md", name, lang);
    if (!*lang || !input_exists(L, arg))
        snprintf(arg, size, "texts/%s.md", name);
    return arg;
}

/* "text NAME": the narrative input/texts/NAME.md, when there is one. */
static void include_text(loader *L, const char *name, size_t line)
{
    char *arg = text_arg(L, name, line);
    if (arg)
        include_file(L, arg, line, true);
    free(arg);
}

/* An if's condition: "text[NAME]" holds when the text exists, any other
 * name when it is a known placeholder. */
static bool holds(loader *L, const char *arg, size_t line)
{
    size_t len = strlen(arg);
    if (strncmp(arg, "text[", 5) != 0 || len < 6 || arg[len - 1] != ']') {
        char value[TPL_VALUE_MAX];
        return L->opt->resolve(L->opt->user, arg, value, sizeof value);
    }
    char *name = xstrndup(arg + 5, len - 6);
    char *path = text_arg(L, name, line);
    bool there = path && input_exists(L, path);
    free(path);
    free(name);
    return there;
}

/* "{{% if NAME %}}" and "{{% endif %}}": the blocks between are kept only
 * when placeholder NAME exists.  True when name was one of the two. */
static bool condition(loader *L, const char *name, const char *arg, size_t line)
{
    if (strcmp(name, "if") == 0) {
        if (L->depth++ == 0)
            L->if_line = line;
        if (!L->skip && !holds(L, arg, line))
            L->skip = L->depth;
        return true;
    }
    if (strcmp(name, "endif") != 0)
        return false;
    if (L->depth == 0) {
        diag_data(L->d, L->file, line, NULL, "'{{%% endif %%}}' without '{{%% if %%}}'");
        L->failed = true;
        return true;
    }
    if (L->skip == L->depth)
        L->skip = 0;
    L->depth--;
    return true;
}

static void directive(loader *L, const char *text, size_t line)
{
    size_t len = strlen(text) - 6;
    const char *body = trim(text + 3, &len);
    size_t name_len = strcspn(body, " ");
    if (name_len > len)
        name_len = len;
    char *name = xstrndup(body, name_len);
    size_t arg_len = len - name_len;
    const char *arg = trim(body + name_len, &arg_len);
    char *argument = xstrndup(arg, arg_len);
    for (char *s = argument; *s; s++)
        if (*s == SOFT_BREAK)
            *s = ' ';
    if (condition(L, name, argument, line) || L->skip) {
        /* an if, an endif, or a directive inside a skipped block */
    } else if (strcmp(name, "include") == 0) {
        include_file(L, argument, line, false);
    } else if (strcmp(name, "text") == 0) {
        include_text(L, argument, line);
    } else if (L->opt->generate && listed(L->opt->late, name)) {
        tpl_block *b = new_block(L, TPL_DIRECTIVE, line); /* expanded at the end */
        b->name = name;
        b->arg = argument;
        return;
    } else if (L->opt->generate &&
               L->opt->generate(L->opt->generate_user,
                                &(tpl_builder){ L, name, argument, line, L->doc }, name,
                                argument)) {
        /* expanded into blocks */
    } else if (listed(L->opt->directives, name)) {
        tpl_block *b = new_block(L, TPL_DIRECTIVE, line);
        b->name = name;
        b->arg = argument;
        return;
    } else {
        diag_data(L->d, L->file, line, NULL, "unknown directive '{{%% %s %%}}'", name);
        L->failed = true;
    }
    free(name);
    free(argument);
}

/* A paragraph that is only "{{% ... %}}". */
static bool is_directive(const char *text)
{
    size_t len = strlen(text);
    return len >= 6 && strncmp(text, "{{%", 3) == 0 && strcmp(text + len - 3, "%}}") == 0 &&
           !strstr(text + 3, "{{") && strstr(text + 3, "%}}") == text + len - 3;
}

static bool starts_with_dash(const tpl_run *runs, size_t count)
{
    if (!count)
        return false;
    const char *t = runs[0].text;
    return strncmp(t, "\xe2\x80\x94", 3) == 0 || strncmp(t, "\xe2\x80\x93", 3) == 0 ||
           strncmp(t, "- ", 2) == 0;
}

static void free_pictures(picture_list *pl)
{
    for (size_t i = 0; i < pl->count; i++) {
        free(pl->items[i].url);
        free(pl->items[i].caption);
    }
    free(pl->items);
}

/* The folder of path ("." when it has none), malloc'd. */
static char *folder_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");
}

/* "dir/name", malloc'd. */
static char *joined_path(const char *dir, const char *name)
{
    size_t size = strlen(dir) + strlen(name) + 2;
    char *out = xmalloc(size);
    snprintf(out, size, "%s/%s", dir, name);
    return out;
}

/* url with its %XX escapes decoded (cmark keeps "%20" for a space). */
static char *url_decode(const char *url)
{
    char *out = xmalloc(strlen(url) + 1), *o = out;
    for (const char *p = url; *p; p++) {
        unsigned v;
        if (p[0] == '%' && p[1] && p[2] && sscanf(p + 1, "%2x", &v) == 1 && v) {
            *o++ = (char)v;
            p += 2;
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
    return out;
}

/* Why the picture file at path cannot be drawn, or NULL: it must be a
 * regular file that starts as a PNG or a JPEG does. */
static const char *picture_problem(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return strerror(errno);
    if (!S_ISREG(st.st_mode))
        return N_("not a regular file");
    FILE *f = fopen(path, "rb");
    if (!f)
        return strerror(errno);
    unsigned char head[4] = { 0 };
    size_t got = fread(head, 1, sizeof head, f);
    fclose(f);
    if (got == 4 && memcmp(head, "\x89PNG", 4) == 0)
        return NULL;
    if (got >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        return NULL;
    return N_("neither a PNG nor a JPEG image");
}

/* A picture of a paragraph as a TPL_IMAGE block after it, its file found
 * beside the Markdown file; one that is not a local PNG or JPEG is left
 * out with a warning. */
static void add_picture(loader *L, const picture *pic, size_t line)
{
    if (strstr(pic->url, "://") || strncmp(pic->url, "data:", 5) == 0 || !*pic->url) {
        diag_warning(L->d, L->file, line, NULL,
                     "picture '%s' is not shown: only a PNG or JPEG file beside the text is",
                     pic->url);
        return;
    }
    char *name = url_decode(pic->url);
    char *path = name[0] == '/' ? xstrdup(name) : joined_path(L->dir, name);
    const char *why = picture_problem(path);
    if (why) {
        diag_warning(L->d, L->file, line, NULL, "picture '%s' is not shown: %s", name, _(why));
        free(path);
    } else {
        tpl_block *b = new_block(L, TPL_IMAGE, line);
        b->image = path;
        if (pic->caption && *pic->caption) {
            b->runs = xmalloc(sizeof *b->runs);
            b->runs[0] = (tpl_run){ xstrdup(pic->caption), 0, NULL };
            b->run_count = 1;
        }
    }
    free(name);
}

static void paragraph(loader *L, cmark_node *node, const context *cx, tpl_kind kind, int level)
{
    size_t line = (size_t)cmark_node_get_start_line(node);
    run_list rl = { 0 };
    picture_list pictures = { 0 };
    collect_inlines(L, node, &rl, &pictures, line);
    if (L->expand && kind != TPL_HEADING) {
        char *all = joined_text(rl.runs, rl.count);
        size_t n = strlen(all);
        const char *t = trim(all, &n);
        all[t - all + (ptrdiff_t)n] = '\0';
        if (is_directive(t)) {
            directive(L, t, line);
            free(all);
            free_runs(rl.runs, rl.count);
            free_pictures(&pictures);
            return;
        }
        free(all);
    }
    if (L->skip) {
        free_runs(rl.runs, rl.count);
        free_pictures(&pictures);
        return;
    }
    expand_runs(L, &rl, line);
    if (kind == TPL_QUOTE && starts_with_dash(rl.runs, rl.count))
        kind = TPL_ATTRIBUTION;
    if (rl.count || !pictures.count) { /* a paragraph of only pictures is them */
        tpl_block *b = new_block(L, kind, line);
        b->runs = rl.runs;
        b->run_count = rl.count;
        b->level = kind == TPL_HEADING ? level : cx->depth;
        b->number = cx->number;
        b->continued = cx->continued;
    } else {
        free_runs(rl.runs, rl.count);
    }
    for (size_t i = 0; i < pictures.count; i++)
        add_picture(L, &pictures.items[i], line);
    free_pictures(&pictures);
}

/* A cell's text: its inlines, placeholders expanded in a template. */
static char *cell_text(loader *L, cmark_node *cell, size_t line)
{
    run_list rl = { 0 };
    picture_list pictures = { 0 };
    collect_inlines(L, cell, &rl, &pictures, line);
    if (pictures.count)
        diag_warning(L->d, L->file, line, NULL, "a picture in a table cell is not shown");
    free_pictures(&pictures);
    expand_runs(L, &rl, line);
    char *text = joined_text(rl.runs, rl.count);
    free_runs(rl.runs, rl.count);
    for (char *p = text; *p; p++)
        if (*p == SOFT_BREAK)
            *p = ' ';
    return text;
}

/* A GFM table: a TPL_TABLE block of its cells (a short row filled). */
static void table(loader *L, cmark_node *node, size_t line)
{
    size_t cols = cmark_gfm_extensions_get_table_columns(node), rows = 0;
    for (cmark_node *row = cmark_node_first_child(node); row; row = cmark_node_next(row))
        rows++;
    if (!cols || !rows)
        return;
    tpl_block *b = new_block(L, TPL_TABLE, line);
    b->rows = rows;
    b->cols = cols;
    b->cells = xcalloc(rows * cols, sizeof *b->cells);
    b->aligns = xcalloc(cols + 1, 1);
    const uint8_t *aligns = cmark_gfm_extensions_get_table_alignments(node);
    for (size_t c = 0; aligns && c < cols; c++)
        b->aligns[c] = (char)aligns[c];
    size_t r = 0;
    for (cmark_node *row = cmark_node_first_child(node); row; row = cmark_node_next(row), r++) {
        if (r == 0)
            b->header = cmark_gfm_extensions_get_table_row_is_header(row) != 0;
        size_t c = 0;
        for (cmark_node *cell = cmark_node_first_child(row); cell && c < cols;
             cell = cmark_node_next(cell), c++)
            b->cells[r * cols + c] = cell_text(L, cell, inline_line(row, line));
        for (; c < cols; c++)
            b->cells[r * cols + c] = xstrdup("");
    }
}

/* A footnote's definition, at the end of its file: its paragraphs as
 * TPL_FOOTNOTE blocks, the first starting with its number "[N] ". */
static void footnote(loader *L, cmark_node *node)
{
    size_t number = ++L->notes, first = L->doc->count;
    walk(L, node, (context){ TPL_FOOTNOTE, 0, 0, false });
    if (first >= L->doc->count)
        return;
    tpl_block *b = &L->doc->blocks[first];
    char mark[32];
    snprintf(mark, sizeof mark, "[%zu] ", number);
    b->runs = xrealloc(b->runs, (b->run_count + 1) * sizeof *b->runs);
    memmove(b->runs + 1, b->runs, b->run_count * sizeof *b->runs);
    b->runs[0] = (tpl_run){ xstrdup(mark), 0, NULL };
    b->run_count++;
}

/* Walks a container (list item or block quote) one level deeper, unless
 * that is past TPL_NESTING_MAX: then it is left out, reported once per
 * file.  The walk recurses once per level, so this bounds the stack. */
static void walk_nested(loader *L, cmark_node *node, context cx)
{
    if (L->nesting >= TPL_NESTING_MAX) {
        if (!L->too_deep)
            diag_data(L->d, L->file, (size_t)cmark_node_get_start_line(node), NULL,
                      "lists and quotes nested more than %d levels deep", TPL_NESTING_MAX);
        L->too_deep = L->failed = true;
        return;
    }
    L->nesting++;
    walk(L, node, cx);
    L->nesting--;
}

static void list(loader *L, cmark_node *node, context cx)
{
    bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
    int number = cmark_node_get_list_start(node);
    for (cmark_node *item = cmark_node_first_child(node); item; item = cmark_node_next(item)) {
        context inner = { TPL_ITEM, cx.kind == TPL_ITEM ? cx.depth + 1 : 1, ordered ? number++ : 0,
                          false };
        walk_nested(L, item, inner);
    }
}

static void walk(loader *L, cmark_node *parent, context cx)
{
    for (cmark_node *c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) {
        size_t line = (size_t)cmark_node_get_start_line(c);
        switch (cmark_node_get_type(c)) {
        case CMARK_NODE_PARAGRAPH:
            paragraph(L, c, &cx, cx.kind, 0);
            if (cx.kind == TPL_ITEM)
                cx.continued = true;
            break;
        case CMARK_NODE_HEADING: {
            paragraph(L, c, &cx, TPL_HEADING, cmark_node_get_heading_level(c));
            break;
        }
        case CMARK_NODE_LIST: list(L, c, cx); break;
        case CMARK_NODE_BLOCK_QUOTE: {
            context inner = { TPL_QUOTE, cx.kind == TPL_QUOTE ? cx.depth + 1 : 1, 0, false };
            walk_nested(L, c, inner);
            break;
        }
        case CMARK_NODE_THEMATIC_BREAK:
            if (!L->skip)
                new_block(L, TPL_RULE, line);
            break;
        case CMARK_NODE_CODE_BLOCK: {
            if (L->skip)
                break;
            tpl_block *b = new_block(L, TPL_PARAGRAPH, line);
            const char *lit = cmark_node_get_literal(c);
            b->runs = xmalloc(sizeof *b->runs);
            b->runs[0] = (tpl_run){ xstrdup(lit ? lit : ""), 0, NULL };
            b->run_count = 1;
            break;
        }
        case CMARK_NODE_HTML_BLOCK:
            if (!L->skip)
                html_warning(L, cmark_node_get_literal(c), line);
            break;
        case CMARK_NODE_FOOTNOTE_DEFINITION:
            if (!L->skip)
                footnote(L, c);
            break;
        default:
            if (L->skip)
                break;
            if (strcmp(cmark_node_get_type_string(c), "table") == 0)
                table(L, c, line);
            else
                diag_warning(L->d, L->file, line, NULL, "a Markdown %s is not shown in the PDF",
                             cmark_node_get_type_string(c));
            break;
        }
    }
}

/* cmark's allocator: xalloc's, so that out of memory exits 70 as
 * everywhere else (cmark's own aborts). */
static void *md_calloc(size_t count, size_t size)
{
    return xcalloc(count, size);
}

static void *md_realloc(void *p, size_t size)
{
    return xrealloc(p, size);
}

/* The Markdown src as GitHub Flavored Markdown: tables, footnotes, bare
 * URLs as links. */
static cmark_node *parse(const char *src, size_t len)
{
    static cmark_mem mem = { md_calloc, md_realloc, free };
    cmark_gfm_core_extensions_ensure_registered();
    cmark_parser *parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES, &mem);
    static const char *const extensions[] = { "table", "autolink" };
    for (size_t i = 0; i < sizeof extensions / sizeof *extensions; i++) {
        cmark_syntax_extension *ext = cmark_find_syntax_extension(extensions[i]);
        if (ext)
            cmark_parser_attach_syntax_extension(parser, ext);
    }
    cmark_parser_feed(parser, src, len);
    cmark_node *root = cmark_parser_finish(parser);
    cmark_parser_free(parser);
    return root;
}

static int load_file(loader *L, const char *path, const char *display, bool expand,
                     size_t from_line, bool optional)
{
    size_t len = 0;
    char *src = read_file(path, &len);
    if (!src && optional && errno == ENOENT)
        return 0;
    if (!src && errno == EISDIR) {
        if (from_line)
            diag_report(L->d, EXIT_NOINPUT, path, 0, NULL,
                        "is a folder, not a file (included at %s:%zu)", L->file, from_line);
        else
            diag_report(L->d, EXIT_NOINPUT, display, 0, NULL, "is a folder, not a file");
        return -1;
    }
    if (!src) {
        if (from_line)
            diag_report(L->d, EXIT_NOINPUT, L->file, from_line, NULL,
                        "cannot read included file '%s': %s", path, strerror(errno));
        else
            diag_report(L->d, EXIT_NOINPUT, display, 0, NULL, "cannot read: %s", strerror(errno));
        return -1;
    }
    cmark_node *root = parse(src, len);
    free(src);
    loader inner = *L;
    inner.dir = folder_of(path);
    inner.notes = 0;
    inner.file = own_name(L->doc, display);
    inner.expand = expand;
    inner.failed = false;
    inner.depth = inner.skip = inner.nesting = 0;
    inner.too_deep = false;
    walk(&inner, root, (context){ TPL_PARAGRAPH, 0, 0, false });
    if (inner.depth > 0) {
        diag_data(L->d, inner.file, inner.if_line, NULL,
                  "'{{%% if %%}}' without '{{%% endif %%}}'");
        inner.failed = true;
    }
    cmark_node_free(root);
    free(inner.dir);
    return inner.failed ? -1 : 0;
}

/* ---- generated blocks -------------------------------------------------- */

static tpl_block *data_block(tpl_builder *b, tpl_kind kind, const char *text)
{
    tpl_block *k = new_block(b->L, kind, b->line);
    k->runs = xmalloc(sizeof *k->runs);
    k->runs[0] = (tpl_run){ xstrdup(text), 0, NULL };
    k->run_count = 1;
    return k;
}

void tpl_add_heading(tpl_builder *b, int level, const char *text)
{
    data_block(b, TPL_HEADING, text)->level = level;
}

void tpl_add_paragraph(tpl_builder *b, const char *text)
{
    data_block(b, TPL_PARAGRAPH, text);
}

void tpl_add_directive(tpl_builder *b, const char *name, const char *arg)
{
    tpl_block *k = new_block(b->L, TPL_DIRECTIVE, b->line);
    k->name = xstrdup(name);
    k->arg = xstrdup(arg);
}

void tpl_add_text(tpl_builder *b, const char *name)
{
    include_text(b->L, name, b->line);
}

void tpl_builder_fail(tpl_builder *b, const char *why)
{
    diag_data(b->L->d, b->L->file, b->line, NULL, "directive '{{%% %s%s%s %%}}': %s", b->name,
              *b->arg ? " " : "", b->arg, why);
    b->L->failed = true;
}

const tpl_doc *tpl_builder_doc(const tpl_builder *b)
{
    return b->doc;
}

/* Replaces block at of doc by part's blocks, and gives doc part's file
 * names; part is left empty. */
static void splice(tpl_doc *doc, size_t at, tpl_doc *part)
{
    size_t n = part->count, tail = doc->count - at - 1;
    free_block(&doc->blocks[at]);
    xgrow((void **)&doc->blocks, &doc->cap, doc->count + n, sizeof *doc->blocks);
    memmove(doc->blocks + at + n, doc->blocks + at + 1, tail * sizeof *doc->blocks);
    if (n)
        memcpy(doc->blocks + at, part->blocks, n * sizeof *doc->blocks);
    doc->count = doc->count - 1 + n;
    for (size_t i = 0; i < part->file_count; i++) {
        xgrow((void **)&doc->files, &doc->file_cap, doc->file_count + 1, sizeof *doc->files);
        doc->files[doc->file_count++] = part->files[i];
    }
    free(part->blocks);
    free(part->files);
    memset(part, 0, sizeof *part);
}

/* Expands the late directives, in order, each at its place: generated
 * into a document of its own, with the whole template in view, then put
 * in the directive's stead.  False when one failed. */
static bool expand_late(loader *L)
{
    tpl_doc *doc = L->doc;
    bool ok = true;
    size_t i = 0;
    while (i < doc->count) {
        const tpl_block *b = &doc->blocks[i];
        if (b->kind != TPL_DIRECTIVE || !listed(L->opt->late, b->name)) {
            i++;
            continue;
        }
        tpl_doc part = { 0 };
        loader inner = *L;
        inner.doc = &part;
        inner.file = b->file;
        inner.failed = false;
        tpl_builder builder = { &inner, b->name, b->arg, b->line, doc };
        if (!L->opt->generate(L->opt->generate_user, &builder, b->name, b->arg)) {
            diag_data(L->d, b->file, b->line, NULL, "unknown directive '{{%% %s %%}}'", b->name);
            inner.failed = true;
        }
        ok = ok && !inner.failed;
        size_t added = part.count;
        splice(doc, i, &part);
        i += added; /* generated blocks are not expanded again */
    }
    return ok;
}

/* ---- the document ------------------------------------------------------ */

/* Leaves out every heading with nothing under it: followed by a heading of
 * its level or above, or by the end.  From the end, so that a section
 * holding only empty sub-headings goes too. */
static void drop_empty_headings(tpl_doc *doc)
{
    for (size_t i = doc->count; i-- > 0;) {
        tpl_block *b = &doc->blocks[i];
        if (b->kind != TPL_HEADING)
            continue;
        const tpl_block *next = i + 1 < doc->count ? b + 1 : NULL;
        if (next && (next->kind != TPL_HEADING || next->level > b->level))
            continue;
        free_block(b);
        memmove(b, b + 1, (doc->count - i - 1) * sizeof *b);
        doc->count--;
    }
}

int tpl_load(tpl_doc *doc, const char *path, const char *display, const tpl_options *opt, diag *d)
{
    memset(doc, 0, sizeof *doc);
    loader L = { .doc = doc, .opt = opt, .d = d, .file = display, .expand = true };
    int rc = load_file(&L, path, display, true, 0, false);
    if (!expand_late(&L))
        rc = -1;
    drop_empty_headings(doc);
    return rc;
}

static void free_block(tpl_block *b)
{
    free_runs(b->runs, b->run_count);
    free(b->image);
    for (size_t i = 0; b->cells && i < b->rows * b->cols; i++)
        free(b->cells[i]);
    free(b->cells);
    free(b->aligns);
    free(b->name);
    free(b->arg);
}

void tpl_doc_free(tpl_doc *doc)
{
    for (size_t i = 0; i < doc->count; i++)
        free_block(&doc->blocks[i]);
    free(doc->blocks);
    for (size_t i = 0; i < doc->file_count; i++)
        free(doc->files[i]);
    free(doc->files);
    memset(doc, 0, sizeof *doc);
}
