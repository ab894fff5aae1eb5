/* test_xlsx_reader.c - the .xlsx reader.  Workbooks are written here with
 * libzip, part by part, so each test shows the XML it reads; a few small
 * files made by LibreOffice and openpyxl (tests/unit/data/xlsx, remade by
 * make_fixtures.sh there) check real producers.  Like the CSV reader's
 * tests, every workbook is read at many chunk sizes and must give the same
 * records and diagnostics each time. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include <zip.h>

#include "parse/xlsx_reader.h"
#include "parse/xlsx_reader_test.h"

#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_REL  "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG  "http://schemas.openxmlformats.org/package/2006/relationships"

static char dir[] = "/tmp/test_xlsx_reader_XXXXXX";
static char path_buf[256];

static int setup(void **state)
{
    (void)state;
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* A file name in the scratch folder. */
static const char *scratch(const char *name)
{
    snprintf(path_buf, sizeof path_buf, "%s/%s", dir, name);
    return path_buf;
}

/* ---- writing workbooks ---------------------------------------------- */

typedef struct part {
    const char *name, *xml;
} part;

/* A zip of the parts (a NULL xml leaves the part out). */
static void write_zip(const char *path, const part *parts, size_t n)
{
    int err = 0;
    zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
    assert_non_null(z);
    for (size_t i = 0; i < n; i++) {
        if (!parts[i].xml)
            continue;
        zip_source_t *src = zip_source_buffer(z, parts[i].xml, strlen(parts[i].xml), 0);
        assert_non_null(src);
        assert_true(zip_file_add(z, parts[i].name, src, ZIP_FL_OVERWRITE) >= 0);
    }
    assert_int_equal(zip_close(z), 0);
}

static const char root_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"" NS_PKG "\">"
    "<Relationship Id=\"rId1\" Type=\"" NS_REL "/officeDocument\" Target=\"xl/workbook.xml\"/>"
    "</Relationships>";

static const char book_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"" NS_PKG "\">"
    "<Relationship Id=\"rId1\" Type=\"" NS_REL "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" NS_REL "/styles\" Target=\"styles.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"" NS_REL "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    "</Relationships>";

/* Cell formats: s=0 general (its cell style xf is a date: must not
 * count), 1 built-in 14, 2 dd/mm/yyyy, 3 built-in 20 (h:mm), 4 h:mm:ss,
 * 5 [$-409]mmmm d, yyyy;@, 6 "Total day" 0.00, 7 mm:ss, 8 built-in 4
 * (#,##0.00), 9 built-in 22 (m/d/yyyy h:mm), 10 [h]:mm, 11 mm (a month),
 * 12 yyyy"年"m"月". */
static const char styles_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<styleSheet xmlns=\"" NS_MAIN "\">\n"
    "<numFmts count=\"9\">"
    "<numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/>"
    "<numFmt numFmtId=\"165\" formatCode=\"h:mm:ss\"/>"
    "<numFmt numFmtId=\"166\" formatCode=\"[$-409]mmmm d, yyyy;@\"/>"
    "<numFmt numFmtId=\"167\" formatCode=\"&quot;Total day&quot; 0.00\"/>"
    "<numFmt numFmtId=\"168\" formatCode=\"mm:ss\"/>"
    "<numFmt numFmtId=\"169\" formatCode=\"[h]:mm\"/>"
    "<numFmt numFmtId=\"170\" formatCode=\"mm\"/>"
    "<numFmt numFmtId=\"171\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;\"/>"
    "</numFmts>\n"
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>\n"
    "<cellXfs count=\"13\">"
    "<xf numFmtId=\"0\" xfId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/>"
    "<xf numFmtId=\"164\"/><xf numFmtId=\"20\"/><xf numFmtId=\"165\"/><xf numFmtId=\"166\"/>"
    "<xf numFmtId=\"167\"/><xf numFmtId=\"168\"/><xf numFmtId=\"4\"/><xf numFmtId=\"22\"/>"
    "<xf numFmtId=\"169\"/><xf numFmtId=\"170\"/><xf numFmtId=\"171\"/>"
    "</cellXfs>\n"
    "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
    "</styleSheet>";

/* The usual workbook: one sheet, "Sheet1". */
static const char *workbook_xml(const char *pr, char *buf, size_t size)
{
    snprintf(buf, size,
             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\">"
             "<workbookPr %s/><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/>"
             "</sheets></workbook>",
             pr ? pr : "");
    return buf;
}

/* A worksheet around sheetData's rows. */
static char *sheet_xml(const char *rows)
{
    size_t n = strlen(rows) + 400;
    char *s = malloc(n);
    assert_non_null(s);
    snprintf(s, n,
             "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
             "<worksheet xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\">\n"
             "<dimension ref=\"A1:D9\"/><sheetData>\n%s\n</sheetData>\n"
             "<pageMargins left=\"0.7\" right=\"0.7\"/></worksheet>",
             rows);
    return s;
}

/* A shared strings part around its <si> items. */
static char *sst_xml(const char *items)
{
    size_t n = strlen(items) + 200;
    char *s = malloc(n);
    assert_non_null(s);
    snprintf(s, n,
             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sst xmlns=\"" NS_MAIN
             "\" count=\"9\" uniqueCount=\"9\">%s</sst>",
             items);
    return s;
}

/* Writes a one-sheet workbook: the rows of its sheetData, its shared
 * strings (NULL: none) and its workbookPr attributes; returns its path. */
static const char *write_book(const char *name, const char *rows, const char *items, const char *pr)
{
    char wb[1024];
    char *sheet = sheet_xml(rows), *sst = items ? sst_xml(items) : NULL;
    const part parts[] = {
        { "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/"
                                 "package/2006/content-types\"/>" },
        { "_rels/.rels", root_rels },
        { "xl/workbook.xml", workbook_xml(pr, wb, sizeof wb) },
        { "xl/_rels/workbook.xml.rels", book_rels },
        { "xl/styles.xml", styles_xml },
        { "xl/sharedStrings.xml", sst },
        { "xl/worksheets/sheet1.xml", sheet },
    };
    const char *path = scratch(name);
    write_zip(path, parts, sizeof parts / sizeof parts[0]);
    free(sheet);
    free(sst);
    return path;
}

/* ---- reading them ------------------------------------------------------- */

