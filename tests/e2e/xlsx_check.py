#!/usr/bin/env python3
"""xlsx_check.py - independent checks of bilan's workbook (openpyxl).

    xlsx_check.py values FIGURES.json WORKBOOK.xlsx
        every key figure, group, account, funders table row (in its order,
        with its share, and the total), history year, axis and type shown
        in the workbook equals figures.json to the cent (the
        cells' values: the cached results, or LibreOffice's recalculated
        ones when WORKBOOK was converted by LibreOffice); so do the Budget
        sheet's budget and forecast and the position sheet's groups and
        totals, and those sheets are there exactly when figures.json has
        budget / forecast / position; no formula cell holds an error
        (#DIV/0!, #NAME?, ...).
    xlsx_check.py formulas WORKBOOK.xlsx MIN
        at least MIN cells are formulas, and totals are formulas.
    xlsx_check.py text WORKBOOK.xlsx STRING...
        each STRING is a text cell somewhere, and no formula mentions it.
    xlsx_check.py sheets WORKBOOK.xlsx NAME...
        the workbook's sheets are exactly NAME..., in that order.
    xlsx_check.py cell WORKBOOK.xlsx SHEET LABEL COLUMN EXPECTED
        on sheet number SHEET (1 = the first), the first row whose column A
        is LABEL has EXPECTED (compared as text) in COLUMN (a letter).
    xlsx_check.py split FIGURES.json WORKBOOK.xlsx BASE
        the detail sheet BASE continues on "BASE (2)": BASE is full (the
        header and 1,048,575 rows), the finance sheet's SUMIFS cover both,
        the summary's key figures equal figures.json.  Reads the large
        sheets' XML only, never loads them whole.
    xlsx_check.py tamper IN.xlsx OUT.xlsx
        a copy whose formulas' cached results are all wrong (0 or "x"),
        so that a check after recalculation proves the formulas.

Prints nothing and exits 0 when the check holds; else prints what differs
(at most 20 lines) and exits 1.
"""
import json
import re
import sys
import zipfile

try:
    import openpyxl
except ImportError:  # pragma: no cover - reported by the caller
    print("openpyxl is not installed")
    sys.exit(2)

ERRORS = ("#DIV/0!", "#NAME?", "#VALUE!", "#REF!", "#N/A", "#NUM!", "#NULL!", "Err:")
NEW_WORDS = {"fr": "nouveau", "en": "new"}
ZERO_WORD = "\u2014"
NEGATIVE_WORDS = {"fr": "n.s.", "en": "n.m."}


class Problems:
    def __init__(self):
        self.lines = []

    def add(self, text):
        self.lines.append(text)

    def finish(self):
        for line in self.lines[:20]:
            print(line)
        if len(self.lines) > 20:
            print("... %d more" % (len(self.lines) - 20))
        sys.exit(1 if self.lines else 0)


def cents(value):
    return round(float(value) * 100)


def same_money(cell, want):
    return isinstance(cell, (int, float)) and cents(cell) == cents(want)


def pct_word(current, previous, lang):
    """What a change % of a base not above 0 shows (the contract's rule)."""
    if previous < 0:
        return NEGATIVE_WORDS[lang]
    return ZERO_WORD if current == 0 else NEW_WORDS[lang]


def same_pct(cell, want, lang, current=1, previous=0):
    if want is None:
        return cell == pct_word(current, previous, lang)
    return isinstance(cell, (int, float)) and round(cell * 1000) == round(want * 10)


def check_fig(p, where, cells, fig, lang):
    """cells: (current, previous, change, change %) values of a row."""
    cur, prev, change, pct = cells
    for name, got, want in (("current", cur, fig["current"]),
                            ("previous", prev, fig["previous"]),
                            ("change", change, fig["change"])):
        if not same_money(got, want):
            p.add("%s %s: %r, figures.json has %r" % (where, name, got, want))
    if not same_pct(pct, fig["change_pct"], lang, fig["current"], fig["previous"]):
        p.add("%s change %%: %r, figures.json has %r" % (where, pct, fig["change_pct"]))


def rows_of(ws):
    return [[c.value for c in row] for row in ws.iter_rows()]


def cell_at(wb, ref):
    sheet, cell = ref.split("!")
    sheet = sheet.strip("'").replace("''", "'")
    return wb[sheet], cell.replace("$", "")


