/* fuzz_money.c - libFuzzer harness: money_parse and money_evidence_of on
 * arbitrary bytes, in each decimal mode.  Checks what must hold whatever the
 * input: a parsed value is the same in the one mode that agrees with it, and
 * an ambiguous status is only given in auto mode. */
#include "fuzz_util.h"
#include "parse/money.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* not NUL-terminated on purpose: money_parse takes a length */
    char *text = malloc(size ? size : 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    static const money_decimal modes[] = {
        MONEY_DECIMAL_AUTO, MONEY_DECIMAL_POINT, MONEY_DECIMAL_COMMA,
    };
    int64_t cents[3];
    money_status status[3];
    for (int i = 0; i < 3; i++) {
        cents[i] = 0;
        status[i] = money_parse(text, size, modes[i], &cents[i]);
        (void)money_status_message(status[i]);
        if (status[i] == MONEY_AMBIGUOUS && modes[i] != MONEY_DECIMAL_AUTO)
            abort();   /* a set decimal mark leaves nothing ambiguous */
    }
    money_evidence ev = money_evidence_of(text, size);
    /* A value auto mode accepts must mean the same in the mode its own
     * evidence names. */
    if (status[0] == MONEY_OK && ev == MONEY_EVIDENCE_POINT &&
        status[1] == MONEY_OK && cents[0] != cents[1])
        abort();
    if (status[0] == MONEY_OK && ev == MONEY_EVIDENCE_COMMA &&
        status[2] == MONEY_OK && cents[0] != cents[2])
        abort();
    int64_t sum;
    (void)money_add(cents[1], cents[2], &sum);
    free(text);
    return 0;
}
