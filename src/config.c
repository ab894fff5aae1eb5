/* config.c - report.ini -> struct config.
 *
 * inih splits "key = value" lines and strips inline " ; comments"; it gives
 * its handler no line number, so our own reader callback feeds it one
 * physical line at a time, counting lines and checking what inih would
 * silently accept or misread: NUL bytes, section headers (unknown ones are
 * reported at their own line, even when empty) and lines that are neither;
 * a key line longer than inih's buffer is split here.  A line the reader
 * handles reaches inih as a comment, so every problem is reported once,
 * and all of them in one run.  A file saved as Windows-1252 is converted
 * to UTF-8 first. */
#include "config.h"
#include "lib/i18n.h"
#include "lib/files.h"
#include "lib/text.h"
#include "parse/encoding.h"
#include "parse/import.h"
#include "lib/xalloc.h"

#include <ini.h>

#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The sections.  SECTION_COLUMNS + kind is [columns.KIND];
 * SECTION_LABELS + language is [labels.LANG]. */
enum {
    SECTION_NONE = -1, /* before the first header */
    SECTION_SKIP = -2, /* an unknown or malformed header */
    SECTION_ORGANISATION = 0,
    SECTION_REPORT,
    SECTION_CSV,
    SECTION_WORKBOOK,
    SECTION_IMPORT,
    SECTION_GROUPS, /* any key: a group's name */
    SECTION_COLUMNS
};

enum { SECTION_LABELS = SECTION_COLUMNS + INPUT_KIND_COUNT };

static const char *const section_names[SECTION_COLUMNS] = { "organisation", "report", "csv",
                                                            "workbook",     "import", "groups" };

typedef struct config_parser config_parser;
typedef struct config_key config_key;

/* Checks value and stores it; reports and returns -1 when it is bad. */
typedef int (*config_setter)(config_parser *p, const config_key *k, const char *value);

struct config_key {
    int section;
    const char *name;
    config_setter set;
    size_t offset; /* of the char * member, for set_string */
};

struct config_parser {
    config *cfg;
    const char *name; /* "report.ini" */
    const char *path; /* where it was read: logo paths start there */
    diag *d;
    FILE *file;
    char *buf; /* the physical line, from getline */
    size_t cap;
    size_t line;          /* physical line number of buf */
    size_t bad_utf8_line; /* first line with invalid UTF-8, or 0 */
    int read_errno;       /* errno of a failed read, or 0 */
    int section;          /* SECTION_*, as the reader saw it */
    size_t *seen;         /* line where each of keys[] was set */
};

static int set_string(config_parser *p, const config_key *k, const char *value);
static int set_required(config_parser *p, const config_key *k, const char *value);
static int set_fiscal_year_end(config_parser *p, const config_key *k, const char *value);
static int set_year(config_parser *p, const config_key *k, const char *value);
static int set_history(config_parser *p, const config_key *k, const char *value);
static int set_language(config_parser *p, const config_key *k, const char *value);
static int set_currency(config_parser *p, const config_key *k, const char *value);
static int set_encoding(config_parser *p, const config_key *k, const char *value);
static int set_delimiter(config_parser *p, const config_key *k, const char *value);
static int set_decimal(config_parser *p, const config_key *k, const char *value);
static int set_date_order(config_parser *p, const config_key *k, const char *value);
static int set_detail(config_parser *p, const config_key *k, const char *value);
static int set_position(config_parser *p, const config_key *k, const char *value);
static int set_logo(config_parser *p, const config_key *k, const char *value);
static int set_funders_list(config_parser *p, const config_key *k, const char *value);
static int set_funders_min(config_parser *p, const config_key *k, const char *value);
static int set_funders_top(config_parser *p, const config_key *k, const char *value);
static int set_import_profile(config_parser *p, const config_key *k, const char *value);

#define STR(sec, key, member)                          \
    {                                                  \
        sec, key, set_string, offsetof(config, member) \
    }

