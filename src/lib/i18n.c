/* i18n.c - set up GNU gettext for the program's messages (i18n.h). */
#include "lib/i18n.h"
#include "lib/files.h"

#include <locale.h>

void i18n_init(void)
{
    /* Only LC_MESSAGES: LC_NUMERIC must stay "C" for the workbook writer
     * (its numbers need a '.'), LC_CTYPE for the byte-wise case folding
     * of codes and keys (strcasecmp in a Turkish or Latin-1 locale), and
     * the others have no use here.  The messages are UTF-8 regardless. */
    setlocale(LC_MESSAGES, "");
    char buf[4200];
    const char *dir = find_locale_dir(buf, sizeof buf);
    if (dir)
        bindtextdomain("bilan", dir);
    bind_textdomain_codeset("bilan", "UTF-8");
    /* strerror's own messages (glibc's "libc" domain), when translated */
    bind_textdomain_codeset("libc", "UTF-8");
    textdomain("bilan");
}
