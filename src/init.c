/* init.c - `bilan init DIR [--lang fr|en] [--from EXPORT...]`: write a new
 * input folder to fill in (init.h): the command line, the files' contents
 * in French and English, and the all-or-nothing write. */
#include "init.h"
#include "init_accounts.h"
#include "lib/diag.h"
#include "lib/files.h"
#include "lib/i18n.h"
#include "lib/lang.h"
#include "lib/xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define NBSP "\xc2\xa0" /* U+00A0: French « », and before ':' */

typedef struct init_options {
    const char *dir;
    language lang;
    const char *templates_dir;
    const char **exports; /* --from */
    size_t export_count;
    bool quiet;
} init_options;

/* ---- the command line -------------------------------------------------- */

/* "bilan: MESSAGE" and the usage hint on stderr; returns -1. */
__attribute__((format(printf, 1, 2))) static int init_usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("bilan init: ", stderr);
    vfprintf(stderr, _(fmt), ap);
    va_end(ap);
    fprintf(stderr, "\n%s\n", _("Usage: bilan init DIR [--lang fr|en] [--from EXPORT...]"));
    return -1;
}

/* The value of "--opt value" or "--opt=value" at argv[*i], or NULL when
 * it is missing (empty, or another option). */
static const char *option_value(int argc, char **argv, int *i, const char *name)
{
    const char *arg = argv[*i];
    size_t n = strlen(name);
    if (arg[n] == '=')
        return arg[n + 1] ? arg + n + 1 : NULL;
    if (*i + 1 < argc && argv[*i + 1][0] && strncmp(argv[*i + 1], "--", 2) != 0)
        return argv[++*i];
    return NULL;
}

/* Whether arg is "--name" or "--name=...". */
static bool is_option(const char *arg, const char *name)
{
    size_t n = strlen(name);
    return strncmp(arg, name, n) == 0 && (arg[n] == '\0' || arg[n] == '=');
}

/* --from EXPORT...: this value and the plain arguments after it. */
static int take_exports(int argc, char **argv, int *i, init_options *o)
{
    const char *first = option_value(argc, argv, i, "--from");
    if (!first)
        return init_usage_error("option '--from' needs a file");
    o->exports[o->export_count++] = first;
    while (*i + 1 < argc && argv[*i + 1][0] != '-')
        o->exports[o->export_count++] = argv[++*i];
    return 0;
}

/* Parses `init DIR [--lang fr|en] [--from EXPORT...] [--templates DIR]
 * [--quiet]`.  Returns 0, 1 for --help, -1 after a usage error. */
static int init_parse(int argc, char **argv, init_options *o)
{
    o->exports = xcalloc((size_t)argc, sizeof *o->exports);
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i], *value;
        if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0)
            return 1;
        if (strcmp(arg, "-q") == 0 || strcmp(arg, "--quiet") == 0) {
            o->quiet = true;
        } else if (is_option(arg, "--lang")) {
            if (!(value = option_value(argc, argv, &i, "--lang")))
                return init_usage_error("option '--lang' needs a value");
            if (language_parse(value, &o->lang) != 0)
                return init_usage_error("--lang '%s' is not fr or en", value);
        } else if (is_option(arg, "--templates")) {
            if (!(value = option_value(argc, argv, &i, "--templates")))
                return init_usage_error("option '--templates' needs a value");
            o->templates_dir = value;
        } else if (is_option(arg, "--from")) {
            if (take_exports(argc, argv, &i, o) != 0)
                return -1;
        } else if (arg[0] == '-' && arg[1]) {
            return init_usage_error("unknown option '%s'", arg);
        } else if (o->dir) {
            return init_usage_error("unexpected argument '%s'", arg);
        } else if (!arg[0]) {
            return init_usage_error("the folder's name is empty");
        } else {
            size_t n = strlen(argv[i]);
            while (n > 1 && argv[i][n - 1] == '/') /* "org/" is "org" */
                argv[i][--n] = '\0';
            o->dir = argv[i];
        }
    }
    if (!o->dir)
        return init_usage_error("which folder? Give the new input folder's name");
    return 0;
}

