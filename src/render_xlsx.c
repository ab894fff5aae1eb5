/* render_xlsx.c - the Excel workbook for funders (libxlsxwriter).
 *
 * Summary, revenue and expenses, funders, activities, partners, history,
 * and the ledger and activity detail the totals are computed from, with
 * live formulas whose cached results are the figures.  This file is the
 * workbook as a whole: the sheet table and the order sheets are added and
 * written in, what is checked before anything is written (locale, date,
 * sheet lengths), document properties, header and footer, and the
 * read-back check.  The sheets themselves are written by src/xlsx/ from the figures
 * and a detail_source (xlsx/xlsx.h). */
#include "render.h"

#include "lib/xalloc.h"
#include "xlsx/xlsx.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* One sheet before the detail sheets: the catalogue key of its name, its
 * writer, the rows it needs, the input its lists come from, and whether
 * it is written after the others (the summary refers to rows they
 * placed).  Indexed by XLSX_SHEET_*, in the order a reader sees them. */
typedef struct sheet_spec {
    const char *key;
    void (*write)(xlsx_book *b);
    size_t (*rows)(const figures *f);
    detail_kind from;
    bool last;
} sheet_spec;

static const sheet_spec sheets[XLSX_SHEET_COUNT] = {
#define SHEET_SPEC(id, key, writer, rows, from, last) \
    [XLSX_SHEET_##id] = { key, writer, rows, from, last },
    XLSX_SHEETS(SHEET_SPEC)
#undef SHEET_SPEC
};

/* Appends text to buf with '&' doubled (header/footer codes start with &),
 * keeping within size and whole UTF-8 characters. */
static void append_escaped(char *buf, size_t size, const char *text, size_t limit)
{
    size_t n = strlen(buf), start = n;
    for (const char *p = text; *p && n + 3 < size && n - start < limit; p++) {
        if (*p == '&')
            buf[n++] = '&';
        buf[n++] = *p;
    }
    while (n > start && ((unsigned char)buf[n - 1] & 0x80)) {
        /* drop a cut multi-byte character */
        size_t k = n - 1;
        while (k > start && ((unsigned char)buf[k] & 0xc0) == 0x80)
            k--;
        unsigned char lead = (unsigned char)buf[k];
        size_t want = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
        if (n - k == want)
            break;
        n = k;
    }
    buf[n] = '\0';
}

/* The printed header (organisation, sheet, fiscal year) and footer (page
 * numbers) of every sheet. */
static void header_footer_make(xlsx_book *b)
{
    const char *org = b->f->config && b->f->config->org_name ? b->f->config->org_name : "";
    char *safe_org = xlsx_safe_text(org, false);
    snprintf(b->header, sizeof b->header, "&L");
    append_escaped(b->header, sizeof b->header, safe_org ? safe_org : org, 160);
    free(safe_org);
    size_t n = strlen(b->header);
    snprintf(b->header + n, sizeof b->header - n, "&C&A&R%s", b->f->current.label);
    snprintf(b->footer, sizeof b->footer, "&C");
    append_escaped(b->footer, sizeof b->footer, xlsx_msg(b, "workbook.page"), 60);
    n = strlen(b->footer);
    snprintf(b->footer + n, sizeof b->footer - n, " &P / &N");
}

/* The document properties: title, subject, author, date. */
static void properties_set(xlsx_book *b, const render_context *ctx)
{
    const config *cfg = b->f->config;
    char title[512];
    snprintf(title, sizeof title, "%s %s", cfg && cfg->title ? cfg->title : "",
             b->f->current.label);
    char *safe_title = xlsx_safe_text(title, false);
    const char *org = cfg ? cfg->org_name : NULL;
    char *safe_org = org ? xlsx_safe_text(org, false) : NULL;
    lxw_doc_properties props = {
        .title = safe_title ? safe_title : title,
        .subject = (char *)xlsx_msg(b, "workbook.subject"),
        .author = (char *)(safe_org ? safe_org : org),
        .company = (char *)(safe_org ? safe_org : org),
        /* 0 is "now" to libxlsxwriter: the epoch itself is written a
         * second late, never the clock */
        .created = ctx->timestamp ? ctx->timestamp : 1,
    };
    xlsx_check(b, workbook_set_properties(b->wb, &props));
    free(safe_title);
    free(safe_org);
}

/* Adds every sheet of the table, in its order, but those without rows.
 * False when one could not be added (the error is kept in b->err). */
static bool sheets_add(xlsx_book *b)
{
    bool ok = true;
    for (size_t i = 0; i < XLSX_SHEET_COUNT; i++) {
        if (sheets[i].rows(b->f) == 0)
            continue; /* b->sheet[i] stays NULL */
        snprintf(b->sheet_name[i], sizeof b->sheet_name[i], "%s", xlsx_msg(b, sheets[i].key));
        errno = 0;
        b->sheet[i] = workbook_add_worksheet(b->wb, b->sheet_name[i]);
        xlsx_check(b, LXW_NO_ERROR); /* its unchecked lxw_strdup: ENOMEM */
        if (!b->sheet[i]) {
            xlsx_check(b, LXW_ERROR_SHEETNAME_ALREADY_USED);
            ok = false;
        }
    }
    return ok;
}

/* The folder for libxlsxwriter's temporary files (about 560 MB per million
 * ledger lines with detail sheets, unlinked as soon as they are opened):
 * the system's, TMPDIR or /tmp, not the output folder. */
static const char *temp_dir(void)
{
    const char *tmp = getenv("TMPDIR");
    return tmp && *tmp ? tmp : "/tmp";
}

/* Writes the sheets in table order, those marked last after the others;
 * the workbook opens on its first sheet. */
static void sheets_write(xlsx_book *b)
{
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < XLSX_SHEET_COUNT; i++)
            if (sheets[i].last == (pass == 1) && b->sheet[i])
                sheets[i].write(b);
    worksheet_activate(b->sheet[0]);
}

