/* fuzz_ingest_accounts.c - libFuzzer harness: accounts.csv is the fuzz data, the
 * rest of the input folder is valid (see fuzz_ingest.h). */
#define FUZZ_FILE "accounts.csv"
#include "fuzz_ingest.h"
