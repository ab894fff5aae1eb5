/* test_render_xlsx.c - the workbook renderer on hand-built figures and
 * stub detail rows: sheets and their names, formulas and their cached
 * results, "nouveau" for a zero previous year, text that looks like a
 * formula, the split of a detail sheet past the row limit (a small limit
 * here), detail off, identical bytes twice, and a path that cannot be
 * written.  The workbook's parts are read back with unzip -p. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "xlsx/xlsx.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char dir[] = "/tmp/test_render_xlsx_XXXXXX";

/* ---- fixture: figures and detail rows that agree ----------------------- */

static config cfg;
static figures fig;

static account_figure accounts[3];
static group_figure revenue_groups[2], expense_groups[1];
static counterparty_figure counterparties[5];
static funder_row funder_rows[4];
static history_figure history[3];
static axis_figure axes[1];
static type_figure types[1];
static partner_figure partners[1], regions[1];

static fiscal_period period(int year)
{
    fiscal_period p = { .year = year, .start = { year - 1, 4, 1 }, .end = { year, 3, 31 } };
    snprintf(p.label, sizeof p.label, "%d-%d", year - 1, year);
    return p;
}

static void fixture(language lang, bool detail)
{
    cfg = (config){ .org_name = "Dynamo & Co",
                    .title = "Bilan annuel",
                    .currency = "CAD",
                    .lang = lang,
                    .workbook_detail = detail,
                    .self_generated_group = "Revenus autonomes" };
    fig = (figures){ .config = &cfg, .lang = lang };
    fig.current = period(2014);
    fig.previous = period(2013);
    accounts[0] = (account_figure){ "4100", "Subvention Centraide", "Subventions", KIND_REVENUE,
                                    figure_make(100000, 80000) };
    accounts[1] = (account_figure){ "4200", "Ventes de formation", "Revenus autonomes",
                                    KIND_REVENUE, figure_make(50050, 0) };
    accounts[2] = (account_figure){ "5100", "Salaires", "Salaires", KIND_EXPENSE,
                                    figure_make(120000, 70000) };
    revenue_groups[0] = (group_figure){ "Subventions", figure_make(100000, 80000) };
    revenue_groups[1] = (group_figure){ "Revenus autonomes", figure_make(50050, 0) };
    expense_groups[0] = (group_figure){ "Salaires", figure_make(120000, 70000) };
    counterparties[0] = (counterparty_figure){ "=HYPERLINK(\"http://x.test\",\"clic\")",
                                               KIND_REVENUE, figure_make(100000, 80000) };
    counterparties[1] = (counterparty_figure){ "+1", KIND_REVENUE, figure_make(50050, 0) };
    counterparties[2] = (counterparty_figure){ "-2", KIND_EXPENSE, figure_make(120000, 70000) };
    counterparties[3] = (counterparty_figure){ "@SUM(A1)", KIND_REVENUE, figure_make(0, 0) };
    counterparties[4] = (counterparty_figure){ "ctl\001 _x0041_", KIND_REVENUE, figure_make(0, 0) };
    fig.accounts = accounts;
    fig.account_count = 3;
    fig.revenue_groups = revenue_groups;
    fig.revenue_group_count = 2;
    fig.expense_groups = expense_groups;
    fig.expense_group_count = 1;
    fig.counterparties = counterparties;
    fig.counterparty_count = 5;
    /* the revenue ones above, as compute lists them: largest first */
    static const int from[] = { 0, 1, 3, 4 };
    for (int i = 0; i < 4; i++)
        funder_rows[i] = (funder_row){ .kind = FUNDER_NAMED,
                                       .name = counterparties[from[i]].name,
                                       .amount = counterparties[from[i]].amount,
                                       .has_share = true };
    funder_rows[0].share_tenths = 666; /* 1000.00 of 1500.50 */
    funder_rows[1].share_tenths = 334;
    fig.funders = funder_rows;
    fig.funder_count = 4;
    fig.revenue = figure_make(150050, 80000);
    fig.expenses = figure_make(120000, 70000);
    fig.net = figure_make(30050, 10000);
    fig.has_self_generated = true;
    fig.self_generated = figure_make(50050, 0);
    for (int i = 0; i < 3; i++)
        history[i] =
            (history_figure){ period(2012 + i), 70000 + 10000 * i, 60000 + 10000 * i, 10000 };
    history[2] = (history_figure){ period(2014), 150050, 120000, 30050 };
    fig.history = history;
    fig.history_count = 3;
    fig.activity_count = figure_make(3, 2);
    fig.participants = figure_make(30, 10);
    fig.hours = figure_make(450, 300);
    fig.partner_count = figure_make(1, 1);
    fig.region_count = figure_make(1, 0);
    axes[0] =
        (axis_figure){ "Formation", figure_make(3, 2), figure_make(30, 10), figure_make(450, 300) };
    types[0] = (type_figure){ "Atelier", "Formation", figure_make(3, 2), figure_make(30, 10) };
    partners[0] = (partner_figure){ "Montréal-Nord", 3, 30 };
    regions[0] = (partner_figure){ "Montréal", 3, 30 };
    fig.axes = axes;
    fig.axis_count = 1;
    fig.types = types;
    fig.type_count = 1;
    fig.partners = partners;
    fig.partner_list_count = 1;
    fig.regions = regions;
    fig.region_list_count = 1;
}

