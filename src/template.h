/* template.h - the report's Markdown template (cmark) -> a flat list of
 * blocks: headings, paragraphs, list items, quotes, rules and directives,
 * with placeholders already replaced by their text.
 *
 * Syntax (docs/templates.md): "{{name}}" in text is a placeholder; a
 * paragraph that is only "{{% name argument %}}" is a directive.  The
 * directive "include PATH" is handled here: the file's Markdown is inserted
 * as is, never expanded.  Text that comes from data is never scanned for
 * template syntax. */
#ifndef BILAN_TEMPLATE_H
#define BILAN_TEMPLATE_H

#include "diag.h"

#include <stdbool.h>
#include <stddef.h>

enum {
    TPL_BOLD = 1,
    TPL_ITALIC = 2
};

typedef struct tpl_run {
    char *text;                /* UTF-8; "\n" is a forced line break */
    unsigned style;            /* TPL_BOLD | TPL_ITALIC */
} tpl_run;

typedef enum tpl_kind {
    TPL_HEADING,               /* level 1..6 */
    TPL_PARAGRAPH,
    TPL_ITEM,                  /* a list item's paragraph: depth, number */
    TPL_QUOTE,                 /* a paragraph inside a block quote */
    TPL_ATTRIBUTION,           /* a quote paragraph starting with a dash */
    TPL_RULE,
    TPL_DIRECTIVE              /* name and argument */
} tpl_kind;

typedef struct tpl_block {
    tpl_kind kind;
    int level;                 /* heading level; list or quote depth from 1 */
    int number;                /* ordered item: its number; bullet: 0 */
    bool continued;            /* an item's later paragraph: no marker */
    tpl_run *runs;
    size_t run_count;
    char *name, *arg;          /* directive; arg "" when none */
    const char *file;          /* display name of the file it came from */
    size_t line;
} tpl_block;

typedef struct tpl_doc {
    tpl_block *blocks;
    size_t count, cap;
    char **files;              /* owned display names */
    size_t file_count, file_cap;
} tpl_doc;

/* Writes the text of placeholder name into out; false when unknown. */
typedef bool (*tpl_resolve_fn)(void *user, const char *name, char *out, size_t size);

typedef struct tpl_options {
    const char *templates_dir; /* includes other than texts/... */
    const char *input_dir;     /* includes "texts/..." resolve here */
    tpl_resolve_fn resolve;
    void *user;
    const char *const *directives;  /* known names, NULL-terminated */
} tpl_options;

enum { TPL_VALUE_MAX = 1024 };  /* the longest placeholder text */

/* Parses path (display is its name in diagnostics).  Returns 0, or -1
 * with every problem reported: unknown placeholders and directives, bad
 * includes (65), a missing template or included file (66). */
int tpl_load(tpl_doc *doc, const char *path, const char *display,
             const tpl_options *opt, diag *d);
void tpl_doc_free(tpl_doc *doc);

/* The block's text, runs concatenated (malloc'd). */
char *tpl_block_text(const tpl_block *b);

#endif
