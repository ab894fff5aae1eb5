/* output.c - temporary file beside the target, then rename. */
#include "output.h"
#include "xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int output_begin(output_file *o, const char *path, diag *d)
{
    o->path = xstrdup(path);
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
    return 0;
}

int output_commit(output_file *o, diag *d)
{
    if (rename(o->temp, o->path) != 0) {
        diag_report(d, EXIT_CANTCREAT, o->path, 0, NULL, "cannot write: %s", strerror(errno));
        return -1;
    }
    free(o->temp);
    o->temp = NULL;
    return 0;
}

void output_discard(output_file *o)
{
    if (o->temp)
        unlink(o->temp);
    free(o->temp);
    free(o->path);
    o->temp = o->path = NULL;
}
