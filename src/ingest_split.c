/* ingest_split.c - a large CSV file read on two threads (ingest_split.h):
 * when to split and where, the second thread's reading, and the join that
 * merges its work or drops it. */
#define _GNU_SOURCE /* sched_getaffinity: the CPUs this process may use */
#include "ingest_split.h"
#include "ingest_field.h"
#include "lib/xalloc.h"

#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Files smaller than this are read on one thread (BILAN_SPLIT_MIN). */
enum { SPLIT_MIN_DEFAULT = 1 << 20 };

struct ingest_split {
    pthread_t thread;
    ingest_check_fn check;
    ingest_row_fn fn;
    /* what the first thread knew when the second started */
    money_decimal decimal;
    date_order order;
    /* the second thread's own */
    model part;
    input_format format;
    ingest_file file;
    diag quiet;
    record_source *src;
    bool unusable; /* its work cannot be merged */
};

/* ---- when and where ---------------------------------------------------- */

/* Whether two CPUs are there for this process (taskset may leave one). */
static bool two_cpus(void)
{
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) != 0)
        return false;
    return CPU_COUNT(&set) >= 2;
}

static off_t file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? st.st_size : 0;
}

off_t ingest_split_possible(const ingest_file *f, record_source *r)
{
    const config *cfg = f->m->config;
    size_t min = cfg->split_min ? cfg->split_min : SPLIT_MIN_DEFAULT;
    if (f->kind != INPUT_LEDGER && f->kind != INPUT_ACTIVITIES)
        return 0;
    if (f->rereading || f->is_imported || f->years || !record_source_csv(r) || cfg->threads == 1)
        return 0;
    off_t size = file_size(f->format->path);
    return (size_t)size >= min && (cfg->threads == 2 || two_cpus()) ? size : 0;
}

/* Whether a convention is known (set in report.ini, or learnt). */
static bool settled(bool fixed, size_t learnt_line)
{
    return fixed || learnt_line;
}

/* Whether rows were put aside for a convention still unknown: the second
 * thread, not knowing it either, would put its rows aside too. */
static bool waiting(const ingest_file *f)
{
    return f->deferred_rows &&
           !(settled(f->decimal_fixed, f->decimal_line) && settled(f->order_fixed, f->order_line));
}

/* The first byte of the line after the first line end at or after `from`,
 * or -1 when there is none. */
static off_t line_start_after(const char *path, off_t from)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return -1;
    off_t at = -1;
    if (fseeko(fp, from, SEEK_SET) == 0) {
        int c;
        off_t pos = from;
        while ((c = getc(fp)) != EOF) {
            pos++;
            if (c == '\n') {
                at = pos;
                break;
            }
        }
    }
    fclose(fp);
    return at;
}

/* ---- the second thread ------------------------------------------------- */

/* Whether the second half has said something, or put a row aside: then
 * its work is not the single thread's, and it stops. */
static bool part_unusable(const ingest_split *s)
{
    const ingest_file *f = &s->file;
    return f->problems || f->deferred_rows || s->quiet.count || s->quiet.warnings;
}

static void *read_part(void *arg)
{
    ingest_split *s = arg;
    ingest_file *f = &s->file;
    int got;
    while ((got = record_source_next(s->src, &f->rec)) > 0) {
        if (s->check(f))
            s->fn(f);
        if (part_unusable(s))
            break;
    }
    s->unusable = got < 0 || part_unusable(s);
    return NULL;
}

/* Sets up the second thread's file: f's, at `start`, with what f knows
 * now, counting its lines from 1 and adding to its own model. */
static bool part_open(ingest_split *s, const ingest_file *f, csv_reader *c, off_t start)
{
    model_part_init(&s->part, f->m);
    s->format = *f->format;
    diag_init(&s->quiet, NULL);
    /* The encoding as asked, unless the first half proved UTF-8: a
     * Windows-1252 decided on a guess the rest of the file may overturn
     * is for the second half to find again (or not: then it is dropped). */
    csv_options options = f->format->csv;
    options.delimiter = csv_reader_delimiter(c);
    if (csv_reader_encoding(c) == CSV_ENCODING_UTF8)
        options.encoding = CSV_ENCODING_UTF8;
    s->src = record_source_of_csv(
        csv_reader_open_at(f->format->path, f->name, &options, start, &s->quiet), f->name);
    s->decimal = f->format->decimal;
    s->order = f->format->order;
    s->file = (ingest_file){
        .m = &s->part,
        .d = &s->quiet,
        .kind = f->kind,
        .name = f->name,
        .format = &s->format,
        .src = s->src,
        .file_index = f->file_index,
        .order_base = f->order_base,
        .decimal_fixed = f->decimal_fixed,
        .order_fixed = f->order_fixed,
        .decimal_line = f->decimal_line ? 1 : 0,
        .order_line = f->order_line ? 1 : 0,
        .is_part = true,
    };
    return s->src != NULL;
}

