/* inject.c - an LD_PRELOAD shim that makes one call fail, for
 * tests/faults/sweep.sh (the practice of jq's inject_errors.c and SQLite's
 * FAULTSIM): does every failure end in a clean exit, with earlier outputs
 * intact and no temporary file left?
 *
 *   FAULT_FUNC=malloc FAULT_N=12 LD_PRELOAD=inject.so build/bilan ...
 *
 * FAULT_FUNC names a family, FAULT_N the call of that family (1-based,
 * counted from the shim's constructor on, over the process and the
 * children it forks: the counts are in shared memory, so a call made in a
 * child, such as bilan's rendering process, is numbered after the parent's
 * calls before the fork) that fails:
 *   malloc, calloc, realloc    return NULL, errno ENOMEM
 *   fopen                      fopen and fopen64 return NULL, errno EACCES
 *   write                      write, fwrite, fputs, fputc, putc, fprintf,
 *                              vfprintf, fflush and fclose on any stream open
 *                              for writing or descriptor but 0-2 fail, errno ENOSPC, from
 *                              the Nth call on: a full disk stays full (the
 *                              stream gets its error flag, as a real failed
 *                              write gives it; fclose still closes).  glibc's
 *                              stdio writes without the write symbol, so the
 *                              stream calls are failed themselves
 *   rename                     returns -1, errno EIO
 *   fontconfig                 FcFontMatch and FcFontSort return NULL
 * Other settings:
 *   FAULT_COUNT=FILE   at exit, writes "FAMILY COUNT" lines: the calls made
 *   FAULT_LOG=FILE     appends where the fault was injected, and where a
 *                      crash (SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL)
 *                      happened, as backtraces (addr2line reads them)
 *   FAULT_SLOW=FAMILY:MS  each call of FAMILY first sleeps MS milliseconds
 *                      (to send a signal inside a window, e.g. the renames)
 *
 * Built with: cc -shared -fPIC -g -o inject.so inject.c -ldl */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/mman.h>
#include <unistd.h>

typedef enum family { F_MALLOC, F_CALLOC, F_REALLOC, F_FOPEN, F_WRITE, F_RENAME,
                      F_FONTCONFIG, F_COUNT } family;
static const char *const family_name[F_COUNT] = {
    "malloc", "calloc", "realloc", "fopen", "write", "rename", "fontconfig"};

static bool active;                /* set by the constructor */
static __thread int inside;        /* in the shim's own work: pass through */
static int target = -1;            /* the family to fail */
static long fail_at;               /* its call to fail */
static long own_calls[F_COUNT];    /* when shared memory is refused */
static long *calls = own_calls;    /* shared with the children forked */
static int slow = -1;              /* the family to slow down */
static long slow_ms;

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);

/* Appends a line and the current backtrace to FAULT_LOG, without stdio
 * or malloc (backtrace is primed in the constructor). */
static void log_here(const char *what)
{
    const char *path = getenv("FAULT_LOG");
    if (!path)
        return;
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return;
    if (write(fd, what, strlen(what)) < 0 || write(fd, "\n", 1) < 0) {
        close(fd);
        return;
    }
    void *frames[64];
    int n = backtrace(frames, 64);
    backtrace_symbols_fd(frames, n, fd);
    close(fd);
}

/* Whether this call of f is the one to fail. */
static bool fails(family f)
{
    if (!active || inside)
        return false;
    if ((int)f == slow && slow_ms > 0) {
        struct timespec ts = {slow_ms / 1000, (slow_ms % 1000) * 1000000L};
        nanosleep(&ts, NULL);
    }
    long n = __atomic_add_fetch(&calls[f], 1, __ATOMIC_RELAXED);
    if ((int)f != target || n < fail_at || fail_at <= 0)
        return false;
    if (n > fail_at)
        return f == F_WRITE;             /* the disk stays full */
    inside++;
    char what[96];
    snprintf(what, sizeof what, "fault: %s #%ld fails", family_name[f], n);
    log_here(what);
    inside--;
    return true;
}