static const config_key keys[] = {
    { SECTION_ORGANISATION, "name", set_required, offsetof(config, org_name) },
    STR(SECTION_ORGANISATION, "subtitle", org_subtitle),
    STR(SECTION_ORGANISATION, "tagline", org_tagline),
    STR(SECTION_ORGANISATION, "address", org_address),
    STR(SECTION_ORGANISATION, "website", org_website),
    STR(SECTION_ORGANISATION, "email", org_email),
    STR(SECTION_ORGANISATION, "phone", org_phone),
    { SECTION_ORGANISATION, "logo", set_logo, 0 },
    { SECTION_REPORT, "title", set_required, offsetof(config, title) },
    { SECTION_REPORT, "fiscal_year_end", set_fiscal_year_end, 0 },
    { SECTION_REPORT, "year", set_year, 0 },
    { SECTION_REPORT, "history", set_history, 0 },
    { SECTION_REPORT, "language", set_language, 0 },
    { SECTION_REPORT, "currency", set_currency, 0 },
    STR(SECTION_REPORT, "self_generated", self_generated_group),
    STR(SECTION_REPORT, "net_assets_group", net_assets_group),
    { SECTION_REPORT, "position", set_position, 0 },
    { SECTION_REPORT, "funders_groups", set_funders_list, offsetof(config, funders_groups) },
    { SECTION_REPORT, "funders_min", set_funders_min, 0 },
    { SECTION_REPORT, "funders_top", set_funders_top, 0 },
    { SECTION_REPORT, "donors", set_funders_list, offsetof(config, donors) },
    { SECTION_CSV, "encoding", set_encoding, 0 },
    { SECTION_CSV, "delimiter", set_delimiter, 0 },
    { SECTION_CSV, "decimal", set_decimal, 0 },
    { SECTION_CSV, "date_order", set_date_order, 0 },
    { SECTION_WORKBOOK, "detail", set_detail, 0 },
    { SECTION_IMPORT, "profile", set_import_profile, 0 },
};

#undef STR

enum { KEY_COUNT = sizeof keys / sizeof keys[0] };

/* The keys whose absence is an error, checked after parsing. */
static const struct {
    int section;
    const char *name;
} required_keys[] = {
    { SECTION_ORGANISATION, "name" },
    { SECTION_REPORT, "fiscal_year_end" },
    { SECTION_REPORT, "year" },
};

static const char *default_title(language lang)
{
    return lang == LANG_EN ? "Annual report" : "Bilan annuel";
}

static int section_lookup(const char *name)
{
    for (int s = 0; s < SECTION_COLUMNS; s++)
        if (strcasecmp(name, section_names[s]) == 0)
            return s;
    if (strncasecmp(name, "columns.", 8) == 0)
        for (int k = 0; k < INPUT_KIND_COUNT; k++)
            if (strcasecmp(name + 8, input_kind_name((input_kind)k)) == 0)
                return SECTION_COLUMNS + k;
    language lang;
    if (strncasecmp(name, "labels.", 7) == 0 && language_parse(name + 7, &lang) == 0)
        return SECTION_LABELS + (int)lang;
    return SECTION_SKIP;
}

static int key_lookup(int section, const char *name)
{
    for (int i = 0; i < KEY_COUNT; i++)
        if (keys[i].section == section && strcasecmp(keys[i].name, name) == 0)
            return i;
    return -1;
}

/* ---- values ---- */

/* Whether s is min to max digits. */
static bool is_digits(const char *s, size_t min, size_t max)
{
    size_t n = strlen(s);
    return n >= min && n <= max && text_all_digits(s, n);
}

/* Which of the words (NULL-terminated) value is, case-insensitively, or -1. */
static int word_index(const char *value, const char *const *words)
{
    for (int i = 0; words[i]; i++)
        if (strcasecmp(value, words[i]) == 0)
            return i;
    return -1;
}

static char **member(config_parser *p, const config_key *k)
{
    return (char **)((char *)p->cfg + k->offset);
}

/* Optional text: an empty value leaves it unset.  What XML forbids is
 * replaced by U+FFFD, with a warning. */
static int set_string(config_parser *p, const config_key *k, const char *value)
{
    char **field = member(p, k);
    free(*field);
    *field = *value ? xstrdup(value) : NULL;
    size_t len = *field ? strlen(*field) : 0;
    if (len && encoding_xml_forbidden(*field, len)) {
        char *clean = xmalloc(3 * len + 1);
        clean[encoding_xml_replace(*field, len, clean)] = '\0';
        free(*field);
        *field = clean;
        diag_warning(p->d, p->name, p->line, NULL,
                     "%s: a control character (or U+FFFE, "
                     "U+FFFF) that no output can hold is replaced by U+FFFD",
                     k->name);
    }
    return 0;
}

/* Text that must not be empty (the name, the title). */
static int set_required(config_parser *p, const config_key *k, const char *value)
{
    if (!*value) {
        diag_data(p->d, p->name, p->line, NULL, "%s is empty", k->name);
        return -1;
    }
    return set_string(p, k, value);
}

