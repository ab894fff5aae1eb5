#!/usr/bin/env python3
"""make_fixtures.py - writes tests/imports/PROFILE.csv: the same nine
transactions (two revenue accounts, a parent expense account with two
sub-accounts, one bank account) as each accounting product exports them,
after ../shared/imports.md.  tests/unit/test_import.c reads them and checks
that every layout gives the same sums per account as bilan.csv.

    python3 tests/imports/make_fixtures.py      (from the repository root)

The files are committed; run this only to change them.  Broken exports
(tests/imports/broken/) are written at the end, from the good ones."""

import os

HERE = os.path.dirname(os.path.abspath(__file__))

# code, English name, French name, kind (A asset, R revenue, E expense), parent
ACCOUNTS = [
    ("1000", "Chequing", "Compte chèques", "A", None),
    ("4100", "Grants", "Subventions", "R", None),
    ("4200", "Workshop fees", "Frais d'ateliers", "R", None),
    ("5000", "Operating expenses", "Frais de fonctionnement", "E", None),
    ("5100", "Rent", "Loyer", "E", "5000"),
    ("5200", "Supplies", "Fournitures", "E", "5000"),
]
NAME = {a[0]: a[1] for a in ACCOUNTS}
NOM = {a[0]: a[2] for a in ACCOUNTS}
KIND = {a[0]: a[3] for a in ACCOUNTS}
OPENING = {"1000": 1000000}      # cents, debit-positive

# (y, m, d), counterparty, memo, ref, type, splits [(account, debit-positive cents)]
TXNS = [
    ((2025, 1, 15), "Centraide", "Grant installment 1", "D-001", "Deposit",
     [("1000", 500000), ("4100", -500000)]),
    ((2025, 2, 3), "", "Workshop fees", "D-002", "Deposit",
     [("1000", 125050), ("4200", -125050)]),
    ((2025, 2, 20), "Immeubles Molson", "February rent", "C-101", "Expense",
     [("5100", 120000), ("1000", -120000)]),
    ((2025, 3, 5), "Bureau en Gros", "Office supplies", "C-102", "Expense",
     [("5200", 34567), ("1000", -34567)]),
    ((2025, 3, 18), "Ville de Montréal", "City grant", "D-003", "Deposit",
     [("1000", 250000), ("4100", -250000)]),
    ((2025, 4, 10), "Immeubles Molson", "April rent", "C-103", "Expense",
     [("5100", 120000), ("1000", -120000)]),
    ((2025, 4, 22), "", "Refund of workshop fees", "C-104", "Refund",
     [("4200", 15025), ("1000", -15025)]),
    ((2025, 5, 13), "Bureau en Gros", "Paper and ink", "C-105", "Expense",
     [("5200", 8990), ("1000", -8990)]),
    ((2025, 5, 30), "Bureau en Gros", "Returned supplies", "D-004", "Credit",
     [("1000", 2000), ("5200", -2000)]),
]

MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
             "Oct", "Nov", "Dec"]
MONTHS_FR = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août",
             "sept.", "oct.", "nov.", "déc."]


def lines_of(code):
    """The lines of one account: (txn, other account, debit-positive cents)."""
    out = []
    for t in TXNS:
        for acc, v in t[5]:
            if acc == code:
                other = [a for a, _ in t[5] if a != code][0]
                out.append((t, other, v))
    return out


def natural(code, v):
    return -v if KIND[code] == "R" else v


def money(c, thousands=",", mark=".", paren=False, dollar="", suffix=""):
    neg = c < 0
    c = abs(c)
    units, cents = divmod(c, 100)
    s = f"{units:,}".replace(",", thousands) + mark + f"{cents:02d}"
    if dollar == "before":
        s = "$" + s
    elif dollar == "after":
        s = s + " $"
    if neg:
        s = "(" + s + ")" if paren else "-" + s
    return s + suffix


def fr(c, **kw):
    kw.setdefault("thousands", " ")
    return money(c, mark=",", **kw)


def q(s, sep=","):
    if sep in s or '"' in s or "\n" in s:
        return '"' + s.replace('"', '""') + '"'
    return s


