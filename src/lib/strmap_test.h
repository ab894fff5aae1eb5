/* strmap_test.h - a test hook for strmap: how much work its lookups did.
 * Not for the program's own use. */
#ifndef BILAN_STRMAP_TEST_H
#define BILAN_STRMAP_TEST_H

#include "lib/strmap.h"

/* Slots looked at by every put, get and growth of m so far: about one
 * per call when keys spread well, the square of the count when they all
 * collide. */
size_t strmap_probes(const strmap *m);

#endif
