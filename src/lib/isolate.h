/* isolate.h - a piece of work run in a child process, so that a library
 * that crashes or hangs after its own allocation failed (libxlsxwriter,
 * libharu, fontconfig: bilan cannot fix them) ends the run with a clear
 * exit 70 instead of a signal.
 *
 * The child is a fork: it sees the parent's memory as it was, does the
 * work, and hands back its diagnostics' counts and status through shared
 * memory.  Its stderr passes through the parent, in order, unchanged: the
 * parent watches it for the line a library prints when it goes on after a
 * failed allocation (libxlsxwriter's "Memory allocation failed.",
 * fontconfig's "out of memory"), which is an out-of-memory error too.  The parent decides the outcome:
 *
 *   the work ended, its status told      that status (0, 65, 66, 70, 73...)
 *   a library's out-of-memory line       70, "out of memory while rendering WHAT"
 *   killed by a signal                   70, "internal error while rendering
 *                                        WHAT (signal 11)"; but a signal that
 *                                        ends a run (SIGINT, SIGTERM, SIGHUP,
 *                                        SIGPIPE, SIGQUIT) ends this process too
 *   no end within the time limit         70, the child killed
 *   ended without telling its status     70 (xalloc's exit on out of memory,
 *                                        a sanitizer's or valgrind's report)
 *
 * WHAT is the stage the child last named with isolate_stage(). */
#ifndef BILAN_ISOLATE_H
#define BILAN_ISOLATE_H

#include "lib/diag.h"

/* The work: 0, or -1 with its problems reported to d. */
typedef int (*isolate_fn)(void *arg, diag *d);

/* Runs fn(arg, d) in a child process and waits for it, at most seconds
 * (0: no limit).  d is updated as if fn had run here.  Returns 0, or -1
 * with the problem reported (d->status). */
int isolate_run(isolate_fn fn, void *arg, unsigned seconds, diag *d);

/* In the child: what it is doing now, for the parent's messages ("the
 * workbook").  what must be a string constant (the parent reads the
 * pointer).  Does nothing outside isolate_run's child. */
void isolate_stage(const char *what);

/* In the parent, from a signal handler or an exit hook, before the
 * temporary files the child writes are removed: kills the child running
 * now, if any, and waits for it, so that it creates no file after they
 * are gone.  Async-signal-safe. */
void isolate_stop(void);

#endif