static int stub_ledger(const void *ctx, ledger_detail_fn fn, void *arg)
{
    (void)ctx;
    fiscal_period cur = period(2014), prev = period(2013);
    const struct {
        const char *code, *name, *group;
        int64_t cents;
        const fiscal_period *p;
    } rows[] = {
        { "4100", "Subvention Centraide", "Subventions", 60000, &cur },
        { "4100", "Subvention Centraide", "Subventions", 40000, &cur },
        { "4100", "Subvention Centraide", "Subventions", 80000, &prev },
        { "4200", "Ventes de formation", "Revenus autonomes", 50050, &cur },
        { "5100", "Salaires", "Salaires", 120000, &cur },
        { "5100", "Salaires", "Salaires", 70000, &prev },
        { "1000", "Encaisse", "Actif", 99999, &cur },
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        ledger_detail r = { .line = i + 2,
                            .date = rows[i].p->end,
                            .account = rows[i].code,
                            .account_name = rows[i].name,
                            .group = rows[i].group,
                            .counterparty = i == 0 ? "=HYPERLINK(\"http://x.test\")" : "",
                            .memo = i == 1 ? "-2" : "",
                            .ref = "",
                            .amount = rows[i].cents,
                            .period = rows[i].p };
        int rc = fn(&r, arg);
        if (rc)
            return rc;
    }
    return 0;
}

static int stub_activities(const void *ctx, activity_detail_fn fn, void *arg)
{
    (void)ctx;
    fiscal_period cur = period(2014), prev = period(2013);
    for (int i = 0; i < 5; i++) {
        activity_detail r = { .line = (size_t)i + 2,
                              .date = { 2013, 6, 1 + i },
                              .axis = "Formation",
                              .type = "Atelier",
                              .title = "@titre",
                              .partner = "Montréal-Nord",
                              .region = "Montréal",
                              .participants = i < 3 ? 10 : 5,
                              .hours = 150,
                              .period = i < 3 ? &cur : &prev };
        int rc = fn(&r, arg);
        if (rc)
            return rc;
    }
    return 0;
}

/* Many lines, so that the ledger sheet's XML is far larger than the zip. */
static int stub_many(const void *ctx, ledger_detail_fn fn, void *arg)
{
    (void)ctx;
    fiscal_period cur = period(2014);
    for (size_t i = 0; i < 5000; i++) {
        ledger_detail r = { .line = i + 2,
                            .date = cur.end,
                            .account = "4100",
                            .account_name = "Subvention",
                            .group = "Subventions",
                            .counterparty = "Centraide",
                            .memo = "Versement",
                            .ref = "R",
                            .amount = 100,
                            .period = &cur };
        int rc = fn(&r, arg);
        if (rc)
            return rc;
    }
    return 0;
}

static int stub_failing(const void *ctx, ledger_detail_fn fn, void *arg)
{
    (void)ctx, (void)fn, (void)arg;
    return -1;
}

/* ---- helpers ------------------------------------------------------------ */

static char templates[4096];

static int write_book(const char *name, lxw_row_t max_rows, const detail_source *custom, diag *d)
{
    detail_source src = { NULL, stub_ledger, stub_activities, NULL };
    render_context ctx = {
        .templates_dir = templates, .input_dir = ".", .timestamp = 1396224000, .max_rows = max_rows
    };
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return render_xlsx(&fig, custom ? custom : &src, &ctx, path, d);
}

/* The text of one part of a workbook in dir (malloc'd). */
static char *part(const char *name, const char *member)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "unzip -p '%s/%s' '%s'", dir, name, member);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n - 1, p)) > 0) {
        n += got;
        if (n + 1 == cap)
            buf = realloc(buf, cap *= 2);
    }
    buf[n] = '\0';
    assert_int_equal(pclose(p), 0);
    return buf;
}

