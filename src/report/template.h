/* template.h - the report's Markdown template (cmark) -> a flat list of
 * blocks: headings, paragraphs, list items, quotes, rules and directives,
 * with placeholders already replaced by their text.
 *
 * Syntax (docs/templates.md): "{{name}}" in text is a placeholder; a
 * paragraph that is only "{{% name argument %}}" is a directive.  The
 * directives "include PATH", "text NAME" and "if NAME" ... "endif" are
 * handled here: a file's Markdown is inserted as is, never expanded.  A
 * generator (tpl_options.generate) may expand other directives into blocks
 * ("axes": a section per program area), at once or, for a "late" one
 * ("people_others"), once every other block is known.  A heading with
 * nothing under it is left out.  Text that comes from data is never scanned for template
 * syntax.  A file that is not valid UTF-8 is read as Windows-1252, as the
 * CSV files are.
 *
 * GitHub Flavored Markdown (cmark-gfm): a table is a TPL_TABLE block, a
 * picture ("![caption](file.png)", relative to the file's folder) a
 * TPL_IMAGE block after its paragraph, a footnote reference "[1]" in the
 * text with its definition a TPL_FOOTNOTE block at the end of its file, a
 * link's target kept on its runs (and printed after its text when the
 * text is not the target).  What is still not shown (raw HTML, a picture
 * that cannot be read or is not local) is a warning at its line; HTML
 * comments are comments. */
#ifndef BILAN_TEMPLATE_H
#define BILAN_TEMPLATE_H

#include "lib/diag.h"

#include <stdbool.h>
#include <stddef.h>

enum { TPL_BOLD = 1, TPL_ITALIC = 2 };

typedef struct tpl_run {
    char *text;     /* UTF-8; "\n" is a forced line break */
    unsigned style; /* TPL_BOLD | TPL_ITALIC */
    char *url;      /* a link's target, or NULL */
} tpl_run;

typedef enum tpl_kind {
    TPL_HEADING, /* level 1..6 */
    TPL_PARAGRAPH,
    TPL_ITEM,        /* a list item's paragraph: depth, number */
    TPL_QUOTE,       /* a paragraph inside a block quote */
    TPL_ATTRIBUTION, /* a quote paragraph starting with a dash */
    TPL_RULE,
    TPL_DIRECTIVE, /* name and argument */
    TPL_IMAGE,     /* a picture: image, its caption in runs */
    TPL_TABLE,     /* a GFM table: cells */
    TPL_FOOTNOTE   /* a paragraph of a footnote ("[1] ...") */
} tpl_kind;

typedef struct tpl_block {
    tpl_kind kind;
    int level;      /* heading level; list or quote depth from 1 */
    int number;     /* ordered item: its number; bullet: 0 */
    bool continued; /* an item's later paragraph: no marker */
    tpl_run *runs;
    size_t run_count;
    char *name, *arg; /* directive; arg "" when none */
    char *image;      /* TPL_IMAGE: the PNG or JPEG file's path */
    char **cells;     /* TPL_TABLE: rows x cols texts, row by row */
    size_t rows, cols;
    char *aligns;     /* TPL_TABLE: each column's 'l', 'c', 'r' or 0 */
    bool header;      /* TPL_TABLE: the first row is its header */
    const char *file; /* display name of the file it came from */
    size_t line;
} tpl_block;

typedef struct tpl_doc {
    tpl_block *blocks;
    size_t count, cap;
    char **files; /* owned display names */
    size_t file_count, file_cap;
} tpl_doc;

/* Writes the text of placeholder name into out; false when unknown. */
typedef bool (*tpl_resolve_fn)(void *user, const char *name, char *out, size_t size);

/* Where a generator adds the blocks a directive stands for (opaque). */
typedef struct tpl_builder tpl_builder;

/* Expands directive name (argument arg) into blocks with the tpl_add_*
 * calls; false when name is not one it generates. */
typedef bool (*tpl_generate_fn)(void *user, tpl_builder *b, const char *name, const char *arg);

typedef struct tpl_options {
    const char *templates_dir; /* includes other than texts/... */
    const char *input_dir;     /* includes "texts/..." resolve here */
    tpl_resolve_fn resolve;
    void *user;
    const char *const *directives; /* known names, NULL-terminated */
    const char *lang;              /* "fr": "text NAME" prefers texts/NAME.fr.md; NULL */
    tpl_generate_fn generate;      /* NULL: no generated directives */
    void *generate_user;
    /* Generated directives expanded only once the whole template is read,
     * at their place, so that they can look at every other block
     * (tpl_builder_doc): NULL-terminated, NULL when none. */
    const char *const *late;
} tpl_options;

enum { TPL_VALUE_MAX = 1024 }; /* the longest placeholder text */

/* The deepest lists and block quotes may nest (together): a file nested
 * deeper is refused at the line where it goes past (65). */
enum { TPL_NESTING_MAX = 32 };

/* Parses path (display is its name in diagnostics).  Returns 0, or -1
 * with every problem reported: unknown placeholders and directives, bad
 * includes, lists and quotes nested past TPL_NESTING_MAX (65), a missing
 * template or included file, or a folder where a file is expected (66). */
int tpl_load(tpl_doc *doc, const char *path, const char *display, const tpl_options *opt, diag *d);
void tpl_doc_free(tpl_doc *doc);

/* Blocks added by a generator, at the directive's place and line.  Their
 * text is data: one run, never scanned for placeholders. */
void tpl_add_heading(tpl_builder *b, int level, const char *text);
void tpl_add_paragraph(tpl_builder *b, const char *text);
void tpl_add_directive(tpl_builder *b, const char *name, const char *arg);
/* As "{{% text NAME %}}": the narrative text NAME when there is one. */
void tpl_add_text(tpl_builder *b, const char *name);
/* Reports "directive '{{% NAME ARG %}}': why" at the directive's line. */
void tpl_builder_fail(tpl_builder *b, const char *why);
/* The document read so far; for a late directive, the whole template
 * (late directives not yet expanded are directive blocks in it). */
const tpl_doc *tpl_builder_doc(const tpl_builder *b);

/* The block's text, runs concatenated (malloc'd). */
char *tpl_block_text(const tpl_block *b);

#endif
