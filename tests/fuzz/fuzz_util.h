/* fuzz_util.h - helpers shared by the libFuzzer harnesses: a scratch
 * folder made once per process, and writing the fuzz data to a file in it.
 * Header-only (static functions) so each harness is one translation unit. */
#ifndef BILAN_FUZZ_UTIL_H
#define BILAN_FUZZ_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A private folder under TMPDIR, removed at exit (files listed by name). */
static char fuzz_dir[256];

static const char *const fuzz_known_files[] = {
    "report.ini", "accounts.csv", "ledger.csv", "activities.csv",
    "people.csv", "data", "template.md", "texts/part.md", "texts",
};

static inline void fuzz_cleanup(void)
{
    char path[512];
    for (size_t i = 0; i < sizeof fuzz_known_files / sizeof fuzz_known_files[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", fuzz_dir, fuzz_known_files[i]);
        if (unlink(path) != 0)
            rmdir(path);
    }
    rmdir(fuzz_dir);
}

/* The scratch folder, created on first use. */
static inline const char *fuzz_scratch(void)
{
    if (fuzz_dir[0])
        return fuzz_dir;
    const char *tmp = getenv("TMPDIR");
    snprintf(fuzz_dir, sizeof fuzz_dir, "%s/bilan-fuzz.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(fuzz_dir)) {
        perror("mkdtemp");
        abort();
    }
    atexit(fuzz_cleanup);
    return fuzz_dir;
}

/* Writes data[0..size) to the scratch folder's file name; returns its path
 * (a static buffer, valid until the next call). */
static inline const char *fuzz_write(const char *name, const void *data, size_t size)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", fuzz_scratch(), name);
    FILE *f = fopen(path, "wb");
    if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0) {
        perror(path);
        abort();
    }
    return path;
}

#endif
