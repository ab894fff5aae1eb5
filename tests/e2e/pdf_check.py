#!/usr/bin/env python3
"""pdf_check.py - checks a report PDF against its figures.json with poppler's
pdftotext: every section is in the table of contents, in order, each on the
page the contents say; every program area (axis) of figures.json has its
section there, in the figures' order, with its year in figures; the totals
shown are figures.json's, formatted as the language writes them.  Prints
"ok - ..." / "not ok - ..." lines; exits 1 on any failure.

    pdf_check.py REPORT.pdf FIGURES.json fr|en [--sections 'A|B|...'] [--absent 'X|Y|...']

--sections replaces the sample's list of sections (SECTIONS); --absent
names texts that must appear nowhere in the report.
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


def check_absent(pdf, absent):
    text = flat(subprocess.run(["pdftotext", pdf, "-"], capture_output=True,
                               check=True).stdout.decode("utf-8"))
    for word in absent:
        report(word not in text, "'%s' appears nowhere" % word)


def main():
    pdf, figures_path, lang = sys.argv[1:4]
    options = dict(zip(sys.argv[4::2], sys.argv[5::2]))
    sections = options["--sections"].split("|") if "--sections" in options else SECTIONS[lang]
    with open(figures_path, encoding="utf-8") as f:
        figures = json.load(f, parse_float=Decimal)
    pages = page_count(pdf)
    axes = [a["axis"] for a in figures["activities"]["axes"]]
    check_toc(pdf, lang, pages, sections, axes)
    check_figures(pdf, figures, lang)
    if "--absent" in options:
        check_absent(pdf, options["--absent"].split("|"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
