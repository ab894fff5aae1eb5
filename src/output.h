/* output.h - outputs replaced atomically, all or nothing.
 *
 * Each output is first written to a temporary file beside its target
 * (".NAME.bilan-PID.XXXXXX" in the same folder, so rename() is atomic);
 * only when every output is complete are they renamed into place, together:
 * signals held, each previous file kept as a hard link (".NAME.bilan-PID.bak")
 * until the last rename succeeded, and put back if one failed, so that the
 * folder holds the old set or the new one, never a mix.  On failure, and on
 * exit 70 (out of memory) or a signal, the temporary files are removed; a
 * later run removes those of a run that is gone (SIGKILL, a crash).
 *
 * A symbolic link at a target is replaced, as `mv` does, never followed.
 * A target that exists and cannot be replaced, only written (/dev/stdout,
 * a pipe, /dev/full, or a link to one), is written directly. */
#ifndef BILAN_OUTPUT_H
#define BILAN_OUTPUT_H

#include "lib/diag.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct output_file {
    char *path;    /* the target */
    char *temp;    /* the file to write: temporary, NULL once gone */
    char *backup;  /* the previous target's name during the commit */
    char *scratch; /* a folder for a library's own files, or NULL */
    bool direct;   /* temp is the target itself */
} output_file;

/* Refuses, as a usage error (EXIT_USAGE), two outputs that are the same
 * file, and an output that would replace a file of one of the folders in
 * inputs (NULL-terminated: the input folder, the templates), other than an
 * earlier PDF, workbook or JSON.  NULL paths are skipped.  Returns 0, or -1
 * with each problem reported; nothing is created. */
int output_check_paths(char *const paths[], size_t n, const char *const inputs[], diag *d);

/* Creates the temporary file for path (after removing the stale ones of
 * runs that are gone from its folder).  Returns 0, or -1 with the problem
 * reported (EXIT_CANTCREAT). */
int output_begin(output_file *o, const char *path, diag *d);
/* Puts every output begun and not yet committed or discarded in place at
 * once, o among them: all the renames succeed, or none is left done (the
 * previous files are back).  A later call for an output already in place
 * does nothing.  Returns 0, or -1 with the problem reported
 * (EXIT_CANTCREAT). */
int output_commit(output_file *o, diag *d);
/* Makes o's scratch folder, o->scratch, in TMPDIR (else /tmp) as
 * "bilan-PID.XXXXXX": for the temporary files of the library that writes
 * it (libxlsxwriter makes and unlinks at once a dozen "tmp.XXXXXXXXXX",
 * about 0.5 GB per million ledger lines with detail sheets, and a signal
 * between the two left one behind).  The folder and whatever is in it go
 * with the temporary file: on failure, on a signal and at exit.  Nothing for an output written
 * directly.  Returns 0, or -1 with the problem reported (EXIT_CANTCREAT). */
int output_scratch(output_file *o, diag *d);
/* In a child process that wrote the temporary files for its parent: they
 * are the parent's to put in place or remove, not removed at this
 * process's exit. */
void output_hand_over(void);
/* Removes the temporary file if any, frees the names.  NULL-safe fields. */
void output_discard(output_file *o);

#endif