/* The XML of cell ref ("C4") in a sheet's XML, or NULL. */
static char *cell(const char *xml, const char *ref)
{
    char open[32];
    snprintf(open, sizeof open, "<c r=\"%s\"", ref);
    const char *start = strstr(xml, open);
    if (!start)
        return NULL;
    const char *end = strstr(start, "</c>");
    const char *empty = strstr(start, "/>");
    if (!end || (empty && empty < end && !memchr(start, '>', (size_t)(empty - start))))
        end = empty;
    return strndup(start, (size_t)(end - start) + 4);
}

static void assert_cell_has(const char *xml, const char *ref, const char *text)
{
    char *c = cell(xml, ref);
    if (!c || !strstr(c, text))
        fail_msg("cell %s: expected \"%s\" in %s", ref, text, c ? c : "(none)");
    free(c);
}

static void remove_file(const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    unlink(path);
}

static int setup(void **state)
{
    (void)state;
    const char *file = __FILE__; /* tests/unit/test_render_xlsx.c */
    const char *slash = strrchr(file, '/');
    int len = slash ? (int)(slash - file) : 0;
    snprintf(templates, sizeof templates, "%.*s%s../../templates", len, file, len ? "/" : "");
    if (access(templates, R_OK) != 0)
        snprintf(templates, sizeof templates, "templates");
    if (!mkdtemp(dir))
        return -1;
    /* the French workbook most tests read */
    fixture(LANG_FR, true);
    diag d;
    diag_init(&d, stderr);
    return write_book("fr.xlsx", 0, NULL, &d);
}

static int teardown(void **state)
{
    (void)state;
    const char *names[] = { "fr.xlsx",       "fr2.xlsx",           "en.xlsx",  "split.xlsx",
                            "nodetail.xlsx", "fail.xlsx",          "xml.xlsx", "long.xlsx",
                            "date.xlsx",     "tpl/messages.fr.ini" };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        remove_file(names[i]);
    char tpl[256];
    snprintf(tpl, sizeof tpl, "%s/tpl", dir);
    rmdir(tpl);
    return rmdir(dir);
}

/* ---- tests -------------------------------------------------------------- */

static void test_french_sheet_names_and_order(void **state)
{
    (void)state;
    char *wb = part("fr.xlsx", "xl/workbook.xml");
    const char *names[] = { "Sommaire",    "Revenus et dépenses", "Bailleurs de fonds",
                            "Activités",   "Complicités",         "Historique",
                            "Grand livre", "Détail des activités" };
    const char *at = wb;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        char want[128];
        snprintf(want, sizeof want, "<sheet name=\"%s\"", names[i]);
        const char *found = strstr(at, want);
        if (!found)
            fail_msg("sheet %s missing or out of order", names[i]);
        at = found;
    }
    assert_non_null(strstr(wb, "<definedName name=\"Revenue\">'Sommaire'!$B$7</definedName>"));
    assert_non_null(strstr(wb, "name=\"Revenue_previous\""));
    assert_non_null(strstr(wb, "_xlnm.Print_Titles"));
    assert_null(strstr(wb, "activeTab")); /* opens on the summary */
    free(wb);
    char *summary = part("fr.xlsx", "xl/worksheets/sheet1.xml");
    assert_non_null(strstr(summary, "tabSelected=\"1\""));
    free(summary);
    char *core = part("fr.xlsx", "docProps/core.xml");
    assert_non_null(strstr(core, "2014-03-31T00:00:00Z"));
    assert_non_null(strstr(core, "<dc:title>Bilan annuel 2013-2014</dc:title>"));
    assert_non_null(strstr(core, "<dc:creator>Dynamo &amp; Co</dc:creator>"));
    free(core);
}

static void test_account_sumifs_with_cached_figures(void **state)
{
    (void)state;
    char *xml = part("fr.xlsx", "xl/worksheets/sheet2.xml");
    /* row 4: 4100, SUMIFS over the ledger by account and year label */
    assert_cell_has(xml, "A4", "<t>4100</t>");
    assert_cell_has(xml, "C4",
                    "<f>SUMIFS('Grand livre'!$H$2:$H$8,'Grand livre'!$B$2:$B$8,"
                    "$A4,'Grand livre'!$I$2:$I$8,C$1)</f><v>1000</v>");
    assert_cell_has(xml, "D4", "<v>800</v>");
    assert_cell_has(xml, "E4", "<f>C4-D4</f><v>200</v>");
    assert_cell_has(xml, "F4",
                    "<f>IF(D4&gt;0,ROUND((C4-D4)/D4,3),IF(D4=0,IF(C4=0,"
                    "\"\xe2\x80\x94\",\"nouveau\"),\"n.s.\"))</f><v>0.25</v>");
    /* a group subtotal, the revenue total, the net */
    assert_cell_has(xml, "C5", "<f>SUM(C4:C4)</f><v>1000</v>");
    assert_cell_has(xml, "C9", "<f>C5+C8</f><v>1500.5</v>");
    assert_cell_has(xml, "C17", "<f>C9-C15</f><v>300.5</v>");
    free(xml);
}