/* ---- what the folder must not be --------------------------------------- */

/* Whether dir may be written: absent, or an empty folder.  Reports why
 * not (exit 73). */
static bool target_free(const char *dir, diag *d)
{
    struct stat st;
    if (lstat(dir, &st) != 0) {
        if (errno == ENOENT)
            return true;
        diag_report(d, EXIT_CANTCREAT, dir, 0, NULL, "cannot write the new folder: %s",
                    strerror(errno));
        return false;
    }
    if (!S_ISDIR(st.st_mode)) {
        diag_report(d, EXIT_CANTCREAT, dir, 0, NULL,
                    "exists and is not a folder: bilan init writes a new folder");
        return false;
    }
    DIR *dh = opendir(dir);
    bool empty = dh != NULL;
    for (struct dirent *e; empty && (e = readdir(dh)) != NULL;)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            empty = false;
    if (dh)
        closedir(dh);
    if (!empty)
        diag_report(d, EXIT_CANTCREAT, dir, 0, NULL,
                    "the folder exists and is not empty: bilan init writes a new "
                    "folder, or fills an empty one");
    return empty;
}

/* ---- the texts of the template ----------------------------------------- */

/* One {{% text NAME %}} of the template, and the heading above it. */
typedef struct init_text {
    char *name;
    char *heading; /* "" before the first heading */
} init_text;

/* The NAME of a line "{{% text NAME %}}", in a new string, or NULL. */
static char *text_directive(const char *line)
{
    while (*line == ' ')
        line++;
    if (strncmp(line, "{{%", 3) != 0)
        return NULL;
    line += 3;
    while (*line == ' ')
        line++;
    if (strncmp(line, "text ", 5) != 0)
        return NULL;
    line += 5;
    while (*line == ' ')
        line++;
    size_t n = strcspn(line, " %");
    const char *end = line + n;
    while (*end == ' ')
        end++;
    return n && strncmp(end, "%}}", 3) == 0 ? xstrndup(line, n) : NULL;
}

/* The texts the template at path includes, in its order, outside HTML
 * comments; -1 (reported) when it cannot be read. */
static int template_texts(const char *path, init_text **texts, size_t *count, diag *d)
{
    size_t len, cap = 0;
    const char *what, *why;
    char *src = read_file(path, &len, &what, &why);
    if (!src) {
        diag_report(d, EXIT_NOINPUT, path, 0, NULL, "cannot %s: %s", _(what), why);
        return -1;
    }
    char *heading = xstrdup("");
    bool in_comment = false;
    for (char *line = strtok(src, "\n"); line; line = strtok(NULL, "\n")) {
        if (in_comment || strncmp(line, "<!--", 4) == 0) {
            in_comment = strstr(line, "-->") == NULL;
            continue;
        }
        if (line[0] == '#') {
            free(heading);
            heading = xstrdup(line + strspn(line, "# "));
            continue;
        }
        char *name = text_directive(line);
        if (!name)
            continue;
        xgrow((void **)texts, &cap, *count + 1, sizeof **texts);
        (*texts)[(*count)++] = (init_text){ name, xstrdup(heading) };
    }
    free(heading);
    free(src);
    return 0;
}

static void texts_free(init_text *texts, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        free(texts[i].name);
        free(texts[i].heading);
    }
    free(texts);
}

/* ---- the files' contents ----------------------------------------------- */

