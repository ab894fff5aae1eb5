/* pdf_png.c - a PNG file checked, chunk by chunk and row by row, before
 * libharu hands it to libpng (pdf_png.h says why).  What libharu 2.3.0
 * cannot draw right is refused too: 16 bits per channel (it strips them
 * but declares 16) and a colour-key transparency on a grey or RGB image
 * (a tRNS chunk there crashes it). */
#include "pdf/pdf_png.h"
#include "lib/i18n.h"
#include "lib/xalloc.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

enum { PNG_SIDE_MAX = 20000, PNG_FILE_MAX = 64 << 20 };

typedef struct png_info {
    uint32_t width, height;
    int depth, type, interlace;
    bool palette; /* a PLTE chunk was seen */
} png_info;

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The whole file, at most PNG_FILE_MAX bytes; NULL when it cannot be read
 * or is larger. */
static unsigned char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL; /* errno says why */
    long size = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
    if (size < 0 || size > PNG_FILE_MAX || fseek(f, 0, SEEK_SET) != 0) {
        int err = size < 0 ? (errno ? errno : EIO) : 0;
        fclose(f);
        errno = err; /* 0: too large */
        return NULL;
    }
    unsigned char *buf = xmalloc((size_t)size + 1);
    *len = fread(buf, 1, (size_t)size, f);
    bool bad = ferror(f) || *len != (size_t)size;
    fclose(f);
    if (bad) {
        free(buf);
        errno = EIO;
        return NULL;
    }
    return buf;
}

/* The header's values, checked against what PNG allows and libharu draws. */
static const char *check_header(const unsigned char *d, uint32_t len, png_info *info)
{
    if (len != 13)
        return N_("its header (IHDR) is damaged");
    info->width = be32(d);
    info->height = be32(d + 4);
    info->depth = d[8];
    info->type = d[9];
    info->interlace = d[12];
    static const char *const depths[7] = { "\1\2\4\x08\x10", "", "\x08\x10", "\1\2\4\x08",
                                           "\x08\x10",       "", "\x08\x10" };
    bool depth_ok =
        info->type <= 6 && info->depth > 0 && strchr(depths[info->type], info->depth) != NULL;
    if (!depth_ok || d[10] != 0 || d[11] != 0 || info->interlace > 1)
        return N_("its header (IHDR) holds values PNG does not define");
    if (info->width == 0 || info->height == 0 || info->width > PNG_SIDE_MAX ||
        info->height > PNG_SIDE_MAX)
        return N_("it is empty, or wider or taller than 20000 pixels");
    if (info->depth == 16)
        return N_("it has 16 bits per channel (save it with 8)");
    return NULL;
}

/* Where the image data's rows start: the filter byte of each row of each
 * pass (one pass, or Adam7's seven), which must be 0 to 4. */
typedef struct png_rows {
    const png_info *info;
    int pass;
    uint32_t row, rows; /* of the pass */
    uint64_t row_bytes; /* filter byte included */
    uint64_t next;      /* offset of the next filter byte */
    uint64_t total;     /* bytes the image data must inflate to */
} png_rows;

static const int adam7[7][4] = { /* x0, y0, dx, dy */
                                 { 0, 0, 8, 8 }, { 4, 0, 8, 8 }, { 0, 4, 4, 8 }, { 2, 0, 4, 4 },
                                 { 0, 2, 2, 4 }, { 1, 0, 2, 2 }, { 0, 1, 1, 2 }
};

/* The size of pass p: columns and rows (0 when it is empty). */
static void pass_size(const png_info *info, int p, uint32_t *cols, uint32_t *rows)
{
    if (!info->interlace) {
        *cols = info->width;
        *rows = info->height;
        return;
    }
    const int *a = adam7[p];
    *cols = info->width > (uint32_t)a[0] ? (info->width - a[0] + a[2] - 1) / a[2] : 0;
    *rows = info->height > (uint32_t)a[1] ? (info->height - a[1] + a[3] - 1) / a[3] : 0;
}

static uint64_t row_bytes(const png_info *info, uint32_t cols)
{
    static const int channels[7] = { 1, 0, 3, 1, 2, 0, 4 };
    return 1 + ((uint64_t)cols * (uint64_t)(channels[info->type] * info->depth) + 7) / 8;
}

/* Moves rows to the first row of the first non-empty pass from p. */
static void rows_pass(png_rows *r, int p)
{
    int last = r->info->interlace ? 7 : 1;
    for (r->pass = p; r->pass < last; r->pass++) {
        uint32_t cols, rows;
        pass_size(r->info, r->pass, &cols, &rows);
        if (cols && rows) {
            r->row = 0;
            r->rows = rows;
            r->row_bytes = row_bytes(r->info, cols);
            return;
        }
    }
}