/* The input file a detail walk reads, for diagnostics. */
static const char *input_name(const detail_source *src, detail_kind kind)
{
    if (src && src->path_of)
        return src->path_of(src->ctx, kind);
    return kind == DETAIL_LEDGER ? "ledger.csv" : "activities.csv";
}

/* Whether every sheet of the table fits in an Excel sheet; each one that
 * does not is reported at the input its list comes from.  Checked before
 * anything is written: a list that long (530,000 partners) is a problem
 * in the data, such as a name column holding one value per row, and a
 * funder reads these sheets as the report itself, so a cut or scattered
 * list would mislead.  The detail sheets are raw rows to filter: they
 * continue on further sheets instead (xlsx_detail.c). */
static bool sheets_fit(xlsx_book *b, diag *d)
{
    bool ok = true;
    for (size_t i = 0; i < XLSX_SHEET_COUNT; i++) {
        size_t rows = sheets[i].rows(b->f);
        if (rows <= LXW_ROW_MAX)
            continue;
        diag_report(d, EXIT_DATAERR, input_name(b->src, sheets[i].from), 0, NULL,
                    "too many entries for the workbook: its sheet \"%s\" would need %zu rows, "
                    "more than the %lu an Excel sheet holds",
                    xlsx_msg(b, sheets[i].key), rows, (unsigned long)LXW_ROW_MAX);
        ok = false;
    }
    return ok;
}

/* Whether libxlsxwriter can write t as the document date: it formats it
 * with gmtime() and "%Y" into W3CDTF, which takes a four-digit year, and
 * crashes on a time gmtime() cannot convert. */
static bool date_valid(time_t t)
{
    struct tm tm;
    return gmtime_r(&t, &tm) && tm.tm_year >= 1000 - 1900 && tm.tm_year <= 9999 - 1900;
}

