#!/usr/bin/env python3
"""pdf_variants.py SAMPLE OUT - copies of the sample input folder unlike it,
for tests/e2e/test_pdf_layout.sh: each variant is OUT/NAME/ (a full input
folder) and stresses one way another organisation's report differs from
Dynamo's.

  long       a 71-character name, a long subtitle and title, long group
             and program-area names (contents entries over a line, and in
             the budget's tables), no address and no phone
  negative   a revenue group below zero and a net loss
  groups     many revenue and expense groups, some with long names
  nofunders  no counterparty on any revenue line, and no logo
  scripts    people, partners and a text in Vietnamese, Greek, Cyrillic,
             "ǆ", Chinese and Arabic
  tiny       a three-line ledger, two activities, one person
  zero       a previous year whose every amount is 0
  norevenue  no revenue in any year: the revenue chart's values are all 0
  rich       a text with a picture, a GFM table, footnotes, links, HTML

Only "long" keeps the sample's budget.csv and balances.csv (copy()).
Only the standard library; the sample's formats are kept (ledger.csv: ';',
decimal comma, DD/MM/YYYY, BOM)."""
import csv
import io
import os
import shutil
import sys

SAMPLE, OUT = sys.argv[1], sys.argv[2]


def copy(name, statements=False):
    """The sample as OUT/name; without budget.csv and balances.csv unless
    statements: most variants change the ledger or the groups those name
    (the books would no longer balance), and test_statements.sh covers
    them."""
    dest = os.path.join(OUT, name)
    shutil.copytree(SAMPLE, dest)
    if not statements:
        for f in ("budget.csv", "balances.csv"):
            if os.path.exists(os.path.join(dest, f)):
                os.remove(os.path.join(dest, f))
    return dest


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return f.read()


def write(path, text, bom=False):
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        f.write(text)


def rows(path, delimiter=","):
    return list(csv.reader(io.StringIO(read(path)), delimiter=delimiter))


def put_rows(path, table, delimiter=",", bom=False):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
    w.writerows(table)
    write(path, buf.getvalue(), bom)


def ini_set(path, section, key, value):
    """Sets (or adds, or with value None removes) key in [section]."""
    out, current, done = [], None, False
    for line in read(path).splitlines():
        s = line.strip()
        if s.startswith("["):
            if current == section and not done and value is not None:
                out.append("%s = %s" % (key, value))
                done = True
            current = s[1:s.index("]")]
        elif current == section and s.split("=")[0].strip() == key:
            if value is not None and not done:
                out.append("%s = %s" % (key, value))
            done = True
            continue
        out.append(line)
    if not done and value is not None:
        out.append("%s = %s" % (key, value))
    write(path, "\n".join(out) + "\n")


def ledger_add(d, lines):
    """Appends (date, account, counterparty, memo, debit, credit) lines."""
    table = rows(os.path.join(d, "ledger.csv"), ";")
    for i, (date, account, who, memo, debit, credit) in enumerate(lines):
        table.append([date, account, who, memo, "X-%d" % i, debit, credit])
    put_rows(os.path.join(d, "ledger.csv"), table, ";", bom=True)


