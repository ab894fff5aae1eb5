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
#include "lib/text.h"
#include "lib/xalloc.h"

#include <cmark.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SOFT_BREAK '\x01'   /* marks a source line break inside a run */

typedef struct loader {
    tpl_doc *doc;
    const tpl_options *opt;
    diag *d;
    const char *file;       /* display name, owned by doc */
    bool expand;            /* template text (true) or included text */
    bool failed;
    int nesting;            /* open list items and block quotes */
    bool too_deep;          /* nesting past TPL_NESTING_MAX reported */
    int depth;              /* open {{% if %}} blocks */
    int skip;               /* the depth whose condition failed, 0 if none */
    size_t if_line;         /* of the outermost open if */
} loader;

struct tpl_builder {
    loader *L;
    const char *name, *arg;  /* the directive being generated */
    size_t line;
    const tpl_doc *doc;      /* the document read so far */
};

typedef struct context {
    tpl_kind kind;          /* for paragraphs: PARAGRAPH, ITEM or QUOTE */
    int depth;
    int number;             /* the item's number, 0 for a bullet */
    bool continued;
} context;

typedef struct run_list {
    tpl_run *runs;
    size_t count, cap;
} run_list;

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
        xalloc_check(errno);       /* out of memory is not "cannot read" */
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

/* Appends text to the last run when it has the same style. */
static void append_run(run_list *rl, const char *text, size_t len, unsigned style)
{
    if (rl->count && rl->runs[rl->count - 1].style == style) {
        tpl_run *r = &rl->runs[rl->count - 1];
        size_t old = strlen(r->text);
        r->text = xrealloc(r->text, old + len + 1);
        memcpy(r->text + old, text, len);
        r->text[old + len] = '\0';
        return;
    }
    xgrow((void **)&rl->runs, &rl->cap, rl->count + 1, sizeof *rl->runs);
    rl->runs[rl->count++] = (tpl_run){ xstrndup(text, len), style };
}

/* The text of a paragraph's or heading's inlines as runs: emphasis makes
 * italic, strong emphasis bold, however deeply nested.  Iterative (cmark's
 * iterator, a count of open emphases of each kind), so that no input can
 * exhaust the stack. */
static void collect_inlines(cmark_node *node, run_list *rl)
{
    cmark_iter *it = cmark_iter_new(node);
    size_t italic = 0, bold = 0, hidden = 0;   /* open EMPH, STRONG, IMAGE... */
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *c = cmark_iter_get_node(it);
        if (c == node)
            continue;
        bool enter = ev == CMARK_EVENT_ENTER;
        unsigned style = (italic ? TPL_ITALIC : 0) | (bold ? TPL_BOLD : 0);
        const char *lit = cmark_node_get_literal(c);
        switch (cmark_node_get_type(c)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
            if (lit && !hidden)
                append_run(rl, lit, strlen(lit), style);
            break;
        case CMARK_NODE_SOFTBREAK:
            if (!hidden)
                append_run(rl, (char[]){ SOFT_BREAK }, 1, style);
            break;
        case CMARK_NODE_LINEBREAK:
            if (!hidden)
                append_run(rl, "\n", 1, style);
            break;
        case CMARK_NODE_EMPH:
            italic = enter ? italic + 1 : italic - 1;
            break;
        case CMARK_NODE_STRONG:
            bold = enter ? bold + 1 : bold - 1;
            break;
        case CMARK_NODE_LINK:
            break;
        case CMARK_NODE_IMAGE:
        case CMARK_NODE_CUSTOM_INLINE:   /* not shown, nor what they hold */
            hidden = enter ? hidden + 1 : hidden - 1;
            break;
        default:            /* raw HTML: not shown */
            break;
        }
    }
    cmark_iter_free(it);
}