def check_summary(p, wb, fig, lang):
    names = {
        "Revenue": fig["finances"]["revenue"],
        "Expenses": fig["finances"]["expenses"],
        "Net": fig["finances"]["net"],
        "Activities": fig["activities"]["count"],
        "Participants": fig["activities"]["participants"],
        "Hours": fig["activities"]["hours"],
        "Partners": fig["activities"]["partners"],
        "Regions": fig["activities"]["regions"],
    }
    if "self_generated" in fig["finances"]:
        names["Self_generated"] = fig["finances"]["self_generated"]
    for name, want in names.items():
        defined = wb.defined_names.get(name)
        if defined is None:
            p.add("defined name %s missing" % name)
            continue
        ws, ref = cell_at(wb, defined.attr_text)
        row = ws[ref].row
        cells = [ws.cell(row=row, column=c).value for c in range(2, 6)]
        check_fig(p, "summary %s" % name, cells, want, lang)
    summary = rows_of(wb.worksheets[0])
    for group in fig["finances"]["revenue_groups"] + fig["finances"]["expense_groups"]:
        found = [r for r in summary if r and r[0] == group["group"]]
        if not found:
            p.add("summary: group %r missing" % group["group"])
        for r in found:
            check_fig(p, "summary group %r" % group["group"], r[1:5], group, lang)


def check_accounts(p, wb, fig, lang):
    rows = rows_of(wb.worksheets[1])
    by_code = {}
    for r in rows:
        if r and isinstance(r[0], str) and len(r) >= 6:
            by_code.setdefault(r[0], r)
    for a in fig["finances"]["accounts"]:
        r = by_code.get(a["account"])
        if r is None:
            p.add("account %s missing" % a["account"])
            continue
        if r[1] != a["name"]:
            p.add("account %s: name %r, figures.json has %r" % (a["account"], r[1], a["name"]))
        check_fig(p, "account %s" % a["account"], r[2:6], a, lang)


def check_funders(p, wb, fig, lang):
    """The funders sheet is figures.json's funders table, row by row in its
    order (a funder by name, the other rows by position), with change,
    change % and share; then a total row equal to revenue."""
    rows = [r for r in rows_of(wb.worksheets[2])[1:] if r and r[0] is not None]
    table = fig["finances"]["funders"]
    if len(rows) != len(table) + (1 if table else 0):
        p.add("funders: %d rows, figures.json has %d and a total" % (len(rows), len(table)))
        return
    for r, c in zip(rows, table):
        where = "funder %r" % (c["name"] if c["kind"] == "funder" else c["kind"])
        if c["kind"] == "funder" and r[0] != c["name"]:
            p.add("funders: %r where figures.json has %r" % (r[0], c["name"]))
        check_fig(p, where, r[1:5], c, lang)
        share = r[5] if len(r) > 5 else None
        if c["share"] is None and share not in (None, ""):
            p.add("%s share: %r, figures.json has none" % (where, share))
        elif c["share"] is not None and not (isinstance(share, (int, float))
                                             and round(share * 1000) == round(c["share"] * 10)):
            p.add("%s share: %r, figures.json has %r" % (where, share, c["share"]))
    if table:
        check_fig(p, "funders total", rows[-1][1:5], fig["finances"]["revenue"], lang)


def check_history(p, wb, fig):
    rows = rows_of(wb.worksheets[5])
    by_label = {r[0]: r for r in rows[1:] if r}
    for h in fig["finances"]["history"]:
        r = by_label.get(h["label"])
        if r is None:
            p.add("history %s missing" % h["label"])
            continue
        for i, key in ((1, "revenue"), (2, "expenses"), (3, "net")):
            if not same_money(r[i], h[key]):
                p.add("history %s %s: %r, figures.json has %r" % (h["label"], key, r[i], h[key]))


def check_activities(p, wb, fig, lang):
    rows = rows_of(wb.worksheets[3])
    axes = {r[0]: r for r in rows[2:] if r and r[0] is not None and r[1] is None
            and isinstance(r[2], (int, float))}
    for a in fig["activities"]["axes"]:
        r = axes.get(a["axis"])
        if r is None:
            p.add("axis %r missing" % a["axis"])
            continue
        for col, key in ((2, "count"), (6, "participants"), (10, "hours")):
            check_fig(p, "axis %r %s" % (a["axis"], key), r[col:col + 4], a[key], lang)
    types = {(r[0], r[1]): r for r in rows[2:] if r and r[1] is not None}
    for t in fig["activities"]["types"]:
        r = types.get((t["axis"], t["type"]))
        if r is None:
            p.add("type %r/%r missing" % (t["axis"], t["type"]))
            continue
        for col, key in ((2, "count"), (6, "participants")):
            check_fig(p, "type %r %s" % (t["type"], key), r[col:col + 4], t[key], lang)