static void rows_init(png_rows *r, const png_info *info)
{
    memset(r, 0, sizeof *r);
    r->info = info;
    for (int p = 0; p < (info->interlace ? 7 : 1); p++) {
        uint32_t cols, rows;
        pass_size(info, p, &cols, &rows);
        if (cols && rows)
            r->total += (uint64_t)rows * row_bytes(info, cols);
    }
    rows_pass(r, 0);
}

/* Checks the filter bytes in out[0..n), the inflated bytes from offset at. */
static bool rows_check(png_rows *r, const unsigned char *out, size_t n, uint64_t at)
{
    while (r->next < at + n && r->next < r->total) {
        if (out[r->next - at] > 4)
            return false;
        r->next += r->row_bytes;
        if (++r->row == r->rows)
            rows_pass(r, r->pass + 1);
    }
    return true;
}

/* Inflates the image data (the IDAT chunks' bytes, joined): it must be one
 * zlib stream of exactly the bytes the header says, every row's filter
 * byte valid. */
static const char *check_data(const unsigned char *data, size_t len, const png_info *info)
{
    png_rows rows;
    rows_init(&rows, info);
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit(&z) != Z_OK)
        return N_("it cannot be inflated (out of memory)");
    unsigned char out[65536];
    uint64_t at = 0;
    int rc = Z_OK;
    bool rows_ok = true;
    z.next_in = (unsigned char *)data;
    z.avail_in = (uInt)len;
    while (rc == Z_OK && rows_ok && at <= rows.total) {
        z.next_out = out;
        z.avail_out = sizeof out;
        rc = inflate(&z, Z_NO_FLUSH);
        size_t got = sizeof out - z.avail_out;
        rows_ok = rows_check(&rows, out, got, at);
        at += got;
        if (rc == Z_OK && got == 0 && z.avail_in == 0)
            break; /* the stream stops short */
    }
    inflateEnd(&z);
    if (!rows_ok)
        return N_("a row of its image data has an unknown filter");
    if (rc != Z_STREAM_END || at != rows.total)
        return N_("its image data is damaged or cut short");
    return NULL;
}

/* Walks the chunks after the signature: CRCs, order, the critical ones
 * known; gathers the IDAT bytes and checks them. */
static const char *check_chunks(const unsigned char *buf, size_t len)
{
    png_info info = { 0 };
    unsigned char *data = NULL;
    size_t data_len = 0, at = 8;
    const char *why = NULL;
    bool header = false, end = false, idat_done = false, in_idat = false;
    while (!why && !end) {
        if (len - at < 12) {
            why = N_("it is cut short (no IEND chunk)");
            break;
        }
        uint32_t n = be32(buf + at);
        const unsigned char *type = buf + at + 4, *d = buf + at + 8;
        if (n > len - at - 12) {
            why = N_("it is cut short");
            break;
        }
        if ((uint32_t)crc32(0, type, n + 4) != be32(d + n)) {
            why = N_("a chunk is damaged (its CRC does not match)");
            break;
        }
        bool is_idat = memcmp(type, "IDAT", 4) == 0;
        if (in_idat && !is_idat)
            idat_done = true;
        in_idat = is_idat;
        if (!header && memcmp(type, "IHDR", 4) != 0)
            why = N_("it does not start with a header (IHDR)");
        else if (memcmp(type, "IHDR", 4) == 0) {
            why = header ? N_("it has two headers") : check_header(d, n, &info);
            header = true;
        } else if (memcmp(type, "PLTE", 4) == 0)
            info.palette = true;
        else if (memcmp(type, "tRNS", 4) == 0 && (info.type == 0 || info.type == 2))
            why = N_("its transparency is a colour key (save it with an alpha channel)");
        else if (is_idat && idat_done)
            why = N_("its image data (IDAT) is split by other chunks");
        else if (is_idat) {
            data = xrealloc(data, data_len + n + 1);
            memcpy(data + data_len, d, n);
            data_len += n;
        } else if (memcmp(type, "IEND", 4) == 0)
            end = true;
        else if (!(type[0] & 0x20))
            why = N_("it has a critical chunk PNG readers do not know");
        at += 12 + (size_t)n;
    }
    if (!why && info.type == 3 && !info.palette)
        why = N_("it has no palette (PLTE)");
    if (!why && !data_len)
        why = N_("it has no image data (IDAT)");
    if (!why)
        why = check_data(data, data_len, &info);
    free(data);
    return why;
}

const char *pdf_png_check(const char *path)
{
    size_t len = 0;
    errno = 0;
    unsigned char *buf = read_all(path, &len);
    if (!buf)
        return errno ? N_("it cannot be opened or read") : N_("it is larger than 64 MiB");
    errno = 0; /* from here on, what is wrong is its content */
    static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
    const char *why =
        len < 8 || memcmp(buf, sig, 8) != 0 ? N_("it is not a PNG file") : check_chunks(buf, len);
    free(buf);
    return why;
}
