/* fuzz_ingest_ledger.c - libFuzzer harness: ledger.csv is the fuzz data, the
 * rest of the input folder is valid (see fuzz_ingest.h). */
#define FUZZ_FILE "ledger.csv"
#include "fuzz_ingest.h"