def defined_row(wb, name):
    """(sheet, row) of a defined name, or None."""
    d = wb.defined_names.get(name)
    if d is None:
        return None
    ws, ref = cell_at(wb, d.attr_text)
    return ws, ws[ref].row


def row_values(ws, row, first, count):
    return [ws.cell(row=row, column=c).value for c in range(first, first + count)]


def budget_pct_word(budget, lang):
    """A variance of a budget not above 0 shows no percent."""
    return NEGATIVE_WORDS[lang] if budget < 0 else ZERO_WORD


def check_budget_line(p, where, cells, line, forecast, lang):
    """cells: the row's B..E; budget: actual, budget, variance, %;
    forecast: budget, actual, change, %."""
    first, second, change, pct = cells
    actual, budget = (second, first) if forecast else (first, second)
    if not same_money(actual, line["actual"]):
        p.add("%s actual: %r, figures.json has %r" % (where, actual, line["actual"]))
    key, pkey = ("change", "change_pct") if forecast else ("variance", "variance_pct")
    if line["budget"] is None:
        if budget is not None or change is not None:
            p.add("%s: not budgeted, but the sheet shows %r %r" % (where, budget, change))
        return
    if not same_money(budget, line["budget"]):
        p.add("%s budget: %r, figures.json has %r" % (where, budget, line["budget"]))
    if not same_money(change, line[key]):
        p.add("%s %s: %r, figures.json has %r" % (where, key, change, line[key]))
    if forecast:
        ok = same_pct(pct, line[pkey], lang, line["budget"], line["actual"])
    elif line[pkey] is None:
        ok = pct == budget_pct_word(line["budget"], lang)
    else:
        ok = same_pct(pct, line[pkey], lang)
    if not ok:
        p.add("%s %s: %r, figures.json has %r" % (where, pkey, pct, line[pkey]))


def check_budget(p, wb, fig, lang):
    for key, prefix in (("budget", "Budget"), ("forecast", "Forecast")):
        start = defined_row(wb, prefix + "_table")
        if key not in fig:
            if start is not None:
                p.add("%s: the workbook has a %s table, figures.json none" % (key, prefix))
            continue
        if start is None:
            p.add("%s: no %s table (defined name %s_table)" % (key, prefix, prefix))
            continue
        ws, top = start
        end = defined_row(wb, prefix + "_net")[1]
        forecast = key == "forecast"
        labels = {}
        for r in range(top + 1, end + 1):
            labels.setdefault(ws.cell(row=r, column=1).value, r)
        b = fig[key]
        for g in b["revenue_groups"] + b["expense_groups"]:
            r = labels.get(g["group"])
            if r is None:
                p.add("%s: group %r missing" % (key, g["group"]))
                continue
            check_budget_line(p, "%s %r" % (key, g["group"]), row_values(ws, r, 2, 4), g,
                              forecast, lang)
        for total in ("revenue", "expenses", "net"):
            r = defined_row(wb, "%s_%s" % (prefix, total))[1]
            check_budget_line(p, "%s %s" % (key, total), row_values(ws, r, 2, 4), b[total],
                              forecast, lang)


def check_position_fig(p, where, cells, want, lang):
    cur, prev, change, pct = cells
    if not same_money(cur, want["current"]):
        p.add("%s current: %r, figures.json has %r" % (where, cur, want["current"]))
    if want["previous"] is None:
        if prev is not None or change is not None:
            p.add("%s: no previous year-end, but the sheet shows %r %r" % (where, prev, change))
        return
    check_fig(p, where, cells, want, lang)


