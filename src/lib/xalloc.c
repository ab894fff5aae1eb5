/* xalloc.c - checked allocation: out of memory exits 70. */
#include "lib/xalloc.h"
#include "lib/diag.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(size_t size)
{
    if (size)
        fprintf(stderr, "bilan: out of memory (%zu bytes)\n", size);
    else
        fprintf(stderr, "bilan: out of memory\n");
    exit(EXIT_SOFTWARE);
}

void xalloc_check(int err)
{
    if (err == ENOMEM)
        out_of_memory(0);
}

void *xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        out_of_memory(size);
    return p;
}

void *xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        out_of_memory(count * size);
    return p;
}

void *xrealloc(void *ptr, size_t size)
{
    void *p = realloc(ptr, size ? size : 1);
    if (!p)
        out_of_memory(size);
    return p;
}

void xgrow_to(void **ptr, size_t *cap, size_t need, size_t size)
{
    size_t n = *cap ? *cap : 8;
    while (n < need)
        n *= 2;
    if (n > ((size_t)-1) / size)
        out_of_memory((size_t)-1);
    *ptr = xrealloc(*ptr, n * size);
    *cap = n;
}

char *xstrndup(const char *s, size_t len)
{
    char *p = xmalloc(len + 1);
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}