static void test_zero_previous_is_nouveau(void **state)
{
    (void)state;
    char *xml = part("fr.xlsx", "xl/worksheets/sheet2.xml");
    /* 4200 had nothing the year before: the cached result is the word */
    assert_cell_has(xml, "F7", "t=\"str\"><f>IF(D7&gt;0,");
    assert_cell_has(xml, "F7", "<v>nouveau</v>");
    free(xml);
    char *sum = part("fr.xlsx", "xl/worksheets/sheet1.xml");
    assert_non_null(strstr(sum, "<v>nouveau</v>"));
    free(sum);
}

static void test_formula_like_text_stays_text(void **state)
{
    (void)state;
    char *xml = part("fr.xlsx", "xl/worksheets/sheet3.xml");
    assert_cell_has(xml, "A2", "t=\"inlineStr\"><is><t>=HYPERLINK(\"http://x.test\",\"clic\")</t>");
    assert_cell_has(xml, "A3", "t=\"inlineStr\"><is><t>+1</t>");
    assert_cell_has(xml, "A4", "t=\"inlineStr\"><is><t>@SUM(A1)</t>");
    /* a control character becomes U+FFFD; _x0041_ is escaped */
    assert_cell_has(xml, "A5", "<t>ctl\xef\xbf\xbd _x005F_x0041_</t>");
    assert_null(strstr(xml, "<f>HYPERLINK"));
    assert_null(strstr(xml, "<f>=HYPERLINK"));
    assert_null(strstr(xml, "<f>+1"));
    /* the total of the funders: the sum of the rows above */
    assert_cell_has(xml, "B6", "<f>SUM(B2:B5)</f><v>1500.5</v>");
    free(xml);
    char *ledger = part("fr.xlsx", "xl/worksheets/sheet7.xml");
    assert_cell_has(ledger, "E2", "<t>=HYPERLINK(\"http://x.test\")</t>");
    assert_cell_has(ledger, "F3", "<t>-2</t>");
    assert_null(strstr(ledger, "<f>"));
    free(ledger);
}

static void test_detail_sheets(void **state)
{
    (void)state;
    char *ledger = part("fr.xlsx", "xl/worksheets/sheet7.xml");
    assert_cell_has(ledger, "A1", "<t>Date</t>");
    assert_cell_has(ledger, "A2", "<v>41729</v>"); /* 2014-03-31 as a date */
    assert_cell_has(ledger, "H5", "<v>500.5</v>");
    assert_cell_has(ledger, "I5", "<t>2013-2014</t>");
    assert_non_null(strstr(ledger, "<autoFilter ref=\"A1:I8\"/>"));
    assert_non_null(strstr(ledger, "<pane ySplit=\"1\""));
    assert_non_null(strstr(ledger, "orientation=\"landscape\""));
    assert_non_null(strstr(ledger, "<oddHeader>&amp;LDynamo &amp;&amp; Co&amp;C&amp;A"));
    free(ledger);
    char *act = part("fr.xlsx", "xl/worksheets/sheet4.xml");
    assert_cell_has(act, "C4",
                    "<f>COUNTIFS('Détail des activités'!$I$2:$I$6,C$2,"
                    "'Détail des activités'!$B$2:$B$6,$A4)</f><v>3</v>");
    assert_cell_has(act, "K4", "<v>4.5</v>");
    assert_cell_has(act, "C5", "<f>SUM(C4:C4)</f><v>3</v>");
    free(act);
}

static void test_english_and_deterministic(void **state)
{
    (void)state;
    fixture(LANG_EN, true);
    diag d;
    diag_init(&d, stderr);
    assert_int_equal(write_book("en.xlsx", 0, NULL, &d), 0);
    char *wb = part("en.xlsx", "xl/workbook.xml");
    assert_non_null(strstr(wb, "<sheet name=\"Summary\""));
    assert_non_null(strstr(wb, "<sheet name=\"Activities detail\""));
    free(wb);
    char *xml = part("en.xlsx", "xl/worksheets/sheet2.xml");
    assert_cell_has(xml, "F7", "<v>new</v>");
    free(xml);
    /* French again: the same bytes as the first French workbook */
    fixture(LANG_FR, true);
    assert_int_equal(write_book("fr2.xlsx", 0, NULL, &d), 0);
    char cmd[512];
    snprintf(cmd, sizeof cmd, "cmp -s '%s/fr.xlsx' '%s/fr2.xlsx'", dir, dir);
    assert_int_equal(system(cmd), 0);
}