def long_names():
    d = copy("long", statements=True)   # the budget's tables get the long names
    ini = os.path.join(d, "report.ini")
    name = "Regroupement des organismes communautaires autonomes de Lanaudière-Nord"
    assert len(name) == 71, len(name)
    ini_set(ini, "organisation", "name", name)
    ini_set(ini, "organisation", "subtitle",
            "Ressource régionale en mobilisation, en concertation et en développement "
            "des collectivités rurales et urbaines")
    ini_set(ini, "organisation", "address", None)
    ini_set(ini, "organisation", "phone", None)
    ini_set(ini, "report", "title",
            "Rapport annuel d'activités, états financiers et perspectives de développement")
    acc = rows(os.path.join(d, "accounts.csv"))
    for r in acc[1:]:
        if r[3] == "Subventions":
            r[3] = "Subventions gouvernementales, philanthropiques et municipales récurrentes"
        elif r[3] == "Frais d'activités":
            r[3] = "Frais d'activités, d'animation, d'hébergement et de déplacement des participants"
    put_rows(os.path.join(d, "accounts.csv"), acc)
    budget = rows(os.path.join(d, "budget.csv"))
    renamed = {r[3]: a[3] for r, a in zip(rows(os.path.join(SAMPLE, "accounts.csv"))[1:],
                                          acc[1:])}
    for r in budget[1:]:
        r[2] = renamed.get(r[2], r[2])
    put_rows(os.path.join(d, "budget.csv"), budget)
    act = rows(os.path.join(d, "activities.csv"))
    for r in act[1:]:
        if r[1] == "Formation":
            r[1] = ("Formation continue des intervenantes et des intervenants communautaires "
                    "des régions de Lanaudière et des Laurentides")
    put_rows(os.path.join(d, "activities.csv"), act)


def negative():
    d = copy("negative")
    ledger_add(d, [
        ("15/01/2014", "4900", "Banque", "Perte sur placements", "40 000,00", ""),
        ("20/02/2014", "5000", "", "Paie, rattrapage salarial", "120 000,00", ""),
    ])


def many_groups():
    d = copy("groups")
    acc = rows(os.path.join(d, "accounts.csv"))
    lines = []
    names = ["Cotisations", "Commandites", "Ventes", "Placements", "Loyers perçus",
             "Subventions salariales d'Emploi-Québec et de Service Canada",
             "Campagne de financement", "Tirages", "Dons in memoriam", "Legs"]
    for i, g in enumerate(names):
        code = str(4300 + i)
        acc.append([code, g, "revenue", g])
        lines.append(("%02d/06/2013" % (i + 1), code, "Tiers %d" % i, g,
                      "", "%d 000,00" % (3 + 7 * i)))
        lines.append(("%02d/06/2012" % (i + 1), code, "Tiers %d" % i, g,
                      "", "%d 500,00" % (2 + 5 * i)))
    for i in range(14):
        code = str(5700 + i)
        g = "Dépenses du projet numéro %d" % (i + 1)
        acc.append([code, g, "expense", g])
        lines.append(("%02d/07/2013" % (i + 1), code, "", g, "%d 250,00" % (1 + 3 * i), ""))
    put_rows(os.path.join(d, "accounts.csv"), acc)
    ledger_add(d, lines)


def no_funders():
    d = copy("nofunders")
    kinds = {r[0]: r[2] for r in rows(os.path.join(d, "accounts.csv"))[1:]}
    table = rows(os.path.join(d, "ledger.csv"), ";")
    for r in table[1:]:
        if kinds.get(r[1]) == "revenue":
            r[2] = ""
    put_rows(os.path.join(d, "ledger.csv"), table, ";", bom=True)
    ini_set(os.path.join(d, "report.ini"), "organisation", "logo", None)
    os.remove(os.path.join(d, "logo.png"))


SCRIPT_NAMES = ["Nguyễn Thị Minh Khai", "ǆemal Ǆokić", "Αλέξανδρος Παπαδόπουλος",
                "Дмитрий Иванович Соколов", "王小明", "محمد علي",
                # the same without their marks, to compare the ink drawn
                "Nguyen Thi Minh Khai", "dzemal DZokić", "Αλεξανδρος Παπαδοπουλος"]


def scripts():
    d = copy("scripts")
    people = rows(os.path.join(d, "people.csv"))
    for i, n in enumerate(SCRIPT_NAMES):
        people[1 + i][0] = n
    put_rows(os.path.join(d, "people.csv"), people)
    act = rows(os.path.join(d, "activities.csv"))
    for i, n in enumerate(["Hội Phụ nữ Việt Nam", "Ελληνική Κοινότητα", "Русский дом"]):
        act[1 + i][4] = n
    put_rows(os.path.join(d, "activities.csv"), act)
    path = os.path.join(d, "texts", "mission.md")
    write(path, read(path) + "\nChào mừng Nguyễn Thị, Ελληνικά, Кириллица, ǆ.\n"
          "\nUne abeille \U0001F41D butine.\n")


