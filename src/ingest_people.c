/* ingest_people.c - people.csv (optional): the board and the staff, each
 * person with a role, a group and maybe a team, kept in file order. */
#include "ingest_field.h"

/* A column's trimmed text, copied into the model ("" when absent). */
static const char *model_text(ingest_file *f, column_id col)
{
    size_t len;
    const char *s = ingest_field_text(f, col, &len);
    return model_strndup(f->m, s, len);
}

/* One person: name and group required. */
void ingest_person_row(ingest_file *f)
{
    const char *name, *group;
    size_t len, group_len;
    bool ok = ingest_field_required(f, COL_NAME, &name, &len) == INGEST_FIELD_OK;
    if (ingest_field_required(f, COL_GROUP, &group, &group_len) != INGEST_FIELD_OK || !ok)
        return;
    person *p = model_add_person(f->m);
    p->name = model_text(f, COL_NAME);
    p->role = model_text(f, COL_ROLE);
    p->group = model_text(f, COL_GROUP);
    p->team = model_text(f, COL_TEAM);
}