def check_position(p, wb, fig, lang):
    start = defined_row(wb, "Position_table")
    if "position" not in fig:
        if start is not None:
            p.add("position: the workbook has a position sheet, figures.json none")
        return
    if start is None:
        p.add("position: no position sheet (defined name Position_table)")
        return
    pos = fig["position"]
    for key in ("assets", "liabilities", "net_assets"):
        ws, r = defined_row(wb, "Position_" + key)
        check_position_fig(p, "position %s" % key, row_values(ws, r, 3, 4), pos[key], lang)
    ws = start[0]
    subtotals = {}
    for row in ws.iter_rows():
        if len(row) > 1 and isinstance(row[1].value, str):
            subtotals.setdefault(row[1].value, row[1].row)
    for key in ("asset_groups", "liability_groups", "net_asset_groups"):
        for g in pos[key]:
            r = subtotals.get("Total " + g["group"])
            if r is None:
                p.add("position: group %r missing" % g["group"])
                continue
            check_position_fig(p, "position %r" % g["group"], row_values(ws, r, 3, 4), g, lang)


def check_indicators(p, wb, fig, lang):
    """The summary's indicators: one decimal as figures.json has them, "—"
    for a null; a row exactly for each indicator of figures.json."""
    ind = fig.get("indicators", {})
    for key, name, scale in (("reserve_months", "Reserve_months", 10),
                             ("self_generated_share", "Self_generated_share", 1000),
                             ("largest_funder_share", "Largest_funder_share", 1000)):
        at = defined_row(wb, name)
        if key not in ind:
            if at is not None:
                p.add("indicator %s in the workbook, not in figures.json" % key)
            continue
        if at is None:
            p.add("indicator %s missing (defined name %s)" % (key, name))
            continue
        ws, r = at
        got = ws.cell(row=r, column=2).value
        want = ind[key]
        if want is None:
            ok = got == ZERO_WORD
        else:   # months as they are, shares as fractions: compared in tenths
            ok = isinstance(got, (int, float)) and round(got * scale) == round(want * 10)
        if not ok:
            p.add("indicator %s: %r, figures.json has %r" % (key, got, want))
        if key == "largest_funder_share" and ws.cell(row=r, column=3).value != ind["largest_funder"]:
            p.add("largest funder: %r, figures.json has %r"
                  % (ws.cell(row=r, column=3).value, ind["largest_funder"]))


def formula_cells(path):
    """(sheet title, coordinate) of every formula cell of the workbook."""
    wb = openpyxl.load_workbook(path, data_only=False)
    found = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f" or (isinstance(c.value, str) and c.value.startswith("=")
                                          and c.data_type != "s"):
                    found.append((ws.title, c.coordinate))
    return found


def check_errors(p, wb, path):
    for sheet, coord in formula_cells(path):
        v = wb[sheet][coord].value
        if isinstance(v, str) and v.startswith(ERRORS):
            p.add("%s!%s: %s" % (sheet, coord, v))


def cmd_values(figures_path, path):
    fig = json.load(open(figures_path, encoding="utf-8"))
    lang = fig.get("language", "fr")
    wb = openpyxl.load_workbook(path, data_only=True)
    p = Problems()
    check_summary(p, wb, fig, lang)
    check_accounts(p, wb, fig, lang)
    check_funders(p, wb, fig, lang)
    check_history(p, wb, fig)
    check_activities(p, wb, fig, lang)
    check_budget(p, wb, fig, lang)
    check_position(p, wb, fig, lang)
    check_indicators(p, wb, fig, lang)
    check_errors(p, wb, path)
    p.finish()


def cmd_formulas(path, minimum):
    p = Problems()
    cells = formula_cells(path)
    if len(cells) < int(minimum):
        p.add("%d formula cells, expected at least %s" % (len(cells), minimum))
    wb = openpyxl.load_workbook(path, data_only=False)
    for name in ("Revenue", "Expenses", "Net"):
        d = wb.defined_names.get(name)
        if d is None:
            p.add("defined name %s missing" % name)
            continue
        ws, ref = cell_at(wb, d.attr_text)
        v = ws[ref].value
        if not (isinstance(v, str) and v.startswith("=")):
            p.add("%s (%s) is not a formula: %r" % (name, d.attr_text, v))
    p.finish()


def cmd_text(path, strings):
    wb = openpyxl.load_workbook(path, data_only=False)
    p = Problems()
    seen = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if not isinstance(c.value, str):
                    continue
                if c.data_type == "s" and c.value in strings:
                    seen.add(c.value)
                if c.data_type == "f":
                    for s in strings:
                        if s in c.value:
                            p.add("%s!%s: formula %r contains %r" % (ws.title, c.coordinate,
                                                                     c.value, s))
    for s in strings:
        if s not in seen:
            p.add("no text cell holds %r" % s)
    p.finish()