static char kind_letter(xlsx_cell_kind k)
{
    switch (k) {
    case XLSX_CELL_EMPTY: return 'e';
    case XLSX_CELL_TEXT: return 't';
    case XLSX_CELL_NUMBER: return 'n';
    case XLSX_CELL_NUMBER_OTHER: return 'o';
    case XLSX_CELL_DATE: return 'd';
    case XLSX_CELL_BOOL: return 'b';
    }
    return '?';
}

/* Reads everything at a chunk size and describes it: "LINE:[field]k..."
 * per record (k: the kind's letter), then "EOF" or "ERR", then the
 * diagnostics. */
static char *read_book(const char *path, const char *name, size_t chunk)
{
    char *out = NULL, *msgs = NULL;
    size_t size = 0, msize = 0;
    FILE *f = open_memstream(&out, &size), *m = open_memstream(&msgs, &msize);
    assert_non_null(f);
    assert_non_null(m);
    diag d;
    diag_init(&d, m);
    xlsx_reader *r = xlsx_reader_open_chunked(path, name, chunk, &d);
    if (!r) {
        assert_true(diag_failed(&d));
        fputs("REFUSED\n", f);
    } else {
        csv_record rec;
        int rc;
        size_t last = 0;
        while ((rc = xlsx_reader_next(r, &rec)) == 1) {
            assert_true(rec.line > last);
            last = rec.line;
            assert_true(rec.count > 0);
            assert_int_not_equal(rec.lengths[rec.count - 1], 0);
            fprintf(f, "%zu:", rec.line);
            for (size_t i = 0; i < rec.count; i++) {
                assert_int_equal(strlen(rec.fields[i]), rec.lengths[i]);
                fprintf(f, "[%s]%c", rec.fields[i], kind_letter(xlsx_reader_kind(r, i)));
            }
            assert_int_equal(xlsx_reader_kind(r, rec.count), XLSX_CELL_EMPTY);
            fputc('\n', f);
        }
        if (rc < 0) {
            assert_true(diag_failed(&d));
            assert_int_equal(xlsx_reader_next(r, &rec), -1); /* stays failed */
            fputs("ERR\n", f);
        } else {
            assert_int_equal(d.count, 0);
            assert_int_equal(xlsx_reader_next(r, &rec), 0);
            fputs("EOF\n", f);
        }
        xlsx_reader_free(r);
    }
    fclose(m);
    fputs(msgs, f);
    free(msgs);
    fclose(f);
    return out;
}

/* Every chunk size gives `expected`. */
static void check_book(const char *path, const char *expected)
{
    static const size_t chunks[] = { 0, 1, 2, 3, 5, 7, 11, 16, 33, 64, 100, 257, 1000, 4096 };
    for (size_t i = 0; i < sizeof chunks / sizeof chunks[0]; i++) {
        char *got = read_book(path, "t.xlsx", chunks[i]);
        if (strcmp(got, expected) != 0)
            fail_msg("chunk size %zu: got\n%s\nexpected\n%s", chunks[i], got, expected);
        free(got);
    }
}

/* ---- values ------------------------------------------------------------- */

static void test_strings(void **state)
{
    (void)state;
    const char *items =
        "<si><t>date</t></si>"
        "<si><t xml:space=\"preserve\"> Loyer &amp; charges </t></si>"
        "<si><r><t>Subvention </t></r><r><rPr><b/><sz val=\"11\"/></rPr><t>Ville de "
        "Montréal</t></r><rPh sb=\"0\" eb=\"1\"><t>PHONETIC</t></rPh></si>"
        "<si><t/></si>"
        "<si><t>line_x000D_\nnext_x005F_x0041_ _x0041_</t></si>";
    const char *rows =
        "<row r=\"1\" spans=\"1:4\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
        "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>4</v></c></row>"
        "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>inline</t></is></c>"
        "<c r=\"B2\" t=\"inlineStr\"><is><r><t>rich </t></r><r><t>inline</t></r>"
        "<rPh><t>x</t></rPh></is></c>"
        "<c r=\"C2\" t=\"str\"><f>A2&amp;\"!\"</f><v>inline!</v></c>"
        "<c r=\"D2\" t=\"b\"><v>1</v></c><c r=\"E2\" t=\"b\"><v>0</v></c>"
        "<c r=\"F2\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c></row>"
        "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>3</v></c><c r=\"B3\" t=\"s\"><v> 1 </v></c></row>";
    check_book(write_book("strings.xlsx", rows, items, NULL),
               "1:[date]t[ Loyer & charges ]t[Subvention Ville de Montréal]t"
               "[line\r\nnext_x0041_ A]t\n"
               "2:[inline]t[rich inline]t[inline!]t[TRUE]b[FALSE]b[#DIV/0!]t\n"
               "3:[]e[ Loyer & charges ]t\n"
               "EOF\n");
    /* an empty first string (found by the fuzzer: no text buffer yet) */
    check_book(write_book("emptysi.xlsx",
                          "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
                          "<c r=\"B1\" t=\"s\"><v>1</v></c></row>",
                          "<si><t/></si><si/><si><t>x</t></si>", NULL),
               "EOF\n");
    check_book(write_book("emptysi2.xlsx",
                          "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
                          "<c r=\"B1\" t=\"s\"><v>2</v></c></row>",
                          "<si/><si><t/></si><si><t>x</t></si>", NULL),
               "1:[]e[x]t\nEOF\n");
    /* a string inside a string (found by the fuzzer): no text runs into
     * another string */
    check_book(write_book("nestedsi.xlsx",
                          "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
                          "<c r=\"B1\" t=\"s\"><v>1</v></c>"
                          "<c r=\"C1\" t=\"s\"><v>2</v></c></row>",
                          "<si><t>a</t></si><si><t>lost</t><si><t>b</t></si><t>c</t></si>"
                          "<si><t>d</t></si>",
                          NULL),
               "1:[a]t[b]t[d]t\nEOF\n");
}