/* report.ini, commented in lang; year is the reported year to start from. */
static void write_report_ini(FILE *out, language lang, int year, const char *dir)
{
    if (lang == LANG_FR) {
        fprintf(
            out,
            "; report.ini" NBSP ": l'organisme et les réglages du rapport (man bilan).\n"
            "; Écrit par «" NBSP "bilan init" NBSP "»" NBSP
            ": écrivez les valeurs vides, vérifiez les\n"
            "; autres, retirez le «" NBSP ";" NBSP "» du début des lignes qui vous servent, puis\n"
            ";     bilan --input %s --check\n"
            "; dit ce qui reste à faire, une ligne par point.\n"
            "\n"
            "[organisation]\n"
            "name =                      ; le nom de l'organisme (obligatoire)\n"
            "; subtitle =                ; sous le nom, sur la couverture\n"
            "; tagline =                 ; une devise\n"
            "; address =                 ; 4050, rue Molson, bureau 340, Montréal (Québec) H1Y 3N1\n"
            "; website =                 ; https://exemple.org/\n"
            "; phone =                   ; 514 555-0100\n"
            "; email =                   ; le courriel de l'organisme\n"
            "\n"
            "[report]\n"
            "title = Bilan annuel\n"
            "fiscal_year_end = 12-31     ; MM-JJ" NBSP
            ": le dernier jour de chaque exercice (03-31 s'il finit le 31 mars)\n"
            "year = %d                 ; l'année civile où finit l'exercice du rapport\n"
            "history = 3                 ; les exercices des tendances, celui du rapport compris\n"
            "language = fr               ; fr ou en\n"
            "currency = CAD\n"
            "; self_generated = Revenus autonomes   ; le groupe de produits montré comme revenus autonomes\n"
            "\n"
            "[csv]                       ; chaque fichier est lu tel quel (auto)\n"
            "encoding = auto             ; auto, utf-8, windows-1252\n"
            "delimiter = auto            ; auto, comma, semicolon, tab\n"
            "decimal = auto              ; auto, point, comma\n"
            "date_order = auto           ; auto, dmy, mdy\n"
            "\n"
            "[workbook]\n"
            "detail = yes                ; les feuilles du grand livre et des activités\n"
            "\n"
            "; Les textes du rapport sont dans texts/ (un fichier par section). Une section\n"
            "; par axe d'intervention d'activities.csv s'y ajoute" NBSP ": texts/NOM-DE-L-AXE.md,\n"
            "; en minuscules, sans accents, les espaces en traits d'union\n"
            "; (Mobilisation des connaissances" NBSP ": mobilisation-des-connaissances.md).\n",
            dir, year);
        return;
    }
    fprintf(
        out,
        "; report.ini: the organisation and the report's settings (man bilan).\n"
        "; Written by 'bilan init': fill in the empty values, check the others,\n"
        "; remove the ';' at the start of the lines you need, then\n"
        ";     bilan --input %s --check\n"
        "; says what is left to do, one line each.\n"
        "\n"
        "[organisation]\n"
        "name =                      ; the organisation's name (required)\n"
        "; subtitle =                ; under the name, on the cover\n"
        "; tagline =                 ; a motto\n"
        "; address =                 ; 4050 Molson Street, Suite 340, Montréal, Quebec H1Y 3N1\n"
        "; website =                 ; https://example.org/\n"
        "; phone =                   ; 514 555-0100\n"
        "; email =                   ; the organisation's email address\n"
        "\n"
        "[report]\n"
        "title = Annual report\n"
        "fiscal_year_end = 12-31     ; MM-DD: the last day of every fiscal year (03-31 when it ends on 31 March)\n"
        "year = %d                 ; the calendar year in which the reported fiscal year ends\n"
        "history = 3                 ; fiscal years in trends, the reported one included\n"
        "language = en               ; fr or en\n"
        "currency = CAD\n"
        "; self_generated = Self-generated revenue   ; the revenue group shown as self-generated\n"
        "\n"
        "[csv]                       ; each file is read as it is (auto)\n"
        "encoding = auto             ; auto, utf-8, windows-1252\n"
        "delimiter = auto            ; auto, comma, semicolon, tab\n"
        "decimal = auto              ; auto, point, comma\n"
        "date_order = auto           ; auto, dmy, mdy\n"
        "\n"
        "[workbook]\n"
        "detail = yes                ; the ledger and activity detail sheets\n"
        "\n"
        "; The report's texts are in texts/ (one file per section).  Each program area\n"
        "; (axis) of activities.csv adds a section with its own text: texts/AXIS-NAME.md,\n"
        "; lower case, without accents, spaces made hyphens (Knowledge mobilisation:\n"
        "; knowledge-mobilisation.md).\n",
        dir, year);
}