def cmd_sheets(path, names):
    wb = openpyxl.load_workbook(path, read_only=True)
    p = Problems()
    if wb.sheetnames != names:
        p.add("sheets %r, expected %r" % (wb.sheetnames, names))
    p.finish()


def cmd_cell(path, sheet, label, column, expected):
    wb = openpyxl.load_workbook(path, data_only=True)
    ws = wb.worksheets[int(sheet) - 1]
    p = Problems()
    for row in ws.iter_rows():
        if row[0].value is not None and str(row[0].value) == label:
            got = ws["%s%d" % (column, row[0].row)].value
            if str(got) != expected:
                p.add("%s: %s%d is %r, expected %r" % (ws.title, column, row[0].row, got,
                                                       expected))
            p.finish()
    p.add("%s: no row labelled %r" % (ws.title, label))
    p.finish()


def sheet_parts(path):
    """Sheet name -> its part in the zip, in the workbook's order."""
    with zipfile.ZipFile(path) as z:
        book = z.read("xl/workbook.xml").decode("utf-8")
    names = re.findall(r'<sheet name="([^"]*)"', book)
    names = [n.replace("&amp;", "&").replace("&apos;", "'").replace("&quot;", '"')
             for n in names]
    return {n: "xl/worksheets/sheet%d.xml" % (i + 1) for i, n in enumerate(names)}, names


def head_of(z, part, size=4096):
    with z.open(part) as f:
        return f.read(size).decode("utf-8", "replace")


def cmd_split(figures_path, path, base):
    fig = json.load(open(figures_path, encoding="utf-8"))
    p = Problems()
    parts, names = sheet_parts(path)
    second = "%s (2)" % base
    if base not in parts or second not in parts:
        p.add("sheets %r: no %r and %r" % (names, base, second))
        p.finish()
    with zipfile.ZipFile(path) as z:
        dim = re.search(r'<dimension ref="([^"]*)"', head_of(z, parts[base]))
        if not dim or dim.group(1) != "A1:I1048576":
            p.add("%s: dimension %r, expected A1:I1048576" % (base, dim and dim.group(1)))
        finances = z.read(parts[names[1]]).decode("utf-8")
    both = re.findall(r"<f>(SUMIFS\('%s'![^<]*)</f>" % re.escape(base), finances)
    if not both or not all("'%s'!" % second in f for f in both):
        p.add("finance formulas do not sum both sheets: %r" % (both[:1],))
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    lang = fig.get("language", "fr")
    for name, want in (("Revenue", fig["finances"]["revenue"]),
                       ("Expenses", fig["finances"]["expenses"]),
                       ("Net", fig["finances"]["net"])):
        ws, ref = cell_at(wb, wb.defined_names.get(name).attr_text)
        row = int(re.sub(r"[A-Z]", "", ref))
        cells = [next(ws.iter_rows(min_row=row, max_row=row, min_col=c, max_col=c))[0].value
                 for c in range(2, 6)]
        check_fig(p, "summary %s" % name, cells, want, lang)
    p.finish()


def cmd_tamper(src, dst):
    """Every formula's cached result replaced: numbers by 0, text by "x"."""
    pattern = re.compile(r'(<c [^>]*?)(?: t="str")?(>)<f>(.*?)</f><v>[^<]*</v>')
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                text = data.decode("utf-8")
                text = pattern.sub(lambda m: '%s t="str"%s<f>%s</f><v>x</v>'
                                   % (m.group(1), m.group(2), m.group(3))
                                   if "IF(" in m.group(3)
                                   else "%s%s<f>%s</f><v>0</v>"
                                   % (m.group(1), m.group(2), m.group(3)), text)
                data = text.encode("utf-8")
            zout.writestr(item, data)


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    cmd, args = argv[1], argv[2:]
    if cmd == "values" and len(args) == 2:
        cmd_values(*args)
    elif cmd == "formulas" and len(args) == 2:
        cmd_formulas(*args)
    elif cmd == "text" and len(args) >= 2:
        cmd_text(args[0], args[1:])
    elif cmd == "sheets" and len(args) >= 2:
        cmd_sheets(args[0], args[1:])
    elif cmd == "cell" and len(args) == 5:
        cmd_cell(*args)
    elif cmd == "split" and len(args) == 3:
        cmd_split(*args)
    elif cmd == "tamper" and len(args) == 2:
        cmd_tamper(*args)
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
