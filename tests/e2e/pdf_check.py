#!/usr/bin/env python3
"""pdf_check.py - checks a report PDF against its figures.json with poppler's
pdftotext: every section is in the table of contents, in order, each on the
page the contents say; every program area (axis) of figures.json has its
section there, in the figures' order, with its year in figures; the totals
in the text are figures.json's in whole units, formatted as the language
writes them; the statement of revenue and expenses and the history table
show figures.json's amounts to the cent (current, previous and change of
every group and total), and each row adds up as shown.  Prints "ok - ..." /
"not ok - ..." lines; exits 1 on any failure.

    pdf_check.py REPORT.pdf FIGURES.json fr|en [--sections 'A|B|...'] [--absent 'X|Y|...']
                 [--currency CODE] [--people people.csv] [--labels report.ini]

--sections replaces the sample's list of sections (SECTIONS); --absent
names texts that must appear nowhere in the report; --currency is
report.ini's (CAD when not given); --people: every name of that people.csv
appears in the report; --labels: the report shows program areas and groups
by their labels in that report.ini's [labels.LANG].
"""
import csv
import json
import re
import subprocess
import sys
import unicodedata
from decimal import Decimal, ROUND_HALF_UP

SECTIONS = {
    "fr": ["Mission et approches", "Conseil d'administration", "Présentation de l'équipe",
           "Mot du président et de la directrice générale", "Vie interne", "Accompagnement",
           "Formation", "Mobilisation des connaissances", "Financement",
           "En apprentissage constant", "Nos complicités", "Le mot de la fin"],
    # the program areas' sections are named by the data (French in the sample)
    "en": ["Mission and approaches", "Board of directors", "Our team",
           "A word from the chair and the executive director", "Vie interne", "Accompagnement",
           "Formation", "Mobilisation des connaissances", "Financing", "Always learning",
           "Our partners", "Closing words"],
}
YEAR_IN_FIGURES = {"fr": "L'année en chiffres", "en": "The year in figures"}
LABELS = {
    "fr": ["Table des matières", "Total des revenus", "Total des dépenses", "Écart (%)",
           "Pour l'exercice terminé le 31 mars 2014", "Bailleur de fonds"],
    "en": ["Contents", "Total revenue", "Total expenses", "Change (%)",
           "For the fiscal year ended March 31, 2014", "Funder"],
}
TOC_TITLE = {"fr": "Table des matières", "en": "Contents"}
STATEMENT_CAPTION = {"fr": "Pour l'exercice terminé le", "en": "For the fiscal year ended"}
TOTALS = {
    "fr": {"revenue": "Total des revenus", "expenses": "Total des dépenses",
           "net": "Excédent (insuffisance) des revenus sur les dépenses"},
    "en": {"revenue": "Total revenue", "expenses": "Total expenses",
           "net": "Excess (deficiency) of revenue over expenses"},
}
SYMBOLS = {"CAD": "$", "USD": "$", "AUD": "$", "NZD": "$", "EUR": "€", "GBP": "£"}
failures = 0


def report(good, name, why=""):
    global failures
    print(("ok - " if good else "not ok - ") + name)
    if not good:
        failures += 1
        for line in str(why).splitlines()[:20]:
            print("# " + line)