def row(cells, sep=","):
    return sep.join(q(c, sep) for c in cells)


def write(name, rows, encoding="utf-8", newline="\n", bom=False):
    path = os.path.join(HERE, name)
    data = newline.join(rows) + newline
    raw = data.encode(encoding)
    if bom:
        raw = b"\xef\xbb\xbf" + raw
    with open(path, "wb") as f:
        f.write(raw)


def mdy(d):
    return f"{d[1]:02d}/{d[2]:02d}/{d[0]}"


def dmy(d):
    return f"{d[2]:02d}/{d[1]:02d}/{d[0]}"


def iso(d):
    return f"{d[0]}-{d[1]:02d}-{d[2]:02d}"


def sums(code):
    ls = lines_of(code)
    deb = sum(v for _, _, v in ls if v > 0)
    cre = -sum(v for _, _, v in ls if v < 0)
    return deb, cre


ORDER = ["1000", "4100", "4200", "5100", "5200"]   # leaves, GL order

# ---- bilan (tidy) ---------------------------------------------------------


def bilan():
    rows = ["date,account,amount,counterparty,memo,ref"]
    for t in TXNS:
        for acc, v in t[5]:
            rows.append(row([iso(t[0]), acc, money(natural(acc, v), thousands=""),
                             t[1], t[2], t[3]]))
    write("bilan.csv", rows)


# ---- QuickBooks Online ----------------------------------------------------


def qbo_section(rows, label, code, width, amount_col, date_fn, label_of, fmt,
                modern=False, total_word="Total for", beginning="Beginning Balance",
                sep=",", dollar="before"):
    """One account of a QBO GL: section, opening, lines, total."""
    blank = [""] * width
    r = list(blank)
    r[0] = label
    rows.append(row(r, sep))
    bal = 0
    if code in OPENING and beginning:
        bal = OPENING[code]
        r = list(blank)
        r[1] = beginning
        r[amount_col if modern else amount_col + 1] = fmt(bal)
        rows.append(row(r, sep))
    total = 0
    for t, other, v in lines_of(code):
        n = natural(code, v)
        bal += n
        total += n
        cells = [""]
        if modern:
            cells.append(label)
        cells += [date_fn(t[0]), t[4], t[3], t[1], t[2], label_of(other), fmt(n), fmt(bal)]
        rows.append(row(cells, sep))
    r = list(blank)
    r[0] = f"{total_word} {label}"
    r[amount_col] = fmt(total, dollar=dollar) if dollar else fmt(total)
    rows.append(row(r, sep))
    return total


def qbo_gl():
    w = 9
    rows = [row(["Maison des jeunes Test"] + [""] * 8),
            row(["General Ledger"] + [""] * 8),
            row(["January 1 - December 31, 2025"] + [""] * 8),
            row([""] * 9),
            ",Date,Transaction Type,Num,Name,Memo/Description,Split,Amount,Balance"]
    label = lambda c: f"{c} {NAME[c]}"
    fmt = lambda c, **kw: money(c, paren=True, **kw)
    for c in ["1000", "4100", "4200"]:
        qbo_section(rows, label(c), c, w, 7, mdy, label, fmt)
        rows.append(row([""] * w))
    r = [""] * w
    r[0] = label("5000")
    rows.append(row(r))
    sub = 0
    for c in ["5100", "5200"]:
        sub += qbo_section(rows, label(c), c, w, 7, mdy, label, fmt)
    r = [""] * w
    r[0] = f"Total for {label('5000')} with sub-accounts"
    r[7] = money(sub, dollar="before")
    rows.append(row(r))
    rows.append(row([""] * w))
    r = [""] * w
    r[0] = "TOTAL"
    r[7] = money(sum(natural(a, v) for t in TXNS for a, v in t[5]), dollar="before")
    rows.append(row(r))
    rows.append(row([""] * w))
    rows.append(row(["Accrual Basis Wednesday, January 07, 2026 10:15 AM GMT-05:00"]
                    + [""] * 8))
    write("qbo-gl.csv", rows)


