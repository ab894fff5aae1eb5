#!/usr/bin/env python3
"""imports_check.py - the same transactions give the same figures whatever
the layout: each accounting product's export (tests/imports/*.csv), as CSV
or as .xlsx, in one file or one file per fiscal year, against bilan's tidy
ledger of the same transactions (tests/imports/bilan.csv).

    python3 tests/e2e/imports_check.py BILAN ROOT SCRATCH

Prints "ok - ..." / "not ok - ..." lines (tests/e2e/test_imports.sh runs
it).  The .xlsx checks need openpyxl (Debian's python3-openpyxl, so run
with /usr/bin/python3): without it they are skipped, said on an "ok" line.
Figures are compared to the cent (the JSON read with Decimal), every
figure of "finances", "activities" and "inputs"; counterparties as a set
(their order is that of their first line, which the layouts order
differently), and not at all for the layouts without a name column."""
import csv
import datetime
import decimal
import importlib.util
import io
import json
import os
import re
import shutil
import subprocess
import sys

BILAN, ROOT, SCRATCH = sys.argv[1:4]
IMPORTS = os.path.join(ROOT, "tests", "imports")
TEMPLATES = os.path.join(ROOT, "templates")

try:
    import openpyxl
except ImportError:
    openpyxl = None

# Layouts without a counterparty column: their counterparties are empty.
NO_COUNTERPARTY = {"gnucash-en", "gnucash-fr", "sage50-ca-en-gl", "sage50-ca-fr-gl",
                   "sage50-us-gl", "wave-account-transactions"}
# The day/month order of each fixture's numeric dates, for typed .xlsx cells.
ORDER = {"qbo-gl": "mdy", "qbo-gl-modern": "mdy", "qbo-transaction-detail": "mdy",
         "qbd-gl": "mdy", "qbd-custom-transaction-detail": "mdy", "gnucash-en": "mdy",
         "sage50-us-gl": "mdy", "qbo-grand-livre": "dmy", "gnucash-fr": "dmy",
         "odoo-gl": "dmy"}

ACCOUNTS = """account,name,kind,group
1000,Chequing,asset,Cash
4100,Grants,revenue,Grants
4200,Workshop fees,revenue,Self-generated revenue
5000,Operating expenses,expense,Operations
5100,Rent,expense,Operations
5200,Supplies,expense,Operations
"""
ACTIVITIES = """date,axis,type,title,partner,region,participants,hours
2025-02-10,Training,Workshop,Budgeting,Saint-Michel,Montréal,12,3.5
2025-04-22,Coaching,Coaching,Follow-up,Saint-Michel,Laval,4,2
"""
# One calendar year, and fiscal years ending 03-31 (2024-2025, 2025-2026).
REPORT_2025 = "[organisation]\nname = Test\n[report]\nfiscal_year_end = 12-31\n" \
              "year = 2025\nhistory = 2\nlanguage = en\n"
REPORT_2026 = "[organisation]\nname = Test\n[report]\nfiscal_year_end = 03-31\n" \
              "year = 2026\nhistory = 2\nlanguage = en\n"

failures = 0


def ok(name):
    print(f"ok - {name}")


def not_ok(name, *why):
    global failures
    failures += 1
    print(f"not ok - {name}")
    for w in why:
        for line in str(w).splitlines()[:20]:
            print(f"# {line}")