static void on_crash(int sig)
{
    char what[64];
    inside++;
    snprintf(what, sizeof what, "crash: signal %d", sig);
    log_here(what);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void write_counts(void)
{
    const char *path = getenv("FAULT_COUNT");
    if (!path)
        return;
    inside++;
    int fd = open(path, O_WRONLY | O_TRUNC | O_CREAT | O_CLOEXEC, 0644);
    for (int f = 0; fd >= 0 && f < F_COUNT; f++) {
        char line[64];
        int len = snprintf(line, sizeof line, "%s %ld\n", family_name[f], calls[f]);
        if (write(fd, line, (size_t)len) < 0)
            break;
    }
    if (fd >= 0)
        close(fd);
    inside--;
}

static int family_of(const char *name)
{
    for (int f = 0; name && f < F_COUNT; f++)
        if (strcmp(name, family_name[f]) == 0)
            return f;
    return -1;
}

__attribute__((constructor)) static void inject_init(void)
{
    inside++;
    void *prime[2];
    backtrace(prime, 2);                 /* loads libgcc now, not in a fault */
    void *shared = mmap(NULL, sizeof own_calls, PROT_READ | PROT_WRITE,
                        MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (shared != MAP_FAILED)
        calls = shared;
    target = family_of(getenv("FAULT_FUNC"));
    const char *n = getenv("FAULT_N");
    fail_at = n ? atol(n) : 0;
    const char *s = getenv("FAULT_SLOW");
    if (s && strchr(s, ':')) {
        char name[32];
        snprintf(name, sizeof name, "%.*s", (int)(strchr(s, ':') - s), s);
        slow = family_of(name);
        slow_ms = atol(strchr(s, ':') + 1);
    }
    if (getenv("FAULT_LOG")) {
        static char stack[1 << 16];      /* a stack overflow still logs */
        stack_t ss = {.ss_sp = stack, .ss_size = sizeof stack};
        sigaltstack(&ss, NULL);
        static const int crashes[] = {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL};
        for (size_t i = 0; i < sizeof crashes / sizeof crashes[0]; i++) {
            struct sigaction sa = {.sa_handler = on_crash, .sa_flags = SA_ONSTACK};
            sigemptyset(&sa.sa_mask);
            sigaction(crashes[i], &sa, NULL);
        }
    }
    atexit(write_counts);
    active = true;
    inside--;
}

/* The next definition of name (libc's, fontconfig's). */
static void *next(const char *name)
{
    inside++;
    void *p = dlsym(RTLD_NEXT, name);
    inside--;
    return p;
}

#define NEXT(type, name) \
    static type real_##name; \
    if (!real_##name) \
        real_##name = (type)next(#name)

void *malloc(size_t size)
{
    if (fails(F_MALLOC)) {
        errno = ENOMEM;
        return NULL;
    }
    return __libc_malloc(size);
}

void *calloc(size_t count, size_t size)
{
    if (fails(F_CALLOC)) {
        errno = ENOMEM;
        return NULL;
    }
    return __libc_calloc(count, size);
}

void *realloc(void *ptr, size_t size)
{
    if (fails(F_REALLOC)) {
        errno = ENOMEM;
        return NULL;
    }
    return __libc_realloc(ptr, size);
}

typedef FILE *(*fopen_fn)(const char *, const char *);

FILE *fopen(const char *path, const char *mode)
{
    NEXT(fopen_fn, fopen);
    if (fails(F_FOPEN)) {
        errno = EACCES;
        return NULL;
    }
    return real_fopen(path, mode);
}

FILE *fopen64(const char *path, const char *mode)
{
    NEXT(fopen_fn, fopen64);
    if (fails(F_FOPEN)) {
        errno = EACCES;
        return NULL;
    }
    return real_fopen64(path, mode);
}

static int fd_of(FILE *f)
{
    inside++;
    int fd = f ? fileno(f) : -1;
    inside--;
    return fd;
}

/* Writes to the standard streams are never failed: what they carry (the
 * diagnostics, the summary) is not an output the sweep can check. */
static bool write_fails(int fd)
{
    if (fd >= 0 && fd <= 2)
        return false;
    if (!fails(F_WRITE))
        return false;
    errno = ENOSPC;
    return true;
}

/* write_fails for a stream, which keeps the error as ferror() reports it
 * (glibc's flag: a real failed write sets it). */
#ifndef _IO_NO_WRITES
#define _IO_NO_WRITES 0x0008             /* glibc's libio.h: read only */
#endif

static bool stream_fails(FILE *f)
{
    if ((f->_flags & _IO_NO_WRITES) || !write_fails(fd_of(f)))
        return false;
    f->_flags |= _IO_ERR_SEEN;
    return true;
}

typedef ssize_t (*write_fn)(int, const void *, size_t);
typedef size_t (*fwrite_fn)(const void *, size_t, size_t, FILE *);
typedef int (*fputs_fn)(const char *, FILE *);
typedef int (*fputc_fn)(int, FILE *);
typedef int (*vfprintf_fn)(FILE *, const char *, va_list);
typedef int (*stream_fn)(FILE *);

ssize_t write(int fd, const void *buf, size_t n)
{
    NEXT(write_fn, write);
    return write_fails(fd) ? -1 : real_write(fd, buf, n);
}

size_t fwrite(const void *buf, size_t size, size_t n, FILE *f)
{
    NEXT(fwrite_fn, fwrite);
    return stream_fails(f) ? 0 : real_fwrite(buf, size, n, f);
}

int fputs(const char *s, FILE *f)
{
    NEXT(fputs_fn, fputs);
    return stream_fails(f) ? EOF : real_fputs(s, f);
}

int fputc(int c, FILE *f)
{
    NEXT(fputc_fn, fputc);
    return stream_fails(f) ? EOF : real_fputc(c, f);
}

int putc(int c, FILE *f)
{
    NEXT(fputc_fn, putc);
    return stream_fails(f) ? EOF : real_putc(c, f);
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
    NEXT(vfprintf_fn, vfprintf);
    return stream_fails(f) ? -1 : real_vfprintf(f, fmt, ap);
}

int fprintf(FILE *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = vfprintf(f, fmt, ap);
    va_end(ap);
    return rc;
}

int fflush(FILE *f)
{
    NEXT(stream_fn, fflush);
    return f && stream_fails(f) ? EOF : real_fflush(f);
}

int fclose(FILE *f)
{
    NEXT(stream_fn, fclose);
    bool fail = f && !(f->_flags & _IO_NO_WRITES) && write_fails(fd_of(f));
    int rc = real_fclose(f);
    if (fail) {
        errno = ENOSPC;
        return EOF;
    }
    return rc;
}

typedef int (*rename_fn)(const char *, const char *);

int rename(const char *from, const char *to)
{
    NEXT(rename_fn, rename);
    if (fails(F_RENAME)) {
        errno = EIO;
        return -1;
    }
    return real_rename(from, to);
}

typedef void *(*match_fn)(void *, void *, int *);
typedef void *(*sort_fn)(void *, void *, int, void **, int *);

void *FcFontMatch(void *config, void *pattern, int *result)
{
    NEXT(match_fn, FcFontMatch);
    if (fails(F_FONTCONFIG) || !real_FcFontMatch) {
        if (result)
            *result = 1;               /* FcResultNoMatch */
        return NULL;
    }
    return real_FcFontMatch(config, pattern, result);
}

void *FcFontSort(void *config, void *pattern, int trim, void **csp, int *result)
{
    NEXT(sort_fn, FcFontSort);
    if (fails(F_FONTCONFIG) || !real_FcFontSort) {
        if (result)
            *result = 1;
        return NULL;
    }
    return real_FcFontSort(config, pattern, trim, csp, result);
}
