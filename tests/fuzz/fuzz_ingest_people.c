/* fuzz_ingest_people.c - libFuzzer harness: people.csv is the fuzz data, the
 * rest of the input folder is valid (see fuzz_ingest.h). */
#define FUZZ_FILE "people.csv"
#include "fuzz_ingest.h"
