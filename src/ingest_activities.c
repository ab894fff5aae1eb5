/* ingest_activities.c - activities.csv: one reader turns a record into
 * its date, axis, type, participants and hours (activity_line_read); the
 * totals by year, axis, type, partner and region (the row of
 * ingest_input's pass) and the workbook's detail rows (the detail walk)
 * both go through it. */
#include "ingest_field.h"
#include "lib/text.h"
#include "lib/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* What an activity record says; texts point into the record. */
typedef struct activity_line {
    date when;
    const char *axis, *type;
    size_t axis_len, type_len;
    int64_t participants;
    int64_t hours; /* hundredths, >= 0 */
} activity_line;

/* Reads the current record, each problem reported. */
static ingest_field_status activity_line_read(ingest_file *f, activity_line *out)
{
    out->participants = out->hours = 0;
    bool ok = ingest_field_date(f, COL_DATE, &out->when) == INGEST_FIELD_OK;
    ok &= ingest_field_required(f, COL_AXIS, &out->axis, &out->axis_len) == INGEST_FIELD_OK;
    ok &= ingest_field_required(f, COL_TYPE, &out->type, &out->type_len) == INGEST_FIELD_OK;
    ok &= ingest_field_count(f, COL_PARTICIPANTS, &out->participants) == INGEST_FIELD_OK;
    if (ingest_field_amount(f, COL_HOURS, true, &out->hours) != INGEST_FIELD_OK) {
        ok = false;
    } else if (out->hours < 0) {
        ingest_problem(f, COL_HOURS, "is negative", "is negative");
        ok = false;
    }
    return ok ? INGEST_FIELD_OK : INGEST_FIELD_ERROR;
}

/* ---- the totals -------------------------------------------------------- */

static void add_checked(ingest_file *f, column_id col, int64_t *total, int64_t value)
{
    if (!money_add(*total, value, total))
        ingest_problem(f, col, "total out of range", "the total it enters is out of range");
}

/* The row counted in a tally of axes or types. */
static void add_to(ingest_file *f, tally *t, int slot, const activity_line *a)
{
    t->count[slot]++;
    add_checked(f, COL_PARTICIPANTS, &t->participants[slot], a->participants);
    add_checked(f, COL_HOURS, &t->hours[slot], a->hours);
}

/* The tally of a name compared after folding (partners, regions).  Each
 * spelling is folded once: later rows find it by the text as written. */
static tally *folded_tally(ingest_file *f, tally_list *list, column_id col)
{
    size_t len, pos;
    const char *name = ingest_field_text(f, col, &len);
    if (len == 0)
        return NULL;
    if (strmap_get(list->spellings, name, len, &pos)) {
        tally *t = &list->items[pos];
        if (f->rec.line < t->first_line)
            tally_seen(f->m, t, ingest_key(f, NULL, name, len), f->rec.line);
        return t;
    }
    char *key = text_fold_key(name, len);
    if (!key) {
        ingest_problem(f, col, "not UTF-8", "is not valid UTF-8");
        return NULL;
    }
    tally *t = tally_list_get(f->m, list, key, ingest_key(f, NULL, name, len), NULL, f->rec.line);
    free(key);
    strmap_put(list->spellings, name, len, (size_t)(t - list->items));
    return t;
}

/* The row counted for its partner or region (col), when it names one. */
static void add_folded(ingest_file *f, tally_list *list, column_id col, int slot,
                       int64_t participants)
{
    tally *t = folded_tally(f, list, col);
    if (!t)
        return;
    t->count[slot]++;
    add_checked(f, COL_PARTICIPANTS, &t->participants[slot], participants);
}

void ingest_activity_row(ingest_file *f)
{
    model *m = f->m;
    activity_line a;
    if (activity_line_read(f, &a) != INGEST_FIELD_OK)
        return;
    ingest_magnitude_add(f, a.participants);
    ingest_magnitude_add(f, a.hours);
    int slot = model_slot_of_date(m, a.when);
    if (slot < 0)
        return;
    year_totals *y = &m->totals[slot];
    y->activities++;
    add_checked(f, COL_PARTICIPANTS, &y->participants, a.participants);
    add_checked(f, COL_HOURS, &y->hours, a.hours);
    if (slot > 1)
        return;
    char *axis_name = xstrndup(a.axis, a.axis_len);
    char *type_name = xstrndup(a.type, a.type_len);
    add_to(f, tally_list_get(m, &m->axes, axis_name, axis_name, NULL, f->rec.line), slot, &a);
    add_to(f,
           tally_list_get(m, &m->types, ingest_key(f, axis_name, a.type, a.type_len), type_name,
                          axis_name, f->rec.line),
           slot, &a);
    free(axis_name);
    free(type_name);
    add_folded(f, &m->partners, COL_PARTNER, slot, a.participants);
    add_folded(f, &m->regions, COL_REGION, slot, a.participants);
}

/* ---- the workbook's detail --------------------------------------------- */

/* A column's text, NUL-terminated in *copy (to free). */
static const char *text_copy(const ingest_file *f, column_id col, char **copy)
{
    size_t len;
    const char *s = ingest_field_text(f, col, &len);
    *copy = xstrndup(s, len);
    return *copy;
}

int ingest_activity_detail(ingest_file *f, activity_detail_fn fn, void *arg)
{
    activity_line a;
    if (activity_line_read(f, &a) != INGEST_FIELD_OK)
        return 0;
    int slot = model_slot_of_date(f->m, a.when);
    if (slot != 0 && slot != 1)
        return 0;
    activity_detail row = {
        .line = f->rec.line,
        .date = a.when,
        .participants = a.participants,
        .hours = a.hours,
        .period = &f->m->period[slot],
    };
    char *axis = xstrndup(a.axis, a.axis_len), *type = xstrndup(a.type, a.type_len);
    char *title, *partner, *region;
    row.axis = axis;
    row.type = type;
    row.title = text_copy(f, COL_TITLE, &title);
    row.partner = text_copy(f, COL_PARTNER, &partner);
    row.region = text_copy(f, COL_REGION, &region);
    int rc = fn(&row, arg);
    free(axis);
    free(type);
    free(title);
    free(partner);
    free(region);
    return rc;
}