/* "MM-DD" (one or two digits each) -> month and day, unchecked. */
static bool parse_month_day(const char *s, int *month, int *day)
{
    size_t m = strspn(s, "0123456789");
    if (m < 1 || m > 2 || s[m] != '-' || !is_digits(s + m + 1, 1, 2))
        return false;
    *month = atoi(s);
    *day = atoi(s + m + 1);
    return true;
}

static int set_fiscal_year_end(config_parser *p, const config_key *k, const char *value)
{
    int month = 0, day = 0;
    parse_month_day(value, &month, &day);
    /* 2000 is a leap year: 02-29 is valid, and means the last day of
     * February, as 02-28 does (fiscal_year_end). */
    if (!date_is_valid(2000, month, day)) {
        diag_data(p->d, p->name, p->line, NULL, "%s '%s' is not a valid MM-DD date", k->name,
                  value);
        return -1;
    }
    p->cfg->calendar.end_month = month;
    p->cfg->calendar.end_day = day;
    return 0;
}

static int set_year(config_parser *p, const config_key *k, const char *value)
{
    if (!is_digits(value, 4, 4) || atoi(value) < 1900) {
        diag_data(p->d, p->name, p->line, NULL, "%s '%s' is not a year from 1900 to 9999", k->name,
                  value);
        return -1;
    }
    p->cfg->year = atoi(value);
    return 0;
}

static int set_history(config_parser *p, const config_key *k, const char *value)
{
    int n = is_digits(value, 1, 2) ? atoi(value) : 0;
    if (n < 1 || n > 20) {
        diag_data(p->d, p->name, p->line, NULL, "%s '%s' is not a number of years from 1 to 20",
                  k->name, value);
        return -1;
    }
    p->cfg->history = n;
    return 0;
}

static int set_language(config_parser *p, const config_key *k, const char *value)
{
    if (language_parse(value, &p->cfg->lang) != 0) {
        diag_data(p->d, p->name, p->line, NULL, "%s '%s' is not fr or en", k->name, value);
        return -1;
    }
    return 0;
}

/* An ISO 4217 code; lower case is accepted and stored in upper case. */
static int set_currency(config_parser *p, const config_key *k, const char *value)
{
    char code[4];
    bool ok = strlen(value) == 3;
    for (size_t i = 0; ok && i < 3; i++) {
        ok = isalpha((unsigned char)value[i]) && !(value[i] & 0x80);
        code[i] = (char)toupper((unsigned char)value[i]);
    }
    if (!ok) {
        diag_data(p->d, p->name, p->line, NULL,
                  "%s '%s' is not a three-letter currency code such as CAD", k->name, value);
        return -1;
    }
    code[3] = '\0';
    free(p->cfg->currency);
    p->cfg->currency = xstrdup(code);
    return 0;
}

static int set_encoding(config_parser *p, const config_key *k, const char *value)
{
    static const char *const words[] = { "auto",         "utf-8",      "utf8",
                                         "windows-1252", "cp1252",     "latin1",
                                         "latin-1",      "iso-8859-1", NULL };
    static const csv_encoding meaning[] = { CSV_ENCODING_AUTO,   CSV_ENCODING_UTF8,
                                            CSV_ENCODING_UTF8,   CSV_ENCODING_CP1252,
                                            CSV_ENCODING_CP1252, CSV_ENCODING_CP1252,
                                            CSV_ENCODING_CP1252, CSV_ENCODING_CP1252 };
    int i = word_index(value, words);
    if (i < 0) {
        diag_data(p->d, p->name, p->line, NULL, "%s '%s' is not auto, utf-8 or windows-1252",
                  k->name, value);
        return -1;
    }
    p->cfg->encoding = meaning[i];
    return 0;
}

static int set_delimiter(config_parser *p, const config_key *k, const char *value)
{
    static const char *const words[] = { "auto", "comma", ",", "semicolon", ";", "tab", NULL };
    static const char meaning[] = { 0, ',', ',', ';', ';', '\t' };
    int i = word_index(value, words);
    if (i < 0) {
        /* "delimiter = ;" reaches us empty: " ;" starts a comment. */
        diag_data(p->d, p->name, p->line, NULL, "%s '%s' is not auto, comma, semicolon or tab%s",
                  k->name, value, *value ? "" : _(" (' ;' starts a comment: write semicolon)"));
        return -1;
    }
    p->cfg->delimiter = meaning[i];
    return 0;
}