static void test_numbers(void **state)
{
    (void)state;
    const char *rows =
        "<row r=\"1\"><c r=\"A1\"><v>1234.5600000001</v></c><c r=\"B1\"><v>0.30000000000000004</v>"
        "</c><c r=\"C1\"><v>1.2345600000000001E3</v></c><c r=\"D1\"><v>1234.5599999999999</v></c>"
        "<c r=\"E1\" s=\"8\"><v>-0.5</v></c><c r=\"F1\" t=\"n\"><v>100</v></c>"
        "<c r=\"G1\"><v>1E2</v></c><c r=\"H1\"><v>-0</v></c></row>\n"
        "<row r=\"2\"><c r=\"A2\"><v>0.125</v></c><c r=\"B2\"><v>12345678.900000002</v></c>"
        "<c r=\"C2\"><v>999.99999999996</v></c><c r=\"D2\"><v>1E-10</v></c>"
        "<c r=\"E2\"><v>-1234.5649999999</v></c><c r=\"F2\"><v>0.000123</v></c>"
        "<c r=\"G2\"><v>1.5E-3</v></c><c r=\"H2\"><v>123456789012.34499</v></c></row>\n"
        "<row r=\"3\"><c r=\"A3\"><v>1E+20</v></c><c r=\"B3\"><v>abc</v></c>"
        "<c r=\"C3\"><v> 42 </v></c><c r=\"D3\"><v>.5</v></c><c r=\"E3\"><v>7.</v></c>"
        "<c r=\"F3\"><v>1e</v></c><c r=\"G3\"><v>-</v></c>"
        "<c r=\"H3\"><v>0.1000000000000000055511151231257827021181583404541015625</v></c></row>\n"
        "<row r=\"4\"><c r=\"A4\"><v>99999999999999999</v></c><c r=\"B4\"><v>-0.0000000004</v></c>"
        "<c r=\"C4\"><v>0.0000000005</v></c><c r=\"D4\"><v>00012.50</v></c>"
        "<c r=\"E4\"><v>1E-400</v></c><c r=\"F4\"><v>1E+9999999999</v></c></row>\n"
        /* a running balance's noise; the last digit kept, at each magnitude */
        "<row r=\"5\"><c r=\"A5\"><v>2720197.6299999948</v></c><c r=\"B5\"><v>-2719415.7999999947</v>"
        "</c><c r=\"C5\"><v>0.0000014999</v></c><c r=\"D5\"><v>0.0000015</v></c>"
        "<c r=\"E5\"><v>123456.1234565</v></c><c r=\"F5\"><v>1234567890.1234</v></c>"
        "<c r=\"G5\"><v>1234567890.1204999</v></c><c r=\"H5\"><v>12.3401</v></c></row>";
    check_book(write_book("numbers.xlsx", rows, NULL, NULL),
               "1:[1234.56]n[0.3]n[1234.56]n[1234.56]n[-0.5]n[100]n[100]n[0]n\n"
               "2:[0.125]o[12345678.9]n[1000]n[0]n[-1234.565]o[0.000123]o[0.0015]o"
               "[123456789012.345]o\n"
               "3:[1E+20]o[abc]t[42]n[0.5]n[7]n[1e]t[-]t[0.1]n\n"
               "4:[99999999999999999]n[0]n[0]n[12.5]n[0]n[1E+9999999999]o\n"
               "5:[2720197.63]n[-2719415.8]n[0.000001]o[0.000002]o[123456.123457]o"
               "[1234567890.123]o[1234567890.12]n[12.3401]o\n"
               "EOF\n");
}

static void test_dates_1900(void **state)
{
    (void)state;
    const char *rows =
        "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>41729</v></c><c r=\"B1\" s=\"1\"><v>1</v></c>"
        "<c r=\"C1\" s=\"1\"><v>59</v></c><c r=\"D1\" s=\"1\"><v>60</v></c>"
        "<c r=\"E1\" s=\"1\"><v>61</v></c><c r=\"F1\" s=\"1\"><v>41729.75</v></c>"
        "<c r=\"G1\" s=\"1\"><v>41729.999999999993</v></c><c r=\"H1\" s=\"1\"><v>0</v></c></row>\n"
        "<row r=\"2\"><c r=\"A2\" s=\"2\"><v>41274</v></c><c r=\"B2\" s=\"3\"><v>0.5</v></c>"
        "<c r=\"C2\" s=\"4\"><v>41729.5</v></c><c r=\"D2\" s=\"5\"><v>2958465</v></c>"
        "<c r=\"E2\" s=\"6\"><v>41729</v></c><c r=\"F2\" s=\"7\"><v>0.25</v></c>"
        "<c r=\"G2\" s=\"9\"><v>36526.25</v></c><c r=\"H2\" s=\"10\"><v>1.5</v></c></row>\n"
        "<row r=\"3\"><c r=\"A3\" s=\"11\"><v>41729</v></c><c r=\"B3\" s=\"12\"><v>41729</v></c>"
        "<c r=\"C3\" s=\"1\"><v>2958466</v></c><c r=\"D3\" s=\"1\"><v>-1</v></c>"
        "<c r=\"E3\" s=\"99\"><v>41729</v></c><c r=\"F3\" t=\"d\"><v>2014-03-31T00:00:00Z</v></c>"
        "<c r=\"G3\" t=\"d\"><v>2014-03-31</v></c><c r=\"H3\" t=\"d\"><v>03/31/2014</v></c></row>\n"
        "<row r=\"4\"><c r=\"A4\" s=\"1\"><v>367</v></c><c r=\"B4\" s=\"1\"><v>43890</v></c>"
        "<c r=\"C4\" s=\"1\"><v>43891</v></c><c r=\"D4\" s=\"0\"><v>41729</v></c>"
        "<c r=\"E4\" t=\"d\"><v>2014-13-31</v></c><c r=\"F4\" t=\"d\"><v>2014-02-29T00:00</v></c>"
        "<c r=\"G4\" t=\"d\"><v>0000-01-01</v></c><c r=\"H4\" t=\"d\"><v>2016-02-29T12:00</v></c>"
        "</row>";
    check_book(write_book("dates1900.xlsx", rows, NULL, NULL),
               "1:[2014-03-31]d[1900-01-01]d[1900-02-28]d[1900-02-29]d[1900-03-01]d"
               "[2014-03-31]d[2014-04-01]d[0]n\n"
               "2:[2012-12-31]d[0.5]n[41729.5]n[9999-12-31]d[41729]n[0.25]n"
               "[2000-01-01]d[1.5]n\n"
               "3:[2014-03-31]d[2014-03-31]d[2958466]n[-1]n[41729]n[2014-03-31]d"
               "[2014-03-31]d[03/31/2014]t\n"
               "4:[1901-01-01]d[2020-02-29]d[2020-03-01]d[41729]n[2014-13-31]t"
               "[2014-02-29T00:00]t[0000-01-01]t[2016-02-29]d\n"
               "EOF\n");
}