static void test_split_past_row_limit(void **state)
{
    (void)state;
    fixture(LANG_FR, true);
    diag d;
    diag_init(&d, stderr);
    /* 4 rows a sheet: the header and 3 lines; 7 ledger lines -> 3 sheets */
    assert_int_equal(write_book("split.xlsx", 4, NULL, &d), 0);
    char *wb = part("split.xlsx", "xl/workbook.xml");
    assert_non_null(strstr(wb, "<sheet name=\"Grand livre\""));
    assert_non_null(strstr(wb, "<sheet name=\"Grand livre (2)\""));
    assert_non_null(strstr(wb, "<sheet name=\"Grand livre (3)\""));
    assert_non_null(strstr(wb, "<sheet name=\"Détail des activités (2)\""));
    free(wb);
    char *xml = part("split.xlsx", "xl/worksheets/sheet2.xml");
    assert_cell_has(xml, "C4", "SUMIFS('Grand livre'!$H$2:$H$4,");
    assert_cell_has(xml, "C4", "+SUMIFS('Grand livre (2)'!$H$2:$H$4,");
    assert_cell_has(xml, "C4", "+SUMIFS('Grand livre (3)'!$H$2:$H$2,");
    free(xml);
    char *third = part("split.xlsx", "xl/worksheets/sheet9.xml");
    assert_cell_has(third, "A1", "<t>Date</t>");
    assert_cell_has(third, "B2", "<t>1000</t>");
    assert_null(cell(third, "A3"));
    free(third);
}

static void test_detail_off(void **state)
{
    (void)state;
    fixture(LANG_FR, false);
    diag d;
    diag_init(&d, stderr);
    assert_int_equal(write_book("nodetail.xlsx", 0, NULL, &d), 0);
    char *wb = part("nodetail.xlsx", "xl/workbook.xml");
    assert_null(strstr(wb, "Grand livre"));
    assert_null(strstr(wb, "Détail des activités"));
    free(wb);
    char *xml = part("nodetail.xlsx", "xl/worksheets/sheet2.xml");
    assert_cell_has(xml, "C4", "<v>1000</v>");
    char *c4 = cell(xml, "C4");
    assert_null(strstr(c4, "<f>"));
    free(c4);
    assert_cell_has(xml, "C5", "<f>SUM(C4:C4)</f>");
    free(xml);
    char *act = part("nodetail.xlsx", "xl/worksheets/sheet4.xml");
    char *c = cell(act, "C4");
    assert_non_null(c);
    assert_null(strstr(c, "<f>"));
    free(c);
    free(act);
}

static void test_unwritable_path_is_reported(void **state)
{
    (void)state;
    fixture(LANG_FR, false);
    FILE *sink = tmpfile();
    diag d;
    diag_init(&d, sink);
    render_context ctx = { .templates_dir = templates, .timestamp = 1396224000 };
    detail_source src = { NULL, stub_ledger, stub_activities, NULL };
    assert_int_equal(render_xlsx(&fig, &src, &ctx, "/nonexistent/dir/w.xlsx", &d), -1);
    assert_int_equal(d.status, EXIT_CANTCREAT);
    char text[512] = "";
    rewind(sink);
    size_t n = fread(text, 1, sizeof text - 1, sink);
    text[n] = '\0';
    assert_non_null(strstr(text, "/nonexistent/dir/w.xlsx"));
    assert_non_null(strstr(text, "cannot write the workbook"));
    fclose(sink);
}

/* A file size limit hit while libxlsxwriter writes its temporary files
 * truncates parts silently: the read-back check must catch it. */
static void test_truncated_parts_are_caught(void **state)
{
    (void)state;
    fixture(LANG_FR, true);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        /* the zip (compressed) fits under the limit, the ledger's XML not */
        signal(SIGXFSZ, SIG_IGN);
        struct rlimit limit = { 100000, 100000 };
        setrlimit(RLIMIT_FSIZE, &limit);
        FILE *sink = tmpfile();
        diag d;
        diag_init(&d, sink);
        detail_source src = { NULL, stub_many, stub_activities, NULL };
        int rc = write_book("fail.xlsx", 0, &src, &d);
        char text[1024] = "";
        rewind(sink);
        text[fread(text, 1, sizeof text - 1, sink)] = '\0';
        _exit(rc == -1 && d.status == EXIT_CANTCREAT && strstr(text, "is incomplete") ? 0 : 1);
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    /* without the limit the same workbook passes the check */
    diag d;
    diag_init(&d, stderr);
    assert_int_equal(write_book("fail.xlsx", 0, NULL, &d), 0);
    char path[256], why[320];
    snprintf(path, sizeof path, "%s/fail.xlsx", dir);
    assert_int_equal(xlsx_verify(path, why, sizeof why), 0);
}