def qbo_gl_modern():
    w = 10
    rows = [row(["General Ledger"] + [""] * 9),
            row(["Maison des jeunes Test"] + [""] * 9),
            row(["January 1 - December 31, 2025"] + [""] * 9),
            row([""] * w),
            ",Distribution account,Transaction date,Transaction type,Num,Name,"
            "Memo/Description,Split account,Amount,Balance"]
    label = lambda c: f"{c} {NAME[c]}"
    for c in ORDER:
        qbo_section(rows, label(c), c, w, 8, mdy, label, money, modern=True)
    write("qbo-gl-modern.csv", rows)


def qbo_transaction_detail():
    w = 9
    rows = [row(["Maison des jeunes Test"] + [""] * 8),
            row(["Transaction Detail by Account"] + [""] * 8),
            row(["January 1-December 31, 2025"] + [""] * 8),
            row([""] * w),
            ",Transaction date,Transaction type,Num,Name,Description,Split,Amount,Balance"]
    label = lambda c: NAME[c]
    fmt = lambda c, **kw: money(c, thousands="")
    for c in ORDER:
        qbo_section(rows, label(c), c, w, 7, mdy, label, fmt, dollar=None, beginning=None)
    rows.append(row([""] * w))
    rows.append(row(["Accrual Basis Wednesday, January 07, 2026 10:15 AM GMT-05:00"]
                    + [""] * 8))
    write("qbo-transaction-detail.csv", rows)


def qbo_grand_livre():
    w = 9
    s = ";"
    rows = [row(["Maison des jeunes Test"] + [""] * 8, s),
            row(["Grand livre"] + [""] * 8, s),
            row(["1 janvier - 31 décembre 2025"] + [""] * 8, s),
            row([""] * w, s),
            ";Date;Type de transaction;N°;Nom;Mémo/Description;Contrepartie;Montant;Solde"]
    label = lambda c: f"{c} {NOM[c]}"
    fmt = lambda c, **kw: fr(c, **({"dollar": "after"} if kw.get("dollar") else {}))
    for c in ["1000", "4100", "4200"]:
        qbo_section(rows, label(c), c, w, 7, dmy, label, fmt, total_word="Total pour",
                    beginning="Solde d'ouverture", sep=s)
    r = [""] * w
    r[0] = label("5000")
    rows.append(row(r, s))
    sub = 0
    for c in ["5100", "5200"]:
        sub += qbo_section(rows, label(c), c, w, 7, dmy, label, fmt,
                           total_word="Total pour", beginning="Solde d'ouverture", sep=s)
    r = [""] * w
    r[0] = f"Total pour {label('5000')} avec sous-comptes"
    r[7] = fr(sub, dollar="after")
    rows.append(row(r, s))
    r = [""] * w
    r[0] = "TOTAL"
    r[7] = fr(sum(natural(a, v) for t in TXNS for a, v in t[5]), dollar="after")
    rows.append(row(r, s))
    write("qbo-grand-livre.csv", rows, bom=True)


# ---- QuickBooks Desktop ---------------------------------------------------


def qbd_gl():
    """Header on line 1, Windows-1252 (the · is byte 0xB7), CRLF; the
    sub-accounts nest under 5000, one written as a path."""
    w = 11
    rows = [",Type,Date,Num,Adj,Name,Memo,Split,Debit,Credit,Balance"]
    label = {c: f"{c} · {NAME[c]}" for c in NAME}
    label["5200"] = f"{label['5000']}:{label['5200']}"

    def section(c):
        r = [""] * w
        r[0] = label[c]
        bal = OPENING.get(c, 0)
        r[10] = money(bal)
        rows.append(row(r))
        for t, other, v in lines_of(c):
            bal += v
            d, k = (money(v), "") if v > 0 else ("", money(-v))
            rows.append(row(["", t[4], mdy(t[0]), t[3], "", t[1], t[2], label[other],
                             d, k, money(bal)]))
        deb, cre = sums(c)
        r = [""] * w
        r[0] = "Total " + label[c]
        r[8], r[9], r[10] = money(deb), money(cre), money(bal)
        rows.append(row(r))
        return deb, cre, bal

    for c in ["1000", "4100", "4200"]:
        section(c)
    r = [""] * w
    r[0] = label["5000"]
    r[10] = money(0)
    rows.append(row(r))
    td = tc = tb = 0
    for c in ["5100", "5200"]:
        d, k, b = section(c)
        td, tc, tb = td + d, tc + k, tb + b
    r = [""] * w
    r[0] = "Total " + label["5000"]
    r[8], r[9], r[10] = money(td), money(tc), money(tb)
    rows.append(row(r))
    alld = sum(v for t in TXNS for _, v in t[5] if v > 0)
    r = [""] * w
    r[0] = "TOTAL"
    r[8], r[9], r[10] = money(alld), money(alld), money(0)
    rows.append(row(r))
    write("qbd-gl.csv", rows, encoding="cp1252", newline="\r\n")