def page_text(pdf, page, layout=False):
    args = ["pdftotext", "-f", str(page), "-l", str(page)] + (["-layout"] if layout else [])
    out = subprocess.run(args + [pdf, "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def flat(text):
    """Spaces of any kind and line breaks made one space."""
    return re.sub(r"[\s\u00a0\u202f]+", " ", text)


def page_count(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, check=True).stdout.decode()
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def money(value, lang, currency="CAD", cents=False, plus=False):
    """figures.json's amount -> the report's text (spaces plain): whole units
    (rounded half away from zero) as in sentences, or with cents as in
    tables; plus: "+" before a positive amount."""
    amount = int((Decimal(value) * 100).to_integral_value())
    units = abs(amount) // 100 if cents else (abs(amount) + 50) // 100
    sign = "-" if amount < 0 and (cents or units) else "+" if plus and amount > 0 else ""
    sym = SYMBOLS.get(currency, currency)
    number = "{:,}".format(units)
    if lang == "fr":
        number = number.replace(",", " ") + (",%02d" % (abs(amount) % 100) if cents else "")
        return sign + number + " " + sym
    number += ".%02d" % (abs(amount) % 100) if cents else ""
    return sign + sym + (" " if sym.isalpha() else "") + number


def money_pattern(lang, currency):
    """A regular expression for an amount with cents as money() writes it."""
    sym = re.escape(SYMBOLS.get(currency, currency))
    if lang == "fr":
        return r"[+-]?\d{1,3}(?: \d{3})*,\d{2} " + sym
    return r"[+-]?" + sym + (" " if sym.isalpha() else "") + r"\d{1,3}(?:,\d{3})*\.\d{2}"


def parse_money(text, lang):
    """An amount as the report shows it -> Decimal."""
    digits = re.sub(r"[^\d,.+-]", "", text)
    digits = digits.replace(",", ".") if lang == "fr" else digits.replace(",", "")
    return Decimal(digits)


def percent(value, lang, current=1, previous=0):
    if value is None:
        if previous < 0:
            return "n.s." if lang == "fr" else "n.m."
        if current == 0:
            return "\u2014"
        return "nouveau" if lang == "fr" else "new"
    text = "{:+.1f}".format(Decimal(str(value))) if value != 0 else "0.0"
    return text.replace(".", ",") + " %" if lang == "fr" else text + "%"


def check_toc(pdf, lang, pages, sections, axes):
    texts = {p: flat(page_text(pdf, p)) for p in range(1, pages + 1)}
    toc_page = next((p for p in texts if TOC_TITLE[lang] in texts[p]), None)
    report(toc_page is not None, "the table of contents is there")
    if toc_page is None:
        return
    entries = {}
    for line in page_text(pdf, toc_page, layout=True).splitlines():
        m = re.match(r"^\s*(\d+)\.\s+(.*?)\s*\.{3,}\s*(\d+)\s*$", line)
        if m:
            entries[m.group(2)] = int(m.group(3))
    order = [t for t in entries if t in sections]
    report(order == [t for t in sections if t in entries], "the contents list the sections in order",
           "contents: %r" % list(entries))
    listed = [t for t in entries if t in axes]
    report(listed == axes, "a section per program area, in the figures' order: %s" % ", ".join(axes),
           "contents: %r" % list(entries))
    starts = sorted(set(entries.values())) + [pages + 1]
    for axis in axes:
        page = entries.get(axis)
        end = next((p for p in starts if page and p > page), pages + 1)
        own = " ".join(texts[p] for p in range(page, end)) if page else ""
        report(YEAR_IN_FIGURES[lang] in own.split(axis, 1)[-1],
               "'%s' has its year in figures on its own pages" % axis, "pages %s-%s" % (page, end - 1))
    for title in sections:
        page = entries.get(title)
        if page is None:
            report(False, "contents list '%s'" % title, "entries: %r" % entries)
        elif not (1 <= page <= pages) or title not in texts[page]:
            report(False, "'%s' is on page %d as the contents say" % (title, page),
                   texts.get(page, "")[:300])
        else:
            report(True, "'%s' is on page %d as the contents say" % (title, page))


LABELS_OF = {}   # folded data name -> its label in the report's language


def fold(name):
    """A name as bilan compares labels: case, accents, runs of spaces and
    apostrophes aside."""
    text = unicodedata.normalize("NFKD", name.replace("\u2019", "'")).casefold()
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


def read_labels(path, lang):
    """report.ini's [labels.LANG]: name = label lines, inline comments off."""
    section = None
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            line = line.strip()
            if line.startswith("["):
                section = line[1:line.index("]")].strip().lower()
            elif section == "labels." + lang and "=" in line and not line.startswith(";"):
                name, value = line.split("=", 1)
                value = re.split(r"\s;", value, 1)[0]
                LABELS_OF[fold(name.strip())] = value.strip()


def shown_name(name):
    return LABELS_OF.get(fold(name), name)


def check_figures(pdf, figures, lang, currency):
    text = flat(subprocess.run(["pdftotext", pdf, "-"], capture_output=True,
                               check=True).stdout.decode("utf-8"))
    fin = figures["finances"]
    wanted = [("revenue", fin["revenue"]["current"]), ("expenses", fin["expenses"]["current"]),
              ("net", fin["net"]["current"])]
    if "self_generated" in fin:
        wanted += [("self-generated revenue", fin["self_generated"]["current"]),
                   ("previous self-generated revenue", fin["self_generated"]["previous"])]
    for name, value in wanted:
        shown = money(value, lang, currency)
        report(shown in text, "%s shown as %s in the text" % (name, shown))
    for group in fin["revenue_groups"]:
        shown = percent(group["change_pct"], lang, group["current"], group["previous"])
        report(shown in text, "change %% of '%s' shown as %s" % (group["group"], shown))
    for label in LABELS[lang]:
        report(label in text, "label '%s'" % label)


def table_rows(pdf, pages, lang, currency):
    """The rows of the tables on pages: (label, [amounts as shown]), one per
    line that shows an amount with cents; a wrapped label gives its first
    line."""
    pattern = re.compile(money_pattern(lang, currency))
    rows = []
    for page in pages:
        for line in flat_lines(page_text(pdf, page, layout=True)):
            found = pattern.findall(line)
            if found:
                rows.append((line[:line.find(found[0])].strip(), found))
    return rows


def flat_lines(text):
    return [re.sub(r"[\u00a0\u202f]", " ", line) for line in text.splitlines()]


def find_row(rows, label, count):
    """The row of label with at least count amounts: its label shown whole,
    else its first line (the label wrapped)."""
    fits = [r for r in rows if len(r[1]) >= count and r[0]]
    exact = [r for r in fits if r[0] == label]
    if exact:
        return exact[0]
    start = sorted((r for r in fits if flat(label).startswith(r[0])), key=lambda r: -len(r[0]))
    return start[0] if start else None


def check_statement(pdf, figures, lang, currency, pages):
    """The statement: every group and total to the cent, as figures.json has
    them; each row's change is its current less its previous as shown; the
    groups add up to their total as shown."""
    texts = {p: flat(page_text(pdf, p)) for p in range(1, pages + 1)}
    first = next((p for p in texts if STATEMENT_CAPTION[lang] in texts[p]), None)
    report(first is not None, "the statement of revenue and expenses is there")
    if first is None:
        return
    rows = table_rows(pdf, range(first, min(first + 2, pages + 1)), lang, currency)
    fin = figures["finances"]
    lines = [(shown_name(g["group"]), g, "revenue") for g in fin["revenue_groups"]]
    lines += [(TOTALS[lang]["revenue"], fin["revenue"], None)]
    lines += [(shown_name(g["group"]), g, "expenses") for g in fin["expense_groups"]]
    lines += [(TOTALS[lang]["expenses"], fin["expenses"], None), (TOTALS[lang]["net"], fin["net"], None)]
    sums = {"revenue": Decimal(0), "expenses": Decimal(0)}
    for label, fig, side in lines:
        want = [money(fig["current"], lang, currency, cents=True),
                money(fig["previous"], lang, currency, cents=True),
                money(fig["change"], lang, currency, cents=True, plus=True)]
        row = find_row(rows, label, 3)
        shown = row[1][:3] if row else None
        report(shown == want, "statement: '%s' shows %s" % (label, " | ".join(want)),
               "shown: %r" % (row,))
        if not shown:
            continue
        cur, prev, change = (parse_money(x, lang) for x in shown)
        report(cur - prev == change, "statement: '%s' change = current - previous, to the cent" % label,
               "%s - %s != %s" % (cur, prev, change))
        if side:
            sums[side] += cur
        elif label != TOTALS[lang]["net"]:
            side = "revenue" if label == TOTALS[lang]["revenue"] else "expenses"
            report(sums[side] == cur, "statement: the %s groups add up to '%s'" % (side, label),
                   "%s != %s" % (sums[side], cur))
    net = find_row(rows, TOTALS[lang]["net"], 3)
    if net:
        report(parse_money(net[1][0], lang) == sums["revenue"] - sums["expenses"],
               "statement: net = revenue - expenses, to the cent")
    for h in fin["history"]:
        want = [money(h[k], lang, currency, cents=True) for k in ("revenue", "expenses", "net")]
        row = find_row(rows, h["label"], 3)
        report(row is not None and row[1][:3] == want,
               "history: %s shows %s" % (h["label"], " | ".join(want)), "shown: %r" % (row,))


def check_people(pdf, path):
    text = flat(subprocess.run(["pdftotext", pdf, "-"], capture_output=True,
                               check=True).stdout.decode("utf-8"))
    with open(path, encoding="utf-8-sig", newline="") as f:
        names = [row[0].strip() for i, row in enumerate(csv.reader(f)) if i and row]
    missing = [n for n in names if flat(n) not in text]
    report(not missing, "all %d people of %s are in the report" % (len(names), path),
           "missing: %s" % ", ".join(missing))


def check_absent(pdf, absent):
    text = flat(subprocess.run(["pdftotext", pdf, "-"], capture_output=True,
                               check=True).stdout.decode("utf-8"))
    for word in absent:
        report(word not in text, "'%s' appears nowhere" % word)


def main():
    pdf, figures_path, lang = sys.argv[1:4]
    options = dict(zip(sys.argv[4::2], sys.argv[5::2]))
    if "--labels" in options:
        read_labels(options["--labels"], lang)
    sections = options["--sections"].split("|") if "--sections" in options else SECTIONS[lang]
    sections = [shown_name(s) for s in sections]
    with open(figures_path, encoding="utf-8") as f:
        figures = json.load(f, parse_float=Decimal)
    pages = page_count(pdf)
    axes = [shown_name(a["axis"]) for a in figures["activities"]["axes"]]
    check_toc(pdf, lang, pages, sections, axes)
    currency = options.get("--currency", "CAD")
    check_figures(pdf, figures, lang, currency)
    check_statement(pdf, figures, lang, currency, pages)
    if "--people" in options:
        check_people(pdf, options["--people"])
    if "--absent" in options:
        check_absent(pdf, options["--absent"].split("|"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