static void split_free(ingest_split *s)
{
    ingest_file *f = &s->file;
    ingest_problems_flush(f); /* into the quiet diag: dropped */
    free(f->scratch);
    free(f->unknown_account);
    record_source_free(s->src);
    model_part_free(&s->part);
    free(s);
}

ingest_split *ingest_split_start(ingest_file *f, record_source *r, off_t size,
                                 ingest_check_fn check, ingest_row_fn fn, bool *again)
{
    csv_reader *c = record_source_csv(r);
    off_t read = csv_reader_offset(c);
    *again = false;
    if (waiting(f)) {
        *again = read < size / 2; /* past the middle, not worth it */
        return NULL;
    }
    off_t start = line_start_after(f->format->path, read + (size - read) / 2);
    if (start <= read || start >= size)
        return NULL;
    ingest_split *s = xcalloc(1, sizeof *s);
    s->check = check;
    s->fn = fn;
    if (!part_open(s, f, c, start) || pthread_create(&s->thread, NULL, read_part, s) != 0) {
        split_free(s);
        return NULL;
    }
    csv_reader_set_limit(c, start);
    return s;
}

/* ---- the join ---------------------------------------------------------- */

/* Whether a convention the second half learnt agrees with the first's
 * (whose value is *whole, learnt at *whole_line): when the first half
 * never told it, the file's is the second's, from its line on. */
static bool convention_agrees(int at_start, int *whole, size_t *whole_line, int part,
                              size_t part_line, size_t line_offset)
{
    _Static_assert(MONEY_DECIMAL_AUTO == 0 && DATE_ORDER_AUTO == 0, "unknown is 0");
    const int unknown = 0;
    if (at_start != unknown || part == unknown || part == *whole)
        return true;
    if (*whole != unknown)
        return false;
    *whole = part;
    *whole_line = part_line + line_offset;
    return true;
}

/* Whether the two halves' encodings agree: the second either decided
 * nothing, or what the first decided, or the first decided nothing. */
static bool encodings_agree(csv_encoding whole, csv_encoding part)
{
    return part == CSV_ENCODING_AUTO || whole == CSV_ENCODING_AUTO || part == whole;
}

/* Whether the second half's work is the single thread's, once the first
 * stopped at its start; adopts what the second learnt. */
static bool part_mergeable(ingest_split *s, ingest_file *f, csv_reader *c, size_t line_offset)
{
    const ingest_file *p = &s->file;
    if (s->unusable || !csv_reader_at_record_start(c))
        return false;
    if (!encodings_agree(csv_reader_encoding(c), csv_reader_encoding(record_source_csv(s->src))))
        return false;
    if (f->magnitude > INT64_MAX || p->magnitude > INT64_MAX - f->magnitude)
        return false;
    int decimal = (int)f->format->decimal, order = (int)f->format->order;
    if (!convention_agrees((int)s->decimal, &decimal, &f->decimal_line, (int)p->format->decimal,
                           p->decimal_line, line_offset) ||
        !convention_agrees((int)s->order, &order, &f->order_line, (int)p->format->order,
                           p->order_line, line_offset))
        return false;
    f->format->decimal = (money_decimal)decimal;
    f->format->order = (date_order)order;
    return true;
}

bool ingest_split_join(ingest_split **sp, ingest_file *f, record_source *r)
{
    ingest_split *s = *sp;
    *sp = NULL;
    pthread_join(s->thread, NULL);
    csv_reader *c = record_source_csv(r);
    size_t line_offset = csv_reader_line(c) - 1;
    bool merged = part_mergeable(s, f, c, line_offset);
    if (merged) {
        csv_reader_end_at_limit(c); /* (no guess left in doubt beyond it) */
        model_part_merge(f->m, &s->part, line_offset);
        f->rows += s->file.rows;
        f->magnitude += s->file.magnitude;
        f->m->split_files++;
    } else {
        csv_reader_set_limit(c, -1);
    }
    split_free(s);
    return merged;
}

void ingest_split_drop(ingest_split *s)
{
    if (!s)
        return;
    pthread_join(s->thread, NULL);
    split_free(s);
}
