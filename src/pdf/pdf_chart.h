/* pdf_chart.h - the report's bar charts ("{{% chart NAME %}}"): revenue or
 * expenses by group for the two years, and the history years. */
#ifndef BILAN_PDF_CHART_H
#define BILAN_PDF_CHART_H

#include "pdf/pdf.h"

void pdf_chart_revenue_groups(pdf_report *r);
void pdf_chart_expense_groups(pdf_report *r);
void pdf_chart_history(pdf_report *r);

#endif