/* texts/NAME.md: a comment saying what the section is for. */
static void write_text(FILE *out, const init_text *t, language lang)
{
    if (lang == LANG_FR) {
        fprintf(out, "<!--\n%s.md" NBSP ": ", t->name);
        if (*t->heading)
            fprintf(out, "le texte de la section «" NBSP "%s" NBSP "» du rapport.\n", t->heading);
        else
            fputs("le texte d'ouverture du rapport, avant la première section\n"
                  "(des citations" NBSP ": > «" NBSP "La citation." NBSP
                  "» puis > — Son auteur).\n",
                  out);
        fputs("Écrivez-le sous ce commentaire, en Markdown" NBSP ": des paragraphes séparés\n"
              "par une ligne vide, *italique*, **gras**, des listes (- un point).\n"
              "Ce commentaire n'est pas imprimé; tant que le fichier ne contient\n"
              "rien d'autre, rien n'est imprimé à sa place.\n"
              "-->\n",
              out);
        return;
    }
    fprintf(out, "<!--\n%s.md: ", t->name);
    if (*t->heading)
        fprintf(out, "the text of the report's section \"%s\".\n", t->heading);
    else
        fputs("the report's opening text, before the first section\n"
              "(quotations: > \"The quotation.\" then > — Its author).\n",
              out);
    fputs("Write it below this comment, in Markdown: paragraphs separated by a\n"
          "blank line, *italics*, **bold**, lists (- an item).  This comment is\n"
          "not printed; while the file holds nothing else, nothing is printed\n"
          "in its place.\n"
          "-->\n",
          out);
}

static const char *activities_header(language lang)
{
    return lang == LANG_FR ? "date,axe,type,titre,partenaire,région,participants,heures\n"
                           : "date,axis,type,title,partner,region,participants,hours\n";
}

static const char *people_header(language lang)
{
    return lang == LANG_FR ? "nom,rôle,groupe,équipe\n" : "name,role,group,team\n";
}

/* ---- writing ----------------------------------------------------------- */

/* The scratch folder being written, and every path in it, for removal
 * when anything fails. */
typedef struct init_writer {
    const char *dir; /* the folder's name, for diagnostics */
    char *root;
    char **paths;
    size_t count, cap;
    diag *d;
    bool failed;
} init_writer;

/* Reports that DIR/name cannot be written. */
static void writer_failed(init_writer *w, const char *name, int err)
{
    char *shown = path_join(w->dir, name);
    diag_report(w->d, EXIT_CANTCREAT, shown, 0, NULL, "cannot write: %s", strerror(err));
    free(shown);
    w->failed = true;
}

/* Opens root/name for writing (noted for removal), or NULL, reported. */
static FILE *writer_open(init_writer *w, const char *name)
{
    char *path = path_join(w->root, name);
    xgrow((void **)&w->paths, &w->cap, w->count + 1, sizeof *w->paths);
    w->paths[w->count++] = path;
    FILE *f = fopen(path, "wx");
    if (!f)
        writer_failed(w, name, errno);
    return f;
}

/* Closes f, reporting a write error. */
static void writer_close(init_writer *w, FILE *f, const char *name)
{
    if (!f)
        return;
    errno = 0;
    bool bad = ferror(f) != 0;
    if (fclose(f) != 0 || bad)
        writer_failed(w, name, errno ? errno : EIO);
}