static void test_verify_rejects_damage(void **state)
{
    (void)state;
    char path[256], why[320];
    snprintf(path, sizeof path, "%s/fail.xlsx", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs("not a zip", f);
    fclose(f);
    assert_int_equal(xlsx_verify(path, why, sizeof why), -1);
    assert_non_null(strstr(why, "zip"));
}

static void test_failed_walk_is_reported(void **state)
{
    (void)state;
    fixture(LANG_FR, true);
    FILE *sink = tmpfile();
    diag d;
    diag_init(&d, sink);
    detail_source src = { NULL, stub_failing, stub_activities, NULL };
    assert_int_equal(write_book("fail.xlsx", 0, &src, &d), -1);
    assert_int_equal(d.status, EXIT_NOINPUT);
    char text[512] = "";
    rewind(sink);
    text[fread(text, 1, sizeof text - 1, sink)] = '\0';
    assert_non_null(strstr(text, "ledger.csv"));
    fclose(sink);
}

/* A copy of the French catalogue in dir/tpl whose sheet name, "new",
 * "page" and subject carry characters XML forbids. */
static void hostile_templates(char *tpl, size_t size)
{
    snprintf(tpl, size, "%s/tpl", dir);
    mkdir(tpl, 0700);
    char from[4200], to[4200], line[1024];
    snprintf(from, sizeof from, "%s/messages.fr.ini", templates);
    snprintf(to, sizeof to, "%s/messages.fr.ini", tpl);
    FILE *in = fopen(from, "r"), *out = fopen(to, "w");
    assert_non_null(in);
    assert_non_null(out);
    while (fgets(line, sizeof line, in)) {
        if (strncmp(line, "sheet_funders =", 15) == 0)
            fputs("sheet_funders = Bailleurs\x01\xef\xbf\xbf\n", out);
        else if (strncmp(line, "new =", 5) == 0)
            fputs("new = nou\xef\xbf\xbeveau\n", out);
        else if (strncmp(line, "page =", 6) == 0)
            fputs("page = Pa\x02ge\n", out);
        else if (strncmp(line, "subject =", 9) == 0)
            fputs("subject = Classeur\x1f\n", out);
        else
            fputs(line, out);
    }
    fclose(in);
    fclose(out);
}

/* Whether every XML part of the workbook in dir parses (python3). */
static bool parts_parse(const char *name)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd,
             "python3 -c 'import sys, zipfile, xml.dom.minidom as m\n"
             "z = zipfile.ZipFile(sys.argv[1])\n"
             "for n in z.namelist():\n"
             "    if n.endswith((\".xml\", \".rels\")): m.parseString(z.read(n))' '%s/%s'",
             dir, name);
    return system(cmd) == 0;
}

/* Text XML 1.0 forbids, wherever it comes from (figures, detail rows, the
 * catalogue), becomes U+FFFD: every part of the workbook parses. */
static void test_forbidden_characters_replaced(void **state)
{
    (void)state;
    fixture(LANG_FR, true);
    cfg.org_name = "Dyn\x01"
                   "amo \xef\xbf\xbf& Co";
    cfg.title = "Bilan\xef\xbf\xbe\x7f \xff annuel";
    funder_rows[1].name = "Fond\xef\xbf\xbf\x01s";
    axes[0].axis = "Form\x0bation";
    char tpl[512];
    hostile_templates(tpl, sizeof tpl);
    render_context ctx = { .templates_dir = tpl, .input_dir = ".", .timestamp = 1396224000 };
    detail_source src = { NULL, stub_ledger, stub_activities, NULL };
    char path[256];
    snprintf(path, sizeof path, "%s/xml.xlsx", dir);
    diag d;
    diag_init(&d, stderr);
    assert_int_equal(render_xlsx(&fig, &src, &ctx, path, &d), 0);
    assert_true(parts_parse("xml.xlsx"));
    const char *members[] = { "xl/workbook.xml",          "docProps/core.xml",
                              "docProps/app.xml",         "xl/worksheets/sheet1.xml",
                              "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml",
                              "xl/worksheets/sheet4.xml", "xl/worksheets/sheet7.xml" };
    for (size_t i = 0; i < sizeof members / sizeof *members; i++) {
        char *xml = part("xml.xlsx", members[i]);
        if (strstr(xml, "\xef\xbf\xbf") || strstr(xml, "\xef\xbf\xbe") || strchr(xml, '\x01') ||
            strchr(xml, '\x02') || strchr(xml, '\x0b') || strchr(xml, '\x1f') ||
            strchr(xml, '\x7f') || strchr(xml, '\xff'))
            fail_msg("%s holds a forbidden character", members[i]);
        free(xml);
    }
    char *wb = part("xml.xlsx", "xl/workbook.xml");
    assert_non_null(strstr(wb, "<sheet name=\"Bailleurs\xef\xbf\xbd\xef\xbf\xbd\""));
    free(wb);
    char *core = part("xml.xlsx", "docProps/core.xml");
    assert_non_null(strstr(core, "<dc:creator>Dyn\xef\xbf\xbd"
                                 "amo \xef\xbf\xbd&amp; Co<"));
    assert_non_null(strstr(core, "<dc:title>Bilan\xef\xbf\xbd\xef\xbf\xbd \xef\xbf\xbd annuel"));
    free(core);
    char *funders = part("xml.xlsx", "xl/worksheets/sheet3.xml");
    assert_cell_has(funders, "A3", "<t>Fond\xef\xbf\xbd\xef\xbf\xbds</t>");
    assert_non_null(strstr(funders, "<oddHeader>&amp;LDyn\xef\xbf\xbd"
                                    "amo"));
    assert_non_null(strstr(funders, "<oddFooter>&amp;CPa\xef\xbf\xbdge"));
    free(funders);
    char *finances = part("xml.xlsx", "xl/worksheets/sheet2.xml");
    assert_cell_has(finances, "F7", "nou\xef\xbf\xbdveau");
    free(finances);
}