static int set_decimal(config_parser *p, const config_key *k, const char *value)
{
    static const char *const words[] = { "auto", "point", ".", "comma", ",", NULL };
    static const money_decimal meaning[] = { MONEY_DECIMAL_AUTO, MONEY_DECIMAL_POINT,
                                             MONEY_DECIMAL_POINT, MONEY_DECIMAL_COMMA,
                                             MONEY_DECIMAL_COMMA };
    int i = word_index(value, words);
    if (i < 0) {
        diag_data(p->d, p->name, p->line, NULL, "%s '%s' is not auto, point or comma", k->name,
                  value);
        return -1;
    }
    p->cfg->decimal = meaning[i];
    return 0;
}

static int set_date_order(config_parser *p, const config_key *k, const char *value)
{
    static const char *const words[] = { "auto", "dmy", "mdy", NULL };
    static const date_order meaning[] = { DATE_ORDER_AUTO, DATE_ORDER_DMY, DATE_ORDER_MDY };
    int i = word_index(value, words);
    if (i < 0) {
        diag_data(p->d, p->name, p->line, NULL, "%s '%s' is not auto, dmy or mdy", k->name, value);
        return -1;
    }
    p->cfg->date_order = meaning[i];
    return 0;
}

static int set_detail(config_parser *p, const config_key *k, const char *value)
{
    static const char *const words[] = { "yes",   "true", "1",   "on",  "oui", "no",
                                         "false", "0",    "off", "non", NULL };
    int i = word_index(value, words);
    if (i < 0) {
        diag_data(p->d, p->name, p->line, NULL, "%s '%s' is not yes or no", k->name, value);
        return -1;
    }
    p->cfg->workbook_detail = i < 5;
    return 0;
}

/* auto (balances.csv decides), yes or no. */
static int set_position(config_parser *p, const config_key *k, const char *value)
{
    static const char *const words[] = { "auto", "yes",   "true", "1",   "on",  "oui",
                                         "no",   "false", "0",    "off", "non", NULL };
    int i = word_index(value, words);
    if (i < 0) {
        diag_data(p->d, p->name, p->line, NULL, "%s '%s' is not auto, yes or no", k->name, value);
        return -1;
    }
    p->cfg->position = i == 0  ? CONFIG_POSITION_AUTO
                       : i < 6 ? CONFIG_POSITION_YES
                               : CONFIG_POSITION_NO;
    return 0;
}

/* The organisation's logo: a PNG or JPEG file, its path relative to the
 * folder of report.ini (absolute allowed).  Missing or unreadable: 66; a
 * file of another kind: 65; both at the key's line.  Its pixels are read
 * by the PDF renderer, which reports a damaged image at this line too. */
static int set_logo(config_parser *p, const config_key *k, const char *value)
{
    if (!*value) {
        diag_data(p->d, p->name, p->line, NULL, "%s is empty", k->name);
        return -1;
    }
    char *dir = dir_of(p->path);
    char *file = value[0] == '/' ? xstrdup(value) : path_join(dir, value);
    free(dir);
    const char *why = NULL;
    FILE *f = open_regular(file, &why);
    unsigned char head[8] = { 0 };
    size_t got = f ? fread(head, 1, sizeof head, f) : 0;
    int err = errno;
    bool failed = f && ferror(f);
    if (f)
        fclose(f);
    if (!f || failed) {
        diag_report(p->d, EXIT_NOINPUT, p->name, p->line, NULL, "%s '%s': cannot %s: %s", k->name,
                    value, f ? _("read") : _("open"), why ? why : strerror(err));
        free(file);
        return -1;
    }
    static const unsigned char png[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
    bool is_png = got == 8 && memcmp(head, png, 8) == 0;
    bool is_jpeg = got >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF;
    if (!is_png && !is_jpeg) {
        diag_data(p->d, p->name, p->line, NULL, "%s '%s' is neither a PNG nor a JPEG image",
                  k->name, value);
        free(file);
        return -1;
    }
    free(p->cfg->org_logo);
    p->cfg->org_logo = file;
    p->cfg->org_logo_line = p->line;
    return 0;
}

/* A list of names for the funders table ("Subventions, Dons"), and the
 * line it is on, for compute's diagnostics about its names. */
static int set_funders_list(config_parser *p, const config_key *k, const char *value)
{
    if (!*value) {
        diag_data(p->d, p->name, p->line, NULL,
                  "%s is empty: name revenue groups, "
                  "separated by commas%s",
                  k->name, strcmp(k->name, "donors") == 0 ? _(", or write none") : "");
        return -1;
    }
    if (strcmp(k->name, "donors") == 0)
        p->cfg->donors_line = p->line;
    else
        p->cfg->funders_groups_line = p->line;
    return set_string(p, k, value);
}

/* An amount of the report's currency, 0 or more: "1000", "1 000", "2500.50". */
static int set_funders_min(config_parser *p, const config_key *k, const char *value)
{
    int64_t cents = -1;
    money_status st = money_parse(value, strlen(value), MONEY_DECIMAL_AUTO, &cents);
    if (st != MONEY_OK || cents < 0) {
        diag_data(p->d, p->name, p->line, NULL,
                  "%s '%s' is not an amount of 0 or more "
                  "(such as 1000 or 2500.50)",
                  k->name, value);
        return -1;
    }
    p->cfg->funders_min = cents;
    return 0;
}

static int set_funders_top(config_parser *p, const config_key *k, const char *value)
{
    int n = is_digits(value, 1, 5) ? atoi(value) : 0;
    if (n < 1) {
        diag_data(p->d, p->name, p->line, NULL,
                  "%s '%s' is not a number of funders from 1 to 99999", k->name, value);
        return -1;
    }
    p->cfg->funders_top = n;
    return 0;
}

/* [import] profile: one of the import profiles (parse/import.h). */
static int set_import_profile(config_parser *p, const config_key *k, const char *value)
{
    (void)k;
    if (!*value)
        return 0;
    if (!import_profile_find(value)) {
        size_t count, used = 0;
        const import_profile *all = import_profiles(&count);
        char list[1024] = "";
        for (size_t i = 0; i < count && used < sizeof list - 64; i++)
            used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "",
                                     all[i].name);
        diag_data(p->d, p->name, p->line, NULL, "profile = %s: no such import profile (known: %s)",
                  value, list);
        return -1;
    }
    free(p->cfg->import_profile);
    p->cfg->import_profile = xstrdup(value);
    return 0;
}

