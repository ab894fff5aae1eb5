/* isolate.c - run a piece of work in a child process, pass its stderr
 * through, and turn its crash, hang or a library's out-of-memory line into
 * exit 70 (isolate.h). */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include "lib/isolate.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

/* What the child tells the parent, in memory both see. */
typedef struct isolate_shared {
    const char *stage; /* isolate_stage's last word */
    int done;          /* the work returned: the fields below hold */
    int status;        /* d->status after the work */
    size_t count, warnings, shown;
} isolate_shared;

/* In the child: where it tells; NULL elsewhere. */
static isolate_shared *told;

/* In the parent: the child running now, or 0. */
static volatile sig_atomic_t running;

void isolate_stop(void)
{
    pid_t pid = (pid_t)running;
    if (pid <= 0)
        return;
    running = 0;
    int saved = errno;
    kill(pid, SIGKILL);
    while (waitpid(pid, NULL, 0) < 0 && errno == EINTR) {
    }
    errno = saved;
}

void isolate_stage(const char *what)
{
    if (told)
        told->stage = what;
}

/* The lines a library prints when it goes on after a failed allocation,
 * by their start and end.  Such a library returns success with a cell or
 * a part of the file missing (libxlsxwriter's LXW_MEM_ERROR), or with a
 * configuration half read (fontconfig, whose lookup then finds no font or
 * another one), so the result cannot be trusted. */
typedef struct oom_line {
    const char *head, *tail;
} oom_line;

static const oom_line oom_lines[] = {
    { "[ERROR][", "]: Memory allocation failed." }, /* libxlsxwriter */
    { "Fontconfig error: ", "out of memory" },
    { "Fontconfig error: ", ": allocation failure" },
};

enum { SCAN_KEEP = 40 }; /* bytes kept of each end of a line */

/* The line of the child's stderr being passed through: its first and
 * last bytes, enough to recognise an out-of-memory line. */
typedef struct line_scan {
    char head[SCAN_KEEP], tail[SCAN_KEEP];
    size_t head_len, tail_len;
    const char *oom_stage; /* the stage of the first such line, or NULL */
    bool oom;
} line_scan;

/* Whether the line kept in s is one of oom_lines. */
static bool scan_is_oom(const line_scan *s)
{
    for (size_t i = 0; i < sizeof oom_lines / sizeof oom_lines[0]; i++) {
        size_t hl = strlen(oom_lines[i].head), tl = strlen(oom_lines[i].tail);
        if (s->head_len >= hl && memcmp(s->head, oom_lines[i].head, hl) == 0 && s->tail_len >= tl &&
            memcmp(s->tail + s->tail_len - tl, oom_lines[i].tail, tl) == 0)
            return true;
    }
    return false;
}

/* Takes one byte of the child's stderr into the scan. */
static void scan_byte(line_scan *s, char c, const isolate_shared *sh)
{
    if (c != '\n') {
        if (s->head_len < sizeof s->head)
            s->head[s->head_len++] = c;
        if (s->tail_len == sizeof s->tail) {
            memmove(s->tail, s->tail + 1, s->tail_len - 1);
            s->tail_len--;
        }
        s->tail[s->tail_len++] = c;
        return;
    }
    if (!s->oom && scan_is_oom(s)) {
        s->oom = true;
        s->oom_stage = sh->stage;
    }
    s->head_len = s->tail_len = 0;
}

/* Writes buf to our stderr as it came (a closed stderr is not the
 * child's problem: the bytes are dropped), scanning it. */
static void relay(const char *buf, size_t n, line_scan *s, const isolate_shared *sh)
{
    for (size_t i = 0; i < n; i++)
        scan_byte(s, buf[i], sh);
    while (n > 0) {
        ssize_t w = write(STDERR_FILENO, buf, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return;
        buf += w;
        n -= (size_t)w;
    }
}

/* Reads what fd has now, without waiting; false at its end. */
static bool relay_ready(int fd, line_scan *s, const isolate_shared *sh)
{
    char buf[4096];
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n > 0) {
            relay(buf, (size_t)n, s, sh);
            continue;
        }
        return n < 0 && (errno == EAGAIN || errno == EINTR);
    }
}

static double seconds_since(const struct timespec *start)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - start->tv_sec) + (now.tv_nsec - start->tv_nsec) / 1e9;
}

/* Passes the child's stderr (fd, non-blocking) through until the child
 * ends or runs out of time (then it is killed, *late set).  Returns its
 * wait status. */
