/* fuzz_ingest_activities.c - libFuzzer harness: activities.csv is the fuzz data, the
 * rest of the input folder is valid (see fuzz_ingest.h). */
#define FUZZ_FILE "activities.csv"
#include "fuzz_ingest.h"