/* Fills the open workbook b->wb, closes it and reads it back; 0, or -1
 * with the problem reported to d. */
static int book_write(xlsx_book *b, const render_context *ctx, const char *path, diag *d)
{
    int rc = 0;
    xlsx_formats_make(b);
    header_footer_make(b);
    properties_set(b, ctx);
    if (sheets_add(b) && b->detail && xlsx_detail_write(b) != 0 && b->walk_failed >= 0) {
        diag_report(d, EXIT_NOINPUT, input_name(b->src, (detail_kind)b->walk_failed), 0, NULL,
                    "cannot read it again for the workbook's detail sheets");
        rc = -1;
    }
    if (!b->err && rc == 0)
        sheets_write(b);
    xlsx_check(b, LXW_NO_ERROR); /* the last calls' allocations */
    lxw_error err = workbook_close(b->wb);
    bool no_memory = errno == ENOMEM; /* as xlsx_check; a zip error too */
    if (no_memory && !b->err)
        err = LXW_ERROR_MEMORY_MALLOC_FAILED;
    char why[320];
    if (b->err || err) {
        lxw_error first = b->err ? b->err : err; /* out of memory is 70, not 73 */
        diag_report(d, first == LXW_ERROR_MEMORY_MALLOC_FAILED ? EXIT_SOFTWARE : EXIT_CANTCREAT,
                    path, 0, NULL, "cannot write the workbook: %s", lxw_strerror(first));
        rc = -1;
    } else if (rc == 0 && xlsx_verify(path, why, sizeof why) != 0) {
        diag_report(d, EXIT_CANTCREAT, path, 0, NULL, "cannot write the workbook: %s (disk full?)",
                    why);
        rc = -1;
    }
    return rc;
}

/* The workbook at path, written from the figures and the detail rows of
 * src; 0, or -1 with the problem reported to d. */
int render_xlsx(const figures *f, const detail_source *src, const render_context *ctx,
                const char *path, diag *d)
{
    /* libxlsxwriter prints numbers with "%.16G": under a decimal-comma
     * LC_NUMERIC every number in the file would be corrupt.  The program
     * never calls setlocale(); this guards against a change that would. */
    if (strcmp(localeconv()->decimal_point, ".") != 0) {
        diag_report(d, EXIT_SOFTWARE, path, 0, NULL,
                    "cannot write the workbook: LC_NUMERIC must use '.' as decimal point");
        return -1;
    }
    if (!date_valid(ctx->timestamp)) {
        diag_report(d, EXIT_USAGE, NULL, 0, NULL,
                    "cannot write the workbook: its date, %lld seconds after 1970 "
                    "(SOURCE_DATE_EPOCH, else the end of the fiscal year), is not "
                    "within the years 1000 to 9999",
                    (long long)ctx->timestamp);
        return -1;
    }
    xlsx_book b = { .f = f, .src = src, .walk_failed = -1 };
    errno = 0; /* xlsx_check reads it */
    b.max_rows = ctx->max_rows ? (lxw_row_t)ctx->max_rows : LXW_ROW_MAX;
    b.detail = !f->config || f->config->workbook_detail;
    b.msg = messages_load(ctx->templates_dir, f->lang, d);
    if (!b.msg)
        return -1;
    int rc = -1;
    if (sheets_fit(&b, d)) {
        const char *tmpdir = ctx->scratch_dir ? ctx->scratch_dir : temp_dir();
        lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = (char *)tmpdir };
        b.wb = workbook_new_opt(path, &options);
        if (b.wb)
            rc = book_write(&b, ctx, path, d);
        else
            diag_report(d, EXIT_CANTCREAT, path, 0, NULL, "cannot write the workbook: %s",
                        lxw_strerror(LXW_ERROR_CREATING_XLSX_FILE));
    }
    free(b.rows.revenue_group);
    free(b.rows.expense_group);
    xlsx_msg_free(&b);
    messages_free(b.msg);
    return rc;
}