def qbd_custom():
    w = 13
    rows = [row(["Maison des jeunes Test"] + [""] * 12),
            row(["Custom Transaction Detail Report"] + [""] * 12),
            row(["January 1 through December 31, 2025"] + [""] * 12),
            ",Trans #,Type,Date,Num,Name,Memo,Account,Clr,Split,Debit,Credit,Balance"]
    label = {c: f"{c} · {NAME[c]}" for c in NAME}
    bal = 0
    for i, t in enumerate(TXNS):
        for acc, v in t[5]:
            other = [a for a, _ in t[5] if a != acc][0]
            bal += v
            d, k = (money(v), "") if v > 0 else ("", money(-v))
            rows.append(row(["", f"{1001 + i:,}", t[4], mdy(t[0]), t[3], t[1], t[2],
                             label[acc], "", label[other], d, k, money(bal)]))
    alld = sum(v for t in TXNS for _, v in t[5] if v > 0)
    r = [""] * w
    r[9] = "Total"
    r[10], r[11] = money(alld), money(alld)
    rows.append(row(r))
    write("qbd-custom-transaction-detail.csv", rows)


# ---- Sage 50 --------------------------------------------------------------


def sage_ca(french):
    s = ";" if french else ","
    w = 7
    if french:
        rows = [row(["Maison des jeunes Test"] + [""] * 6, s),
                row(["Grand livre du 1 janv. 2025 au 31 déc. 2025"] + [""] * 6, s),
                row([""] * w, s),
                "Date;Commentaire;N° de source;N° d'écriture;Débits;Crédits;Solde"]
        fmt = fr
        dr, cr = " Dt", " Ct"
        date_fn = lambda d: f"{d[2]} {MONTHS_FR[d[1] - 1]} {d[0]}"
        name = NOM
    else:
        rows = [row(["Maison des jeunes Test"] + [""] * 6),
                row(["General Ledger Report From Jan 01, 2025 to Dec 31, 2025"] + [""] * 6),
                row([""] * w),
                "Date,Comment,Source #,JE #,Debits,Credits,Balance"]
        fmt = money
        dr, cr = " Dr", " Cr"
        date_fn = lambda d: f"{MONTHS_EN[d[1] - 1]} {d[2]:02d}, {d[0]}"
        name = NAME

    def bal_text(b):
        return fmt(abs(b)) + (dr if b > 0 else cr if b < 0 else "")

    je = 1
    for c in ORDER:
        bal = OPENING.get(c, 0)
        rows.append(row([f"{c} {name[c]}", "", "", "", "", "", bal_text(bal)], s))
        for t, other, v in lines_of(c):
            bal += v
            d, k = (fmt(v), "") if v > 0 else ("", fmt(-v))
            rows.append(row([date_fn(t[0]), t[2], t[3], f"J{je}", d, k, bal_text(bal)], s))
            je += 1
        deb, cre = sums(c)
        rows.append(row(["", "", "", "", fmt(deb), fmt(cre), bal_text(bal)], s))
        rows.append(row([""] * w, s))
    if french:
        write("sage50-ca-fr-gl.csv", rows, encoding="cp1252", newline="\r\n")
    else:
        write("sage50-ca-en-gl.csv", rows)