/* The last row of a sheet's XML, from its dimension ("A1:F17" -> 17). */
static unsigned long last_row(const char *xml)
{
    const char *dim = strstr(xml, "<dimension ref=\"");
    assert_non_null(dim);
    const char *colon = strchr(dim, ':');
    assert_non_null(colon);
    colon++;
    while (*colon >= 'A' && *colon <= 'Z')
        colon++;
    return strtoul(colon, NULL, 10);
}

/* Each sheet's row count, planned from the figures before writing, is the
 * count its writer then writes. */
static void test_planned_rows_match_sheets(void **state)
{
    (void)state;
    fixture(LANG_FR, true);
    size_t (*const rows[])(const figures *) = {
        xlsx_summary_rows,    xlsx_finances_rows, xlsx_funders_rows,
        xlsx_activities_rows, xlsx_partners_rows, xlsx_history_rows,
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        char member[64];
        snprintf(member, sizeof member, "xl/worksheets/sheet%zu.xml", i + 1);
        char *xml = part("fr.xlsx", member);
        assert_int_equal(rows[i](&fig), last_row(xml));
        free(xml);
    }
}

/* A list longer than a sheet holds (here 1,048,573 partners and a region:
 * 1,048,577 rows on the partners sheet, one too many) is refused before anything is
 * written, with exit 65 naming the sheet and the input. */
static void test_list_past_sheet_limit_is_refused(void **state)
{
    (void)state;
    fixture(LANG_FR, true);
    size_t count = 1048573;
    partner_figure *many = calloc(count, sizeof *many);
    assert_non_null(many);
    for (size_t i = 0; i < count; i++)
        many[i] = (partner_figure){ "Partenaire", 1, 1 };
    fig.partners = many;
    fig.partner_list_count = count;
    FILE *sink = tmpfile();
    diag d;
    diag_init(&d, sink);
    assert_int_equal(write_book("long.xlsx", 0, NULL, &d), -1);
    assert_int_equal(d.status, EXIT_DATAERR);
    char text[1024] = "";
    rewind(sink);
    text[fread(text, 1, sizeof text - 1, sink)] = '\0';
    fclose(sink);
    assert_non_null(strstr(text, "activities.csv"));
    assert_non_null(strstr(text, "\"Complicités\""));
    assert_non_null(strstr(text, "1048577 rows"));
    char path[256];
    snprintf(path, sizeof path, "%s/long.xlsx", dir);
    assert_int_equal(access(path, F_OK), -1); /* nothing written */
    free(many);
    /* one partner fewer: exactly the 1,048,576 rows a sheet holds */
    fig.partner_list_count = count - 1;
    assert_int_equal(xlsx_partners_rows(&fig), 1048576);
}

/* The outcome of writing name with the document date t, in a child (a
 * date out of gmtime's range used to crash libxlsxwriter): the exit
 * status of render_xlsx's diag, 139 for a crash. */
