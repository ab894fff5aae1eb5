/* pdf_statements.h - the statements' directives drawn (declared in
 * report/report.h): "{{% budget %}}" (budget against actual),
 * "{{% forecast %}}" (the next year's budget against this year's actual),
 * "{{% position %}}" (the statement of financial position) and
 * "{{% indicators %}}" (a small panel).  Each draws nothing when its
 * statement is absent. */
#ifndef BILAN_PDF_STATEMENTS_H
#define BILAN_PDF_STATEMENTS_H

#include "pdf/pdf.h"

void pdf_statements_budget(pdf_report *r, const char *arg);
void pdf_statements_forecast(pdf_report *r, const char *arg);
void pdf_statements_position(pdf_report *r, const char *arg);
void pdf_statements_indicators(pdf_report *r, const char *arg);

#endif