def sage_us():
    w = 9
    rows = [row(["Maison des jeunes Test"] + [""] * 8),
            row(["General Ledger"] + [""] * 8),
            row(["For the Period From Jan 1, 2025 to Dec 31, 2025"] + [""] * 8),
            row(["Filter Criteria includes: Report order is by ID. Report is printed "
                 "in Detail Format."] + [""] * 8),
            "Account ID,Account Description,Date,Reference,Jrnl,Trans Description,"
            "Debit Amt,Credit Amt,Balance"]
    yy = lambda d: f"{d[1]}/{d[2]}/{d[0] % 100:02d}"
    for c in ORDER:
        bal = OPENING.get(c, 0)
        opening = money(bal) if c != "4100" else ""    # 4100: no figure shown
        rows.append(row([c, NAME[c], "1/1/25", "", "", "Beginning Balance", "", "",
                         opening]))
        for t, other, v in lines_of(c):
            bal += v
            d, k = (money(v), "") if v > 0 else ("", money(-v))
            jr = "CRJ" if t[4] == "Deposit" else "CDJ"
            rows.append(row(["", "", yy(t[0]), t[3], jr, t[2], d, k, ""]))
        deb, cre = sums(c)
        rows.append(row(["", "", "", "", "", "Current Period Change",
                         money(deb) if deb else "", money(cre) if cre else "",
                         money(deb - cre)]))
        rows.append(row(["", "", "12/31/25", "", "", "Ending Balance", "", "",
                         money(bal)]))
    write("sage50-us-gl.csv", rows)


# ---- Xero, Wave -----------------------------------------------------------


def xero():
    w = 11
    rows = [row(["Account Transactions"] + [""] * 10),
            row(["Maison des jeunes Test"] + [""] * 10),
            row(["For the period 1 January 2025 to 31 December 2025"] + [""] * 10),
            row([""] * w),
            "Date,Source,Contact,Description,Reference,Currency,Debit (Source),"
            "Credit (Source),Debit (CAD),Credit (CAD),Running Balance (CAD)"]
    date_fn = lambda d: f"{d[2]} {MONTHS_EN[d[1] - 1]} {d[0]}"
    for c in ORDER:
        label = f"{c} - {NAME[c]}"
        rows.append(row([label] + [""] * 10))
        bal = 0
        if c in OPENING:
            bal = OPENING[c]
            rows.append(row(["Opening Balance"] + [""] * 9 + [money(bal)]))
        for t, other, v in lines_of(c):
            bal += natural(c, v)
            d, k = (money(v), "") if v > 0 else ("", money(-v))
            src = "Receive Money" if t[4] == "Deposit" else "Spend Money"
            rows.append(row([date_fn(t[0]), src, t[1], t[2], t[3], "CAD", d, k, d, k,
                             money(bal)]))
        deb, cre = sums(c)
        rows.append(row([f"Total {label}", "", "", "", "", "", money(deb), money(cre),
                         money(deb), money(cre), ""]))
        if c == "4200":
            rows.append(row(["Net Movement"] + [""] * 7 + [money(deb - cre), "", ""]))
        if c in OPENING:
            rows.append(row(["Closing Balance"] + [""] * 9 + [money(bal)]))
        rows.append(row([""] * w))
    write("xero-account-transactions.csv", rows)


def wave():
    rows = ["Account Transactions", "Maison des jeunes Test",
            "Date Range: 2025-01-01 to 2025-12-31",
            "Report Type: Accrual (Paid & Unpaid)",
            "ACCOUNT NUMBER,DATE,DESCRIPTION,DEBIT (In Business Currency),"
            "CREDIT (In Business Currency),BALANCE (In Business Currency)"]
    m = lambda c: money(c, dollar="before")
    for i, c in enumerate(ORDER):
        if i:
            rows.append('""')
        rows.append(row([c if c == "4100" else "", NAME[c], "", "", "", ""]))
        bal = OPENING.get(c, 0)
        rows.append(row(["Starting Balance", "", "", "", "", m(bal)]))
        for t, other, v in lines_of(c):
            bal += natural(c, v)
            d, k = (m(v), "") if v > 0 else ("", m(-v))
            rows.append(row(["", iso(t[0]), t[2], d, k, m(bal)]))
        deb, cre = sums(c)
        rows.append(row(["Totals and Ending Balance", "", "", m(deb), m(cre), m(bal)]))
        rows.append(row(["Balance Change", "", "", m(deb - cre), "", ""]))
    write("wave-account-transactions.csv", rows, newline="\r\n")