static void test_dates_1904(void **state)
{
    (void)state;
    const char *rows =
        "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>40267</v></c><c r=\"B1\" s=\"1\"><v>0</v></c>"
        "<c r=\"C1\" s=\"2\"><v>1</v></c><c r=\"D1\" s=\"1\"><v>40267.5</v></c>"
        "<c r=\"E1\"><v>40267</v></c></row>";
    const char *expected = "1:[2014-03-31]d[1904-01-01]d[1904-01-02]d[2014-03-31]d[40267]n\n"
                           "EOF\n";
    check_book(write_book("dates1904.xlsx", rows, NULL, "date1904=\"1\""), expected);
    check_book(write_book("dates1904t.xlsx", rows, NULL, "date1904=\"true\""), expected);
    check_book(write_book("dates1904f.xlsx", rows, NULL, "date1904=\"false\""),
               "1:[2010-03-30]d[0]n[1900-01-01]d[2010-03-30]d[40267]n\nEOF\n");
}

/* Gaps give empty fields; empty cells at the end are no fields; rows
 * missing from the sheet, or without a value, are no records; cells and
 * rows without a reference follow the one before. */
static void test_gaps(void **state)
{
    (void)state;
    const char *items = "<si><t>a</t></si><si><t>b</t></si><si><t/></si>";
    const char *rows =
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
        "<c r=\"C1\" t=\"s\"><v>0</v></c><c r=\"D1\" t=\"s\"><v>1</v></c></row>\n"
        "<row r=\"2\"><c r=\"B2\" t=\"s\"><v>1</v></c><c r=\"D2\"><v>4</v></c>"
        "<c r=\"E2\" s=\"1\"/><c r=\"F2\" t=\"inlineStr\"><is><t></t></is></c>"
        "<c r=\"G2\" t=\"s\"><v>2</v></c><c r=\"H2\" t=\"str\"><f>\"\"</f><v></v></c></row>\n"
        "<row r=\"3\"><c r=\"A3\" s=\"1\"/><c r=\"B3\" t=\"s\"><v>2</v></c></row>\n"
        "<row r=\"4\"/>\n"
        "<row r=\"7\" hidden=\"1\"><c r=\"C7\"><v>7</v></c></row>\n"
        "<row><c><v>1</v></c><c><v>2</v></c><c r=\"E8\"><v>5</v></c><c><v>6</v></c></row>\n"
        "<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>";
    char expected[300000];
    size_t n = (size_t)snprintf(expected, sizeof expected,
                                "1:[a]t[b]t[a]t[b]t\n"
                                "2:[]e[b]t[]e[4]n\n"
                                "7:[]e[]e[7]n\n"
                                "8:[1]n[2]n[]e[]e[5]n[6]n\n"
                                "1048576:");
    for (int i = 0; i < 16383; i++)
        n += (size_t)snprintf(expected + n, sizeof expected - n, "[]e");
    snprintf(expected + n, sizeof expected - n, "[1]n\nEOF\n");
    check_book(write_book("gaps.xlsx", rows, items, NULL), expected);
}

/* Many rows, streamed: lines and values survive every chunk boundary. */
static void test_many_rows(void **state)
{
    (void)state;
    size_t cap = 3000 * 100, len = 0;
    char *rows = malloc(cap);
    assert_non_null(rows);
    for (int i = 1; i <= 3000; i++) {
        int row = i * 2 + (i % 7 == 0);
        len += (size_t)snprintf(rows + len, cap - len,
                                "<row r=\"%d\"><c r=\"A%d\" s=\"1\"><v>%d</v></c>"
                                "<c r=\"C%d\"><v>%d.%02d0000000001</v></c></row>",
                                row, row, 41000 + i, row, i, i % 100);
    }
    const char *path = write_book("many.xlsx", rows, NULL, NULL);
    static const size_t chunks[] = { 0, 1, 7, 1000 };
    for (size_t c = 0; c < sizeof chunks / sizeof chunks[0]; c++) {
        diag d;
        diag_init(&d, NULL);
        xlsx_reader *r = xlsx_reader_open_chunked(path, "many.xlsx", chunks[c], &d);
        assert_non_null(r);
        csv_record rec;
        int i = 0;
        while (xlsx_reader_next(r, &rec) == 1) {
            i++;
            assert_int_equal(rec.line, i * 2 + (i % 7 == 0));
            assert_int_equal(rec.count, 3);
            assert_int_equal(xlsx_reader_kind(r, 0), XLSX_CELL_DATE);
            assert_int_equal(rec.lengths[0], 10);
            assert_int_equal(rec.lengths[1], 0);
            char want[32];
            if (i % 100 == 0)
                snprintf(want, sizeof want, "%d", i);
            else if (i % 10 == 0)
                snprintf(want, sizeof want, "%d.%d", i, i % 100 / 10);
            else
                snprintf(want, sizeof want, "%d.%02d", i, i % 100);
            assert_string_equal(rec.fields[2], want);
        }
        assert_int_equal(i, 3000);
        assert_int_equal(d.count, 0);
        xlsx_reader_free(r);
    }
    free(rows);
}

/* ---- finding the sheet -------------------------------------------------- */

/* The first visible worksheet in tab order is read, wherever its part is
 * and whatever its relationship id; chart sheets are passed over. */
