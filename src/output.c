/* output.c - temporary file beside the target, then rename. */
#define _XOPEN_SOURCE 700   /* realpath */
#include "output.h"
#include "lib/xalloc.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The temporary files in progress, removed if a signal ends the run
 * (Ctrl-C, a closed pipe): no partial file is ever left behind. */
enum { PENDING_MAX = 8 };
static char *volatile pending[PENDING_MAX];

static void remove_pending(int sig)
{
    for (int i = 0; i < PENDING_MAX; i++)
        if (pending[i])
            unlink(pending[i]);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void track(char *temp)
{
    static bool handlers;
    if (!handlers) {
        /* Past a file size limit, write() fails with EFBIG: an output that
         * cannot be written (73), not a death by signal. */
        signal(SIGXFSZ, SIG_IGN);
        static const int signals[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
        for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
            struct sigaction old, sa = {.sa_handler = remove_pending};
            sigemptyset(&sa.sa_mask);
            /* A signal the caller ignores stays ignored (nohup, ulimit -f). */
            if (sigaction(signals[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
                sigaction(signals[i], &sa, NULL);
        }
        handlers = true;
    }
    for (int i = 0; i < PENDING_MAX; i++) {
        if (!pending[i]) {
            pending[i] = temp;
            return;
        }
    }
}

static void untrack(const char *temp)
{
    for (int i = 0; i < PENDING_MAX; i++)
        if (pending[i] == temp)
            pending[i] = NULL;
}

/* Where the output really goes: a symbolic link is followed, so that the
 * file it names is replaced, not the link.  *direct is set when the target
 * exists but is not a regular file (a device, a pipe, a terminal). */
static char *resolve_target(const char *path, bool *direct)
{
    struct stat st;
    *direct = false;
    if (lstat(path, &st) != 0)
        return xstrdup(path);            /* a new file */
    char *real = realpath(path, NULL);
    if (!real || stat(real, &st) != 0 || !S_ISREG(st.st_mode)) {
        *direct = true;
        free(real);
        return xstrdup(path);
    }
    char *target = xstrdup(real);        /* realpath's buffer is malloc'd */
    free(real);
    return target;
}

int output_begin(output_file *o, const char *path, diag *d)
{
    o->path = resolve_target(path, &o->direct);
    if (o->direct) {
        o->temp = xstrdup(path);
        return 0;
    }
    path = o->path;
    const char *slash = strrchr(path, '/');
    size_t dir_len = slash ? (size_t)(slash - path) + 1 : 0;
    size_t n = strlen(path) + 16;
    o->temp = xmalloc(n);
    snprintf(o->temp, n, "%.*s.%s.XXXXXX", (int)dir_len, path, path + dir_len);
    int fd = mkstemp(o->temp);
    if (fd < 0) {
        diag_report(d, EXIT_CANTCREAT, path, 0, NULL, "cannot write: %s", strerror(errno));
        free(o->temp);
        o->temp = NULL;
        return -1;
    }
    /* mkstemp makes 0600; outputs are ordinary files: 0666 less the umask. */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    close(fd);
    track(o->temp);
    return 0;
}

int output_commit(output_file *o, diag *d)
{
    if (o->direct) {
        free(o->temp);
        o->temp = NULL;
        return 0;
    }
    if (rename(o->temp, o->path) != 0) {
        diag_report(d, EXIT_CANTCREAT, o->path, 0, NULL, "cannot write: %s", strerror(errno));
        return -1;
    }
    untrack(o->temp);
    free(o->temp);
    o->temp = NULL;
    return 0;
}

void output_discard(output_file *o)
{
    if (o->temp && !o->direct) {
        unlink(o->temp);
        untrack(o->temp);
    }
    free(o->temp);
    free(o->path);
    o->temp = o->path = NULL;
}
