/* messages.c - the message catalogue: templates/messages.LANG.ini read
 * with inih into "section.key" -> text pairs.
 *
 * Sections are [common], [pdf] and [workbook]; any other section, or a key
 * given twice, is an error at its line.  The catalogue is a few hundred
 * entries at most, so lookups are a linear scan. */
#include "report/messages.h"
#include "lib/xalloc.h"

#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct message {
    char *key; /* "section.key" */
    char *text;
} message;

struct messages {
    message *items;
    size_t count, cap;
};

typedef enum load_problem {
    LOAD_OK,
    LOAD_SECTION,  /* a section other than the known ones */
    LOAD_DUPLICATE /* a key given twice */
} load_problem;

typedef struct load_state {
    messages *m;
    load_problem problem; /* the first one */
    char name[128];       /* the offending section or key */
} load_state;

static const char *const known_sections[] = { "common", "pdf", "workbook" };

static bool section_known(const char *section)
{
    for (size_t i = 0; i < sizeof known_sections / sizeof *known_sections; i++)
        if (strcmp(section, known_sections[i]) == 0)
            return true;
    return false;
}

static int fail(load_state *st, load_problem problem, const char *name)
{
    st->problem = problem;
    snprintf(st->name, sizeof st->name, "%s", name);
    return 0;
}

/* inih calls this for each "key = value"; a zero return marks the line. */
static int on_entry(void *user, const char *section, const char *name, const char *value)
{
    load_state *st = user;
    if (st->problem)
        return 1; /* report the first problem only */
    if (!section_known(section))
        return fail(st, LOAD_SECTION, section);
    size_t len = strlen(section) + 1 + strlen(name);
    char *key = xmalloc(len + 1);
    snprintf(key, len + 1, "%s.%s", section, name);
    message *last = st->m->count ? &st->m->items[st->m->count - 1] : NULL;
    if (last && strcmp(last->key, key) == 0) {
        /* inih's multi-line value: an indented line continues the key. */
        size_t old = strlen(last->text);
        last->text = xrealloc(last->text, old + 1 + strlen(value) + 1);
        snprintf(last->text + old, 1 + strlen(value) + 1, " %s", value);
        free(key);
        return 1;
    }
    if (messages_find(st->m, key)) {
        free(key);
        return fail(st, LOAD_DUPLICATE, name);
    }
    xgrow((void **)&st->m->items, &st->m->cap, st->m->count + 1, sizeof(message));
    st->m->items[st->m->count++] = (message){ key, xstrdup(value) };
    return 1;
}

messages *messages_load(const char *templates_dir, language lang, diag *d)
{
    size_t size = strlen(templates_dir) + 32;
    char *path = xmalloc(size);
    snprintf(path, size, "%s/messages.%s.ini", templates_dir, language_code(lang));
    messages *m = xcalloc(1, sizeof *m);
    load_state st = { .m = m };
    errno = 0;
    int rc = ini_parse(path, on_entry, &st);
    if (rc == -2) /* inih's own allocation */
        xalloc_check(ENOMEM);
    if (rc == -1) {
        xalloc_check(errno); /* fopen's */
        diag_report(d, EXIT_NOINPUT, path, 0, NULL, "cannot read: %s", strerror(errno));
    } else if (rc > 0 && st.problem == LOAD_SECTION) {
        diag_data(d, path, (size_t)rc, NULL,
                  "unknown section '[%s]' (expected common, pdf or workbook)", st.name);
    } else if (rc > 0 && st.problem == LOAD_DUPLICATE) {
        diag_data(d, path, (size_t)rc, NULL, "key '%s' given twice", st.name);
    } else if (rc != 0) {
        diag_data(d, path, rc > 0 ? (size_t)rc : 0, NULL, "not a valid ini line");
    }
    free(path);
    if (rc != 0) {
        messages_free(m);
        return NULL;
    }
    return m;
}

void messages_free(messages *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->count; i++) {
        free(m->items[i].key);
        free(m->items[i].text);
    }
    free(m->items);
    free(m);
}

const char *messages_find(const messages *m, const char *key)
{
    if (!m)
        return NULL;
    for (size_t i = 0; i < m->count; i++)
        if (strcmp(m->items[i].key, key) == 0)
            return m->items[i].text;
    return NULL;
}

const char *messages_get(const messages *m, const char *key)
{
    const char *text = messages_find(m, key);
    return text ? text : key;
}