# ---- GnuCash, Odoo ----------------------------------------------------------


GNUCASH_PATH = {"1000": "Assets:Current Assets", "4100": "Income", "4200": "Income",
                "5100": "Expenses:Operating", "5200": "Expenses:Operating"}
GNUCASH_CHEMIN = {"1000": "Actif:Actif à court terme", "4100": "Revenus",
                  "4200": "Revenus", "5100": "Dépenses:Fonctionnement",
                  "5200": "Dépenses:Fonctionnement"}


def gnucash(french):
    s = ";" if french else ","
    if french:
        head = ("Date;ID de la transaction;Numéro;Description;Notes;Marchandise/Devise;"
                "Raison de l'annulation;Action;Mémo;Nom complet du compte;Nom du compte;"
                "Montant avec symbole;Montant num.;Valeur avec symbole;Valeur num.;"
                "Rapprochement;Date de rapprochement;Taux/Prix")
        leaf = lambda c: f"{c} {NOM[c]}"
        path = GNUCASH_CHEMIN
        num = lambda c: fr(c, thousands="")
        sym = lambda c: fr(c, dollar="after")
        date_fn = dmy
        odd = [("Déséquilibre-CAD", 1234), ("Orphelin-CAD", -1234)]
    else:
        head = ("Date,Transaction ID,Number,Description,Notes,Commodity/Currency,"
                "Void Reason,Action,Memo,Full Account Name,Account Name,Amount With Sym,"
                "Amount Num.,Value With Sym,Value Num.,Reconcile,Reconcile Date,Rate/Price")
        leaf = lambda c: NAME[c]
        path = GNUCASH_PATH
        num = lambda c: money(c, thousands="")
        sym = lambda c: money(c, dollar="before")
        date_fn = mdy
        odd = [("Imbalance-CAD", 1234), ("Orphan-CAD", -1234)]
    rows = [head]
    for i, t in enumerate(TXNS):
        tid = f"{0xa1b2c3d4 + i:08x}00000000000000000000000"
        for acc, v in t[5]:
            rows.append(row([date_fn(t[0]), tid, t[3], t[2], "", "CURRENCY::CAD", "", "",
                             "", f"{path[acc]}:{leaf(acc)}", leaf(acc), sym(v), num(v),
                             sym(v), num(v), "n", "", "1"], s))
    tid = "ffffffff00000000000000000000000"
    for acc, v in odd:
        rows.append(row([date_fn((2025, 6, 2)), tid, "", "Unbalanced entry", "",
                         "CURRENCY::CAD", "", "", "", acc, acc, sym(v), num(v), sym(v),
                         num(v), "n", "", "1"], s))
    write("gnucash-fr.csv" if french else "gnucash-en.csv", rows, newline="\r\n")


def odoo():
    s = ";"
    w = 11
    rows = [row(["Grand livre - Maison des jeunes Test - CAD"] + [""] * 10, s),
            row([""] * w, s), row([""] * w, s),
            row(["Filtre de plage de dates", "", "Du : 2025-01-01 Au : 2025-12-31"]
                + [""] * 8, s),
            row(["Filtre des écritures cibles", "", "Toutes les écritures comptabilisées"]
                + [""] * 8, s),
            row([""] * w, s), row([""] * w, s)]
    head = "Date;Pièce;Journal;Compte;Taxes;Partenaire;Réf - Libellé;Let.;Débit;Crédit;Cumul bal."
    for n, c in enumerate(ORDER):
        label = f"{c} - {NOM[c]}"
        rows.append(row([label] + [""] * 10, s))
        rows.append(head)
        op = OPENING.get(c, 0)
        od, oc = (op, 0) if op > 0 else (0, -op)
        rows.append(row(["", "", "", "", "", "Solde initial", "", "", fr(od), fr(oc),
                         fr(op)], s))
        bal = op
        for t, other, v in lines_of(c):
            bal += v
            d, k = (v, 0) if v > 0 else (0, -v)
            journal = "BNK1"
            rows.append(row([dmy(t[0]), f"{journal}/2025/{TXNS.index(t) + 1:04d}", journal,
                             c, "", t[1], f"{t[3]} - {t[2]}", "", fr(d), fr(k), fr(bal)], s))
        deb, cre = sums(c)
        rows.append(row([label, "", "", "", "", "Solde final", "", "", fr(od + deb),
                         fr(oc + cre), fr(bal)], s))
        rows.append(row([""] * w, s))
        rows.append(row([""] * w, s))
    write("odoo-gl.csv", rows)