/* ---- [groups] ---- */

/* Adds the rule item[0..len) of group to cfg; reports a bad range. */
static void add_group_rule(config_parser *p, const char *group, const char *item, size_t len)
{
    config *cfg = p->cfg;
    group_rule r = { xstrdup(group), NULL, NULL, xstrndup(item, len), p->line };
    const char *dash = memchr(item, '-', len);
    if (dash) {
        size_t llen = (size_t)(dash - item), hlen = len - llen - 1;
        const char *lo = text_trim(item, &llen), *hi = text_trim(dash + 1, &hlen);
        if (text_all_digits(lo, llen) && text_all_digits(hi, hlen)) {
            if (!text_digits_le(lo, llen, hi, hlen)) {
                diag_data(p->d, p->name, p->line, NULL,
                          "[groups] %s: the range '%s' "
                          "goes down (write the lower code first)",
                          group, r.item);
                free(r.group);
                free(r.item);
                return;
            }
            r.low = xstrndup(lo, llen);
            r.high = xstrndup(hi, hlen);
        }
    }
    cfg->group_rules =
        xrealloc(cfg->group_rules, (cfg->group_rule_count + 1) * sizeof *cfg->group_rules);
    cfg->group_rules[cfg->group_rule_count++] = r;
}

/* "Group = 4100-4199, 4500, Name": the group of the accounts whose codes
 * are in the range or equal to an item, or whose name is an item. */
static void set_group(config_parser *p, const char *group, const char *value)
{
    if (!*value) {
        diag_data(p->d, p->name, p->line, NULL,
                  "[groups] %s is empty: give codes "
                  "(4100-4199, 4500) or account names, separated by commas",
                  group);
        return;
    }
    const char *s = value;
    for (;;) {
        size_t len = strcspn(s, ",");
        const char *next = s + len;
        const char *item = text_trim(s, &len);
        if (len == 0)
            diag_data(p->d, p->name, p->line, NULL,
                      "[groups] %s: an empty item "
                      "between commas",
                      group);
        else
            add_group_rule(p, group, item, len);
        if (!*next)
            break;
        s = next + 1;
    }
}

/* ---- [columns.KIND] ---- */

/* "date, account, amount, ..." : the columns of that file, for messages. */
static void column_list(input_kind kind, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int c = 0; c < COL_COUNT && used < size; c++) {
        const char *name = column_name((column_id)c);
        if (column_lookup(kind, name) != c)
            continue;
        int n = snprintf(buf + used, size - used, "%s%s", used ? ", " : "", name);
        if (n < 0)
            break;
        used += (size_t)n;
    }
}

