/* xlsx_verify.c - reads a just-written workbook back and checks that every
 * XML part is whole.
 *
 * libxlsxwriter 1.1.4 writes each part to a temporary file and copies it
 * into the zip without checking the writes: on a full disk or a file size
 * limit, workbook_close() succeeds and the workbook holds truncated XML.
 * So after closing, each part is inflated (zlib, streaming) and must end
 * with the closing tag of its root element.  Only the plain zip layout
 * that libxlsxwriter writes is read (no ZIP64, deflate or stored). */
#include "xlsx/xlsx.h"

#include "lib/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

enum { CHUNK = 1 << 16, HEAD = 512, TAIL = 256 };

static uint32_t le16(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t le32(const unsigned char *p)
{
    return le16(p) | le16(p + 2) << 16;
}

/* What a part's text needs: its first bytes (for the root's name) and its
 * last bytes (for the closing tag). */
typedef struct part_text {
    char head[HEAD + 1];
    size_t head_len;
    char tail[TAIL];
    size_t tail_len;
} part_text;

static void part_take(part_text *t, const unsigned char *data, size_t len)
{
    if (t->head_len < HEAD) {
        size_t n = len < HEAD - t->head_len ? len : HEAD - t->head_len;
        memcpy(t->head + t->head_len, data, n);
        t->head_len += n;
        t->head[t->head_len] = '\0';
    }
    if (len >= TAIL) {
        memcpy(t->tail, data + len - TAIL, TAIL);
        t->tail_len = TAIL;
        return;
    }
    size_t keep = t->tail_len + len > TAIL ? TAIL - len : t->tail_len;
    memmove(t->tail, t->tail + t->tail_len - keep, keep);
    memcpy(t->tail + keep, data, len);
    t->tail_len = keep + len;
}

/* Whether the text ends with </ROOT> (spaces after it allowed). */
static bool part_whole(const part_text *t)
{
    const char *p = t->head;
    while ((p = strchr(p, '<')) && (p[1] == '?' || p[1] == '!'))
        p++;
    if (!p)
        return false;
    size_t n = strcspn(p + 1, " \t\r\n/>");
    if (n == 0 || n + 3 > TAIL)
        return false;
    size_t end = t->tail_len;
    while (end > 0 && strchr(" \t\r\n", t->tail[end - 1]))
        end--;
    return end >= n + 3 && t->tail[end - n - 3] == '<' && t->tail[end - n - 2] == '/' &&
           memcmp(t->tail + end - n - 1, p + 1, n) == 0 && t->tail[end - 1] == '>';
}

/* zlib's allocator: xalloc's, so that out of memory is exit 70, not a
 * part read as incomplete ("disk full?", 73). */
static voidpf zlib_alloc(voidpf opaque, uInt items, uInt size)
{
    (void)opaque;
    return xcalloc(items, size);
}

static void zlib_free(voidpf opaque, voidpf p)
{
    (void)opaque;
    free(p);
}

/* Inflates (or copies) one entry's data from f, feeding part_take. */
static bool part_read(FILE *f, unsigned method, uint32_t size, part_text *t)
{
    unsigned char *in = xmalloc(CHUNK), *out = xmalloc(CHUNK);
    z_stream z = { .zalloc = zlib_alloc, .zfree = zlib_free };
    bool ok = (method == 0 || inflateInit2(&z, -MAX_WBITS) == Z_OK);
    int zrc = Z_OK;
    while (ok && size > 0) {
        size_t want = size < CHUNK ? size : CHUNK;
        if (fread(in, 1, want, f) != want) {
            ok = false;
            break;
        }
        size -= (uint32_t)want;
        if (method == 0) {
            part_take(t, in, want);
            continue;
        }
        z.next_in = in;
        z.avail_in = (uInt)want;
        do {
            z.next_out = out;
            z.avail_out = CHUNK;
            zrc = inflate(&z, Z_NO_FLUSH);
            if (zrc != Z_OK && zrc != Z_STREAM_END && zrc != Z_BUF_ERROR)
                ok = false;
            part_take(t, out, CHUNK - z.avail_out);
        } while (ok && z.avail_out == 0);
    }
    if (method != 0) {
        ok = ok && zrc == Z_STREAM_END;
        inflateEnd(&z);
    }
    free(in);
    free(out);
    return ok;
}

/* Checks the entry whose central-directory record is at cd. */
static bool entry_check(FILE *f, const unsigned char *cd, char *why, size_t size)
{
    unsigned method = le16(cd + 10);
    uint32_t csize = le32(cd + 20), offset = le32(cd + 42);
    unsigned name_len = le16(cd + 28);
    char name[256];
    snprintf(name, sizeof name, "%.*s", (int)(name_len < 255 ? name_len : 255),
             (const char *)cd + 46);
    size_t len = strlen(name);
    bool xml = (len > 4 && strcmp(name + len - 4, ".xml") == 0) ||
               (len > 5 && strcmp(name + len - 5, ".rels") == 0);
    if (!xml)
        return true;
    unsigned char local[30];
    part_text t = { .head_len = 0 };
    if ((method != 0 && method != 8) || csize == 0xffffffffu || offset == 0xffffffffu ||
        fseek(f, (long)offset, SEEK_SET) != 0 || fread(local, 1, 30, f) != 30 ||
        le32(local) != 0x04034b50u ||
        fseek(f, (long)(le16(local + 26) + le16(local + 28)), SEEK_CUR) != 0 ||
        !part_read(f, method, csize, &t) || !part_whole(&t)) {
        snprintf(why, size, "part %s is incomplete", name);
        return false;
    }
    return true;
}

/* Reads the central directory: at the end, no archive comment. */
static unsigned char *central_directory(FILE *f, uint32_t *count, uint32_t *cd_size)
{
    unsigned char end[22];
    if (fseek(f, -22, SEEK_END) != 0 || fread(end, 1, 22, f) != 22 || le32(end) != 0x06054b50u)
        return NULL;
    *count = le16(end + 10);
    *cd_size = le32(end + 12);
    uint32_t offset = le32(end + 16);
    unsigned char *cd = xmalloc(*cd_size ? *cd_size : 1);
    if (offset == 0xffffffffu || fseek(f, (long)offset, SEEK_SET) != 0 ||
        fread(cd, 1, *cd_size, f) != *cd_size) {
        free(cd);
        return NULL;
    }
    return cd;
}

/* 0 when every XML part of the workbook at path is whole; else -1 with
 * the reason in why. */
int xlsx_verify(const char *path, char *why, size_t size)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(why, size, "cannot read it back");
        return -1;
    }
    uint32_t count = 0, cd_size = 0;
    unsigned char *cd = central_directory(f, &count, &cd_size);
    int rc = cd ? 0 : -1;
    if (!cd)
        snprintf(why, size, "the zip directory is missing or unreadable");
    size_t at = 0;
    for (uint32_t i = 0; rc == 0 && i < count; i++) {
        if (at + 46 > cd_size || le32(cd + at) != 0x02014b50u) {
            snprintf(why, size, "the zip directory is damaged");
            rc = -1;
            break;
        }
        size_t record = 46 + le16(cd + at + 28) + le16(cd + at + 30) + le16(cd + at + 32);
        if (at + record > cd_size || !entry_check(f, cd + at, why, size))
            rc = -1;
        at += record;
    }
    free(cd);
    fclose(f);
    return rc;
}
