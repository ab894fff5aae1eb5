/* files.c - small file-system helpers shared by the stages: paths, whole
 * files, folders, standard output, the templates folder. */
#include "lib/files.h"
#include "lib/i18n.h"
#include "lib/xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
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

/* A name's character for comparing with a stem: lower case, and '-' for
 * '_' and ' '. */
static int stem_char(char c)
{
    if (c == '_' || c == ' ')
        return '-';
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : (unsigned char)c;
}

/* Whether name is stem (or starts with it) followed by ".EXT", EXT one of
 * exts. */
static bool name_fits(const char *name, const char *stem, bool prefix, const char *const *exts)
{
    const char *dot = strrchr(name, '.');
    size_t n = strlen(stem), base = dot ? (size_t)(dot - name) : 0;
    if (!dot || name[0] == '.' || base < n || (!prefix && base != n))
        return false;
    for (size_t i = 0; i < n; i++)
        if (stem_char(name[i]) != stem_char(stem[i]))
            return false;
    for (const char *const *e = exts; *e; e++)
        if (strcasecmp(dot + 1, *e) == 0)
            return true;
    return false;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

char **files_named(const char *dir, const char *stem, bool prefix, const char *const *exts,
                   size_t *count)
{
    *count = 0;
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    char **names = NULL;
    size_t cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!name_fits(e->d_name, stem, prefix, exts))
            continue;
        xgrow((void **)&names, &cap, *count + 1, sizeof *names);
        names[(*count)++] = xstrdup(e->d_name);
    }
    closedir(d);
    if (*count)
        qsort(names, *count, sizeof *names, by_name);
    return names;
}

void files_named_free(char **names, size_t count)
{
    for (size_t i = 0; i < count; i++)
        free(names[i]);
    free(names);
}

bool file_missing(const char *path)
{
    return access(path, F_OK) != 0 && errno == ENOENT;
}

/* What a file that is neither regular nor a folder is, for messages. */
static const char *irregular(mode_t mode)
{
    if (S_ISFIFO(mode))
        return "not a regular file (a FIFO)";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "not a regular file (a device)";
    if (S_ISSOCK(mode))
        return "not a regular file (a socket)";
    return "not a regular file";
}

/* Why st is not a regular file, or NULL when it is one; *folder says
 * whether it is a folder. */
static const char *not_regular(const struct stat *st, bool *folder)
{
    *folder = S_ISDIR(st->st_mode);
    if (S_ISREG(st->st_mode))
        return NULL;
    return *folder ? strerror(EISDIR) : irregular(st->st_mode);
}

/* open_regular, also saying whether path is a folder. */
static FILE *open_checked(const char *path, const char **why, bool *folder)
{
    struct stat st;
    *folder = false;
    if (stat(path, &st) != 0) {
        *why = strerror(errno);
        return NULL;
    }
    if ((*why = not_regular(&st, folder)) != NULL)
        return NULL;
    /* Non-blocking, in case a FIFO took the file's place since the stat. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        xalloc_check(errno); /* out of memory is not "cannot open" */
        *why = strerror(errno);
        return NULL;
    }
    FILE *f = NULL;
    if (fstat(fd, &st) != 0)
        *why = strerror(errno);
    else if ((*why = not_regular(&st, folder)) == NULL &&
             fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) == 0)
        f = fdopen(fd, "rb");
    if (!f) {
        xalloc_check(errno);
        if (!*why)
            *why = strerror(errno);
        close(fd);
    }
    return f;
}

FILE *open_regular(const char *path, const char **why)
{
    bool folder;
    return open_checked(path, why, &folder);
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
        xalloc_check(err);
        free(text);
        errno = err;
        return NULL;
    }
    text[*len] = '\0';
    return text;
}

char *read_file(const char *path, size_t *len, const char **what, const char **why)
{
    bool folder;
    FILE *f = open_checked(path, why, &folder);
    if (!f) {
        *what = folder ? N_("read") : N_("open"); /* as fopen + fread would say */
        return NULL;
    }
    char *text = read_all(f, len);
    if (!text) {
        *what = N_("read");
        *why = strerror(errno);
    }
    fclose(f);
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
    return stat(path, &a) == 0 && fstat(STDOUT_FILENO, &b) == 0 && a.st_dev == b.st_dev &&
           a.st_ino == b.st_ino;
}

/* The folder of the running program (readlink /proc/self/exe) into buf;
 * false when it cannot be told. */
static bool program_folder(char *buf, size_t size)
{
    ssize_t n = readlink("/proc/self/exe", buf, size - 1);
    if (n <= 0)
        return false;
    buf[n] = '\0';
    char *slash = strrchr(buf, '/');
    if (!slash)
        return false;
    *slash = '\0';
    return true;
}

static bool exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

const char *find_templates(const char *given, bool defaulted, char *buf, size_t size)
{
    if (!defaulted || exists(given))
        return given;
    char exe[4096];
    if (program_folder(exe, sizeof exe)) {
        snprintf(buf, size, "%s/../templates", exe);
        if (exists(buf))
            return buf;
    }
#ifdef BILAN_DATADIR
    snprintf(buf, size, "%s/templates", BILAN_DATADIR);
    if (exists(buf))
        return buf;
#endif
    return given;
}

const char *find_locale_dir(char *buf, size_t size)
{
    char exe[4096];
    if (program_folder(exe, sizeof exe)) {
        snprintf(buf, size, "%s/locale", exe);
        if (exists(buf))
            return buf;
    }
#ifdef BILAN_LOCALEDIR
    return BILAN_LOCALEDIR;
#else
    return NULL;
#endif
}
