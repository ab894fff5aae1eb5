/* progress.h - progress on stderr for long runs: "bilan: ledger.csv:
 * 412000 rows", shown only on a terminal, not under --quiet, and only once
 * the run has taken more than a second. */
#ifndef BILAN_PROGRESS_H
#define BILAN_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

void progress_enable(bool on);
/* Cheap enough to call every few thousand rows. */
void progress_update(const char *stage, size_t rows);
/* Clears the progress line, if one was shown. */
void progress_done(void);

#endif