static void test_first_sheet(void **state)
{
    (void)state;
    char *first =
        sheet_xml("<row r=\"3\"><c r=\"B3\" t=\"inlineStr\"><is><t>first</t></is></c></row>");
    char *other =
        sheet_xml("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>other</t></is></c></row>");
    const char *rels =
        "<Relationships xmlns=\"" NS_PKG "\">"
        "<Relationship Id=\"rId1\" Type=\"" NS_REL
        "/worksheet\" Target=\"/xl/worksheets/sheet1.xml\"/>"
        "<Relationship Id=\"rId2\" Type=\"" NS_REL "/worksheet\" Target=\"../xl/./ws/data.xml\"/>"
        "<Relationship Id=\"rId3\" Type=\"" NS_REL
        "/chartsheet\" Target=\"chartsheets/sheet1.xml\"/>"
        "<Relationship Id=\"rId4\" Type=\"" NS_REL "/worksheet\" Target=\"worksheets/hidden.xml\"/>"
        "<Relationship Id=\"rId9\" Type=\"" NS_REL "/hyperlink\" Target=\"http://x/\" "
        "TargetMode=\"External\"/>"
        "</Relationships>";
    const char *wb = "<x:workbook xmlns:x=\"" NS_MAIN "\" xmlns:rel=\"" NS_REL "\"><x:sheets>"
                     "<x:sheet name=\"Chart\" sheetId=\"3\" rel:id=\"rId3\"/>"
                     "<x:sheet name=\"Hidden\" sheetId=\"4\" state=\"hidden\" rel:id=\"rId4\"/>"
                     "<x:sheet name=\"Grand livre\" sheetId=\"2\" rel:id=\"rId2\"/>"
                     "<x:sheet name=\"Sheet1\" sheetId=\"1\" rel:id=\"rId1\"/>"
                     "</x:sheets></x:workbook>";
    const part parts[] = {
        { "_rels/.rels", root_rels },           { "xl/workbook.xml", wb },
        { "xl/_rels/workbook.xml.rels", rels }, { "xl/worksheets/sheet1.xml", other },
        { "xl/worksheets/hidden.xml", other },  { "xl/ws/data.xml", first },
    };
    const char *path = scratch("first.xlsx");
    write_zip(path, parts, sizeof parts / sizeof parts[0]);
    check_book(path, "3:[]e[first]t\nEOF\n");

    diag d;
    diag_init(&d, NULL);
    xlsx_reader *r = xlsx_reader_open(path, "ledger.xlsx", &d);
    assert_non_null(r);
    assert_string_equal(xlsx_reader_sheet(r), "Grand livre");
    char buf[64];
    assert_string_equal(xlsx_reader_cell(r, 12, 2, buf, sizeof buf), "'Grand livre'!C12");
    assert_string_equal(xlsx_reader_place(r, 3, 1, buf, sizeof buf),
                        "ledger.xlsx:'Grand livre'!B3");
    assert_string_equal(xlsx_reader_place(r, 3, 1, buf, 12), "ledger.xlsx");
    assert_string_equal(xlsx_reader_cell(r, 3, 1, buf, 5), "'Gra");
    xlsx_reader_free(r);

    /* only hidden sheets: the first of them; no root relationships: the
     * usual workbook part; upper-case part names */
    const char *rels2 =
        "<Relationships xmlns=\"" NS_PKG "\">"
        "<Relationship Id=\"a\" Type=\"" NS_REL "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
        "<Relationship Id=\"b\" Type=\"" NS_REL "/worksheet\" Target=\"worksheets/hidden.xml\"/>"
        "</Relationships>";
    const char *wb2 = "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\"><sheets>"
                      "<sheet name=\"It's 2014\" sheetId=\"4\" state=\"veryHidden\" r:id=\"b\"/>"
                      "<sheet name=\"S\" sheetId=\"1\" state=\"hidden\" r:id=\"a\"/>"
                      "</sheets></workbook>";
    const part parts2[] = {
        { "XL/Workbook.xml", wb2 },
        { "xl/_rels/workbook.xml.rels", rels2 },
        { "xl/worksheets/sheet1.xml", first },
        { "xl/worksheets/hidden.xml", other },
    };
    path = scratch("hidden.xlsx");
    write_zip(path, parts2, sizeof parts2 / sizeof parts2[0]);
    check_book(path, "1:[other]t\nEOF\n");
    r = xlsx_reader_open(path, "h.xlsx", &d);
    assert_non_null(r);
    assert_string_equal(xlsx_reader_sheet(r), "It's 2014");
    assert_string_equal(xlsx_reader_place(r, 1, 0, buf, sizeof buf), "h.xlsx:'It''s 2014'!A1");
    xlsx_reader_free(r);
    assert_int_equal(d.count, 0);
    free(first);
    free(other);
}

static void test_cell_names(void **state)
{
    (void)state;
    char buf[16];
    assert_string_equal(xlsx_column_name(0, buf), "A");
    assert_string_equal(xlsx_column_name(25, buf), "Z");
    assert_string_equal(xlsx_column_name(26, buf), "AA");
    assert_string_equal(xlsx_column_name(51, buf), "AZ");
    assert_string_equal(xlsx_column_name(52, buf), "BA");
    assert_string_equal(xlsx_column_name(701, buf), "ZZ");
    assert_string_equal(xlsx_column_name(702, buf), "AAA");
    assert_string_equal(xlsx_column_name(16383, buf), "XFD");
    xlsx_column_name((size_t)-1, buf);
    assert_true(strlen(buf) > 0 && strlen(buf) < 16);

    const char *path =
        write_book("names.xlsx", "<row r=\"12\"><c r=\"C12\"><v>1</v></c></row>", NULL, NULL);
    diag d;
    diag_init(&d, NULL);
    xlsx_reader *r = xlsx_reader_open(path, "ledger.xlsx", &d);
    assert_non_null(r);
    char place[64];
    assert_string_equal(xlsx_reader_cell(r, 12, 2, place, sizeof place), "Sheet1!C12");
    assert_string_equal(xlsx_reader_place(r, 12, 2, place, sizeof place), "ledger.xlsx:Sheet1!C12");
    assert_string_equal(xlsx_reader_place(r, 1048576, 16383, place, sizeof place),
                        "ledger.xlsx:Sheet1!XFD1048576");
    xlsx_reader_free(r);
}

/* ---- refusals and damage ------------------------------------------------ */

static void write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

/* The diagnostics of opening and reading path, and the worst status. */
static char *refusal(const char *path, int *status)
{
    char *got = read_book(path, "in.xlsx", 0);
    diag d;
    diag_init(&d, NULL);
    xlsx_reader *r = xlsx_reader_open(path, "in.xlsx", &d);
    if (r) {
        csv_record rec;
        while (xlsx_reader_next(r, &rec) == 1)
            ;
        xlsx_reader_free(r);
    }
    *status = d.status;
    return got;
}

