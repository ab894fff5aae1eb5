/* output.c - temporary files beside the targets, then every rename at once:
 * signals held, the previous files kept as hard links and put back if a
 * rename fails.  Temporary files are removed on failure, on a signal and
 * at exit (out of memory exits 70 through exit()); those of a run that is
 * gone are removed by the next run. */
#define _GNU_SOURCE /* realpath, getdents64 */
#include "output.h"
#include "lib/i18n.h"
#include "lib/isolate.h"
#include "lib/xalloc.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The outputs begun and not yet discarded, and copies of their temporary
 * files' names, outside the heap, which a signal (Ctrl-C, a closed pipe),
 * a crash (in a library too) or exit() removes: no partial file is left
 * behind.  pending is what the handlers read. */
enum { SET_MAX = 8, PENDING_NAME = 4096 };
static output_file *begun[SET_MAX];
static char pending[SET_MAX][PENDING_NAME];
static volatile sig_atomic_t pending_on[SET_MAX];
static char pending_dir[SET_MAX][PENDING_NAME]; /* their scratch folders */
static volatile sig_atomic_t pending_dir_on[SET_MAX];

/* Removes the folder dir and the files in it; async-signal-safe (the
 * getdents64 and unlinkat system calls: no opendir, which allocates). */
static void remove_folder(const char *dir)
{
    if (rmdir(dir) == 0 || errno == ENOENT)
        return; /* empty (the libraries' files are unlinked) */
#ifdef __linux__
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    for (int pass = 0; fd >= 0 && pass < 3; pass++) {
        char buf[4096];
        ssize_t n;
        lseek(fd, 0, SEEK_SET);
        while ((n = getdents64(fd, buf, sizeof buf)) > 0) {
            for (ssize_t at = 0; at < n;) {
                const struct dirent64 *e = (const struct dirent64 *)(buf + at);
                if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
                    unlinkat(fd, e->d_name, 0);
                at += e->d_reclen;
            }
        }
        if (rmdir(dir) == 0)
            break;
    }
    if (fd >= 0)
        close(fd);
#endif
}

/* Removes the temporary files and folders in progress, once the process
 * rendering them, if any, is gone; async-signal-safe. */
static void remove_pending(void)
{
    isolate_stop();
    for (int i = 0; i < SET_MAX; i++) {
        if (pending_on[i])
            unlink(pending[i]);
        if (pending_dir_on[i])
            remove_folder(pending_dir[i]);
    }
}

static void on_signal(int sig)
{
    remove_pending();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* The signals that end a run and are held during the commit. */
static const int ending_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE };

/* A crash, and what handled it before (the default, a sanitizer). */
static const int crash_signals[] = { SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL };
static struct sigaction crash_before[sizeof crash_signals / sizeof crash_signals[0]];

/* Removes the temporary files, then gives the crash back to the handler
 * before: returning re-runs the faulting instruction, a raised signal
 * (abort) is raised again. */
static void on_crash(int sig, siginfo_t *info, void *context)
{
    (void)context;
    remove_pending();
    for (size_t i = 0; i < sizeof crash_signals / sizeof crash_signals[0]; i++)
        if (crash_signals[i] == sig)
            sigaction(sig, &crash_before[i], NULL);
    if (info->si_code <= 0)
        raise(sig);
}

/* The crash handlers, on a stack of their own (a stack overflow is a
 * crash too) unless one is set already. */
static void catch_crashes(void)
{
    static char stack[1 << 16];
    stack_t now;
    if (sigaltstack(NULL, &now) == 0 && (now.ss_flags & SS_DISABLE)) {
        stack_t ss = { .ss_sp = stack, .ss_size = sizeof stack };
        sigaltstack(&ss, NULL);
    }
    for (size_t i = 0; i < sizeof crash_signals / sizeof crash_signals[0]; i++) {
        struct sigaction sa = { .sa_sigaction = on_crash, .sa_flags = SA_SIGINFO | SA_ONSTACK };
        sigemptyset(&sa.sa_mask);
        if (sigaction(crash_signals[i], NULL, &crash_before[i]) == 0 &&
            crash_before[i].sa_handler != SIG_IGN)
            sigaction(crash_signals[i], &sa, NULL);
    }
}

