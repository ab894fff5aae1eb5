/* output.h - outputs replaced atomically, all or nothing.
 *
 * Each output is first written to a temporary file beside its target
 * (".NAME.XXXXXX" in the same folder, so rename() is atomic); only when
 * every output is complete are they renamed into place.  On failure the
 * temporary files are removed and earlier outputs stay as they were.
 * A target that exists and is not a regular file (/dev/stdout, a pipe,
 * /dev/full) is written directly: it cannot be replaced, only written. */
#ifndef BILAN_OUTPUT_H
#define BILAN_OUTPUT_H

#include "lib/diag.h"

#include <stdbool.h>

typedef struct output_file {
    char *path;                /* the target */
    char *temp;                /* the file to write: temporary, NULL once gone */
    bool direct;               /* temp is the target itself */
} output_file;

/* Creates the temporary file for path.  Returns 0, or -1 with the problem
 * reported (EXIT_CANTCREAT). */
int output_begin(output_file *o, const char *path, diag *d);
/* Renames the temporary file onto the target. */
int output_commit(output_file *o, diag *d);
/* Removes the temporary file if any, frees the names.  NULL-safe fields. */
void output_discard(output_file *o);

#endif