#define CHECK_REFUSED(path, expected, status_expected) \
    do {                                               \
        int status_;                                   \
        char *got_ = refusal(path, &status_);          \
        assert_string_equal(got_, expected);           \
        assert_int_equal(status_, status_expected);    \
        free(got_);                                    \
    } while (0)

static void test_other_formats(void **state)
{
    (void)state;
    /* an old .xls: OLE2 compound file */
    static const unsigned char xls[16] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
    write_file(scratch("old.xls"), xls, sizeof xls);
    CHECK_REFUSED(scratch("old.xls"),
                  "REFUSED\nin.xlsx: an Excel 97-2003 workbook (.xls) or an encrypted workbook: "
                  "bilan reads .xlsx; save it as .xlsx (without a password) or CSV\n",
                  EXIT_DATAERR);
    /* an .ods: a zip whose mimetype says so */
    const part ods[] = {
        { "mimetype", "application/vnd.oasis.opendocument.spreadsheet" },
        { "content.xml", "<office:document-content/>" },
    };
    write_zip(scratch("book.ods"), ods, 2);
    CHECK_REFUSED(scratch("book.ods"),
                  "REFUSED\nin.xlsx: an OpenDocument spreadsheet (.ods): bilan reads .xlsx; "
                  "save it as .xlsx or CSV\n",
                  EXIT_DATAERR);
    const part odt[] = { { "mimetype", "application/vnd.oasis.opendocument.text" } };
    write_zip(scratch("doc.odt"), odt, 1);
    CHECK_REFUSED(scratch("doc.odt"),
                  "REFUSED\nin.xlsx: an OpenDocument file, not a workbook: bilan reads .xlsx; "
                  "save it as .xlsx or CSV\n",
                  EXIT_DATAERR);
    /* an .xlsb */
    const part xlsb[] = {
        { "_rels/.rels",
          "<Relationships xmlns=\"" NS_PKG "\"><Relationship Id=\"rId1\" Type=\"" NS_REL
          "/officeDocument\" Target=\"xl/workbook.bin\"/></Relationships>" },
        { "xl/workbook.bin", "\x83\x01" },
    };
    write_zip(scratch("b.xlsb"), xlsb, 2);
    CHECK_REFUSED(scratch("b.xlsb"),
                  "REFUSED\nin.xlsx: a binary Excel workbook (.xlsb): bilan reads .xlsx; "
                  "save it as .xlsx or CSV\n",
                  EXIT_DATAERR);
    /* a CSV file named .xlsx; an empty file; a .docx */
    write_file(scratch("csv.xlsx"), "date,amount\n2014-01-01,12\n", 27);
    CHECK_REFUSED(scratch("csv.xlsx"),
                  "REFUSED\nin.xlsx: not an .xlsx workbook (not a zip archive): save it as .xlsx "
                  "or CSV\n",
                  EXIT_DATAERR);
    write_file(scratch("empty.xlsx"), "", 0);
    CHECK_REFUSED(scratch("empty.xlsx"),
                  "REFUSED\nin.xlsx: the file is empty, not an .xlsx workbook\n", EXIT_DATAERR);
    const part docx[] = { { "word/document.xml", "<w:document/>" } };
    write_zip(scratch("d.docx"), docx, 1);
    CHECK_REFUSED(scratch("d.docx"),
                  "REFUSED\nin.xlsx: not an .xlsx workbook: it has no xl/workbook.xml\n",
                  EXIT_DATAERR);
    /* missing, unreadable */
    CHECK_REFUSED(scratch("missing.xlsx"),
                  "REFUSED\nin.xlsx: cannot open: No such file or directory\n", EXIT_NOINPUT);
    CHECK_REFUSED(dir, "REFUSED\nin.xlsx: cannot open: Is a directory\n", EXIT_NOINPUT);
}

/* Reads a file into memory. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *data = malloc((size_t)n + 1);
    assert_non_null(data);
    assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return data;
}

/* A damaged zip: cut short, or a flipped byte in the sheet's compressed
 * data (which libzip's CRC check catches). */
static void test_damaged_zip(void **state)
{
    (void)state;
    char rows[20000] = "";
    size_t n = 0;
    for (int i = 1; i <= 200; i++)
        n += (size_t)snprintf(rows + n, sizeof rows - n,
                              "<row r=\"%d\"><c r=\"A%d\"><v>%d</v></c></row>", i, i,
                              i * 7919 % 1000);
    const char *path = write_book("whole.xlsx", rows, NULL, NULL);
    size_t len;
    char *data = slurp(path, &len);
    for (size_t cut = 0; cut < len; cut += len / 37 + 1) {
        write_file(scratch("cut.xlsx"), data, cut);
        char *got = read_book(scratch("cut.xlsx"), "cut.xlsx", 0);
        assert_non_null(strstr(got, "cut.xlsx: ")); /* some clear refusal */
        free(got);
    }
    /* corrupt every byte of the archive in turn: never a crash; a change in
     * the sheet's data is an error or (in a name or padding) harmless */
    size_t errors = 0;
    for (size_t i = 0; i < len; i += 3) {
        data[i] ^= 0x55;
        write_file(scratch("flip.xlsx"), data, len);
        char *got = read_book(scratch("flip.xlsx"), "flip.xlsx", 0);
        errors += strstr(got, "flip.xlsx") != NULL;
        free(got);
        data[i] ^= 0x55;
    }
    assert_true(errors > len / 3 / 2);
    free(data);

    /* the CRC: a stored (uncompressed) sheet with one digit changed */
    char *sheet = sheet_xml("<row r=\"1\"><c r=\"A1\"><v>12345</v></c></row>");
    const part parts[] = {
        { "_rels/.rels", root_rels },
        { "xl/workbook.xml",
          "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\"><sheets>"
          "<sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>" },
        { "xl/_rels/workbook.xml.rels", book_rels },
        { "xl/worksheets/sheet1.xml", sheet },
    };
    path = scratch("stored.xlsx");
    write_zip(path, parts, 4);
    zip_t *z = zip_open(path, 0, NULL);
    assert_non_null(z);
    zip_int64_t idx = zip_name_locate(z, "xl/worksheets/sheet1.xml", 0);
    assert_true(idx >= 0);
    assert_int_equal(zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_STORE, 0), 0);
    assert_int_equal(zip_close(z), 0);
    data = slurp(path, &len);
    char *digits = NULL;
    for (size_t i = 0; i + 5 <= len && !digits; i++)
        if (memcmp(data + i, "12345", 5) == 0)
            digits = data + i;
    assert_non_null(digits);
    digits[0] = '9';
    write_file(path, data, len);
    char *got = read_book(path, "crc.xlsx", 0);
    /* the CRC is known at the end of the part: the rows before it come first */
    assert_string_equal(got,
                        "1:[92345]n\nERR\ncrc.xlsx: damaged workbook: xl/worksheets/sheet1.xml: "
                        "CRC error\n");
    free(got);
    free(data);
    free(sheet);
}