# ---- broken exports -----------------------------------------------------------


def broken():
    d = os.path.join(HERE, "broken")
    os.makedirs(d, exist_ok=True)

    def read(name):
        with open(os.path.join(HERE, name), encoding="utf-8", newline="") as f:
            return f.read().split("\n")

    def put(name, rows):
        with open(os.path.join(d, name), "w", encoding="utf-8", newline="") as f:
            f.write("\n".join(rows))

    gl = read("qbo-gl.csv")
    # a total that disagrees with its lines
    put("total-mismatch.csv", [r.replace('"$7,500.00"', '"$7,600.00"') for r in gl])
    # cut in the middle of the Grants section
    cut = next(i for i, r in enumerate(gl) if r.startswith("Total for 4100"))
    put("truncated-mid-section.csv", gl[:cut] + [""])
    # cut after a section's total: no grand total row
    cut = next(i for i, r in enumerate(gl) if r.startswith("Total for 4200"))
    put("truncated-after-total.csv", gl[:cut + 1] + [""])
    # a row that is neither a transaction, a section nor a known label
    i = next(i for i, r in enumerate(gl) if r.startswith(",02/03/2025"))
    put("unknown-row.csv", gl[:i] + [",,Deposit,D-009,Someone,Stray row,,12.00,"] + gl[i:])
    # a date that is no date
    put("bad-date.csv", [r.replace(",02/03/2025,", ",02/31/2025,", 1) for r in gl])
    # an amount that is no amount
    i = next(i for i, r in enumerate(gl) if '"1,250.50"' in r)
    put("bad-amount.csv", gl[:i] + [gl[i].replace('"1,250.50"', "12.345", 1)] + gl[i + 1:])
    # the header of no profile (near qbo-gl: Memo instead of Memo/Description)
    put("unknown-header.csv", [r.replace(",Memo/Description,", ",Memo,") for r in gl])
    # a header that fits two profiles, neither covering the other
    put("two-profiles.csv", [
        ",Distribution account,Transaction date,Transaction type,Description,Amount,"
        "Split account",
        "Chequing,,,,,,",
        ",Chequing,01/15/2025,Deposit,Grant,5000.00,Grants", ""])
    # a closing balance that disagrees (Wave)
    wv = read("wave-account-transactions.csv")
    put("closing-mismatch.csv",
        [r.replace('"$15,784.68"\r', '"$15,785.68"\r', 1)
         if r.startswith("Totals and Ending Balance") else r for r in wv])
    # a transaction after the section's total (Xero)
    xr = read("xero-account-transactions.csv")
    i = next(i for i, r in enumerate(xr) if r.startswith("Total 4100"))
    put("line-after-total.csv", xr[:i + 1] + [
        "31 May 2025,Receive Money,Centraide,Late grant,D-099,CAD,10.00,,10.00,,"] + xr[i + 1:])


if __name__ == "__main__":
    bilan()
    qbo_gl()
    qbo_gl_modern()
    qbo_transaction_detail()
    qbo_grand_livre()
    qbd_gl()
    qbd_custom()
    sage_ca(False)
    sage_ca(True)
    sage_us()
    xero()
    wave()
    gnucash(False)
    gnucash(True)
    odoo()
    broken()