static void set_column(config_parser *p, input_kind kind, const char *key, const char *value)
{
    column_override *o = &p->cfg->columns[kind];
    char lower[32];
    size_t n = strlen(key);
    int col = -1;
    if (n < sizeof lower) {
        for (size_t i = 0; i <= n; i++)
            lower[i] = (char)tolower((unsigned char)key[i]);
        col = column_lookup(kind, lower);
    }
    if (col < 0) {
        char list[256];
        column_list(kind, list, sizeof list);
        diag_data(p->d, p->name, p->line, NULL,
                  "unknown key '%s' in [columns.%s]: the columns of %s are %s", key,
                  input_kind_name(kind), input_file_name(kind), list);
    } else if (o->line[col]) {
        diag_data(p->d, p->name, p->line, NULL,
                  "duplicate key '%s' in [columns.%s] (first set at line %zu)", key,
                  input_kind_name(kind), o->line[col]);
    } else if (!*value) {
        diag_data(p->d, p->name, p->line, NULL, "%s is empty: give the header of that column in %s",
                  key, input_file_name(kind));
    } else {
        o->header[col] = xstrdup(value);
        o->line[col] = p->line;
    }
}

/* ---- [labels.LANG] ---- */

/* "Formation = Training": a data name and how lang's report shows it;
 * a name given twice (case and accents aside) is an error. */
static void set_label(config_parser *p, language lang, const char *name, const char *value)
{
    config *c = p->cfg;
    if (!*value) {
        diag_data(p->d, p->name, p->line, NULL, "[labels.%s] %s: the label is empty",
                  language_code(lang), name);
        return;
    }
    char *key = text_header_key(name, strlen(name));
    for (size_t i = 0; key && i < c->label_count; i++) {
        char *other = c->labels[i].lang == lang
                          ? text_header_key(c->labels[i].name, strlen(c->labels[i].name))
                          : NULL;
        bool same = other && strcmp(other, key) == 0;
        free(other);
        if (same) {
            diag_data(p->d, p->name, p->line, NULL,
                      "duplicate label '%s' in [labels.%s] (first set at line %zu)", name,
                      language_code(lang), c->labels[i].line);
            free(key);
            return;
        }
    }
    free(key);
    xgrow((void **)&c->labels, &c->label_cap, c->label_count + 1, sizeof *c->labels);
    c->labels[c->label_count++] = (config_label){ lang, xstrdup(name), xstrdup(value), p->line };
}

/* ---- inih callbacks ---- */

/* Called by inih for each "name = value", right after its line was read. */
static int on_key(void *user, const char *section, const char *name, const char *value)
{
    config_parser *p = user;
    (void)section; /* p->section says it, unknown ones too */
    if (p->section == SECTION_SKIP)
        return 1;
    if (p->section == SECTION_NONE) {
        diag_data(p->d, p->name, p->line, NULL, "key '%s' comes before any [section]", name);
        return 1;
    }
    if (p->section >= SECTION_LABELS) {
        set_label(p, (language)(p->section - SECTION_LABELS), name, value);
        return 1;
    }
    if (p->section >= SECTION_COLUMNS) {
        set_column(p, (input_kind)(p->section - SECTION_COLUMNS), name, value);
        return 1;
    }
    if (p->section == SECTION_GROUPS) {
        set_group(p, name, value);
        p->cfg->columns[INPUT_ACCOUNTS].optional[COL_GROUP] = true;
        return 1;
    }
    int i = key_lookup(p->section, name);
    if (i < 0)
        diag_data(p->d, p->name, p->line, NULL, "unknown key '%s' in [%s]", name,
                  section_names[p->section]);
    else if (p->seen[i])
        diag_data(p->d, p->name, p->line, NULL,
                  "duplicate key '%s' in [%s] (first set at line %zu)", name,
                  section_names[p->section], p->seen[i]);
    else {
        p->seen[i] = p->line;
        keys[i].set(p, &keys[i], value);
    }
    return 1; /* inih must not count problems: we report them */
}

/* Where a key line's '=' or ':' is, or NULL; as inih looks for it, an
 * inline comment (';' after white space) ends the search. */
static const char *find_separator(const char *s)
{
    for (const char *c = s; *c; c++) {
        if (*c == '=' || *c == ':')
            return c;
        if (*c == ';' && c > s && isspace((unsigned char)c[-1]))
            return NULL;
    }
    return NULL;
}

/* Checks a "[name]" line: reports and returns false when it is malformed
 * or names no section; sets p->section either way.  Rewrites line to the
 * trimmed name. */
