#!/usr/bin/env python3
"""pdf_check.py - checks a report PDF against its figures.json with poppler's
pdftotext: every section is in the table of contents, each on the page the
contents say, and the totals shown are figures.json's, formatted as the
language writes them.  Prints "ok - ..." / "not ok - ..." lines; exits 1 on
any failure.

    pdf_check.py REPORT.pdf FIGURES.json fr|en
"""
import json
import re
import subprocess
import sys
from decimal import Decimal, ROUND_HALF_UP

SECTIONS = {
    "fr": ["Mission et approches", "Conseil d'administration", "Présentation de l'équipe",
           "Mot du président et de la directrice générale", "Vie interne", "Accompagnement",
           "Formation", "Mobilisation des connaissances", "Financement",
           "En apprentissage constant", "Nos complicités", "Le mot de la fin"],
    "en": ["Mission and approaches", "Board of directors", "Our team",
           "A word from the chair and the executive director", "Internal life", "Coaching",
           "Training", "Knowledge mobilisation", "Financing", "Always learning",
           "Our partners", "Closing words"],
}
LABELS = {
    "fr": ["Table des matières", "Total des revenus", "Total des dépenses", "Écart (%)",
           "Pour l'exercice terminé le 31 mars 2014", "Bailleur de fonds"],
    "en": ["Contents", "Total revenue", "Total expenses", "Change (%)",
           "For the fiscal year ended March 31, 2014", "Funder"],
}
TOC_TITLE = {"fr": "Table des matières", "en": "Contents"}
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


def money(value, lang):
    """figures.json's amount -> the report's whole-dollar text (spaces plain)."""
    cents = int((Decimal(value) * 100).to_integral_value())
    dollars = (abs(cents) + 50) // 100
    sign = "-" if cents < 0 and dollars else ""
    if lang == "fr":
        return sign + "{:,}".format(dollars).replace(",", " ") + " $"
    return sign + "$" + "{:,}".format(dollars)


def percent(value, lang):
    if value is None:
        return "nouveau" if lang == "fr" else "new"
    text = "{:+.1f}".format(Decimal(str(value))) if value != 0 else "0.0"
    return text.replace(".", ",") + " %" if lang == "fr" else text + "%"


def check_toc(pdf, lang, pages):
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
    for title in SECTIONS[lang]:
        page = entries.get(title)
        if page is None:
            report(False, "contents list '%s'" % title, "entries: %r" % entries)
        elif not (1 <= page <= pages) or title not in texts[page]:
            report(False, "'%s' is on page %d as the contents say" % (title, page),
                   texts.get(page, "")[:300])
        else:
            report(True, "'%s' is on page %d as the contents say" % (title, page))


def check_figures(pdf, figures, lang):
    text = flat(subprocess.run(["pdftotext", pdf, "-"], capture_output=True,
                               check=True).stdout.decode("utf-8"))
    fin = figures["finances"]
    wanted = [("revenue", fin["revenue"]["current"]), ("expenses", fin["expenses"]["current"]),
              ("net", fin["net"]["current"]), ("previous revenue", fin["revenue"]["previous"])]
    if "self_generated" in fin:
        wanted += [("self-generated revenue", fin["self_generated"]["current"]),
                   ("previous self-generated revenue", fin["self_generated"]["previous"])]
    for name, value in wanted:
        shown = money(value, lang)
        report(shown in text, "%s shown as %s" % (name, shown))
    for group in fin["revenue_groups"]:
        shown = percent(group["change_pct"], lang)
        report(shown in text, "change %% of '%s' shown as %s" % (group["group"], shown))
    for label in LABELS[lang]:
        report(label in text, "label '%s'" % label)


def main():
    pdf, figures_path, lang = sys.argv[1:4]
    with open(figures_path, encoding="utf-8") as f:
        figures = json.load(f, parse_float=Decimal)
    pages = page_count(pdf)
    check_toc(pdf, lang, pages)
    check_figures(pdf, figures, lang)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