/* Damaged parts: each a clear error with the file's name, never a crash. */
static void test_damaged_parts(void **state)
{
    (void)state;
    /* bad XML in the sheet, after some rows: those come first */
    check_book(write_book("badxml.xlsx",
                          "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>\n"
                          "<row r=\"2\"><c r=\"A2\"><v>2</v></c></row>\n"
                          "<row r=\"3\"><c r=\"A3\"><v>3</v></c></row>\n"
                          "<row r=\"4\"><c r=\"A4\"><v>4</v></c><bad x=1/></row>",
                          NULL, NULL),
               "1:[1]n\n2:[2]n\n3:[3]n\n"
               "ERR\nt.xlsx: damaged workbook: xl/worksheets/sheet1.xml, line 7: "
               "not well-formed (invalid token)\n");
    /* a sheet cut short */
    const char *path = scratch("short.xlsx");
    char wb[1024];
    const part cut[] = {
        { "_rels/.rels", root_rels },
        { "xl/workbook.xml", workbook_xml(NULL, wb, sizeof wb) },
        { "xl/_rels/workbook.xml.rels", book_rels },
        { "xl/worksheets/sheet1.xml", "<worksheet xmlns=\"" NS_MAIN "\"><sheetData>"
                                      "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\">" },
    };
    write_zip(path, cut, 4);
    check_book(path, "1:[1]n\nERR\nt.xlsx: damaged workbook: xl/worksheets/sheet1.xml, "
                     "line 1: no element found\n");
    /* bad XML in the shared strings, the workbook, the relationships */
    check_book(write_book("badsst.xlsx", "", "<si><t>a</si>", NULL),
               "REFUSED\nt.xlsx: damaged workbook: xl/sharedStrings.xml, line 2: "
               "mismatched tag\n");
    check_book(write_book("badwb.xlsx", "", NULL, "date1904=\"1\" x"),
               "REFUSED\nt.xlsx: damaged workbook: xl/workbook.xml, line 2: "
               "not well-formed (invalid token)\n");
    /* a missing part: the workbook's relationships, the sheet */
    const part norels[] = {
        { "_rels/.rels", root_rels },
        { "xl/workbook.xml", workbook_xml(NULL, wb, sizeof wb) },
    };
    write_zip(path, norels, 2);
    check_book(path, "REFUSED\nt.xlsx: not a complete .xlsx workbook: it has no part "
                     "xl/_rels/workbook.xml.rels\n");
    const part nosheet[] = {
        { "_rels/.rels", root_rels },
        { "xl/workbook.xml", workbook_xml(NULL, wb, sizeof wb) },
        { "xl/_rels/workbook.xml.rels", book_rels },
    };
    write_zip(path, nosheet, 3);
    check_book(path, "REFUSED\nt.xlsx: not a complete .xlsx workbook: it has no part "
                     "xl/worksheets/sheet1.xml (sheet 'Sheet1')\n");
    const part nosheets[] = {
        { "_rels/.rels", root_rels },
        { "xl/workbook.xml", "<workbook><sheets/></workbook>" },
        { "xl/_rels/workbook.xml.rels", book_rels },
    };
    write_zip(path, nosheets, 3);
    check_book(path, "REFUSED\nt.xlsx: the workbook has no worksheet\n");
    /* a DOCTYPE (entity expansion) */
    const part doctype[] = {
        { "_rels/.rels", root_rels },
        { "xl/workbook.xml", "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaa\">"
                             "<!ENTITY b \"&a;&a;&a;&a;\">]><workbook>&b;</workbook>" },
        { "xl/_rels/workbook.xml.rels", book_rels },
    };
    write_zip(path, doctype, 3);
    check_book(path, "REFUSED\nt.xlsx: damaged workbook: xl/workbook.xml has a DOCTYPE, "
                     "which no workbook has\n");
    /* a shared string that does not exist: FILE:SHEET!CELL */
    check_book(write_book("nosst.xlsx",
                          "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
                          "<row r=\"5\"><c r=\"C5\" t=\"s\"><v>1</v></c></row>",
                          "<si><t>only</t></si>", NULL),
               "1:[only]t\nERR\nt.xlsx:Sheet1!C5: damaged workbook: shared string '1' does not "
               "exist (the workbook has 1)\n");
    check_book(write_book("nosst2.xlsx", "<row r=\"2\"><c r=\"B2\" t=\"s\"><v>x</v></c></row>",
                          NULL, NULL),
               "ERR\nt.xlsx:Sheet1!B2: damaged workbook: shared string 'x' does not "
               "exist (the workbook has 0)\n");
    /* rows and cells out of order, bad references */
    check_book(write_book("order.xlsx",
                          "<row r=\"2\"><c r=\"A2\"><v>1</v></c></row>"
                          "<row r=\"2\"><c r=\"A2\"><v>2</v></c></row>",
                          NULL, NULL),
               "2:[1]n\nERR\nt.xlsx: damaged workbook: xl/worksheets/sheet1.xml: row 2 out of "
               "order (after row 2)\n");
    check_book(write_book("order2.xlsx",
                          "<row r=\"2\"><c r=\"B2\"><v>1</v></c>"
                          "<c r=\"A2\"><v>2</v></c></row>",
                          NULL, NULL),
               "ERR\nt.xlsx:Sheet1!A2: damaged workbook: cell out of order or beyond column XFD\n");
    check_book(write_book("ref.xlsx", "<row r=\"3\"><c r=\"3A\"><v>1</v></c></row>", NULL, NULL),
               "ERR\nt.xlsx: damaged workbook: xl/worksheets/sheet1.xml, row 3: bad cell "
               "reference '3A'\n");
    check_book(write_book("ref2.xlsx", "<row r=\"3\"><c r=\"XFE3\"><v>1</v></c></row>", NULL, NULL),
               "ERR\nt.xlsx: damaged workbook: xl/worksheets/sheet1.xml, row 3: bad cell "
               "reference 'XFE3'\n");
    check_book(write_book("row.xlsx", "<row r=\"1048577\"><c><v>1</v></c></row>", NULL, NULL),
               "ERR\nt.xlsx: damaged workbook: xl/worksheets/sheet1.xml: bad row number "
               "'1048577'\n");
    check_book(write_book("row0.xlsx", "<row r=\"0\"><c><v>1</v></c></row>", NULL, NULL),
               "ERR\nt.xlsx: damaged workbook: xl/worksheets/sheet1.xml: bad row number "
               "'0'\n");
    /* an empty sheet, a sheet without sheetData */
    check_book(write_book("empty.xlsx", "", NULL, NULL), "EOF\n");
}