static void free_runs(tpl_run *runs, size_t count)
{
    for (size_t i = 0; i < count; i++)
        free(runs[i].text);
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

/* Expands the placeholders of one run; *line follows its source lines. */
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
        } else {
            cat(&out, &len, &cap, value, strlen(value));
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
        if (*text)
            rl->runs[kept++] = (tpl_run){ text, rl->runs[i].style };
        else
            free(text);
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
                  "(no absolute path, no '..')", arg);
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
        tpl_block *b = new_block(L, TPL_DIRECTIVE, line);   /* expanded at the end */
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

static void paragraph(loader *L, cmark_node *node, const context *cx, tpl_kind kind,
                      int level)
{
    size_t line = (size_t)cmark_node_get_start_line(node);
    run_list rl = { 0 };
    collect_inlines(node, &rl);
    if (L->expand && kind != TPL_HEADING) {
        char *all = joined_text(rl.runs, rl.count);
        size_t n = strlen(all);
        const char *t = trim(all, &n);
        all[t - all + (ptrdiff_t)n] = '\0';
        if (is_directive(t)) {
            directive(L, t, line);
            free(all);
            free_runs(rl.runs, rl.count);
            return;
        }
        free(all);
    }
    if (L->skip) {
        free_runs(rl.runs, rl.count);
        return;
    }
    expand_runs(L, &rl, line);
    if (kind == TPL_QUOTE && starts_with_dash(rl.runs, rl.count))
        kind = TPL_ATTRIBUTION;
    tpl_block *b = new_block(L, kind, line);
    b->runs = rl.runs;
    b->run_count = rl.count;
    b->level = kind == TPL_HEADING ? level : cx->depth;
    b->number = cx->number;
    b->continued = cx->continued;
}

static void walk(loader *L, cmark_node *parent, context cx);

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
        context inner = { TPL_ITEM, cx.kind == TPL_ITEM ? cx.depth + 1 : 1,
                          ordered ? number++ : 0, false };
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
        case CMARK_NODE_LIST:
            list(L, c, cx);
            break;
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
            b->runs[0] = (tpl_run){ xstrdup(lit ? lit : ""), 0 };
            b->run_count = 1;
            break;
        }
        default:            /* HTML blocks (comments) are not shown */
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

/* The document tree of len bytes of Markdown at src. */
static cmark_node *parse_markdown(const char *src, size_t len)
{
    static cmark_mem mem = { md_calloc, md_realloc, free };
    cmark_parser *parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, &mem);
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
            diag_report(L->d, EXIT_NOINPUT, display, 0, NULL, "cannot read: %s",
                        strerror(errno));
        return -1;
    }
    cmark_node *root = parse_markdown(src, len);
    free(src);
    loader inner = *L;
    inner.file = own_name(L->doc, display);
    inner.expand = expand;
    inner.failed = false;
    inner.depth = inner.skip = inner.nesting = 0;
    inner.too_deep = false;
    walk(&inner, root, (context){ TPL_PARAGRAPH, 0, 0, false });
    if (inner.depth > 0) {
        diag_data(L->d, inner.file, inner.if_line, NULL, "'{{%% if %%}}' without '{{%% endif %%}}'");
        inner.failed = true;
    }
    cmark_node_free(root);
    return inner.failed ? -1 : 0;
}

/* ---- generated blocks -------------------------------------------------- */

static tpl_block *data_block(tpl_builder *b, tpl_kind kind, const char *text)
{
    tpl_block *k = new_block(b->L, kind, b->line);
    k->runs = xmalloc(sizeof *k->runs);
    k->runs[0] = (tpl_run){ xstrdup(text), 0 };
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
    diag_data(b->L->d, b->L->file, b->line, NULL, "directive '{{%% %s%s%s %%}}': %s",
              b->name, *b->arg ? " " : "", b->arg, why);
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
        i += added;   /* generated blocks are not expanded again */
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

int tpl_load(tpl_doc *doc, const char *path, const char *display,
             const tpl_options *opt, diag *d)
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
