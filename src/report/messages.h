/* messages.h - the message catalogue: every fixed label of the PDF and the
 * workbook, one file per language (templates/messages.fr.ini, .en.ini),
 * sections [pdf], [workbook], [common]; looked up as "section.key". */
#ifndef BILAN_MESSAGES_H
#define BILAN_MESSAGES_H

#include "config.h"
#include "lib/diag.h"

typedef struct messages messages; /* opaque */

/* Loads templates_dir/messages.LANG.ini.  NULL with the problem reported. */
messages *messages_load(const char *templates_dir, language lang, diag *d);
void messages_free(messages *m); /* NULL-safe */

/* The text of "section.key" ("workbook.sheet_summary"), or NULL. */
const char *messages_find(const messages *m, const char *key);
/* As messages_find, but a missing key is a bug in the catalogue: returns
 * the key itself so the output shows what is missing. */
const char *messages_get(const messages *m, const char *key);

#endif