/* A cell longer than 1 MiB is refused at its place; one just shorter is read. */
static void test_long_cell(void **state)
{
    (void)state;
    size_t n = 1024 * 1024 + 1;
    char *rows = malloc(n + 200);
    assert_non_null(rows);
    strcpy(rows, "<row r=\"4\"><c r=\"D4\" t=\"inlineStr\"><is><t>");
    size_t at = strlen(rows);
    memset(rows + at, 'x', n);
    strcpy(rows + at + n, "</t></is></c></row>");
    char *got = read_book(write_book("long.xlsx", rows, NULL, NULL), "long.xlsx", 0);
    assert_string_equal(got, "ERR\nlong.xlsx:Sheet1!D4: the cell's text is longer than 1 MiB\n");
    free(got);
    rows[at + n - 1] = '<';
    memcpy(rows + at + n - 1, "</t></is></c></row>", 20);
    diag d;
    diag_init(&d, NULL);
    xlsx_reader *r = xlsx_reader_open(write_book("long2.xlsx", rows, NULL, NULL), "l", &d);
    assert_non_null(r);
    csv_record rec;
    assert_int_equal(xlsx_reader_next(r, &rec), 1);
    assert_int_equal(rec.count, 4);
    assert_int_equal(rec.lengths[3], n - 1);
    assert_int_equal(xlsx_reader_next(r, &rec), 0);
    xlsx_reader_free(r);
    free(rows);
}

static void test_is_spreadsheet(void **state)
{
    (void)state;
    assert_true(xlsx_reader_is_spreadsheet("input/ledger.xlsx"));
    assert_true(xlsx_reader_is_spreadsheet("LEDGER.XLSX"));
    assert_true(xlsx_reader_is_spreadsheet("a.xlsm"));
    assert_true(xlsx_reader_is_spreadsheet("old.xls"));
    assert_true(xlsx_reader_is_spreadsheet("b.ods"));
    assert_false(xlsx_reader_is_spreadsheet("ledger.csv"));
    assert_false(xlsx_reader_is_spreadsheet("missing.txt"));
    write_book("zip.csv", "", NULL, NULL);
    assert_true(xlsx_reader_is_spreadsheet(scratch("zip.csv")));
    static const unsigned char xls[8] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
    write_file(scratch("xls.csv"), xls, sizeof xls);
    assert_true(xlsx_reader_is_spreadsheet(scratch("xls.csv")));
    write_file(scratch("text.csv"), "date,amount\n", 12);
    assert_false(xlsx_reader_is_spreadsheet(scratch("text.csv")));
    xlsx_reader_free(NULL);
}

/* ---- files made by real spreadsheet programs ------------------------------- */

#define DATA "tests/unit/data/xlsx/"

static void test_real_files(void **state)
{
    (void)state;
    /* LibreOffice Calc, from ledger.fods: a header after a title and a
     * blank row, dates in two date styles, amounts from formulas, an
     * empty cell, a missing row, a formula string, shared strings; the
     * second sheet is not read.  LibreOffice writes the boolean as the
     * number 1; openpyxl writes it as a boolean, and inline strings. */
    static const char ledger[] = "1:[Grand livre 2013-2014]t\n"
                                 "3:[date]t[account]t[amount]t[memo]t\n"
                                 "4:[2013-04-15]d[4100]n[1234.56]n[Subvention Ville de Montréal]t\n"
                                 "5:[2013-05-01]d[5100]n[-250]n[Loyer & charges]t\n"
                                 "6:[2014-03-31]d[4200]n[0.3]n[]e%s\n"
                                 "8:[2013-12-31]d[4200]n[1234.56]n[total: 1234.56]t\n"
                                 "9:[2014-02-28]d[5100]n[0.125]o\n"
                                 "EOF\n";
    char expected[sizeof ledger + 16];
    snprintf(expected, sizeof expected, ledger, "[1]n");
    check_book(DATA "libreoffice.xlsx", expected);
    check_book(DATA "libreoffice-1904.xlsx", expected);
    snprintf(expected, sizeof expected, ledger, "[TRUE]b");
    check_book(DATA "openpyxl.xlsx", expected);
    CHECK_REFUSED(DATA "libreoffice.xls",
                  "REFUSED\nin.xlsx: an Excel 97-2003 workbook (.xls) or an encrypted workbook: "
                  "bilan reads .xlsx; save it as .xlsx (without a password) or CSV\n",
                  EXIT_DATAERR);
    CHECK_REFUSED(DATA "libreoffice.ods",
                  "REFUSED\nin.xlsx: an OpenDocument spreadsheet (.ods): bilan reads .xlsx; "
                  "save it as .xlsx or CSV\n",
                  EXIT_DATAERR);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strings),        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_dates_1900),     cmocka_unit_test(test_dates_1904),
        cmocka_unit_test(test_gaps),           cmocka_unit_test(test_many_rows),
        cmocka_unit_test(test_first_sheet),    cmocka_unit_test(test_cell_names),
        cmocka_unit_test(test_other_formats),  cmocka_unit_test(test_damaged_zip),
        cmocka_unit_test(test_damaged_parts),  cmocka_unit_test(test_long_cell),
        cmocka_unit_test(test_is_spreadsheet), cmocka_unit_test(test_real_files),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
