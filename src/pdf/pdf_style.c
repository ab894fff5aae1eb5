/* pdf_style.c - templates/style.ini (inih) -> struct pdf_style, fonts
 * found through fontconfig.  Only TrueType files can be embedded by
 * libharu, so a match in another format is an error. */
#include "pdf/pdf_style.h"
#include "lib/xalloc.h"

#include <errno.h>
#include <fontconfig/fontconfig.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

typedef enum style_problem {
    STYLE_OK,
    STYLE_UNKNOWN,          /* section or key */
    STYLE_VALUE             /* a value that does not parse */
} style_problem;

typedef struct style_state {
    pdf_style *s;
    style_problem problem;
    char section[64], name[64], value[128];
} style_state;

static const char *const face_keys[PDF_FACE_COUNT] = {
    "regular", "bold", "italic", "bold_italic"
};

static void set_font(pdf_style *s, int face, const char *value)
{
    free(s->font[face]);
    s->font[face] = xstrdup(value);
}

static void style_defaults(pdf_style *s)
{
    memset(s, 0, sizeof *s);
    *s = (pdf_style){
        .page_width = 612, .page_height = 792,
        .margin_top = 72, .margin_bottom = 64, .margin_left = 68, .margin_right = 68,
        .size_body = 10, .size_h1 = 20, .size_h2 = 13, .size_h3 = 11,
        .size_table = 8.5, .size_small = 8,
        .size_cover_title = 30, .size_cover_org = 44,
        .leading = 1.4, .paragraph_space = 6,
        .text = { 0.13, 0.13, 0.13 }, .accent = { 0.60, 0.42, 0.0 },
        .muted = { 0.4, 0.4, 0.4 }, .rule = { 0.6, 0.6, 0.6 },
        .bar_current = { 0.25, 0.25, 0.25 }, .bar_previous = { 0.75, 0.75, 0.75 },
        .section_new_page = true, .list_columns = 2,
    };
    set_font(s, PDF_FACE_REGULAR, "DejaVu Serif");
    set_font(s, PDF_FACE_BOLD, "DejaVu Serif:bold");
    set_font(s, PDF_FACE_ITALIC, "DejaVu Serif:italic");
    set_font(s, PDF_FACE_BOLD_ITALIC, "DejaVu Serif:bold:italic");
}

static bool parse_number(const char *v, double lo, double hi, double *out)
{
    char *end;
    errno = 0;
    double x = strtod(v, &end);
    if (end == v || *end || errno || !(x >= lo && x <= hi))
        return false;
    *out = x;
    return true;
}

static bool parse_color(const char *v, pdf_color *out)
{
    unsigned r, g, b;
    char tail;
    if (strlen(v) != 7 || sscanf(v, "#%2x%2x%2x%c", &r, &g, &b, &tail) != 3)
        return false;
    *out = (pdf_color){ r / 255.0, g / 255.0, b / 255.0 };
    return true;
}

static bool parse_page_size(pdf_style *s, const char *v)
{
    if (strcasecmp(v, "letter") == 0)
        s->page_width = 612, s->page_height = 792;
    else if (strcasecmp(v, "legal") == 0)
        s->page_width = 612, s->page_height = 1008;
    else if (strcasecmp(v, "a4") == 0)
        s->page_width = 595.28, s->page_height = 841.89;
    else
        return false;
    return true;
}

typedef struct number_key {
    const char *section, *name;
    size_t offset;
    double lo, hi;
} number_key;

#define NUM(sec, key, field, lo, hi) { sec, key, offsetof(pdf_style, field), lo, hi }
static const number_key number_keys[] = {
    NUM("page", "margin_top", margin_top, 0, 300),
    NUM("page", "margin_bottom", margin_bottom, 0, 300),
    NUM("page", "margin_left", margin_left, 0, 300),
    NUM("page", "margin_right", margin_right, 0, 300),
    NUM("sizes", "body", size_body, 4, 40),
    NUM("sizes", "h1", size_h1, 4, 72),
    NUM("sizes", "h2", size_h2, 4, 72),
    NUM("sizes", "h3", size_h3, 4, 72),
    NUM("sizes", "table", size_table, 4, 40),
    NUM("sizes", "small", size_small, 4, 40),
    NUM("sizes", "cover_title", size_cover_title, 4, 120),
    NUM("sizes", "cover_organisation", size_cover_org, 4, 120),
    NUM("spacing", "leading", leading, 1, 3),
    NUM("spacing", "paragraph", paragraph_space, 0, 72),
};

typedef struct color_key {
    const char *name;
    size_t offset;
} color_key;

static const color_key color_keys[] = {
    { "text", offsetof(pdf_style, text) },
    { "accent", offsetof(pdf_style, accent) },
    { "muted", offsetof(pdf_style, muted) },
    { "rule", offsetof(pdf_style, rule) },
    { "bar_current", offsetof(pdf_style, bar_current) },
    { "bar_previous", offsetof(pdf_style, bar_previous) },
};