static bool reader_section(config_parser *p, char *line)
{
    char *end = strchr(line, ']');
    char *rest = end ? end + 1 : NULL;
    while (rest && isspace((unsigned char)*rest))
        rest++;
    p->section = SECTION_SKIP;
    if (!end || (*rest && *rest != ';' && *rest != '#')) {
        diag_data(p->d, p->name, p->line, NULL, "expected a section header such as [report]");
        return false;
    }
    char *name = line + 1;
    while (isspace((unsigned char)*name))
        name++;
    while (end > name && isspace((unsigned char)end[-1]))
        end--;
    *end = '\0';
    p->section = section_lookup(name);
    if (p->section == SECTION_SKIP) {
        diag_data(p->d, p->name, p->line, NULL, "unknown section [%s]", name);
        return false;
    }
    memmove(line + 1, name, (size_t)(end - name));
    line[1 + (end - name)] = ']';
    line[2 + (end - name)] = '\0';
    return true;
}

/* Trims white space from both ends of s[0..*len) in place; returns s. */
static char *trim_in_place(char *s, size_t *len)
{
    while (*len && isspace((unsigned char)*s))
        s++, (*len)--;
    while (*len && isspace((unsigned char)s[*len - 1]))
        (*len)--;
    s[*len] = '\0';
    return s;
}

/* A "key = value" line longer than inih's line buffer (a long subtitle or
 * address): split here, the same way inih would, and handed to on_key. */
static void long_key_line(config_parser *p, char *line)
{
    char *sep = (char *)find_separator(line);
    if (!sep || sep == line) {
        diag_data(p->d, p->name, p->line, NULL, "expected 'key = value' or a [section] header");
        return;
    }
    char *value = sep + 1;
    for (char *c = value; *c; c++) {
        if (*c == ';' && c > value && isspace((unsigned char)c[-1])) {
            *c = '\0'; /* an inline comment */
            break;
        }
    }
    size_t key_len = (size_t)(sep - line), value_len = strlen(value);
    char *key = trim_in_place(line, &key_len);
    value = trim_in_place(value, &value_len);
    on_key(p, NULL, key, value);
}

/* Reads one physical line and checks it; false when it must not reach
 * inih (the caller then passes a comment instead). */
static bool reader_check(config_parser *p, char *line, size_t len, int num)
{
    bool text = text_is_utf8(line, len) && !memchr(line, '\0', len);
    if (!text && !p->bad_utf8_line) {
        p->bad_utf8_line = p->line; /* reported once, not on every line */
        diag_data(p->d, p->name, p->line, NULL, "not valid UTF-8 text: save the file as UTF-8");
    }
    if (*line == '\0' || *line == ';' || *line == '#')
        return true;
    if (len + 1 > (size_t)num && *line != '[') {
        long_key_line(p, line);
        return false;
    }
    if (*line == '[')
        return reader_section(p, line);
    const char *sep = find_separator(line);
    if (!sep || sep == line) {
        diag_data(p->d, p->name, p->line, NULL, "expected 'key = value' or a [section] header");
        return false;
    }
    return true;
}

/* inih's fgets-like reader: one whole physical line, BOM and leading white
 * space removed (so no line is ever taken as a continuation line). */
static char *reader_next(char *str, int num, void *stream)
{
    config_parser *p = stream;
    errno = 0;
    ssize_t n = getline(&p->buf, &p->cap, p->file);
    if (n < 0) {
        xalloc_check(errno); /* getline's buffer: not the end of the file */
        if (ferror(p->file))
            p->read_errno = errno ? errno : EIO;
        return NULL;
    }
    p->line++;
    size_t len = (size_t)n;
    while (len && (p->buf[len - 1] == '\n' || p->buf[len - 1] == '\r'))
        len--;
    p->buf[len] = '\0';
    char *line = p->buf;
    if (p->line == 1 && len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0)
        line += 3, len -= 3;
    while (len && isspace((unsigned char)*line))
        line++, len--;
    if (!reader_check(p, line, len, num))
        line = ";";
    snprintf(str, (size_t)num, "%s", line);
    return str;
}

/* ---- loading ---- */

static void config_defaults(config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->history = 3;
    cfg->lang = LANG_FR;
    cfg->currency = xstrdup("CAD");
    cfg->encoding = CSV_ENCODING_AUTO;
    cfg->delimiter = 0;
    cfg->decimal = MONEY_DECIMAL_AUTO;
    cfg->date_order = DATE_ORDER_AUTO;
    cfg->workbook_detail = true;
}