def folder(name, report, ledgers, accounts=ACCOUNTS, activities=ACTIVITIES):
    """An input folder: ledgers maps file names to bytes or source paths."""
    d = os.path.join(SCRATCH, name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    for fname, text in (("report.ini", report), ("accounts.csv", accounts),
                        ("activities.csv", activities)):
        if text is not None:
            with open(os.path.join(d, fname), "w", encoding="utf-8") as f:
                f.write(text)
    for fname, data in ledgers.items():
        target = os.path.join(d, fname)
        if isinstance(data, bytes):
            with open(target, "wb") as f:
                f.write(data)
        else:
            shutil.copy(data, target)
    return d


def run(d, check=False):
    """Runs bilan on folder d: (status, stdout, stderr, figures or None)."""
    out = os.path.join(d, "out")
    args = [BILAN, "--input", d, "--templates", TEMPLATES, "--quiet"]
    if check:
        args = [BILAN, "--input", d, "--templates", TEMPLATES, "--check"]
    else:
        args += ["--output", out, "--figures", os.path.join(out, "figures.json")]
    p = subprocess.run(args, capture_output=True, text=True)
    figures = None
    if not check and p.returncode == 0:
        with open(os.path.join(out, "figures.json"), encoding="utf-8") as f:
            figures = json.load(f, parse_float=decimal.Decimal)
    return p.returncode, p.stdout, p.stderr, figures


def comparable(figures, counterparties):
    doc = {k: figures[k] for k in ("finances", "activities", "inputs")}
    fin = dict(doc["finances"])
    cps = fin.pop("counterparties")
    if not counterparties:
        # what is computed from the counterparties cannot be compared either
        fin.pop("funders", None)
    if counterparties:
        fin["counterparties"] = sorted(json.dumps(c, sort_keys=True, default=str)
                                       for c in cps)
    doc["finances"] = fin
    return doc


def differences(a, b, path=""):
    """The paths where a and b differ."""
    if isinstance(a, dict) and isinstance(b, dict):
        out = []
        for k in sorted(set(a) | set(b)):
            out += differences(a.get(k), b.get(k), f"{path}.{k}" if path else k)
        return out
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        out = []
        for i, (x, y) in enumerate(zip(a, b)):
            out += differences(x, y, f"{path}.{i}")
        return out
    return [] if a == b else [f"{path}: {a} != {b}"]


def same_figures(name, d, reference, counterparties=True):
    status, _, err, figures = run(d)
    if status != 0:
        not_ok(name, f"exit status {status}", err)
        return
    diff = differences(comparable(reference, counterparties),
                       comparable(figures, counterparties))
    if diff:
        not_ok(name, *diff[:10])
    else:
        ok(name)


# ---- .xlsx --------------------------------------------------------------

MONEY = [
    (re.compile(r"^(-?)\$?([\d,]*\d\.\d\d)$"), ",", "."),
    (re.compile(r"^(-)\$([\d,]*\d\.\d\d)$"), ",", "."),
    (re.compile(r"^\$?\((\$?)([\d,]*\d\.\d\d)\)$"), ",", "."),
    (re.compile(r"^(-?)([\d \u00a0]*\d,\d\d)(?: \$)?$"), " \u00a0", ","),
]


def typed(cell, order):
    """A fixture's cell as a spreadsheet holds it: a number, a date, text."""
    for pattern, thousands, mark in MONEY:
        m = pattern.match(cell)
        if m:
            digits = m.group(2)
            for t in thousands:
                digits = digits.replace(t, "")
            value = float(digits.replace(mark, "."))
            negative = m.group(1) == "-" or cell.startswith("(") or cell.startswith("$(")
            return -value if negative else value
    m = re.match(r"^(\d{4})-(\d\d)-(\d\d)$", cell)
    if m:
        return datetime.date(int(m[1]), int(m[2]), int(m[3]))
    m = re.match(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$", cell)
    if m and order:
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        y = y + 2000 if y < 100 else y
        month, day = (a, b) if order == "mdy" else (b, a)
        return datetime.date(y, month, day)
    return cell


def read_csv(path):
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    first = text.splitlines()[0] if text else ""
    header = max(text.splitlines()[:12], key=lambda l: l.count(";") + l.count(","))
    delimiter = ";" if header.count(";") > header.count(",") else ","
    del first
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def to_xlsx(src, dst, order=None, types=True):
    """Writes the CSV file src as the first sheet of dst, each cell typed
    (numbers, dates) when types, as an export to Excel would."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    for row in read_csv(src):
        ws.append([typed(c, order) if types else c for c in row])
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, datetime.date):
                c.number_format = "yyyy-mm-dd"
    wb.save(dst)


# ---- per-year files -----------------------------------------------------

def fixtures_module():
    spec = importlib.util.spec_from_file_location(
        "make_fixtures", os.path.join(IMPORTS, "make_fixtures.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


WRITERS = {
    "bilan": lambda m: m.bilan(), "qbo-gl": lambda m: m.qbo_gl(),
    "qbo-gl-modern": lambda m: m.qbo_gl_modern(),
    "qbo-transaction-detail": lambda m: m.qbo_transaction_detail(),
    "qbo-grand-livre": lambda m: m.qbo_grand_livre(), "qbd-gl": lambda m: m.qbd_gl(),
    "qbd-custom-transaction-detail": lambda m: m.qbd_custom(),
    "sage50-ca-en-gl": lambda m: m.sage_ca(False), "sage50-ca-fr-gl": lambda m: m.sage_ca(True),
    "sage50-us-gl": lambda m: m.sage_us(), "xero-account-transactions": lambda m: m.xero(),
    "wave-account-transactions": lambda m: m.wave(), "gnucash-en": lambda m: m.gnucash(False),
    "gnucash-fr": lambda m: m.gnucash(True), "odoo-gl": lambda m: m.odoo(),
}


def per_year(mod, profile):
    """The fixture of profile written once per fiscal year ending 03-31:
    {"ledger-2025.csv": path, "ledger-2026.csv": path}."""
    every = list(mod.TXNS)
    files = {}
    for year, keep in ((2025, lambda d: d < (2025, 4, 1)), (2026, lambda d: d >= (2025, 4, 1))):
        d = os.path.join(SCRATCH, "years", profile, str(year))
        os.makedirs(d, exist_ok=True)
        mod.HERE = d
        mod.TXNS = [t for t in every if keep(t[0])]
        WRITERS[profile](mod)
        files[f"ledger-{year}.csv"] = os.path.join(d, profile + ".csv")
    mod.TXNS = every
    return files


def main():
    profiles = sorted(os.path.splitext(f)[0] for f in os.listdir(IMPORTS)
                      if f.endswith(".csv") and f != "bilan.csv")
    tidy = os.path.join(IMPORTS, "bilan.csv")
    status, _, err, ref = run(folder("reference", REPORT_2025, {"ledger.csv": tidy}))
    if status != 0:
        not_ok("the tidy reference runs", err)
        return

    # 1. Each export, as CSV, against the tidy ledger; --check names it.
    for p in profiles:
        d = folder(p, REPORT_2025, {"ledger.csv": os.path.join(IMPORTS, p + ".csv")})
        same_figures(f"{p}: same figures as the tidy ledger", d, ref,
                     p not in NO_COUNTERPARTY)
        status, out, err, _ = run(d, check=True)
        if status == 0 and f"ledger.csv: {p} (line " in out and "transaction rows" in out:
            ok(f"{p}: --check names the profile and its counts")
        else:
            not_ok(f"{p}: --check names the profile and its counts", out, err)

    # 2. The same as .xlsx: typed cells (numbers, dates), and the tidy
    # files (ledger, accounts, activities) as workbooks too.
    if openpyxl is None:
        ok("# SKIP .xlsx checks: no openpyxl (run with /usr/bin/python3)")
    else:
        for p in profiles:
            d = folder(p + "-xlsx", REPORT_2025, {})
            to_xlsx(os.path.join(IMPORTS, p + ".csv"), os.path.join(d, "ledger.xlsx"),
                    ORDER.get(p))
            same_figures(f"{p}.xlsx: same figures as the tidy ledger", d, ref,
                         p not in NO_COUNTERPARTY)
        d = folder("tidy-xlsx", REPORT_2025, {}, accounts=None, activities=None)
        to_xlsx(tidy, os.path.join(d, "ledger.xlsx"))
        src = folder("tidy-xlsx-src", REPORT_2025, {})
        to_xlsx(os.path.join(src, "accounts.csv"), os.path.join(d, "accounts.xlsx"),
                types=False)
        to_xlsx(os.path.join(src, "activities.csv"), os.path.join(d, "activities.xlsx"))
        same_figures("tidy ledger, accounts and activities as .xlsx: same figures", d, ref)

    # 3. One file per fiscal year against one file of both years.
    status, _, err, ref26 = run(folder("reference-2026", REPORT_2026, {"ledger.csv": tidy}))
    if status != 0:
        not_ok("the tidy reference of 2025-2026 runs", err)
        return
    mod = fixtures_module()
    for p in ["bilan"] + profiles:
        files = per_year(mod, p)
        d = folder(p + "-years", REPORT_2026, files)
        same_figures(f"{p}: one file per fiscal year, same figures as one file", d, ref26,
                     p not in NO_COUNTERPARTY)
    if openpyxl is not None:
        files = per_year(mod, "qbo-gl")
        d = folder("qbo-gl-years-mixed", REPORT_2026, {"ledger-2026.csv": files["ledger-2026.csv"]})
        to_xlsx(files["ledger-2025.csv"], os.path.join(d, "ledger-2025.xlsx"), "mdy")
        same_figures("qbo-gl: ledger-2025.xlsx and ledger-2026.csv, same figures", d, ref26)
    # The same year in two files: counted twice, refused.
    files = per_year(mod, "xero-account-transactions")
    d = folder("twice", REPORT_2026, {"ledger-a.csv": files["ledger-2025.csv"],
                                      "ledger-b.csv": files["ledger-2025.csv"],
                                      "ledger-c.csv": files["ledger-2026.csv"]})
    status, _, err, _ = run(d)
    if status == 65 and "ledger-b.csv:" in err and "has lines in ledger-a.csv too" in err:
        ok("a fiscal year in two ledger files is refused, naming both")
    else:
        not_ok("a fiscal year in two ledger files is refused, naming both", status, err)


main()
print(f"# imports_check: {failures} failed")
sys.exit(1 if failures else 0)