def tiny():
    d = copy("tiny")
    head = rows(os.path.join(d, "ledger.csv"), ";")[0]
    put_rows(os.path.join(d, "ledger.csv"), [head,
             ["01/05/2013", "4910", "Membres", "Cotisations", "P-1", "", "450,00"],
             ["02/05/2013", "5410", "Bureau en gros", "Fournitures", "P-2", "120,00", ""],
             ["03/05/2012", "4910", "Membres", "Cotisations", "P-3", "", "300,00"]],
             ";", bom=True)
    act = rows(os.path.join(d, "activities.csv"))
    put_rows(os.path.join(d, "activities.csv"),
             [act[0], ["2013-06-01", "Vie interne", "Assemblée générale", "AGA", "", "Montréal",
                       "12", "2"],
              ["2012-06-01", "Vie interne", "Assemblée générale", "AGA", "", "Montréal",
               "10", "2"]])
    people = rows(os.path.join(d, "people.csv"))
    put_rows(os.path.join(d, "people.csv"), people[:2])
    shutil.rmtree(os.path.join(d, "texts"))
    ini_set(os.path.join(d, "report.ini"), "report", "self_generated", None)
    ini_set(os.path.join(d, "report.ini"), "csv", "date_order", "dmy")


def zero():
    d = copy("zero")
    table = rows(os.path.join(d, "ledger.csv"), ";")
    keep = [table[0]] + [r for r in table[1:] if r[0][6:] >= "2013"
                         and not (r[0][6:] == "2013" and r[0][3:5] < "04")]
    put_rows(os.path.join(d, "ledger.csv"), keep, ";", bom=True)


def no_revenue():
    d = copy("norevenue")
    kinds = {r[0]: r[2] for r in rows(os.path.join(d, "accounts.csv"))[1:]}
    table = rows(os.path.join(d, "ledger.csv"), ";")
    keep = [table[0]] + [r for r in table[1:] if kinds.get(r[1]) != "revenue"]
    put_rows(os.path.join(d, "ledger.csv"), keep, ";", bom=True)
    ini_set(os.path.join(d, "report.ini"), "report", "self_generated", None)


RICH = '''# Mission et approches

Notre mission[^1] : voir le [site de Dynamo](https://dynamocollectivo.com/mission)
ou <https://example.org/rapport>, et écrire à <info@example.org>.

![La ruche de Dynamo, vue du ciel](images/ruche.png)

| Programme | Participants | Heures | Remarque |
|:----------|-------------:|:------:|----------|
| Formation | 1 250 | 310,5 | Une remarque assez longue pour passer à la ligne dans sa colonne étroite |
| Accompagnement | 87 | 42 | Courte |

<div class="encadre">Un encadré en HTML.</div>

Un mot <span>en HTML</span> dans le texte.

<!-- un commentaire, qui n'est pas un avertissement -->

![Absente](images/absente.png) et ![Distante](https://example.org/x.png)

Une seconde note[^note].

[^1]: Adoptée en assemblée générale, le 12 juin 2013.
[^note]: Une note de bas de section.
'''


def rich():
    d = copy("rich")
    os.makedirs(os.path.join(d, "texts", "images"))
    shutil.copy(os.path.join(d, "logo.png"), os.path.join(d, "texts", "images", "ruche.png"))
    write(os.path.join(d, "texts", "mission.md"), RICH)


os.makedirs(OUT, exist_ok=True)
for make in (long_names, negative, many_groups, no_funders, scripts, tiny, zero, no_revenue,
             rich):
    make()
