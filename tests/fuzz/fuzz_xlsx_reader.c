/* fuzz_xlsx_reader.c - libFuzzer harness: the .xlsx reader.
 *
 * The first byte chooses the mode and the chunk size.  Bit 0 clear: the
 * rest is the file itself (seeds: real workbooks, .xls, .ods), which
 * mostly exercises the refusals and libzip.  Bit 0 set: the rest is the
 * XML parts, separated by NUL bytes, in the order of part_names; this
 * harness zips them (a part not given takes a small valid default), so the
 * fuzzer works on the XML the reader interprets.  Bits 1-3 pick the chunk
 * size expat is fed.
 *
 * Checked: records come in increasing line order, with 1..16384 fields,
 * each NUL-terminated at its length, the last one non-empty; a NUMBER
 * field is an amount money_parse takes (or too large for cents), a DATE
 * field is a date date_parse takes (or Excel's 1900-02-29); -1 and a
 * refusal are always reported; cell names fit. */
#include "parse/date.h"
#include "parse/money.h"
#include "parse/xlsx_reader.h"
#include "parse/xlsx_reader_test.h"
#include "fuzz_util.h"

#include <zip.h>

#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

static const char *const part_names[] = {
    "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml",
    "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "_rels/.rels",
};

static const char *const part_defaults[] = {
    "<worksheet xmlns=\"" NS_MAIN "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
    "</row></sheetData></worksheet>",
    "<sst xmlns=\"" NS_MAIN "\"><si><t>a</t></si></sst>",
    "<styleSheet xmlns=\"" NS_MAIN "\"><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/>"
    "</cellXfs></styleSheet>",
    "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\"><sheets>"
    "<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"" NS_REL "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" NS_REL "/styles\" Target=\"styles.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"" NS_REL "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    "</Relationships>",
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"" NS_REL "/officeDocument\" Target=\"xl/workbook.xml\"/>"
    "</Relationships>",
};

enum { PARTS = sizeof part_names / sizeof part_names[0] };

/* Zips the NUL-separated parts of data into the scratch folder. */
static const char *write_parts(const uint8_t *data, size_t size)
{
    const char *path = fuzz_write("data", "", 0);
    int err = 0;
    zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
    if (!z)
        abort();
    size_t at = 0;
    for (size_t i = 0; i < PARTS; i++) {
        const void *part = part_defaults[i];
        size_t len = strlen(part_defaults[i]);
        if (at <= size && size > 0) {
            const uint8_t *end = memchr(data + at, 0, size - at);
            part = data + at;
            len = end ? (size_t)(end - (data + at)) : size - at;
            at += len + 1;
        }
        zip_source_t *src = zip_source_buffer(z, part, len, 0);
        zip_int64_t idx = src ? zip_file_add(z, part_names[i], src, ZIP_FL_OVERWRITE) : -1;
        if (idx < 0 || zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_STORE, 0) < 0)
            abort();
    }
    if (zip_close(z) != 0)
        abort();
    return path;
}

/* The invariants of one record. */
static void check_record(const xlsx_reader *r, const csv_record *rec)
{
    if (rec->count == 0 || rec->count > 16384 || rec->lengths[rec->count - 1] == 0)
        abort();
    for (size_t i = 0; i < rec->count; i++) {
        const char *s = rec->fields[i];
        size_t len = rec->lengths[i];
        if (s[len] != '\0' || strlen(s) != len)
            abort();
        xlsx_cell_kind kind = xlsx_reader_kind(r, i);
        if ((kind == XLSX_CELL_EMPTY) != (len == 0))
            abort();
        int64_t cents;
        date day;
        if (kind == XLSX_CELL_NUMBER) {
            money_status st = money_parse(s, len, MONEY_DECIMAL_POINT, &cents);
            if (st != MONEY_OK && st != MONEY_OVERFLOW)
                abort();
        } else if (kind == XLSX_CELL_DATE) {
            if (date_parse(s, len, DATE_ORDER_AUTO, &day) != DATE_OK &&
                strcmp(s, "1900-02-29") != 0)
                abort();
        }
    }
    if (xlsx_reader_kind(r, rec->count) != XLSX_CELL_EMPTY)
        abort();
    char place[64];
    xlsx_reader_place(r, rec->line, rec->count - 1, place, sizeof place);
    if (strlen(place) >= sizeof place)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const size_t chunks[] = { 0, 1, 2, 3, 7, 16, 100, 4096 };
    size_t chunk = chunks[(data[0] >> 1) & 7];
    const char *path = data[0] & 1 ? write_parts(data + 1, size - 1)
                                   : fuzz_write("data", data + 1, size - 1);
    diag d;
    diag_init(&d, NULL);
    xlsx_reader *r = xlsx_reader_open_chunked(path, "data.xlsx", chunk, &d);
    if (!r) {
        if (!diag_failed(&d))
            abort();   /* a refusal is always reported */
        return 0;
    }
    if (!xlsx_reader_sheet(r))
        abort();
    csv_record rec;
    size_t last_line = 0;
    int rc;
    while ((rc = xlsx_reader_next(r, &rec)) == 1) {
        if (rec.line <= last_line || rec.line > 1048576)
            abort();
        last_line = rec.line;
        check_record(r, &rec);
    }
    if (rc == -1 && !diag_failed(&d))
        abort();   /* a read error is always reported */
    if (rc == 0 && diag_failed(&d))
        abort();   /* and only then */
    if (xlsx_reader_next(r, &rec) != rc)
        abort();   /* the end stays the end */
    xlsx_reader_free(r);
    return 0;
}