/* Writes a fixed text as root/name. */
static void writer_put(init_writer *w, const char *name, const char *text)
{
    FILE *f = writer_open(w, name);
    if (f)
        fputs(text, f);
    writer_close(w, f, name);
}

/* Copies the export at path as root/name. */
static void writer_copy(init_writer *w, const char *name, const char *path)
{
    size_t len;
    const char *what, *why;
    char *data = read_file(path, &len, &what, &why);
    if (!data) {
        diag_report(w->d, EXIT_NOINPUT, path, 0, NULL, "cannot %s: %s", _(what), why);
        w->failed = true;
        return;
    }
    FILE *f = writer_open(w, name);
    if (f)
        fwrite(data, 1, len, f);
    writer_close(w, f, name);
    free(data);
}

/* Removes what was written, then the scratch folder. */
static void writer_discard(init_writer *w)
{
    for (size_t i = w->count; i-- > 0;)
        unlink(w->paths[i]);
    char *texts = path_join(w->root, "texts");
    rmdir(texts);
    free(texts);
    rmdir(w->root);
}

static void writer_free(init_writer *w)
{
    for (size_t i = 0; i < w->count; i++)
        free(w->paths[i]);
    free(w->paths);
    free(w->root);
}

/* The name an export is copied in as: ledger.EXT when it is the only one,
 * else ledger-BASENAME (BASENAME itself when it starts with "ledger"). */
static char *ledger_name(const char *path, size_t count)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    bool xlsx = dot && strcasecmp(dot, ".xlsx") == 0;
    char name[600];
    if (count == 1)
        snprintf(name, sizeof name, "ledger.%s", xlsx ? "xlsx" : "csv");
    else if (strncasecmp(base, "ledger", 6) == 0)
        snprintf(name, sizeof name, "%.500s", base);
    else
        snprintf(name, sizeof name, "ledger-%.500s", base);
    return xstrdup(name);
}

/* Whether name is already taken among the first n export names. */
static bool name_taken(char *const *names, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0)
            return true;
    return false;
}

/* Everything of the new folder, into w->root. */
static void write_folder(init_writer *w, const init_options *o, const init_text *texts,
                         size_t text_count, const init_accounts *accounts, int year)
{
    FILE *f = writer_open(w, "report.ini");
    if (f)
        write_report_ini(f, o->lang, year, o->dir);
    writer_close(w, f, "report.ini");
    f = writer_open(w, "accounts.csv");
    if (f && init_accounts_write(accounts, f, o->lang) != 0)
        w->failed = true;
    writer_close(w, f, "accounts.csv");
    writer_put(w, "activities.csv", activities_header(o->lang));
    writer_put(w, "people.csv", people_header(o->lang));
    char **names = xcalloc(o->export_count + 1, sizeof *names);
    for (size_t i = 0; i < o->export_count && !w->failed; i++) {
        names[i] = ledger_name(o->exports[i], o->export_count);
        for (int n = 2; name_taken(names, i, names[i]); n++) {
            char other[620];
            snprintf(other, sizeof other, "ledger-%d-%.600s", n, names[i]);
            free(names[i]);
            names[i] = xstrdup(other);
        }
        writer_copy(w, names[i], o->exports[i]);
    }
    for (size_t i = 0; i < o->export_count; i++)
        free(names[i]);
    free(names);
    char *texts_dir = path_join(w->root, "texts");
    if (!w->failed && mkdir(texts_dir, 0777) != 0)
        writer_failed(w, "texts", errno);
    free(texts_dir);
    for (size_t i = 0; i < text_count && !w->failed; i++) {
        char name[300];
        snprintf(name, sizeof name, "texts/%.250s.md", texts[i].name);
        f = writer_open(w, name);
        if (f)
            write_text(f, &texts[i], o->lang);
        writer_close(w, f, name);
    }
}

/* A scratch folder beside dir (its parent made when missing), with the
 * permissions a new folder gets; NULL, reported, when it cannot be made. */