static int status_with_date(const char *name, time_t t)
{
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        signal(SIGSEGV, SIG_DFL); /* cmocka's handler would carry on here */
        signal(SIGABRT, SIG_DFL);
        FILE *sink = tmpfile();
        diag d;
        diag_init(&d, sink);
        render_context ctx = { .templates_dir = templates, .input_dir = ".", .timestamp = t };
        detail_source src = { NULL, stub_ledger, stub_activities, NULL };
        char path[256], text[1024] = "";
        snprintf(path, sizeof path, "%s/%s", dir, name);
        int rc = render_xlsx(&fig, &src, &ctx, path, &d);
        rewind(sink);
        text[fread(text, 1, sizeof text - 1, sink)] = '\0';
        if (rc != 0 && (!strstr(text, "years 1000 to 9999") || access(path, F_OK) == 0))
            _exit(1); /* the message, and nothing written */
        _exit(rc == 0 ? 0 : d.status);
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
}

/* SOURCE_DATE_EPOCH out of range is a usage error, never a crash or a
 * date of five digits; 0 is 1970, never the clock. */
static void test_document_date_is_checked(void **state)
{
    (void)state;
    fixture(LANG_FR, false);
    assert_int_equal(status_with_date("date.xlsx", (time_t)99999999999999999LL), EXIT_USAGE);
    assert_int_equal(status_with_date("date.xlsx", (time_t)-99999999999999999LL), EXIT_USAGE);
    assert_int_equal(status_with_date("date.xlsx", (time_t)253402300800LL), EXIT_USAGE);
    assert_int_equal(status_with_date("date.xlsx", (time_t)-30610224001LL), EXIT_USAGE);
    assert_int_equal(status_with_date("date.xlsx", (time_t)253402300799LL), 0);
    char *core = part("date.xlsx", "docProps/core.xml");
    assert_non_null(strstr(core, ">9999-12-31T23:59:59Z<"));
    free(core);
    assert_int_equal(status_with_date("date.xlsx", (time_t)-30610224000LL), 0);
    core = part("date.xlsx", "docProps/core.xml");
    assert_non_null(strstr(core, ">1000-01-01T00:00:00Z<"));
    free(core);
    assert_int_equal(status_with_date("date.xlsx", 0), 0);
    core = part("date.xlsx", "docProps/core.xml");
    assert_non_null(strstr(core, ">1970-01-01T00:00:01Z<"));
    free(core);
}

static void test_criteria(void **state)
{
    (void)state;
    assert_true(xlsx_criterion_safe("4100"));
    assert_true(xlsx_criterion_safe("Formation"));
    assert_true(xlsx_criterion_safe("Événement spécial"));
    assert_false(xlsx_criterion_safe("Atelier*"));
    assert_false(xlsx_criterion_safe("<100"));
    assert_false(xlsx_criterion_safe("Jan 2014"));
    assert_false(xlsx_criterion_safe("TRUE"));
    assert_false(xlsx_criterion_safe("=A1"));
    const char *codes[] = { "4100", "04100", "4200", "4300*" };
    bool *ok = xlsx_criteria_usable(codes, NULL, 4);
    assert_false(ok[0]); /* 4100 and 04100 are one number to a criterion */
    assert_false(ok[1]);
    assert_true(ok[2]);
    assert_false(ok[3]); /* a wildcard */
    free(ok);
    const char *names[] = { "ÉTÉ", "été", "Hiver" };
    ok = xlsx_criteria_usable(names, NULL, 3);
    assert_false(ok[0]); /* criteria ignore case, accented letters too */
    assert_false(ok[1]);
    assert_true(ok[2]);
    free(ok);
    const char *kinds[] = { "Atelier", "atelier" }, *areas[] = { "Formation", "Coaching" };
    ok = xlsx_criteria_usable(kinds, areas, 2);
    assert_true(ok[0] && ok[1]); /* pairs differ by their axis */
    free(ok);
    areas[1] = "FORMATION";
    ok = xlsx_criteria_usable(kinds, areas, 2);
    assert_false(ok[0] || ok[1]);
    free(ok);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_french_sheet_names_and_order),
        cmocka_unit_test(test_account_sumifs_with_cached_figures),
        cmocka_unit_test(test_zero_previous_is_nouveau),
        cmocka_unit_test(test_formula_like_text_stays_text),
        cmocka_unit_test(test_detail_sheets),
        cmocka_unit_test(test_english_and_deterministic),
        cmocka_unit_test(test_split_past_row_limit),
        cmocka_unit_test(test_detail_off),
        cmocka_unit_test(test_unwritable_path_is_reported),
        cmocka_unit_test(test_truncated_parts_are_caught),
        cmocka_unit_test(test_verify_rejects_damage),
        cmocka_unit_test(test_failed_walk_is_reported),
        cmocka_unit_test(test_forbidden_characters_replaced),
        cmocka_unit_test(test_planned_rows_match_sheets),
        cmocka_unit_test(test_list_past_sheet_limit_is_refused),
        cmocka_unit_test(test_document_date_is_checked),
        cmocka_unit_test(test_criteria),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
