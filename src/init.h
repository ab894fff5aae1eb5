/* init.h - `bilan init DIR [--lang fr|en] [--from EXPORT...]`: write a new
 * input folder for an organisation to fill in.
 *
 * DIR must not exist, or be an empty folder; otherwise nothing is written
 * (exit 73, like an output that cannot be written).  The folder is written
 * whole in a scratch folder beside it, then renamed into place: a failed
 * init leaves nothing behind.  It holds a commented report.ini,
 * accounts.csv, activities.csv and people.csv with their headers, and
 * texts/ with one commented Markdown file per {{% text NAME %}} of the
 * default template.  With --from, each ledger export (any layout the import
 * engine reads) is copied in as the ledger, and accounts.csv lists every
 * account it uses, the kind guessed from the code and marked for review;
 * an export bilan cannot read is an error (65), and nothing is written. */
#ifndef BILAN_INIT_H
#define BILAN_INIT_H

/* Runs `bilan init` with argv[0] == "init"; templates_dir is where the
 * default template is (the texts' list).  Returns the exit status. */
int init_main(int argc, char **argv, const char *templates_dir);

#endif