static char *scratch_beside(const char *dir, diag *d)
{
    char *parent = dir_of(dir);
    make_folders(parent);
    const char *base = strrchr(dir, '/');
    base = base ? base + 1 : dir;
    char name[300];
    snprintf(name, sizeof name, ".%.200s.init-XXXXXX", base);
    char *root = path_join(parent, name);
    free(parent);
    if (!mkdtemp(root)) {
        diag_report(d, EXIT_CANTCREAT, dir, 0, NULL, "cannot write the new folder: %s",
                    strerror(errno));
        free(root);
        return NULL;
    }
    mode_t mask = umask(0);
    umask(mask);
    chmod(root, 0777 & ~mask);
    return root;
}

/* The reported year to start from: the latest year of the exports, else
 * the current one (SOURCE_DATE_EPOCH, else the clock). */
static int start_year(const init_accounts *accounts)
{
    if (accounts->last_year)
        return accounts->last_year;
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    time_t now = epoch && *epoch ? (time_t)strtoll(epoch, NULL, 10) : time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    return tm.tm_year + 1900;
}

/* Reads the template and the exports, then writes the folder. */
static int init_run(const init_options *o, diag *d)
{
    if (!target_free(o->dir, d))
        return d->status;
    char tpl[64];
    snprintf(tpl, sizeof tpl, "report.%s.md", language_code(o->lang));
    char *tpl_path = path_join(o->templates_dir, tpl);
    init_text *texts = NULL;
    size_t text_count = 0;
    template_texts(tpl_path, &texts, &text_count, d);
    free(tpl_path);
    init_accounts accounts;
    init_accounts_init(&accounts);
    for (size_t i = 0; i < o->export_count; i++)
        init_accounts_read(&accounts, o->exports[i], o->exports[i], d);
    init_writer w = { .dir = o->dir, .d = d };
    if (!diag_failed(d) && (w.root = scratch_beside(o->dir, d)) != NULL) {
        write_folder(&w, o, texts, text_count, &accounts, start_year(&accounts));
        if (!w.failed && rename(w.root, o->dir) != 0) {
            diag_report(d, EXIT_CANTCREAT, o->dir, 0, NULL, "cannot write the new folder: %s",
                        strerror(errno));
            w.failed = true;
        }
        if (w.failed)
            writer_discard(&w);
    }
    if (!diag_failed(d) && !o->quiet) {
        printf(_("bilan: wrote %s: report.ini, accounts.csv, activities.csv, people.csv, "),
               o->dir);
        if (o->export_count)
            printf(ngettext("%zu ledger export (%zu accounts listed in accounts.csv), ",
                            "%zu ledger exports (%zu accounts listed in accounts.csv), ",
                            o->export_count),
                   o->export_count, accounts.count);
        printf(ngettext("%zu text in texts/", "%zu texts in texts/", text_count), text_count);
        printf(_("; fill them in, then run: bilan --input %s --check\n"), o->dir);
    }
    writer_free(&w);
    init_accounts_free(&accounts);
    texts_free(texts, text_count);
    return d->status;
}

int init_main(int argc, char **argv, const char *templates_dir)
{
    init_options o = { .lang = LANG_FR, .templates_dir = templates_dir };
    int rc = init_parse(argc, argv, &o);
    if (rc != 0) {
        free(o.exports);
        if (rc > 0) {
            printf("%s\n", _("Usage: bilan init DIR [--lang fr|en] [--from EXPORT...]"));
            fputs(_("Write a new input folder DIR to fill in (see 'bilan --help').\n"), stdout);
            return EXIT_OK;
        }
        return EXIT_USAGE;
    }
    diag d;
    diag_init(&d, stderr);
    int status = init_run(&o, &d);
    diag_finish(&d);
    if (diag_failed(&d) && !o.quiet)
        fprintf(stderr,
                ngettext("bilan: %zu problem; nothing written\n",
                         "bilan: %zu problems; nothing written\n", d.count),
                d.count);
    free(o.exports);
    return status;
}
