/* rusage.c - runs a command and reports what it cost, for bench/run.sh.
 *
 *     rusage [-o FILE] [-d DIR] COMMAND [ARG...]
 *
 * Fork, exec, wait4: prints one line to FILE (default stderr)
 *
 *     wall=0.412 user=0.380 sys=0.030 maxrss_kb=12345 status=0
 *
 * times in seconds, maxrss_kb the child's peak resident set in KiB.  Exits
 * with the command's status (128 + signal when killed).  It replaces
 * /usr/bin/time -v, which is not always installed, and prints a line that a
 * script can read.
 *
 * With -d DIR it also measures the peak temporary disk the command holds
 * under DIR, and adds "tmp_peak_kb=N" to the line: every 5 ms, the
 * allocated size (st_blocks) of the files under DIR that the child or its
 * descendants have open (read from /proc/PID/fd: libxlsxwriter unlinks its
 * temporary files as soon as it opens them, so no listing shows them; bilan
 * renders in a child process) plus the files still listed under DIR, each
 * inode counted once.  A file that lives less than 5 ms can be missed: the
 * figure is a lower bound.  Descendants are found through
 * /proc/PID/task/TID/children (Linux 3.5 and later, CONFIG_PROC_CHILDREN). */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE        /* wait4 */
#endif
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700      /* nftw */
#endif

#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double seconds_of(struct timeval tv)
{
    return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int usage(void)
{
    fputs("usage: rusage [-o FILE] [-d DIR] COMMAND [ARG...]\n", stderr);
    return 64;
}

/* The inodes counted in one poll, so that a file open twice, or open and
 * listed, counts once. */
#define SEEN_MAX 4096
static struct seen {
    dev_t dev;
    ino_t ino;
} seen[SEEN_MAX];
static size_t seen_count;
static long long poll_bytes;

/* Adds a file's allocated bytes to poll_bytes unless already counted. */
static void count_file(const struct stat *st)
{
    if (!S_ISREG(st->st_mode))
        return;
    for (size_t i = 0; i < seen_count; i++)
        if (seen[i].dev == st->st_dev && seen[i].ino == st->st_ino)
            return;
    if (seen_count < SEEN_MAX)
        seen[seen_count++] = (struct seen){ st->st_dev, st->st_ino };
    poll_bytes += (long long)st->st_blocks * 512;
}

/* nftw's callback: counts each file still listed under the folder. */
static int count_listed(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)path;
    (void)ftw;
    if (type == FTW_F)
        count_file(st);
    return 0;
}

/* Counts the files under dir (an absolute path without a trailing slash)
 * that pid has open, deleted or not. */
static void count_open(pid_t pid, const char *dir)
{
    char fds[64], link[PATH_MAX + 32], target[PATH_MAX + 32];
    snprintf(fds, sizeof fds, "/proc/%ld/fd", (long)pid);
    DIR *d = opendir(fds);
    if (!d)
        return;
    size_t len = strlen(dir);
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue;
        snprintf(link, sizeof link, "%s/%s", fds, e->d_name);
        ssize_t n = readlink(link, target, sizeof target - 1);
        if (n <= (ssize_t)len)
            continue;
        target[n] = '\0';
        struct stat st;
        if (strncmp(target, dir, len) == 0 && target[len] == '/' && stat(link, &st) == 0)
            count_file(&st);
    }
    closedir(d);
}

/* Counts the files under dir that pid or any of its descendants has open
 * (bilan renders in a child process), following each thread's children
 * list in /proc. */
static void count_tree(pid_t pid, const char *dir, int depth)
{
    count_open(pid, dir);
    if (depth > 8)
        return;
    char tasks[64], path[400];
    snprintf(tasks, sizeof tasks, "/proc/%ld/task", (long)pid);
    DIR *d = opendir(tasks);
    if (!d)
        return;
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s/children", tasks, e->d_name);
        FILE *f = fopen(path, "r");
        long child;
        while (f && fscanf(f, "%ld", &child) == 1)
            count_tree((pid_t)child, dir, depth + 1);
        if (f)
            fclose(f);
    }
    closedir(d);
}

/* The bytes of disk that pid and its descendants hold under dir: their
 * open files there, deleted or not, and the files listed there. */
static long long disk_under(pid_t pid, const char *dir)
{
    seen_count = 0;
    poll_bytes = 0;
    count_tree(pid, dir, 0);
    nftw(dir, count_listed, 16, FTW_PHYS);
    return poll_bytes;
}

/* Waits for pid, polling the disk it holds under dir every 5 ms; the
 * peak in KiB goes to *peak_kb.  Returns wait4's result. */
static pid_t wait_polling(pid_t pid, const char *dir, int *status, struct rusage *ru,
                          long long *peak_kb)
{
    long long peak = 0;
    for (;;) {
        pid_t r = wait4(pid, status, WNOHANG, ru);
        if (r < 0 && errno == EINTR)
            continue;
        if (r != 0) {
            *peak_kb = peak / 1024;
            return r;
        }
        long long now_bytes = disk_under(pid, dir);
        if (now_bytes > peak)
            peak = now_bytes;
        nanosleep(&(struct timespec){ 0, 5 * 1000 * 1000 }, NULL);
    }
}

int main(int argc, char **argv)
{
    const char *out_path = NULL, *disk_dir = NULL;
    char disk_real[PATH_MAX];
    int arg = 1;
    while (arg + 1 < argc && (strcmp(argv[arg], "-o") == 0 || strcmp(argv[arg], "-d") == 0)) {
        if (argv[arg][1] == 'o')
            out_path = argv[arg + 1];
        else if (!(disk_dir = realpath(argv[arg + 1], disk_real))) {
            fprintf(stderr, "rusage: %s: %s\n", argv[arg + 1], strerror(errno));
            return 66;
        }
        arg += 2;
    }
    if (arg >= argc)
        return usage();
    double start = now();
    pid_t pid = fork();
    if (pid < 0) {
        perror("rusage: fork");
        return 71;
    }
    if (pid == 0) {
        execvp(argv[arg], argv + arg);
        fprintf(stderr, "rusage: %s: %s\n", argv[arg], strerror(errno));
        _exit(127);
    }
    int status;
    struct rusage ru;
    long long peak_kb = -1;
    while ((disk_dir ? wait_polling(pid, disk_dir, &status, &ru, &peak_kb)
                     : wait4(pid, &status, 0, &ru)) < 0) {
        if (errno != EINTR) {
            perror("rusage: wait4");
            return 71;
        }
    }
    double wall = now() - start;
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    FILE *out = out_path ? fopen(out_path, "w") : stderr;
    if (!out) {
        fprintf(stderr, "rusage: %s: %s\n", out_path, strerror(errno));
        return 73;
    }
    fprintf(out, "wall=%.3f user=%.3f sys=%.3f maxrss_kb=%ld status=%d", wall,
            seconds_of(ru.ru_utime), seconds_of(ru.ru_stime), ru.ru_maxrss, code);
    if (disk_dir)
        fprintf(out, " tmp_peak_kb=%lld", peak_kb);
    fputc('\n', out);
    if (out != stderr && fclose(out) != 0)
        return 73;
    return code;
}
