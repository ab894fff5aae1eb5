#!/usr/bin/python3
"""make_openpyxl.py OUT - the ledger of ledger.fods written with openpyxl
(shared strings, its own styles, noisy floats as Python writes them)."""
import datetime
import sys

import openpyxl

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Grand livre"
ws["A1"] = "Grand livre 2013-2014"
ws.append([])
ws.append(["date", "account", "amount", "memo"])
rows = [
    (3, [datetime.date(2013, 4, 15), 4100, 1000.1 + 234.46, "Subvention Ville de Montréal"]),
    (4, [datetime.date(2013, 5, 1), 5100, -250, "Loyer & charges"]),
    (5, [datetime.date(2014, 3, 31), 4200, 0.1 + 0.2, None, True]),
    (7, [datetime.date(2013, 12, 31), 4200, 1234.56, "total: 1234.56"]),
    (8, [datetime.date(2014, 2, 28), 5100, 0.125]),
]
for row, values in rows:
    for col, value in enumerate(values, start=1):
        if value is not None:
            ws.cell(row=row + 1, column=col, value=value)
ws.cell(row=9, column=1).number_format = "dd/mm/yyyy"
wb.create_sheet("Notes")["A1"] = "not this sheet"
wb.save(sys.argv[1])
