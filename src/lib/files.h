/* files.h - small file-system helpers: paths, whole-file reads, folders,
 * and where the default templates are. */
#ifndef BILAN_FILES_H
#define BILAN_FILES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* "dir/name" in a new string. */
char *path_join(const char *dir, const char *name);

/* The folder of path in a new string: "." when it has none, "/" for a
 * file at the root. */
char *dir_of(const char *path);

/* Whether path does not exist (as opposed to existing but unreadable). */
bool file_missing(const char *path);

/* Opens path for reading when it is a regular file, after following
 * symbolic links: a FIFO would wait for a writer forever and a device
 * might never end.  NULL otherwise, with *why saying so: "No such file or
 * directory", "Is a directory", "not a regular file (a FIFO)", ... */
FILE *open_regular(const char *path, const char **why);

/* The whole of a regular file (open_regular): malloc'd, *len bytes
 * followed by a NUL.  NULL when it cannot be read; then *what says which
 * step failed ("open", or "read", as for a folder) and *why the reason. */
char *read_file(const char *path, size_t *len, const char **what, const char **why);

/* mkdir -p: dir and its missing parents.  Failures are left for whoever
 * writes into dir to report, with their reason. */
void make_folders(const char *dir);

/* Whether path is where standard output goes (--figures /dev/stdout). */
bool is_stdout(const char *path);

/* The templates folder: given, unless it was the default and is missing,
 * then the one beside the program's build folder (build/bilan ->
 * templates/) when the program runs from its checkout, else the installed
 * one (BILAN_DATADIR/templates, fixed by `make install`), written into buf,
 * when that one exists. */
const char *find_templates(const char *given, bool defaulted, char *buf, size_t size);

/* The message catalogues' folder: the one beside the program when it runs
 * from its build folder (build/locale), else the installed one
 * (BILAN_LOCALEDIR); NULL when neither is known. */
const char *find_locale_dir(char *buf, size_t size);

#endif
