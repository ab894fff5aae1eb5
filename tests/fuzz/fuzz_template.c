/* fuzz_template.c - libFuzzer harness: the report template (Markdown with
 * placeholders, directives and includes) from arbitrary bytes through
 * tpl_load, every block's text, and tpl_doc_free.  A placeholder's value
 * holds template syntax itself, which must never be expanded again. */
#include "fuzz_util.h"
#include "report/template.h"

static const char *const fuzz_directives[] = {"chart", "table", "people", "pagebreak", NULL};

static bool fuzz_resolve(void *user, const char *name, char *out, size_t size)
{
    (void)user;
    if (strcmp(name, "unknown") == 0)
        return false;
    /* data that looks like template syntax: shown as is */
    snprintf(out, size, "{{%s}} {{%% include texts/part.md %%}} *x*", name);
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    if (!ready) {
        ready = 1;
        fuzz_scratch();
        char texts[512];
        snprintf(texts, sizeof texts, "%s/texts", fuzz_scratch());
        mkdir(texts, 0700);
        static const char part[] = "# Partie\n\nTexte *inclus* {{org}}.\n";
        fuzz_write("texts/part.md", part, sizeof part - 1);
    }
    const char *path = fuzz_write("template.md", data, size);
    tpl_options opt = {
        .templates_dir = fuzz_scratch(),
        .input_dir = fuzz_scratch(),
        .resolve = fuzz_resolve,
        .user = NULL,
        .directives = fuzz_directives,
    };
    diag d;
    diag_init(&d, NULL);
    tpl_doc doc;
    memset(&doc, 0, sizeof doc);
    int rc = tpl_load(&doc, path, "template.md", &opt, &d);
    if ((rc != 0) != diag_failed(&d))
        abort();
    for (size_t i = 0; i < doc.count; i++)
        free(tpl_block_text(&doc.blocks[i]));
    tpl_doc_free(&doc);
    return 0;
}