/* 1 known and valid, 0 known but invalid, -1 unknown. */
static int set_value(pdf_style *s, const char *section, const char *name, const char *v)
{
    char *base = (char *)s;
    for (size_t i = 0; i < sizeof number_keys / sizeof *number_keys; i++)
        if (!strcmp(section, number_keys[i].section) && !strcmp(name, number_keys[i].name))
            return parse_number(v, number_keys[i].lo, number_keys[i].hi,
                                (double *)(void *)(base + number_keys[i].offset));
    if (!strcmp(section, "colors"))
        for (size_t i = 0; i < sizeof color_keys / sizeof *color_keys; i++)
            if (!strcmp(name, color_keys[i].name))
                return parse_color(v, (pdf_color *)(void *)(base + color_keys[i].offset));
    if (!strcmp(section, "fonts"))
        for (int f = 0; f < PDF_FACE_COUNT; f++)
            if (!strcmp(name, face_keys[f])) {
                set_font(s, f, v);
                return *v != '\0';
            }
    if (!strcmp(section, "page") && !strcmp(name, "size"))
        return parse_page_size(s, v);
    if (!strcmp(section, "layout") && !strcmp(name, "section_new_page")) {
        s->section_new_page = !strcmp(v, "yes");
        return !strcmp(v, "yes") || !strcmp(v, "no");
    }
    if (!strcmp(section, "layout") && !strcmp(name, "list_columns")) {
        double n;
        if (!parse_number(v, 1, 3, &n) || n != (int)n)
            return 0;
        s->list_columns = (int)n;
        return 1;
    }
    return -1;
}

static int on_entry(void *user, const char *section, const char *name, const char *value)
{
    style_state *st = user;
    if (st->problem)
        return 1;
    int rc = set_value(st->s, section, name, value);
    if (rc == 1)
        return 1;
    st->problem = rc == 0 ? STYLE_VALUE : STYLE_UNKNOWN;
    snprintf(st->section, sizeof st->section, "%s", section);
    snprintf(st->name, sizeof st->name, "%s", name);
    snprintf(st->value, sizeof st->value, "%s", value);
    return 0;
}

/* A path when it contains '/', else a fontconfig pattern. */
static char *find_font(const char *spec)
{
    if (strchr(spec, '/'))
        return xstrdup(spec);
    FcPattern *pat = FcNameParse((const FcChar8 *)spec);
    if (!pat)
        return NULL;
    FcConfigSubstitute(NULL, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res;
    FcPattern *match = FcFontMatch(NULL, pat, &res);
    FcPatternDestroy(pat);
    char *path = NULL;
    FcChar8 *file, *format;
    if (match && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
        FcPatternGetString(match, FC_FONTFORMAT, 0, &format) == FcResultMatch &&
        strcmp((const char *)format, "TrueType") == 0)
        path = xstrdup((const char *)file);
    if (match)
        FcPatternDestroy(match);
    return path;
}

/* fontconfig is started and stopped here, so that nothing of it outlives
 * the lookups (its caches would otherwise show as leaks). */
static int resolve_fonts(pdf_style *s, const char *path, diag *d)
{
    int rc = 0;
    if (!FcInit()) {
        diag_report(d, EXIT_SOFTWARE, path, 0, NULL, "cannot start fontconfig");
        return -1;
    }
    for (int f = 0; f < PDF_FACE_COUNT; f++) {
        free(s->font_path[f]);
        s->font_path[f] = find_font(s->font[f]);
        if (!s->font_path[f]) {
            diag_report(d, EXIT_NOINPUT, path, 0, NULL,
                        "[fonts] %s: no TrueType font matches '%s' (install fonts-dejavu-core)",
                        face_keys[f], s->font[f]);
            rc = -1;
        }
    }
    FcFini();
    return rc;
}

int pdf_style_load(pdf_style *s, const char *path, diag *d)
{
    style_defaults(s);
    struct stat info;
    if (stat(path, &info) == 0 && S_ISDIR(info.st_mode)) {   /* ini_parse reads it as empty */
        diag_report(d, EXIT_NOINPUT, path, 0, NULL, "is a folder, not a file");
        return -1;
    }
    style_state st = { .s = s };
    int rc = ini_parse(path, on_entry, &st);
    if (rc == -1) {
        diag_report(d, EXIT_NOINPUT, path, 0, NULL, "cannot read: %s", strerror(errno));
        return -1;
    }
    if (rc > 0 && st.problem == STYLE_UNKNOWN) {
        diag_data(d, path, (size_t)rc, NULL, "unknown setting '%s' in [%s]", st.name, st.section);
        return -1;
    }
    if (rc > 0 && st.problem == STYLE_VALUE) {
        diag_data(d, path, (size_t)rc, NULL, "[%s] %s: bad value '%s'",
                  st.section, st.name, st.value);
        return -1;
    }
    if (rc != 0) {
        diag_data(d, path, rc > 0 ? (size_t)rc : 0, NULL, "not a valid ini line");
        return -1;
    }
    return resolve_fonts(s, path, d);
}

void pdf_style_free(pdf_style *s)
{
    for (int f = 0; f < PDF_FACE_COUNT; f++) {
        free(s->font[f]);
        free(s->font_path[f]);
        s->font[f] = s->font_path[f] = NULL;
    }
}