/* Holds the signals that end a run; *old is the mask to set back. */
static void hold_ending(sigset_t *old)
{
    sigset_t hold;
    sigemptyset(&hold);
    for (size_t i = 0; i < sizeof ending_signals / sizeof ending_signals[0]; i++)
        sigaddset(&hold, ending_signals[i]);
    sigprocmask(SIG_BLOCK, &hold, old);
}

/* Once: the handlers that remove temporary files, and the exit hook. */
static void install_cleanup(void)
{
    static bool done;
    if (done)
        return;
    done = true;
    /* Past a file size limit, write() fails with EFBIG: an output that
     * cannot be written (73), not a death by signal. */
    signal(SIGXFSZ, SIG_IGN);
    for (size_t i = 0; i < sizeof ending_signals / sizeof ending_signals[0]; i++) {
        if (ending_signals[i] == SIGQUIT)
            continue; /* held only: it dumps core */
        struct sigaction old, sa = { .sa_handler = on_signal };
        sigemptyset(&sa.sa_mask);
        /* A signal the caller ignores stays ignored (nohup, ulimit -f). */
        if (sigaction(ending_signals[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaction(ending_signals[i], &sa, NULL);
    }
    catch_crashes();
    /* exit(70) on out of memory (lib/xalloc.c) and any other exit() */
    atexit(remove_pending);
}

/* Adds o to the outputs begun; its temporary file is removed on a signal
 * unless it is written directly (or its name is too long to keep: the
 * next run removes it).  -1 when the table is full. */
static int track(output_file *o)
{
    install_cleanup();
    for (int i = 0; i < SET_MAX; i++) {
        if (!begun[i]) {
            begun[i] = o;
            if (!o->direct && strlen(o->temp) < PENDING_NAME) {
                strcpy(pending[i], o->temp);
                pending_on[i] = 1;
            }
            return 0;
        }
    }
    return -1;
}

static void untrack(const output_file *o)
{
    for (int i = 0; i < SET_MAX; i++) {
        if (begun[i] == o) {
            pending_on[i] = 0;
            pending_dir_on[i] = 0;
            begun[i] = NULL;
        }
    }
}

/* "DIR/.NAME.bilan-PID" + suffix for path "DIR/NAME": the names beside a
 * target that this run uses. */
static char *beside(const char *path, const char *suffix)
{
    const char *slash = strrchr(path, '/');
    size_t dir_len = slash ? (size_t)(slash - path) + 1 : 0;
    size_t n = strlen(path) + strlen(suffix) + 40;
    char *name = xmalloc(n);
    snprintf(name, n, "%.*s.%s.bilan-%ld%s", (int)dir_len, path, path + dir_len, (long)getpid(),
             suffix);
    return name;
}

/* Whether name is one of the names beside() makes (".NAME.bilan-PID.XXXXXX"
 * or ".NAME.bilan-PID.bak"); *pid is the run that made it. */
static bool own_name(const char *name, pid_t *pid)
{
    const char *tag = NULL;
    if (name[0] != '.')
        return false;
    for (const char *p = strstr(name + 1, ".bilan-"); p; p = strstr(p + 1, ".bilan-"))
        tag = p;
    if (!tag || !isdigit((unsigned char)tag[7]))
        return false;
    char *end;
    errno = 0;
    long v = strtol(tag + 7, &end, 10);
    if (errno || v <= 0 || *end != '.')
        return false;
    const char *rest = end + 1;
    if (strcmp(rest, "bak") != 0) {
        if (strlen(rest) != 6)
            return false;
        for (const char *c = rest; *c; c++)
            if (!isalnum((unsigned char)*c))
                return false;
    }
    *pid = (pid_t)v;
    return true;
}

/* The folder of path, "." when it has none. */
static char *folder_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return xstrdup(".");
    return xstrndup(path, slash == path ? 1 : (size_t)(slash - path));
}

/* Removes from path's folder the temporary and kept files of bilan runs
 * whose process is gone (killed, crashed).  Quietly: they are debris, and a
 * folder that cannot be read fails when the output is created. */
static void remove_stale(const char *path)
{
    char *dir = folder_of(path);
    DIR *dh = opendir(dir);
    for (struct dirent *e; dh && (e = readdir(dh)) != NULL;) {
        pid_t pid;
        if (!own_name(e->d_name, &pid) || pid == getpid() || kill(pid, 0) == 0 || errno != ESRCH)
            continue;
        size_t n = strlen(dir) + strlen(e->d_name) + 2;
        char *stale = xmalloc(n);
        snprintf(stale, n, "%s/%s", dir, e->d_name);
        struct stat st;
        if (lstat(stale, &st) == 0 && (S_ISREG(st.st_mode) || S_ISLNK(st.st_mode)))
            unlink(stale);
        else if (lstat(stale, &st) == 0 && S_ISDIR(st.st_mode))
            remove_folder(stale); /* a scratch folder (output_scratch) */
        free(stale);
    }
    if (dh)
        closedir(dh);
    free(dir);
}

/* Whether path is written directly, not replaced: something that exists
 * and is neither a regular file nor a folder (a device, a pipe, a socket),
 * or a link to one, or a link to one of this process's standard streams
 * (/dev/stdout redirected to a file).  Any other link is replaced. */
static bool written_directly(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return false; /* a new file */
    bool link = S_ISLNK(st.st_mode);
    if (link && stat(path, &st) != 0)
        return false; /* a dangling link */
    if (!S_ISREG(st.st_mode))
        return !S_ISDIR(st.st_mode); /* a folder fails at the rename */
    for (int fd = 0; link && fd <= 2; fd++) {
        struct stat s;
        if (fstat(fd, &s) == 0 && s.st_dev == st.st_dev && s.st_ino == st.st_ino)
            return true;
    }
    return false;
}

int output_begin(output_file *o, const char *path, diag *d)
{
    o->path = xstrdup(path);
    o->backup = NULL;
    o->scratch = NULL;
    o->direct = written_directly(path);
    install_cleanup();
    /* a signal between the file's creation and track() would leave it */
    sigset_t old;
    hold_ending(&old);
    if (o->direct) {
        o->temp = xstrdup(path);
    } else {
        remove_stale(path);
        o->temp = beside(path, ".XXXXXX");
        o->backup = beside(path, ".bak");
        int fd = mkstemp(o->temp);
        if (fd < 0) {
            sigprocmask(SIG_SETMASK, &old, NULL);
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
    }
    int tracked = track(o);
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (tracked != 0) {
        diag_report(d, EXIT_SOFTWARE, path, 0, NULL, "more than %d outputs", SET_MAX);
        return -1;
    }
    return 0;
}

/* How a previous target was kept during the commit. */
typedef enum kept { KEPT_NONE, KEPT_LINK, KEPT_MOVED } kept;

/* Keeps the file at o->path, if any, as o->backup: a hard link (of the
 * link itself when it is one), or, where the file system has none, the
 * file moved aside.  Returns -1 with errno when neither works. */
static int keep_previous(const output_file *o, kept *how)
{
    struct stat st;
    *how = KEPT_NONE;
    if (lstat(o->path, &st) != 0 || S_ISDIR(st.st_mode))
        return 0; /* nothing to keep; a folder fails the rename */
    unlink(o->backup);
    if (linkat(AT_FDCWD, o->path, AT_FDCWD, o->backup, 0) == 0) {
        *how = KEPT_LINK;
        return 0;
    }
    if (rename(o->path, o->backup) == 0) {
        *how = KEPT_MOVED;
        return 0;
    }
    return -1;
}

/* Undoes the commit of o: its previous file back at o->path, or no file
 * when there was none.  Returns -1 with errno when that fails. */
static int put_back(const output_file *o, kept how, bool renamed)
{
    if (how == KEPT_LINK && !renamed) {
        unlink(o->backup); /* the previous file never left */
        return 0;
    }
    if (how != KEPT_NONE)
        return rename(o->backup, o->path);
    return renamed ? unlink(o->path) : 0;
}

/* The renames of the n outputs in o, all or none, with the signals that
 * end a run held.  Returns 0, or -1 with the problem reported. */
static int commit_all(output_file *const o[], size_t n, diag *d)
{
    kept how[SET_MAX] = { KEPT_NONE };
    bool renamed[SET_MAX] = { false };
    sigset_t old;
    hold_ending(&old);
    size_t bad = n;
    int err = 0;
    for (size_t i = 0; i < n && bad == n; i++) {
        if (keep_previous(o[i], &how[i]) != 0) {
            bad = i;
            err = errno;
        }
    }
    bool keeping_failed = bad < n;
    for (size_t i = 0; i < n && bad == n; i++) {
        renamed[i] = rename(o[i]->temp, o[i]->path) == 0;
        if (!renamed[i]) {
            bad = i;
            err = errno;
        }
    }
    size_t lost = n; /* an output that could not be put back */
    int lost_err = 0;
    for (size_t i = n; i-- > 0;) {
        if (bad < n && put_back(o[i], how[i], renamed[i]) != 0) {
            lost = i;
            lost_err = errno;
        } else if (bad == n && how[i] != KEPT_NONE)
            unlink(o[i]->backup);
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (bad == n)
        return 0;
    diag_report(d, EXIT_CANTCREAT, o[bad]->path, 0, NULL, "cannot %s: %s",
                keeping_failed ? _("keep the previous file") : _("write"), strerror(err));
    if (lost < n)
        diag_report(d, EXIT_CANTCREAT, o[lost]->path, 0, NULL,
                    "cannot put the previous file back (%s): it is kept as %s", strerror(lost_err),
                    o[lost]->backup);
    return -1;
}

int output_commit(output_file *o, diag *d)
{
    if (!o->temp)
        return 0; /* put in place with the others */
    output_file *set[SET_MAX];
    size_t n = 0;
    for (int i = 0; i < SET_MAX; i++)
        if (begun[i] && begun[i]->temp && !begun[i]->direct)
            set[n++] = begun[i];
    if (commit_all(set, n, d) != 0)
        return -1;
    for (int i = 0; i < SET_MAX; i++) {
        output_file *done = begun[i];
        if (done && done->temp) {
            untrack(done);
            free(done->temp);
            done->temp = NULL;
        }
    }
    return 0;
}

int output_scratch(output_file *o, diag *d)
{
    if (o->direct || !o->temp)
        return 0;
    /* in the system's temporary folder, not the output folder: a library's
     * files can be many times the output (docs/performance.md) */
    const char *tmp = getenv("TMPDIR");
    size_t n = strlen(tmp && *tmp ? tmp : "/tmp") + 40;
    o->scratch = xmalloc(n);
    snprintf(o->scratch, n, "%s/bilan-%ld.XXXXXX", tmp && *tmp ? tmp : "/tmp", (long)getpid());
    sigset_t old;
    hold_ending(&old); /* made and tracked at once */
    if (!mkdtemp(o->scratch)) {
        int err = errno;
        sigprocmask(SIG_SETMASK, &old, NULL);
        diag_report(d, EXIT_CANTCREAT, o->path, 0, NULL, "cannot write: %s", strerror(err));
        free(o->scratch);
        o->scratch = NULL;
        return -1;
    }
    for (int i = 0; i < SET_MAX; i++) {
        if (begun[i] == o && strlen(o->scratch) < PENDING_NAME) {
            strcpy(pending_dir[i], o->scratch);
            pending_dir_on[i] = 1;
        }
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    return 0;
}

void output_hand_over(void)
{
    for (int i = 0; i < SET_MAX; i++)
        pending_on[i] = pending_dir_on[i] = 0;
}

void output_discard(output_file *o)
{
    untrack(o);
    if (o->temp && !o->direct)
        unlink(o->temp);
    if (o->scratch)
        remove_folder(o->scratch);
    free(o->temp);
    free(o->path);
    free(o->backup);
    free(o->scratch);
    o->temp = o->path = o->backup = o->scratch = NULL;
}

/* realpath of the first len bytes of dir ("" is "/" or "."). */
static char *realpath_prefix(const char *dir, size_t len)
{
    if (len == 0)
        return realpath(dir[0] == '/' ? "/" : ".", NULL);
    char *prefix = xstrndup(dir, len);
    char *real = realpath(prefix, NULL);
    free(prefix);
    return real;
}

/* Appends component c of a path to the absolute path s: "." is nothing,
 * ".." the parent (s names no link: it is a realpath, or does not exist). */
static void append_component(char *s, const char *c, size_t len)
{
    if (len == 0 || (len == 1 && c[0] == '.'))
        return;
    if (len == 2 && c[0] == '.' && c[1] == '.') {
        char *slash = strrchr(s, '/');
        slash[slash == s] = '\0'; /* "/a" -> "/", "/a/b" -> "/a" */
        return;
    }
    size_t n = strlen(s);
    if (n > 1 || s[0] != '/')
        s[n++] = '/';
    memcpy(s + n, c, len);
    s[n + len] = '\0';
}

/* DIR/NAME with DIR absolute and free of links and of "." and "..", so that
 * two spellings of one file compare equal, even in folders still to be made:
 * the longest part of DIR that exists is resolved, the rest is read as
 * written.  NAME is kept: a link there is replaced, not followed.  path
 * itself when no part resolves. */
static char *canonical(const char *path)
{
    char *dir = folder_of(path);
    size_t cut = strlen(dir);
    char *real;
    while ((real = realpath_prefix(dir, cut)) == NULL && cut > 0) {
        while (cut > 0 && dir[cut - 1] != '/')
            cut--; /* the last component */
        while (cut > 0 && dir[cut - 1] == '/')
            cut--; /* and its slashes */
    }
    if (!real) {
        free(dir);
        return xstrdup(path);
    }
    char *s = xmalloc(strlen(real) + strlen(dir) + strlen(path) + 3);
    strcpy(s, real);
    free(real);
    for (const char *c = dir + cut; *c;) {
        size_t len = strcspn(c, "/");
        append_component(s, c, len);
        c += len + (c[len] == '/');
    }
    const char *slash = strrchr(path, '/');
    const char *name = slash ? slash + 1 : path;
    append_component(s, name, strlen(name));
    free(dir);
    return s;
}

/* Whether an existing path (canonical: canon) would replace a file of
 * folder: anything in it or below, but an earlier output of ours. */
static bool replaces_input(const char *path, const char *canon, const char *folder)
{
    struct stat st;
    if (lstat(path, &st) != 0 || S_ISDIR(st.st_mode))
        return false;
    const char *dot = strrchr(canon, '.');
    if (dot && (strcmp(dot, ".pdf") == 0 || strcmp(dot, ".xlsx") == 0 || strcmp(dot, ".json") == 0))
        return false;
    char *real = realpath(folder, NULL);
    if (!real)
        return false;
    size_t len = strlen(real);
    bool inside = strncmp(canon, real, len) == 0 && (canon[len] == '/' || len == 1);
    free(real);
    return inside;
}

int output_check_paths(char *const paths[], size_t n, const char *const inputs[], diag *d)
{
    char **canon = xcalloc(n ? n : 1, sizeof *canon);
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        if (!paths[i] || written_directly(paths[i]))
            continue;
        canon[i] = canonical(paths[i]);
        for (size_t j = 0; j < i; j++) {
            if (canon[j] && strcmp(canon[i], canon[j]) == 0) {
                diag_report(d, EXIT_USAGE, paths[i], 0, NULL,
                            "the same file as another output (%s)", paths[j]);
                rc = -1;
            }
        }
        for (size_t k = 0; inputs && inputs[k]; k++) {
            if (replaces_input(paths[i], canon[i], inputs[k])) {
                diag_report(d, EXIT_USAGE, paths[i], 0, NULL,
                            "an output cannot replace a file of %s", inputs[k]);
                rc = -1;
                break;
            }
        }
    }
    for (size_t i = 0; i < n; i++)
        free(canon[i]);
    free(canon);
    return rc;
}
