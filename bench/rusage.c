/* rusage.c - runs a command and reports what it cost, for bench/run.sh.
 *
 *     rusage [-o FILE] COMMAND [ARG...]
 *
 * Fork, exec, wait4: prints one line to FILE (default stderr)
 *
 *     wall=0.412 user=0.380 sys=0.030 maxrss_kb=12345 status=0
 *
 * times in seconds, maxrss_kb the child's peak resident set in KiB.  Exits
 * with the command's status (128 + signal when killed).  It replaces
 * /usr/bin/time -v, which is not always installed, and prints a line that a
 * script can read. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE        /* wait4 */
#endif

#include <errno.h>
#include <stdio.h>
#include <string.h>
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
    fputs("usage: rusage [-o FILE] COMMAND [ARG...]\n", stderr);
    return 64;
}

int main(int argc, char **argv)
{
    const char *out_path = NULL;
    int arg = 1;
    if (arg + 1 < argc && strcmp(argv[arg], "-o") == 0) {
        out_path = argv[arg + 1];
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
    while (wait4(pid, &status, 0, &ru) < 0) {
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
    fprintf(out, "wall=%.3f user=%.3f sys=%.3f maxrss_kb=%ld status=%d\n", wall,
            seconds_of(ru.ru_utime), seconds_of(ru.ru_stime), ru.ru_maxrss, code);
    if (out != stderr && fclose(out) != 0)
        return 73;
    return code;
}
