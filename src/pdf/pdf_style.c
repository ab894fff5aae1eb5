/* pdf_style.c - templates/style.ini (inih) -> struct pdf_style, fonts
 * found through fontconfig.  Only TrueType files can be embedded by
 * libharu, so a match in another format is an error; so is a font of
 * another family than the one asked for (fontconfig falls back on any
 * font it has).  fontconfig runs in a child process, which its crashes on
 * a failed allocation cannot take the run with. */
#include "pdf/pdf_style.h"
#include "lib/xalloc.h"

#include <errno.h>
#include <fontconfig/fontconfig.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

typedef enum style_problem {
    STYLE_OK,
    STYLE_UNKNOWN, /* section or key */
    STYLE_VALUE    /* a value that does not parse */
} style_problem;

typedef struct style_state {
    pdf_style *s;
    style_problem problem;
    char section[64], name[64], value[128];
} style_state;

static const char *const face_keys[PDF_FACE_COUNT] = { "regular", "bold", "italic", "bold_italic" };

static void set_font(pdf_style *s, int face, const char *value)
{
    free(s->font[face]);
    s->font[face] = xstrdup(value);
}

static void style_defaults(pdf_style *s)
{
    memset(s, 0, sizeof *s);
    *s = (pdf_style){
        .page_width = 612,
        .page_height = 792,
        .margin_top = 72,
        .margin_bottom = 64,
        .margin_left = 68,
        .margin_right = 68,
        .size_body = 10,
        .size_h1 = 20,
        .size_h2 = 13,
        .size_h3 = 11,
        .size_table = 8.5,
        .size_small = 8,
        .size_cover_title = 30,
        .size_cover_org = 44,
        .leading = 1.4,
        .paragraph_space = 6,
        .text = { 0.13, 0.13, 0.13 },
        .accent = { 0.60, 0.42, 0.0 },
        .muted = { 0.4, 0.4, 0.4 },
        .rule = { 0.6, 0.6, 0.6 },
        .bar_current = { -1, -1, -1 },
        .bar_previous = { 0.75, 0.75, 0.75 },
        .section_new_page = true,
        .list_columns = 2,
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

#define NUM(sec, key, field, lo, hi)                 \
    {                                                \
        sec, key, offsetof(pdf_style, field), lo, hi \
    }
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
    { "brand", offsetof(pdf_style, accent) },
    { "accent", offsetof(pdf_style, accent) }, /* the brand's former name */
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
    if (!strcmp(section, "colours") || !strcmp(section, "colors"))
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

/* ---- fonts ------------------------------------------------------------- */

/* The longest the fonts' lookup may stay silent (a cold cache on a system
 * with many fonts takes seconds). */
enum { FONT_LOOKUP_SECONDS = 60 };

/* What a lookup found for one face, as the child tells the parent. */
typedef enum font_found {
    FONT_OK,           /* text: the .ttf file */
    FONT_NONE,         /* no match, or not TrueType */
    FONT_OTHER_FAMILY, /* text: the family fontconfig gave instead */
    FONT_FAILED,       /* fontconfig failed (out of memory) */
    FONT_OTHER_STYLE   /* text: the face given instead (not bold, not italic) */
} font_found;

/* Family names compared as fontconfig does: case and blanks ignored. */
static bool same_family(const char *a, const char *b)
{
    for (;; a++, b++) {
        while (*a == ' ')
            a++;
        while (*b == ' ')
            b++;
        char x = *a >= 'A' && *a <= 'Z' ? (char)(*a - 'A' + 'a') : *a;
        char y = *b >= 'A' && *b <= 'Z' ? (char)(*b - 'A' + 'a') : *b;
        if (x != y)
            return false;
        if (!x)
            return true;
    }
}

/* Whether match has one of the families pat asks for; a pattern naming no
 * family, or a generic one ("serif"), takes what fontconfig gives. */
static bool family_asked(FcPattern *pat, FcPattern *match, const char **given)
{
    static const char *const generic[] = { "serif", "sans-serif", "sans",    "monospace",
                                           "mono",  "cursive",    "fantasy", "system-ui" };
    FcChar8 *want, *have;
    *given =
        FcPatternGetString(match, FC_FAMILY, 0, &have) == FcResultMatch ? (const char *)have : "";
    if (FcPatternGetString(pat, FC_FAMILY, 0, &want) != FcResultMatch)
        return true;
    for (int i = 0; FcPatternGetString(pat, FC_FAMILY, i, &want) == FcResultMatch; i++) {
        for (size_t g = 0; g < sizeof generic / sizeof *generic; g++)
            if (same_family((const char *)want, generic[g]))
                return true;
        for (int k = 0; FcPatternGetString(match, FC_FAMILY, k, &have) == FcResultMatch; k++)
            if (same_family((const char *)want, (const char *)have))
                return true;
    }
    return false;
}

/* Whether the integer property object of p is set (as a number); *v. */
static bool int_of(FcPattern *p, const char *object, int *v)
{
    return FcPatternGetInteger(p, object, 0, v) == FcResultMatch;
}

/* Whether match has the style pat asks for: bold when it asks for bold or
 * heavier (FC_WEIGHT_DEMIBOLD and up), not bold when it asks for a lighter
 * weight; slanted (italic, oblique) when it asks for a slant, upright when
 * it asks for roman.  fontconfig gives the nearest face, which may be the
 * regular one: libharu cannot make it bold or italic, so the text would
 * silently lose its emphasis.  *given says which face it is. */
static bool style_asked(FcPattern *pat, FcPattern *match, const char **given)
{
    static char face[256];
    FcChar8 *family, *style;
    snprintf(
        face, sizeof face, "%s %s",
        FcPatternGetString(match, FC_FAMILY, 0, &family) == FcResultMatch ? (const char *)family
                                                                          : "",
        FcPatternGetString(match, FC_STYLE, 0, &style) == FcResultMatch ? (const char *)style : "");
    *given = face;
    int want, have;
    if (int_of(pat, FC_WEIGHT, &want) && int_of(match, FC_WEIGHT, &have) &&
        (want >= FC_WEIGHT_DEMIBOLD) != (have >= FC_WEIGHT_DEMIBOLD))
        return false;
    if (int_of(pat, FC_SLANT, &want) && int_of(match, FC_SLANT, &have) &&
        (want > FC_SLANT_ROMAN) != (have > FC_SLANT_ROMAN))
        return false;
    return true;
}

/* Looks pattern spec up: the TrueType file of the family asked for.  Every
 * fontconfig failure is a result, never a crash of this function's own. */
static font_found find_font(const char *spec, const char **text, FcPattern **keep)
{
    errno = 0;
    FcPattern *pat = FcNameParse((const FcChar8 *)spec);
    if (!pat) /* not a pattern, or out of memory */
        return errno == ENOMEM ? FONT_FAILED : FONT_NONE;
    FcPattern *asked = FcPatternDuplicate(pat);
    if (!asked || !FcConfigSubstitute(NULL, pat, FcMatchPattern)) {
        FcPatternDestroy(pat);
        if (asked)
            FcPatternDestroy(asked);
        return FONT_FAILED;
    }
    FcDefaultSubstitute(pat);
    FcResult res = FcResultNoMatch;
    FcPattern *match = FcFontMatch(NULL, pat, &res);
    FcPatternDestroy(pat);
    font_found found = FONT_NONE;
    FcChar8 *file, *format;
    if (!match)
        found = res == FcResultOutOfMemory ? FONT_FAILED : FONT_NONE;
    else if (!family_asked(asked, match, text))
        found = FONT_OTHER_FAMILY;
    else if (!style_asked(asked, match, text))
        found = FONT_OTHER_STYLE;
    else if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
             FcPatternGetString(match, FC_FONTFORMAT, 0, &format) == FcResultMatch &&
             strcmp((const char *)format, "TrueType") == 0) {
        found = FONT_OK;
        *text = (const char *)file;
    }
    FcPatternDestroy(asked);
    *keep = match; /* *text points into it */
    return found;
}

/* The child's side: looks every pattern face up and writes, for each, its
 * font_found and text as "CODE\0TEXT\0" to fd; stops fontconfig and ends
 * at once (_exit: nothing of the parent's, such as its exit handlers, runs
 * here). */
static void lookup_child(const void *arg, int fd)
{
    const pdf_style *s = arg;
    /* fontconfig goes on after many of its failed allocations, with a
     * configuration or a pattern that lacks what it could not allocate
     * (no font found, another face): errno, cleared before each step,
     * tells (ENOMEM) */
    errno = 0;
    bool started = FcInit();
    bool ready = started && errno != ENOMEM;
    for (int f = 0; f < PDF_FACE_COUNT; f++) {
        const char *text = "";
        FcPattern *match = NULL;
        errno = 0;
        font_found found = !ready                    ? FONT_FAILED
                           : strchr(s->font[f], '/') ? FONT_OK
                                                     : find_font(s->font[f], &text, &match);
        if (errno == ENOMEM)
            found = FONT_FAILED;
        char code = (char)('0' + found);
        if (write(fd, &code, 1) != 1 || write(fd, "", 1) != 1 ||
            write(fd, text, strlen(text) + 1) != (ssize_t)(strlen(text) + 1))
            _exit(1);
        if (match)
            FcPatternDestroy(match);
    }
    if (started)
        FcFini(); /* nothing of fontconfig left: valgrind follows a fork too */
    _exit(0);
}

/* Reads what the child writes on fd until it closes it, size bytes at
 * most: the count, or -1 when nothing came for FONT_LOOKUP_SECONDS. */
static ssize_t read_answer(int fd, char *buf, size_t size)
{
    ssize_t len = 0;
    int idle = 0;
    while ((size_t)len < size) {
        struct pollfd p = { .fd = fd, .events = POLLIN };
        int ready = poll(&p, 1, 1000);
        if (ready == 0 && ++idle >= FONT_LOOKUP_SECONDS)
            return -1;
        if (ready <= 0)
            continue; /* a second more, or EINTR */
        ssize_t n = read(fd, buf + len, size - (size_t)len);
        if (n == 0 || (n < 0 && errno != EINTR))
            break;
        len += n > 0 ? n : 0;
        idle = 0;
    }
    return len;
}

/* Runs child(arg, fd) in a child process and reads what it wrote into buf
 * (NUL-separated, size bytes at most).  fontconfig does not survive every
 * failed allocation (it dereferences NULL while parsing its configuration),
 * so it runs where a crash cannot take the run with it, and none of its
 * caches outlive the lookups; a child stuck on one of fontconfig's locks
 * after a failed allocation is killed after FONT_LOOKUP_SECONDS.  Returns
 * the bytes read, or -1 with the problem reported (70). */
typedef void lookup_fn(const void *arg, int fd);

/* The child's start: it dies with its parent (a run killed past its time
 * limit, src/lib/isolate.c, never leaves one stuck on one of fontconfig's
 * locks), and the parent's signal handlers, which remove its temporary
 * files, are not the child's job. */
static void child_start(pid_t parent)
{
#ifdef __linux__
    prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
    if (getppid() != parent)
        _exit(1);
    static const int signals[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };
    for (size_t i = 0; i < sizeof signals / sizeof *signals; i++) {
        struct sigaction old;
        if (sigaction(signals[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            signal(signals[i], SIG_DFL);
    }
}

static ssize_t lookup_isolated(lookup_fn *child, const void *arg, const char *path, char *buf,
                               size_t size, diag *d)
{
    int fds[2];
    if (pipe(fds) != 0) {
        diag_report(d, EXIT_SOFTWARE, path, 0, NULL, "cannot look fonts up: %s", strerror(errno));
        return -1;
    }
    fflush(NULL); /* nothing buffered is written twice */
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        child_start(parent);
        child(arg, fds[1]);
    }
    close(fds[1]);
    if (pid < 0) {
        diag_report(d, EXIT_SOFTWARE, path, 0, NULL, "cannot look fonts up: %s", strerror(errno));
        close(fds[0]);
        return -1;
    }
    ssize_t len = read_answer(fds[0], buf, size);
    close(fds[0]);
    if (len < 0) { /* no answer in time: stuck on a lock */
        kill(pid, SIGKILL);
        waitpid(pid, NULL, 0);
        diag_report(d, EXIT_SOFTWARE, path, 0, NULL,
                    "fontconfig did not answer in %d s while looking up the fonts",
                    FONT_LOOKUP_SECONDS);
        return -1;
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFSIGNALED(status) || WEXITSTATUS(status) != 0 || (size_t)len >= size) {
        diag_report(d, EXIT_SOFTWARE, path, 0, NULL,
                    "fontconfig failed while looking up the fonts (%s %d)",
                    WIFSIGNALED(status) ? "signal" : "status",
                    WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
        return -1;
    }
    return len;
}

/* Reports what the lookup found for face f (text as the child wrote it). */
static bool font_result(pdf_style *s, int f, font_found found, const char *text, const char *path,
                        diag *d)
{
    if (found == FONT_OK) {
        s->font_path[f] = xstrdup(strchr(s->font[f], '/') ? s->font[f] : text);
        return true;
    }
    if (found == FONT_OTHER_FAMILY)
        diag_report(d, EXIT_NOINPUT, path, 0, NULL,
                    "[fonts] %s: no font of the family asked for in '%s' (fontconfig offers "
                    "'%s' instead; install fonts-dejavu-core)",
                    face_keys[f], s->font[f], text);
    else if (found == FONT_OTHER_STYLE)
        diag_report(d, EXIT_NOINPUT, path, 0, NULL,
                    "[fonts] %s: no face of the weight or slant asked for in '%s' (fontconfig "
                    "offers '%s' instead; install fonts-dejavu-core)",
                    face_keys[f], s->font[f], text);
    else if (found == FONT_FAILED)
        diag_report(d, EXIT_SOFTWARE, path, 0, NULL,
                    "[fonts] %s: fontconfig failed looking up '%s' (out of memory)", face_keys[f],
                    s->font[f]);
    else
        diag_report(d, EXIT_NOINPUT, path, 0, NULL,
                    "[fonts] %s: no TrueType font matches '%s' (install fonts-dejavu-core)",
                    face_keys[f], s->font[f]);
    return false;
}

/* Whether every face of an answer (as lookup_child writes it) was found. */
static bool answer_complete(const char *buf, size_t len)
{
    size_t at = 0;
    for (int f = 0; f < PDF_FACE_COUNT; f++) {
        if (at + 2 >= len || buf[at] != '0' + FONT_OK)
            return false;
        at += 2 + strnlen(buf + at + 2, len - at - 2) + 1;
    }
    return true;
}

/* Each face's .ttf file: a path as written, a pattern through fontconfig
 * (in a child process, lookup_isolated). */
static int resolve_fonts(pdf_style *s, const char *path, diag *d)
{
    bool patterns = false;
    for (int f = 0; f < PDF_FACE_COUNT; f++)
        patterns |= !strchr(s->font[f], '/');
    if (!patterns) { /* every face a path: no lookup */
        for (int f = 0; f < PDF_FACE_COUNT; f++) {
            free(s->font_path[f]);
            s->font_path[f] = xstrdup(s->font[f]);
        }
        return 0;
    }
    char buf[PDF_FACE_COUNT * 8192];
    ssize_t len = lookup_isolated(lookup_child, s, path, buf, sizeof buf, d);
    /* fontconfig gives no sign of some of its failed allocations (a font
     * folder left out of its configuration, then no font found): a lookup
     * that missed a face is made once more, in a fresh process, before
     * what it found is reported */
    if (len >= 0 && !answer_complete(buf, (size_t)len))
        len = lookup_isolated(lookup_child, s, path, buf, sizeof buf, d);
    if (len < 0)
        return -1;
    int rc = 0;
    size_t at = 0;
    for (int f = 0; f < PDF_FACE_COUNT; f++) {
        free(s->font_path[f]);
        s->font_path[f] = NULL;
        const char *code = buf + at, *text = code + 2;
        size_t text_len = at + 2 < (size_t)len ? strnlen(text, (size_t)len - at - 2) : 0;
        if (at + 2 >= (size_t)len || code[1] != '\0' || code[0] < '0' ||
            code[0] > '0' + FONT_OTHER_STYLE || at + 2 + text_len >= (size_t)len) {
            diag_report(d, EXIT_SOFTWARE, path, 0, NULL,
                        "fontconfig failed while looking up the fonts (a short answer)");
            return -1;
        }
        if (!font_result(s, f, (font_found)(code[0] - '0'), text, path, d))
            rc = -1;
        at += 2 + text_len + 1;
    }
    return rc;
}

/* ---- fallback fonts ----------------------------------------------------- */

enum { FALLBACKS_PER_FACE = 4 };

typedef struct fallback_ask {
    const unsigned *cps;
    size_t count;
} fallback_ask;

/* The pattern of face f's weight and slant, asking for the characters
 * missing, any family; NULL when out of memory. */
static FcPattern *fallback_pattern(int f, FcCharSet *missing)
{
    FcPattern *pat = FcPatternCreate();
    if (!pat)
        return NULL;
    FcPatternAddInteger(pat, FC_WEIGHT, f & 1 ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddInteger(pat, FC_SLANT, f & 2 ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
    FcPatternAddCharSet(pat, FC_CHARSET, missing);
    FcPatternAddBool(pat, FC_SCALABLE, FcTrue);
    FcConfigSubstitute(NULL, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    return pat;
}

/* Writes "FILE\0INDEX\0" for each TrueType font that shows some of the
 * characters missing that the fonts before it do not, in fontconfig's
 * order for face f, at most FALLBACKS_PER_FACE; then "\0".  False on a
 * write error. */
static bool fallbacks_for_face(int f, FcCharSet *missing, int fd)
{
    FcPattern *pat = fallback_pattern(f, missing);
    FcResult res;
    FcFontSet *set = pat ? FcFontSort(NULL, pat, FcFalse, NULL, &res) : NULL;
    FcCharSet *left = FcCharSetUnion(missing, missing); /* a copy */
    bool ok = true;
    int found = 0;
    for (int i = 0; set && left && i < set->nfont && found < FALLBACKS_PER_FACE && ok; i++) {
        FcChar8 *file, *format;
        FcCharSet *has;
        int index = 0;
        if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) != FcResultMatch ||
            FcPatternGetString(set->fonts[i], FC_FONTFORMAT, 0, &format) != FcResultMatch ||
            strcmp((const char *)format, "TrueType") != 0 ||
            FcPatternGetCharSet(set->fonts[i], FC_CHARSET, 0, &has) != FcResultMatch)
            continue;
        FcCharSet *rest = FcCharSetSubtract(left, has);
        if (!rest || FcCharSetCount(rest) == FcCharSetCount(left)) {
            if (rest)
                FcCharSetDestroy(rest);
            continue; /* shows none of what is left */
        }
        FcCharSetDestroy(left);
        left = rest;
        FcPatternGetInteger(set->fonts[i], FC_INDEX, 0, &index);
        char num[16];
        snprintf(num, sizeof num, "%d", index);
        ok = write(fd, file, strlen((const char *)file) + 1) > 0 &&
             write(fd, num, strlen(num) + 1) > 0;
        found++;
        if (FcCharSetCount(left) == 0)
            break;
    }
    if (left)
        FcCharSetDestroy(left);
    if (set)
        FcFontSetDestroy(set);
    if (pat)
        FcPatternDestroy(pat);
    return ok && write(fd, "", 1) == 1;
}

/* The child's side of pdf_style_fallbacks: each face's fonts, then ends. */
static void fallback_child(const void *arg, int fd)
{
    const fallback_ask *ask = arg;
    bool ready = FcInit();
    FcCharSet *missing = ready ? FcCharSetCreate() : NULL;
    for (size_t i = 0; missing && i < ask->count; i++)
        FcCharSetAddChar(missing, ask->cps[i]);
    for (int f = 0; f < PDF_FACE_COUNT; f++)
        if (!(missing ? fallbacks_for_face(f, missing, fd) : write(fd, "", 1) == 1))
            _exit(1);
    if (missing)
        FcCharSetDestroy(missing);
    if (ready)
        FcFini();
    _exit(0);
}

int pdf_style_fallbacks(pdf_style *s, const unsigned *cps, size_t count, const char *path, diag *d)
{
    fallback_ask ask = { cps, count };
    size_t size = PDF_FACE_COUNT * FALLBACKS_PER_FACE * 4200 + PDF_FACE_COUNT;
    char *buf = xmalloc(size);
    ssize_t len = lookup_isolated(fallback_child, &ask, path, buf, size, d);
    if (len < 0) {
        free(buf);
        return -1;
    }
    size_t at = 0;
    for (int f = 0; f < PDF_FACE_COUNT; f++) {
        s->fallback_count[f] = 0;
        while (at < (size_t)len && buf[at] != '\0') {
            const char *file = buf + at;
            size_t flen = strnlen(file, (size_t)len - at);
            const char *index = file + flen + 1;
            if (at + flen + 1 >= (size_t)len)
                break;
            size_t ilen = strnlen(index, (size_t)len - at - flen - 1);
            if (s->fallback_count[f] < PDF_FALLBACK_MAX) {
                size_t k = s->fallback_count[f]++;
                free(s->fallback_path[f][k]);
                s->fallback_path[f][k] = xstrndup(file, flen);
                s->fallback_index[f][k] = (unsigned)strtoul(index, NULL, 10);
            }
            at += flen + 1 + ilen + 1;
        }
        at++; /* the face's closing "\0" */
    }
    free(buf);
    return 0;
}

int pdf_style_load(pdf_style *s, const char *path, diag *d)
{
    style_defaults(s);
    struct stat info;
    if (stat(path, &info) == 0 && S_ISDIR(info.st_mode)) { /* ini_parse reads it as empty */
        diag_report(d, EXIT_NOINPUT, path, 0, NULL, "is a folder, not a file");
        return -1;
    }
    style_state st = { .s = s };
    errno = 0;
    int rc = ini_parse(path, on_entry, &st);
    if (rc == -2) /* inih's own allocation */
        xalloc_check(ENOMEM);
    if (rc == -1) {
        xalloc_check(errno); /* fopen's */
        diag_report(d, EXIT_NOINPUT, path, 0, NULL, "cannot read: %s", strerror(errno));
        return -1;
    }
    if (rc > 0 && st.problem == STYLE_UNKNOWN) {
        diag_data(d, path, (size_t)rc, NULL, "unknown setting '%s' in [%s]", st.name, st.section);
        return -1;
    }
    if (rc > 0 && st.problem == STYLE_VALUE) {
        diag_data(d, path, (size_t)rc, NULL, "[%s] %s: bad value '%s'", st.section, st.name,
                  st.value);
        return -1;
    }
    if (rc != 0) {
        diag_data(d, path, rc > 0 ? (size_t)rc : 0, NULL, "not a valid ini line");
        return -1;
    }
    if (s->bar_current.r < 0) /* not set: the brand's */
        s->bar_current = s->accent;
    return resolve_fonts(s, path, d);
}

void pdf_style_free(pdf_style *s)
{
    for (int f = 0; f < PDF_FACE_COUNT; f++) {
        for (size_t k = 0; k < PDF_FALLBACK_MAX; k++) {
            free(s->fallback_path[f][k]);
            s->fallback_path[f][k] = NULL;
        }
        free(s->font[f]);
        free(s->font_path[f]);
        s->font[f] = s->font_path[f] = NULL;
    }
}