static int watch(pid_t pid, int fd, unsigned seconds, line_scan *s, const isolate_shared *sh,
                 bool *late)
{
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    bool open = true;
    int status = 0;
    *late = false;
    for (;;) {
        if (open) {
            struct pollfd p = { .fd = fd, .events = POLLIN };
            if (poll(&p, 1, 1000) > 0)
                open = relay_ready(fd, s, sh);
        } else {
            struct timespec pause = { 0, 10 * 1000000L }; /* ending: a moment */
            nanosleep(&pause, NULL);
        }
        pid_t r = waitpid(pid, &status, WNOHANG);
        if (r == pid || (r < 0 && errno != EINTR))
            break;
        if (seconds && seconds_since(&start) >= seconds) {
            kill(pid, SIGKILL);
            while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
            }
            *late = true;
            break;
        }
    }
    relay_ready(fd, s, sh); /* what it wrote last; a process it left may hold fd */
    return status;
}

/* The child's side: its stderr into the pipe, the work, the counts told;
 * exit() (not _exit: a sanitizer's leak check runs at exit). */
static void child_run(isolate_fn fn, void *arg, diag *d, isolate_shared *sh, int err_fd,
                      pid_t parent)
{
    told = sh;
#ifdef __linux__
    /* the parent killed (its temporary files removed): this one ends too */
    prctl(PR_SET_PDEATHSIG, SIGTERM);
#endif
    if (getppid() != parent)
        _exit(EXIT_SOFTWARE);
    if (err_fd != STDERR_FILENO) {
        dup2(err_fd, STDERR_FILENO);
        close(err_fd);
    }
    fn(arg, d);
    sh->status = d->status;
    sh->count = d->count;
    sh->warnings = d->warnings;
    sh->shown = d->shown;
    sh->done = 1;
    exit(d->status);
}

/* A child ended by a signal that ends a run (Ctrl-C, a closed pipe, a
 * kill): this process ends the same way, through its own handlers (which
 * remove the temporary files).  Returns when sig does not end it. */
static void pass_on(int sig)
{
    static const int ending[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT };
    for (size_t i = 0; i < sizeof ending / sizeof ending[0]; i++)
        if (ending[i] == sig)
            raise(sig);
}

/* The parent's reading of how the child ended; 0 or -1. */
static int outcome(int status, bool late, unsigned seconds, const line_scan *s,
                   const isolate_shared *sh, diag *d)
{
    const char *stage = sh->stage ? sh->stage : "the outputs";
    if (sh->done) { /* the child's diagnostics, as if made here */
        d->count = sh->count;
        d->warnings = sh->warnings;
        d->shown = sh->shown;
        diag_told(d, sh->status, 0);
    }
    if (WIFSIGNALED(status) && !late)
        pass_on(WTERMSIG(status));
    if (late)
        diag_report(d, EXIT_SOFTWARE, NULL, 0, NULL,
                    "internal error while rendering %s (no end after %u s)", stage, seconds);
    else if (WIFSIGNALED(status))
        diag_report(d, EXIT_SOFTWARE, NULL, 0, NULL,
                    "internal error while rendering %s (signal %d)", stage, WTERMSIG(status));
    else if (!sh->done && WEXITSTATUS(status) == EXIT_SOFTWARE)
        diag_told(d, EXIT_SOFTWARE, 1); /* out of memory, said by xalloc */
    else if (!sh->done || WEXITSTATUS(status) != sh->status)
        diag_report(d, EXIT_SOFTWARE, NULL, 0, NULL, /* a sanitizer's, valgrind's exit */
                    "internal error while rendering %s (exit %d)", stage, WEXITSTATUS(status));
    if (s->oom)
        diag_report(d, EXIT_SOFTWARE, NULL, 0, NULL,
                    "out of memory while rendering %s (the library went on without what "
                    "it could not allocate)",
                    s->oom_stage ? s->oom_stage : stage);
    return d->status == EXIT_OK ? 0 : -1;
}

int isolate_run(isolate_fn fn, void *arg, unsigned seconds, diag *d)
{
    isolate_shared *sh =
        mmap(NULL, sizeof *sh, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    int fds[2] = { -1, -1 };
    if (sh == MAP_FAILED || pipe(fds) != 0) {
        diag_report(d, EXIT_SOFTWARE, NULL, 0, NULL, "cannot start the rendering process: %s",
                    strerror(errno));
        if (sh != MAP_FAILED)
            munmap(sh, sizeof *sh);
        return -1;
    }
    memset(sh, 0, sizeof *sh);
    fflush(NULL); /* nothing buffered is written twice */
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        child_run(fn, arg, d, sh, fds[1], parent);
    }
    close(fds[1]);
    int rc = -1;
    if (pid < 0) {
        diag_report(d, EXIT_SOFTWARE, NULL, 0, NULL, "cannot start the rendering process: %s",
                    strerror(errno));
    } else {
        running = (sig_atomic_t)pid;
        fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK);
        line_scan scan = { .oom = false };
        bool late;
        int status = watch(pid, fds[0], seconds, &scan, sh, &late);
        running = 0;
        rc = outcome(status, late, seconds, &scan, sh, d);
    }
    close(fds[0]);
    munmap(sh, sizeof *sh);
    return rc;
}
