/* files.c - small file-system helpers shared by the stages: paths, whole
 * files, folders, standard output, the templates folder. */
#include "lib/files.h"
#include "lib/xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *path_join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = xmalloc(n);
    snprintf(p, n, "%s/%s", dir, name);
    return p;
}

char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return xstrdup(".");
    if (slash == path)
        return xstrdup("/");
    return xstrndup(path, (size_t)(slash - path));
}

bool file_missing(const char *path)
{
    return access(path, F_OK) != 0 && errno == ENOENT;
}

/* Reads the rest of f into a new buffer; NULL with errno set on error. */
static char *read_all(FILE *f, size_t *len)
{
    char *text = NULL;
    size_t cap = 0, n;
    *len = 0;
    do {
        xgrow((void **)&text, &cap, *len + 4096, 1);
        n = fread(text + *len, 1, cap - *len - 1, f);
        *len += n;
    } while (n > 0);
    if (ferror(f)) {
        int err = errno ? errno : EIO;
        free(text);
        errno = err;
        return NULL;
    }
    text[*len] = '\0';
    return text;
}

char *read_file(const char *path, size_t *len, const char **what)
{
    const char *step = "open";
    FILE *f = fopen(path, "rb");
    char *text = NULL;
    struct stat st;
    if (f) {
        step = "read";
        if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode))
            errno = EISDIR;
        else
            text = read_all(f, len);
        int err = errno;
        fclose(f);
        errno = err;
    }
    if (!text && what)
        *what = step;
    return text;
}

void make_folders(const char *dir)
{
    char *path = xstrdup(dir);
    for (char *p = path + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            mkdir(path, 0777);
            *p = '/';
        }
    }
    mkdir(path, 0777);
    free(path);
}

bool is_stdout(const char *path)
{
    struct stat a, b;
    return stat(path, &a) == 0 && fstat(STDOUT_FILENO, &b) == 0 &&
           a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

const char *find_templates(const char *given, bool defaulted, char *buf, size_t size)
{
    struct stat st;
    if (!defaulted || stat(given, &st) == 0)
        return given;
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return given;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return given;
    *slash = '\0';
    snprintf(buf, size, "%s/../templates", exe);
    return stat(buf, &st) == 0 ? buf : given;
}
