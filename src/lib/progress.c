/* progress.c - a self-erasing progress line on stderr. */
#include "lib/progress.h"

#include <stdio.h>
#include <time.h>

static struct {
    bool on, shown;
    struct timespec start;
} state;

void progress_enable(bool on)
{
    state.on = on;
    state.shown = false;
    clock_gettime(CLOCK_MONOTONIC, &state.start);
}

void progress_update(const char *stage, size_t rows)
{
    if (!state.on)
        return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (!state.shown && now.tv_sec - state.start.tv_sec < 1)
        return;
    fprintf(stderr, "\rbilan: %s: %zu rows\033[K", stage, rows);
    state.shown = true;
}

void progress_done(void)
{
    if (state.shown)
        fputs("\r\033[K", stderr);
    state.shown = false;
}