static void check_required(config_parser *p)
{
    for (size_t i = 0; i < sizeof required_keys / sizeof required_keys[0]; i++) {
        int k = key_lookup(required_keys[i].section, required_keys[i].name);
        if (!p->seen[k])
            diag_data(p->d, p->name, 0, NULL, "[%s] %s is missing",
                      section_names[required_keys[i].section], required_keys[i].name);
    }
}

/* The whole file as UTF-8: a file saved as Windows-1252 ("ANSI", as
 * Notepad did) is converted, like the CSV files.  NULL with *what ("open"
 * or "read") and *why when it cannot be read (read_file). */
static char *read_text(const char *path, size_t *len, const char **what, const char **why)
{
    char *text = read_file(path, len, what, why);
    if (!text)
        return NULL;
    if (*len == 0) { /* fmemopen wants at least one byte */
        free(text);
        text = xstrdup("\n");
        *len = 1;
    }
    if (!text_is_utf8(text, *len)) {
        char *converted = encoding_from_cp1252_dup(text, len);
        if (converted) {
            free(text);
            text = converted;
        }
    }
    return text;
}

int config_load(config *cfg, const char *path, const char *name, diag *d)
{
    config_defaults(cfg);
    size_t before = d->count, len;
    const char *what = N_("open"), *why = NULL;
    char *text = read_text(path, &len, &what, &why);
    FILE *f = text ? fmemopen(text, len, "r") : NULL;
    if (!f) {
        if (text)
            xalloc_check(errno);
        diag_report(d, EXIT_NOINPUT, name, 0, NULL, "cannot %s: %s", _(what),
                    why ? why : strerror(errno));
        free(text);
        return -1;
    }
    size_t seen[KEY_COUNT] = { 0 };
    config_parser p = {
        .cfg = cfg,
        .name = name,
        .path = path,
        .d = d,
        .file = f,
        .section = SECTION_NONE,
        .seen = seen,
    };
    int rc = ini_parse_stream(reader_next, &p, on_key, &p);
    free(p.buf);
    fclose(f);
    free(text);
    if (p.read_errno) {
        diag_report(d, EXIT_NOINPUT, name, 0, NULL, "cannot read: %s", strerror(p.read_errno));
        return -1;
    }
    if (rc > 0 && d->count == before) /* inih saw what the reader did not */
        diag_data(d, name, (size_t)rc, NULL, "cannot read this line");
    if (rc < 0)
        diag_report(d, EXIT_SOFTWARE, name, 0, NULL, "inih failed (%d)", rc);
    check_required(&p);
    if (!cfg->title)
        cfg->title = xstrdup(default_title(cfg->lang));
    return d->count == before ? 0 : -1;
}

void config_set_language(config *cfg, language lang)
{
    if (cfg->title && strcmp(cfg->title, default_title(cfg->lang)) == 0) {
        free(cfg->title);
        cfg->title = xstrdup(default_title(lang));
    }
    cfg->lang = lang;
}

void config_free(config *cfg)
{
    char **strings[] = {
        &cfg->org_name,         &cfg->org_subtitle,
        &cfg->org_tagline,      &cfg->org_address,
        &cfg->org_website,      &cfg->org_email,
        &cfg->org_phone,        &cfg->title,
        &cfg->currency,         &cfg->self_generated_group,
        &cfg->net_assets_group, &cfg->org_logo,
        &cfg->funders_groups,   &cfg->donors,
        &cfg->import_profile,
    };
    for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++) {
        free(*strings[i]);
        *strings[i] = NULL;
    }
    for (size_t i = 0; i < cfg->label_count; i++) {
        free(cfg->labels[i].name);
        free(cfg->labels[i].label);
    }
    free(cfg->labels);
    cfg->labels = NULL;
    cfg->label_count = cfg->label_cap = 0;
    for (int k = 0; k < INPUT_KIND_COUNT; k++)
        for (int c = 0; c < COL_COUNT; c++) {
            free((char *)cfg->columns[k].header[c]);
            cfg->columns[k].header[c] = NULL;
            cfg->columns[k].line[c] = 0;
            cfg->columns[k].optional[c] = false;
        }
    for (size_t i = 0; i < cfg->group_rule_count; i++) {
        group_rule *r = &cfg->group_rules[i];
        free(r->group);
        free(r->low);
        free(r->high);
        free(r->item);
    }
    free(cfg->group_rules);
    cfg->group_rules = NULL;
    cfg->group_rule_count = 0;
}
