#!/usr/bin/env python3
"""gen_sample.py - writes the CSV files of the sample input folder (input/).

The sample is the data of Dynamo, a Montréal nonprofit ("Ressource en
mobilisation des collectivités"), for the three fiscal years ending 31 March
2012, 2013 and 2014, modelled on its annual report 2013-2014
(shared/reference/bilan-annuel-2013-2014.txt).  ledger.csv is a
general-ledger export as an accounting package writes it in Québec: UTF-8
with BOM, CRLF, semicolons, French headers, DD/MM/YYYY dates, debit and
credit columns with decimal comma and space (sometimes no-break space)
thousands separators, credit notes, memos holding semicolons, quotes and a
line break, a few lines on balance-sheet accounts and a few outside the
three years.  It yields self-generated revenue ("Revenus autonomes") of
exactly 79 000,00 $ in 2012-2013 and 124 980,00 $ in 2013-2014 (+58.2 %),
total revenue growing from about 520 k$ to 774 k$ and a small surplus in
2013-2014.  activities.csv (UTF-8, comma, LF, ISO dates) holds the year's
events: the Grands Rendez-vous, the preparatory meetings, the Forum ouvert,
the LAB, the Drummond conference, the Leadership rassembleur cohort; its
2013-2014 partners are exactly the 31 "complicités" of the report, some
written in other case or with surrounding spaces; 2012-2013 holds the tour
of the Grands rassembleurs (519 people in 14 regions).  accounts.csv is the
chart of accounts (one expense account without any line), people.csv the
board, the team and the associates.  The program areas (axes) first appear
in 2012-2013 in the order of the report's sections: Vie interne (the board's
first meeting opens each fiscal year), Accompagnement, Formation,
Mobilisation des connaissances.  report.ini and texts/*.md are written by
hand; a program area's text is named after it (texts/vie-interne.md,
texts/mobilisation-des-connaissances.md).

The ledger is double-entry: each revenue and expense line has its
counterpart on cash (grants, payroll, rent), receivables (invoices,
collected about a month later) or payables (suppliers' bills, paid about a
month later), and the balance-sheet lines move cash, a term deposit,
receivables, payables and the operating reserve.  balances.csv gives the
audited balances at 31 March 2011 (so that the books balance at every
year-end); budget.csv the budgets of 2013-2014 and 2014-2015, the
self-generated group's 2014-2015 budget being the report's "cap du
180 000 $".  All of this draws on a second random stream (STATEMENTS_RNG),
so that the revenue and expense lines, the activities and every figure
computed from them are the same as without it.

Deterministic (random.Random(2014), no set iteration, no clock): re-running
reproduces the same bytes.  Usage: scripts/gen_sample.py [OUTPUT_DIR]
(default: the input/ folder beside scripts/).
"""

import datetime as dt
import os
import random
import sys

rng = random.Random(2014)
STATEMENTS_RNG = random.Random(20110331)   # counterparts, balances, budget
BALANCES_DATE = dt.date(2011, 3, 31)
LEDGER_END = dt.date(2014, 3, 31)          # no settlement after it

YEARS = (2012, 2013, 2014)          # fiscal years, named by their end
DAY = dt.timedelta(days=1)

# --------------------------------------------------------------------------
# Chart of accounts: (code, name, kind, group)

ACCOUNTS = [
    ("1000", "Encaisse", "asset", "Encaisse et placements"),
    ("1100", "Dépôt à terme", "asset", "Encaisse et placements"),
    ("1200", "Comptes à recevoir", "asset", "Débiteurs"),
    ("2100", "Comptes fournisseurs et charges à payer", "liability", "Créditeurs et charges à payer"),
    ("3000", "Actif net non affecté", "equity", "Actif net non affecté"),
    ("3100", "Réserve de fonctionnement (affectation interne)", "equity", "Actif net affecté"),
    ("4100", "Centraide du Grand Montréal", "revenue", "Subventions"),
    ("4110", "Fondation de la famille J.W. McConnell", "revenue", "Subventions"),
    ("4120", "Fonds québécois d'initiatives sociales", "revenue", "Subventions"),
    ("4130", "Québec en forme", "revenue", "Subventions"),
    ("4140", "Société de développement Angus", "revenue", "Subventions"),
    ("4150", "Ville de Montréal", "revenue", "Subventions"),
    ("4160", "Centre local d'emploi (subvention salariale)", "revenue", "Subventions"),
    ("4170", "HEC Montréal (formation en partenariat)", "revenue", "Subventions"),
    ("4200", "Services d'accompagnement", "revenue", "Revenus autonomes"),
    ("4210", "Formations Collectivo", "revenue", "Revenus autonomes"),
    ("4220", "Conférences et ateliers", "revenue", "Revenus autonomes"),
    ("4230", "Leadership rassembleur, frais de participation", "revenue", "Revenus autonomes"),
    ("4240", "Documentation, évaluation et facilitation graphique", "revenue", "Revenus autonomes"),
    ("4900", "Intérêts", "revenue", "Autres revenus"),
    ("4910", "Dons", "revenue", "Autres revenus"),
    ("5000", "Salaires, équipe permanente", "expense", "Salaires et charges sociales"),
    ("5010", "Salaires, projets", "expense", "Salaires et charges sociales"),
    ("5020", "Charges sociales de l'employeur", "expense", "Salaires et charges sociales"),
    ("5030", "Avantages sociaux (assurance collective, REER)", "expense", "Salaires et charges sociales"),
    ("5100", "Honoraires, formateurs et consultants", "expense", "Honoraires professionnels"),
    ("5110", "Honoraires, vérification", "expense", "Honoraires professionnels"),
    ("5120", "Honoraires, tenue de livres", "expense", "Honoraires professionnels"),
    ("5200", "Location de salles", "expense", "Frais d'activités"),
    ("5210", "Repas et pauses", "expense", "Frais d'activités"),
    ("5220", "Matériel d'animation", "expense", "Frais d'activités"),
    ("5230", "Hébergement, séjours en résidence", "expense", "Frais d'activités"),
    ("5300", "Kilométrage et location de véhicules", "expense", "Frais de déplacement"),
    ("5310", "Transport en commun, taxis et stationnement", "expense", "Frais de déplacement"),
    ("5400", "Loyer", "expense", "Loyer et frais de bureau"),
    ("5410", "Fournitures de bureau", "expense", "Loyer et frais de bureau"),
    ("5420", "Informatique et logiciels", "expense", "Loyer et frais de bureau"),
    ("5430", "Téléphone et Internet", "expense", "Loyer et frais de bureau"),
    ("5500", "Site web et réseaux sociaux", "expense", "Communications"),
    ("5510", "Graphisme et impression", "expense", "Communications"),
    ("5520", "Production vidéo", "expense", "Communications"),
    ("5600", "Formation et perfectionnement", "expense", "Formation du personnel"),
    ("5610", "Colloques et congrès", "expense", "Formation du personnel"),
    ("5800", "Assurances", "expense", "Frais administratifs"),
    ("5810", "Frais bancaires", "expense", "Frais administratifs"),
    ("5820", "Cotisations et abonnements", "expense", "Frais administratifs"),
    ("5850", "Créances irrécouvrables", "expense", "Frais administratifs"),
]

# --------------------------------------------------------------------------
# Targets, in cents.  Grants by account and year; the self-generated group
# exactly; other revenue; the net result.

GRANTS = {
    "4100": {2012: 35250000, 2013: 37200000, 2014: 39875000},
    "4110": {2012: 3500000, 2013: 5000000, 2014: 8500000},
    "4120": {2012: 2250000, 2013: 6750000, 2014: 3000000},
    "4130": {2013: 3850000, 2014: 6240000},
    "4140": {2012: 2000000, 2013: 2250000, 2014: 2500000},
    "4150": {2012: 1200000, 2013: 1500000, 2014: 1850000},
    "4160": {2012: 1487240, 2013: 1633875, 2014: 1790652},
    "4170": {2014: 750000},
}
SELF_GENERATED = {2012: 6134500, 2013: 7900000, 2014: 12498000}
INTEREST = {2012: 41237, 2013: 53819, 2014: 68403}
DONATIONS = {2012: 185000, 2013: 227500, 2014: 314000}
NET = {2012: 321846, 2013: -674218, 2014: 1432691}

# Leadership rassembleur: (cohort, leaders, fee in cents) per year.
COHORT = {2012: ("4e", 16, 125000), 2013: ("5e", 17, 135000),
          2014: ("6e", 18, 145000)}

FUNDER = {
    "4100": "Centraide du Grand Montréal",
    "4110": "La fondation de la famille J.W. McConnell",
    "4120": "Fonds québécois d'initiatives sociales",
    "4130": "Québec en forme",
    "4140": "La Société de développement Angus",
    "4150": "Ville de Montréal",
    "4160": "Centre local d'emploi",
    "4170": "HEC Montréal",
}

# --------------------------------------------------------------------------
# Partners.  The 31 "complicités" of 2013-2014 with their region.

COMPLICITES = [
    ("Association des organismes de justice alternative du Québec (ASSOJAQ)", "Montréal"),
    ("Carrefour de développement social de la MRC de Drummond", "Centre-du-Québec"),
    ("CDC Action Solidarité Grand Plateau", "Montréal"),
    ("CDC Centre-Sud", "Montréal"),
    ("CDC de Rosemont", "Montréal"),
    ("CDC Longueuil", "Montérégie"),
    ("CDC Marguerite-D'Youville", "Montérégie"),
    ("CDC Roussillon", "Montérégie"),
    ("CDC Vallée-du-Richelieu", "Montérégie"),
    ("Centraide Canada", "Capitale-Nationale"),
    ("Centraide Laurentides", "Laurentides"),
    ("CLIC de Bordeaux-Cartierville", "Montréal"),
    ("Coalition Petite-Bourgogne, quartier en santé", "Montréal"),
    ("Comité de développement local de Chomedey", "Laval"),
    ("Concertation en développement social de Verdun", "Montréal"),
    ("Concertation Saint-Léonard", "Montréal"),
    ("CRÉ Montérégie Est", "Montérégie"),
    ("CSN – Côte Nord", "Côte-Nord"),
    ("Démarche des premiers quartiers de Trois-Rivières", "Mauricie"),
    ("Table de concertation du Faubourg Saint-Laurent", "Montréal"),
    ("Forme ta vie", "Lanaudière"),
    ("Forum régional en développement social de l'île de Montréal", "Montréal"),
    ("Horizon 0-5", "Montréal"),
    ("Montréal-Nord en santé", "Montréal"),
    ("Parc-Extension", "Montréal"),
    ("Regroupement pour le développement de Villeray", "Montréal"),
    ("Saint-François en action", "Laval"),
    ("Solidarité Mercier-Est", "Montréal"),
    ("Table de concertation en sécurité alimentaire du Vieux-Longueuil", "Montérégie"),
    ("Table en sécurité alimentaire Samuel-de-Champlain", "Montérégie"),
    ("Vivre Saint-Michel en santé", "Montréal"),
]
REGION_OF = dict(COMPLICITES)
ASSOJAQ, DRUMMOND = COMPLICITES[0][0], COMPLICITES[1][0]
CENTRAIDE_CANADA, CENTRAIDE_LAURENTIDES = COMPLICITES[9][0], COMPLICITES[10][0]
CLIC, HORIZON = COMPLICITES[11][0], COMPLICITES[22][0]
MTL_NORD, VSMS = COMPLICITES[23][0], COMPLICITES[30][0]
TNCDC = "Table nationale des corporations de développement communautaire (TNCDC)"

# Partners of the two earlier years (some no longer accompanied).
PARTNERS_2013 = [CLIC, "CDC Centre-Sud", "CDC de Rosemont", MTL_NORD,
                 "Solidarité Mercier-Est", "Concertation Saint-Léonard",
                 "Regroupement pour le développement de Villeray",
                 "Parc-Extension", "CDC Longueuil",
                 "Coalition Petite-Bourgogne, quartier en santé",
                 "Table de concertation du Faubourg Saint-Laurent",
                 "Table de quartier Hochelaga-Maisonneuve",
                 "Concertation Ville-Émard/Côte St-Paul", VSMS]
PARTNERS_2012 = [CLIC, "CDC Centre-Sud", MTL_NORD, "Solidarité Mercier-Est",
                 "Parc-Extension", "Table de quartier Hochelaga-Maisonneuve",
                 "Concertation Ville-Émard/Côte St-Paul",
                 "Concertation Saint-Léonard", CENTRAIDE_CANADA]
for _name in ("Table de quartier Hochelaga-Maisonneuve",
              "Concertation Ville-Émard/Côte St-Paul"):
    REGION_OF[_name] = "Montréal"

TOUR_REGIONS = ["Montréal", "Montérégie", "Laval", "Laurentides", "Lanaudière",
                "Centre-du-Québec", "Mauricie", "Estrie", "Capitale-Nationale",
                "Chaudière-Appalaches", "Saguenay–Lac-Saint-Jean",
                "Bas-Saint-Laurent", "Outaouais", "Abitibi-Témiscamingue"]

# --------------------------------------------------------------------------
# Small helpers


def fy_start(year):
    return dt.date(year - 1, 4, 1)


def fy_end(year):
    return dt.date(year, 3, 31)


def fy_months(year):
    """(calendar year, month) of the twelve months of fiscal year `year`."""
    return [(year - 1, m) for m in range(4, 13)] + [(year, m) for m in range(1, 4)]


MONTH_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
            "août", "septembre", "octobre", "novembre", "décembre"]


def weekday(year, month, day):
    """The date, moved forward to a weekday (day <= 27 keeps it in the year)."""
    d = dt.date(year, month, day)
    while d.weekday() >= 5:
        d += DAY
    return d


def some_day(year, month):
    return weekday(year, month, rng.randint(1, 27))


def some_day_in(year, months=None):
    """A weekday of fiscal year `year`, in one of the given fiscal months
    (1 = April ... 12 = March) or any."""
    ms = fy_months(year)
    idx = rng.choice(months) - 1 if months else rng.randrange(12)
    return some_day(*ms[idx])


def split(total, n, step=100, spread=35):
    """n positive integers summing to total; all but the last rounded to
    step; integer weights around 100 +- spread."""
    if n == 1:
        return [total]
    weights = [rng.randint(100 - spread, 100 + spread) for _ in range(n)]
    s = sum(weights)
    parts = [(total * w // s) // step * step for w in weights[:-1]]
    parts.append(total - sum(parts))
    assert all(p > 0 for p in parts), (total, n, parts)
    return parts


def even_split(total, n):
    """n installments, equal to the cent, the last one taking the rest."""
    base = total // n
    return [base] * (n - 1) + [total - base * (n - 1)]


def money_text(cents, stream=None):
    """1234567 -> '12 345,67' with a space (now and then a no-break or a
    narrow no-break space) between thousands."""
    sign = "-" if cents < 0 else ""
    units, frac = divmod(abs(cents), 100)
    digits = str(units)
    if units >= 1000:
        r = (stream or rng).random()
        sep = " " if r < 0.9 else ("\u00a0" if r < 0.97 else "\u202f")
        groups = []
        while digits:
            groups.insert(0, digits[-3:])
            digits = digits[:-3]
        digits = sep.join(groups)
    return "%s%s,%02d" % (sign, digits, frac)


def csv_line(fields, delim, eol, force=()):
    """One record: fields quoted when they need it (delimiter, quote, line
    break, surrounding spaces) or when their index is in force."""
    out = []
    for i, f in enumerate(fields):
        if (i in force or delim in f or '"' in f or "\n" in f or "\r" in f
                or f != f.strip()):
            f = '"' + f.replace('"', '""') + '"'
        out.append(f)
    return delim.join(out) + eol


# --------------------------------------------------------------------------
# The ledger

ledger = []       # [date, seq, account, counterparty, memo, ref, debit, credit,
                  #  stream, signed debit in cents]


def post(date, account, side, cents, cp="", memo="", ref="", text=None, stream=None,
         against=None):
    """A ledger line: cents on the debit ('D') or credit ('C') side; text
    replaces the amount's usual form; the other side is empty or 0,00.  A
    line of the main stream gets its counterpart (counterpart())."""
    r = stream or rng
    amount = text if text is not None else money_text(cents, r)
    other = "0,00" if r.random() < 0.12 else ""
    debit, credit = (amount, other) if side == "D" else (other, amount)
    ledger.append([date, len(ledger), account, cp, memo, ref, debit, credit, r,
                   cents if side == "D" else -cents])
    if r is rng:
        counterpart(date, account, side, cents, cp, memo, ref, against)


def counterpart(date, account, side, cents, cp, memo, ref, against=None):
    """The other side of a line, on the STATEMENTS_RNG stream: against the
    given account, or for revenue on receivables (invoices "F...", credit
    notes "NC...") or cash, for expenses on payables (bills "FAC...",
    "TL...", credit notes) or cash.  An invoice is collected, a bill paid,
    15 to 45 days later (up to the end of the ledger)."""
    other = "C" if side == "D" else "D"
    if cents < 0:                       # a negative line: its counterpart positive
        cents, other = -cents, side
    settle = against is None
    if against is None:
        if account.startswith("4"):
            against = "1200" if ref.startswith(("F", "NC")) else "1000"
        elif account.startswith("5"):
            against = "2100" if ref.startswith(("FAC", "TL", "NC")) else "1000"
        else:
            return
    s = STATEMENTS_RNG
    post(date, against, other, cents, cp, memo, ref, stream=s)
    opens = (against, other) in (("1200", "D"), ("2100", "C"))
    if not (settle and opens and not ref.startswith("NC")):
        return
    when = date + dt.timedelta(days=s.randint(15, 45))
    if when > LEDGER_END or date <= BALANCES_DATE:
        return
    if against == "1200":
        post(when, "1000", "D", cents, cp, "Encaissement, facture %s" % ref, ref, stream=s)
        post(when, "1200", "C", cents, cp, "Encaissement, facture %s" % ref, ref, stream=s)
    else:
        post(when, "2100", "D", cents, cp, "Paiement, facture %s" % ref, ref, stream=s)
        post(when, "1000", "C", cents, cp, "Paiement, facture %s" % ref, ref, stream=s)


def revenue(date, account, cents, cp, memo, ref):
    post(date, account, "C", cents, cp, memo, ref)


def expense(date, account, cents, cp, memo, ref):
    post(date, account, "D", cents, cp, memo, ref)


class Invoices:
    """Sequential document numbers: F2014-001, ..."""

    def __init__(self):
        self.n = {}

    def next(self, prefix, year):
        self.n[(prefix, year)] = self.n.get((prefix, year), 0) + 1
        return "%s%d-%03d" % (prefix, year, self.n[(prefix, year)])


docs = Invoices()


def gen_grants(year):
    for account, by_year in GRANTS.items():
        total = by_year.get(year)
        if not total:
            continue
        cp = FUNDER[account]
        if account == "4100":
            for (y, m), amt in zip(fy_months(year), even_split(total, 12)):
                name = cp + " " if (y, m) == (2013, 11) else cp  # trailing space
                revenue(weekday(y, m, 15), account, amt, name,
                        "Soutien à la mission, versement de %s %d" % (MONTH_FR[m - 1], y),
                        "CEN-%d-%02d" % (y, m))
        elif account == "4160":
            months = fy_months(year)[1:11]
            for (y, m), amt in zip(months, split(total, len(months), step=1, spread=10)):
                revenue(some_day(y, m), account, amt, cp,
                        "Subvention salariale, réclamation de %s" % MONTH_FR[m - 1],
                        "CLE-%d-%02d" % (y, m))
        else:
            n = {"4110": 3 if year == 2014 else 2, "4120": 1 if year != 2013 else 2,
                 "4130": 3 if year == 2014 else 2, "4140": 1, "4150": 2,
                 "4170": 1}[account]
            purpose = {
                "4110": "Développement de l'axe mobilisation des connaissances",
                "4120": "Tournée des Grands rassembleurs",
                "4130": "Documentation des apprentissages, projets novateurs",
                "4140": "Soutien au développement des collectivités",
                "4150": "Entente de soutien, développement social",
                "4170": "Formation « Dextérité relationnelle », contribution",
            }[account]
            months = sorted(rng.sample(range(2, 12), n))
            for k, (fm, amt) in enumerate(zip(months, split(total, n, step=50000, spread=20))):
                if account == "4110" and year == 2014 and k == 0:
                    memo = "Innoweave; ateliers sur l'impact collectif"
                else:
                    memo = "%s, versement %d de %d" % (purpose, k + 1, n) if n > 1 else purpose
                revenue(some_day_in(year, [fm]), account, amt, cp, memo,
                        docs.next("DEP", year))


def gen_self_generated(year, clients):
    cohort, leaders, fee = COHORT[year]
    # Leadership rassembleur: one fee per leader, billed to the leader's organisation.
    refunds_4230 = 67500 if year == 2013 else 0
    orgs = [c for c in clients if c not in ("Centraide du Grand Montréal", TNCDC)]
    for k in range(leaders):
        revenue(some_day_in(year, [1, 2]), "4230", fee, orgs[k % len(orgs)],
                "Leadership rassembleur, %s cohorte, frais de participation" % cohort,
                docs.next("F", year))
    if refunds_4230:
        post(some_day_in(year, [3]), "4230", "D", refunds_4230, orgs[(leaders - 1) % len(orgs)],
             "Remboursement partiel; désistement d'un participant (5e cohorte)",
             docs.next("NC", year))
    rest = SELF_GENERATED[year] - (leaders * fee - refunds_4230)
    shares = {2012: {"4200": 55, "4210": 25, "4220": 9, "4240": 11},
              2013: {"4200": 50, "4210": 27, "4220": 10, "4240": 13},
              2014: {"4200": 52, "4210": 24, "4220": 8, "4240": 16}}[year]
    counts = {2012: {"4200": 11, "4210": 6, "4220": 3, "4240": 3},
              2013: {"4200": 15, "4210": 8, "4220": 4, "4240": 5},
              2014: {"4200": 24, "4210": 13, "4220": 6, "4240": 8}}[year]
    s = sum(shares.values())
    targets = [rest * v // s // 50 * 50 for v in list(shares.values())[:-1]]
    targets.append(rest - sum(targets))
    memos = {
        "4200": ["Accompagnement de la concertation; planification stratégique",
                 "Animation d'un Grand Rendez-vous",
                 "Codesign et animation, forum des intervenants",
                 "Accompagnement ponctuel de la coordination",
                 "Lac-à-l'épaule de la concertation locale",
                 "Coaching professionnel, 3 rencontres"],
        "4210": ["Formation Collectivo, codéveloppement professionnel",
                 "Formation thématique sur la mobilisation",
                 "Formation \"L'art de poser de bonnes questions\"",
                 "Atelier de formation continue, réseau des leaders"],
        "4220": ["Conférence sur le leadership partagé",
                 "Atelier sur la collaboration",
                 "Atelier \"La créativité au service de la mobilisation\""],
        "4240": ["Facilitation graphique",
                 "Documentation d'apprentissages, rapport d'étape",
                 "Accompagnement en évaluation de processus"],
    }
    # credit notes, 2013-2014: a refund (debit) and a negative credit
    notes = {"4210": 39500, "4200": 25000} if year == 2014 else {}
    for (account, n), target in zip(counts.items(), targets):
        note = notes.get(account, 0)
        for k, amt in enumerate(split(target + note, n, step=rng.choice((25, 500, 2500)))):
            d = some_day_in(year)
            memo = rng.choice(memos[account])
            cp = rng.choice(clients)
            if year == 2014 and account == "4240" and k == 0:
                d, cp = dt.date(2013, 11, 14), HORIZON
                memo = "Facilitation graphique\nConstellation, se relier pour rejoindre les familles isolées"
            revenue(d, account, amt, cp, memo, docs.next("F", year))
        if account == "4210" and note:
            post(some_day_in(year, [8]), account, "D", note, "CDC Roussillon",
                 "Remboursement; inscription annulée", docs.next("NC", year))
        elif account == "4200" and note:
            post(dt.date(2014, 2, 27), account, "C", -note, "Solidarité Mercier-Est",
                 'Note de crédit; facture "F2014-031" corrigée', docs.next("NC", year))


def gen_other_revenue(year):
    for (y, m), amt in zip([fy_months(year)[i] for i in (2, 5, 8, 11)],
                           split(INTEREST[year], 4, step=1)):
        revenue(weekday(y, m, 27), "4900", amt, "Caisse Desjardins De Lorimier",
                "Intérêts sur dépôt à terme", "INT-%d-%02d" % (y, m))
    donors = ["Dons du public, campagne de fin d'année", "Fondation Anne-Marie et Jacques Bougie",
              "Dons du public, campagne de fin d'année", "Dons in memoriam"]
    n = {2012: 3, 2013: 4, 2014: 5}[year]
    for amt in split(DONATIONS[year], n, step=2500):
        revenue(some_day_in(year, [8, 9, 10]), "4910", amt, rng.choice(donors),
                "Dons, reçus fiscaux émis", docs.next("DON", year))


def total_revenue(year):
    grants = sum(v.get(year, 0) for v in GRANTS.values())
    return grants + SELF_GENERATED[year] + INTEREST[year] + DONATIONS[year]


# Expense plan: monthly fixed amounts, then weights for the rest.
RENT = {2012: 245000, 2013: 252500, 2014: 289000}
AUDIT = {2012: 690000, 2013: 725000, 2014: 760000}
BOOKKEEPING = {2012: 60000, 2013: 62500, 2014: 65000}
INSURANCE = {2012: 198500, 2013: 207400, 2014: 214590}

WEIGHTS = {   # per thousand of the flexible expenses; 5000 takes the rest
    "5010": (130, 150, 150), "5020": (100, 100, 100), "5030": (28, 30, 31),
    "5100": (52, 60, 58), "5200": (22, 26, 27), "5210": (18, 22, 22),
    "5220": (7, 7, 9), "5230": (30, 28, 29), "5300": (18, 34, 20),
    "5310": (4, 6, 5), "5410": (6, 6, 6), "5420": (9, 6, 10),
    "5430": (6, 6, 6), "5500": (5, 5, 7), "5510": (8, 11, 9),
    "5520": (3, 3, 11), "5600": (7, 7, 9), "5610": (5, 4, 5),
    "5810": (1, 1, 1), "5820": (4, 4, 4),
}
LINES = {   # lines per year, or a special pattern
    "5100": (8, 11, 14), "5200": (8, 12, 15), "5210": (10, 14, 18),
    "5220": (5, 6, 8), "5230": (4, 4, 4), "5310": (5, 6, 8),
    "5410": (6, 7, 9), "5420": (2, 3, 4), "5500": (2, 3, 4),
    "5510": (3, 5, 6), "5520": (1, 2, 4), "5600": (4, 5, 8),
    "5610": (2, 2, 3), "5820": (4, 4, 5),
}
NEW = (2014,)   # suppliers of 2013-2014 only
SUPPLIERS = {   # account: [(counterparty, memo, years or None for all)]
    "5100": [("Jacky Bolduc, BCM Ressources Humaines inc.", "Honoraires; formation Leadership rassembleur", None),
             ("Mireille Giroux, coach professionnelle", "Coaching des leaders, séances individuelles", None),
             ("Dominique Barbès, consultante en évaluation", 'Évaluation du programme "Leadership rassembleur"', NEW),
             ("Michelle Lacombe, consultante RH", "Politique salariale et manuel des employéEs", NEW),
             ("Sophie Pétré", "Soutien organisationnel; Forum ouvert", NEW)],
    "5200": [("Pavillon Cœur des sciences, UQAM", 'Location de salle; Forum ouvert "par et pour nous"', NEW),
             ("Centre Saint-Pierre", "Location de salle, formation", None),
             ("Centre communautaire Le Relais", "Location de salle, Grand Rendez-vous", None),
             ("Maison du développement durable", "Location de salle, LAB Dynamo", NEW)],
    "5210": [("Traiteur La Bonne Table", "Repas et pauses, Grand Rendez-vous", None),
             ("Café Le Gros Lot", "Pauses-café, rencontre préparatoire", None),
             ("Traiteur La Bonne Table", "Dîners, formation Collectivo", None)],
    "5220": [("Bureau en Gros", "Matériel d'animation; tableaux, marqueurs, post-it", None),
             ("Omer DeSerres", "Papier et crayons, facilitation graphique", None)],
    "5230": [("Centre de villégiature Le Rivage", "Séjour en résidence, Leadership rassembleur", None)],
    "5310": [("Société de transport de Montréal", "Titres de transport", None),
             ("Taxi Diamond", "Taxis, transport de matériel", None)],
    "5410": [("Bureau en Gros", "Fournitures de bureau", None)],
    "5420": [("Micro Boutique Molson", "Ordinateur portable et logiciels", None),
             ("Adobe Systems", "Abonnement Creative Cloud", None)],
    "5500": [("Agence Web Papillon", "Section « Réalisations » du site", NEW),
             ("Agence Web Papillon", "Hébergement et maintenance du site", None)],
    "5510": [("Imprimerie Rosemont", "Impression du bilan annuel", None),
             ("Studio Graphique Alvéole", "Graphisme, carnet de voyage de la Tournée", (2013, 2014)),
             ("Studio Graphique Alvéole", "Graphisme, dépliant de l'offre de services", (2012,))],
    "5520": [("Productions Ruche Vidéo", "Vidéos du Blogue 20_48", NEW),
             ("Productions Ruche Vidéo", "Vidéo de la planification stratégique du CLIC", NEW),
             ("Productions Ruche Vidéo", "Captation vidéo, Leadership rassembleur", (2012, 2013))],
    "5600": [("Tamarack Institute", "Formation de l'équipe, Theory of Change", NEW),
             ("HEC Montréal", "Formation « Gérer en mode transversal »", NEW),
             ("Spiralis", "Bases de dialogue authentique", NEW),
             ("Communagir", "Formation de l'équipe, animation de processus", None),
             ("Institut du Nouveau Monde", "Formation sur la participation citoyenne", None)],
    "5610": [("Réseau québécois de revitalisation intégrée", "Colloque annuel, inscriptions", None),
             ("CLIPP", "Grande rencontre sur l'évaluation de l'innovation sociale", NEW),
             ("Tamarack Institute", "Communities Collaborating Institute, inscriptions", None)],
    "5820": [("Réseau québécois de l'action communautaire autonome", "Cotisation annuelle", None),
             ("Revue K", "Abonnement", None),
             ("Chambre de commerce de l'Est de Montréal", "Cotisation annuelle", None)],
}


def supplier(account, year):
    return rng.choice([(cp, memo) for cp, memo, years in SUPPLIERS[account]
                       if years is None or year in years])


def pay_dates(year):
    """Every other Thursday of the fiscal year."""
    d = fy_start(year)
    while d.weekday() != 3:
        d += DAY
    out = []
    while d <= fy_end(year):
        out.append(d)
        d += 14 * DAY
    return out


def gen_expenses(year):
    yi = YEARS.index(year)
    total = total_revenue(year) - NET[year]
    fixed = {"5400": RENT[year] * 12, "5110": AUDIT[year],
             "5120": BOOKKEEPING[year] * 12, "5800": INSURANCE[year]}
    flexible = total - sum(fixed.values())
    plan = {a: flexible * w[yi] * rng.randint(90, 110) // 100000 // 100 * 100
            + rng.randint(0, 99) for a, w in WEIGHTS.items()}
    plan["5000"] = flexible - sum(plan.values())
    plan.update(fixed)

    # Payroll: every two weeks; remittances and benefits monthly.
    pays = pay_dates(year)
    ramp = [100 + 40 * i // len(pays) for i in range(len(pays))]  # team grows
    for account, memo in (("5000", "Paie, équipe permanente"), ("5010", "Paie, postes de projets")):
        s = sum(ramp)
        parts = [plan[account] * r // s for r in ramp[:-1]]
        parts.append(plan[account] - sum(parts))
        for d, amt in zip(pays, parts):
            expense(d, account, amt, "", memo, "PAIE-%s" % d.strftime("%Y-%m-%d"))
    for account, cp, memo in (("5020", "Revenu Québec", "Remise des retenues et cotisations de l'employeur"),
                              ("5030", "SSQ Groupe financier", "Assurance collective et REER collectif")):
        for (y, m), amt in zip(fy_months(year), split(plan[account], 12, step=1, spread=8)):
            expense(weekday(y, m, 14), account, amt, cp, memo, "REM-%d-%02d" % (y, m))
    # Monthly bills.
    for (y, m) in fy_months(year):
        expense(weekday(y, m, 1), "5400", RENT[year], "La Société de développement Angus",
                "Loyer, 4050 rue Molson, bureau 340", "LOY-%d-%02d" % (y, m))
        expense(some_day(y, m), "5120", BOOKKEEPING[year], "Nancy Poirier, technicienne comptable",
                "Tenue de livres, %s %d" % (MONTH_FR[m - 1], y), docs.next("TL", year))
    for account, cp, memo in (("5430", "Bell Canada", "Téléphonie et Internet"),
                              ("5810", "Caisse Desjardins De Lorimier", "Frais bancaires"),
                              ("5300", "Employés, comptes de dépenses", "Kilométrage et déplacements du mois")):
        for (y, m), amt in zip(fy_months(year), split(plan[account], 12, step=1, spread=25)):
            expense(weekday(y, m, 22), account, amt, cp,
                    "%s, %s %d" % (memo, MONTH_FR[m - 1], y), docs.next("FAC", year))
    expense(weekday(year - 1, 6, 10), "5110", AUDIT[year], "Lefebvre Gagnon CPA",
            "Mission d'audit, exercice %d-%d" % (year - 2, year - 1), docs.next("FAC", year))
    expense(weekday(year - 1, 4, 15), "5800", INSURANCE[year], "La Capitale assurances",
            "Assurance responsabilité des administrateurs et des biens", docs.next("FAC", year))
    # Invoices; credit notes in a few accounts (the net stays on plan).
    notes = {}
    if year == 2014:
        notes = {"5200": 125000, "5410": 8623, "5210": 14250}
    elif year == 2013:
        notes = {"5220": 4599}
    for account, counts in LINES.items():
        extra = notes.get(account, 0)
        for amt in split(plan[account] + extra, counts[yi], step=rng.choice((1, 1, 500))):
            cp, memo = supplier(account, year)
            expense(some_day_in(year), account, amt, cp, memo, docs.next("FAC", year))
        if not extra:
            continue
        d = some_day_in(year, [7, 9, 11])
        if account == "5200":
            post(d, account, "C", extra, "Centre Saint-Pierre",
                 "Note de crédit; annulation de la réservation du 12 décembre", docs.next("NC", year))
        elif account == "5410":
            post(d, account, "D", -extra, "Bureau en Gros",
                 "Retour de marchandise", docs.next("NC", year))
        elif account == "5210":
            post(d, account, "D", -extra, "Traiteur La Bonne Table",
                 "Crédit, repas non servis", docs.next("NC", year),
                 text="(" + money_text(extra) + ")")
        else:
            post(d, account, "C", extra, "Bureau en Gros", "Note de crédit, matériel retourné",
                 docs.next("NC", year))


def gen_balance_sheet(year):
    """The balance-sheet lines of a year: last year-end's payables paid and
    receivables collected, last year's result allocated to (or drawn from)
    the operating reserve, a term deposit renewed, an advance paid to and
    one received from partners at the year-end."""
    post(weekday(year - 1, 4, 2), "2100", "D", rng.randint(300000, 900000), "",
         "Paiement des comptes fournisseurs au 31 mars", docs.next("OD", year), against="1000")
    post(weekday(year - 1, 4, 2), "1200", "C", rng.randint(1000000, 3000000), "",
         "Encaissement des comptes à recevoir au 31 mars", docs.next("OD", year),
         against="1000")
    previous = NET.get(year - 1, 187533)      # 2010-2011: a surplus
    post(weekday(year - 1, 6, 20), "3100", "C" if previous >= 0 else "D", abs(previous), "",
         "Affectation du résultat de l'exercice précédent à la réserve de fonctionnement",
         docs.next("OD", year), against="3000")
    matured = weekday(year - 1, 10, 1)
    post(matured, "1000", "D", 2500000, "", "Échéance du dépôt à terme de l'exercice précédent",
         "DAT-%d" % (year - 1), stream=STATEMENTS_RNG)
    post(matured, "1100", "C", 2500000, "", "Échéance du dépôt à terme de l'exercice précédent",
         "DAT-%d" % (year - 1), stream=STATEMENTS_RNG)
    post(matured, "1100", "D", 2500000, "",
         "Virement; dépôt à terme \"Épargne à terme\" 12 mois", docs.next("OD", year),
         against="1000")
    post(dt.date(year, 3, 31), "1200", "D", rng.randint(1000000, 3000000), "",
         "Avance versée à un partenaire, projet commun", docs.next("OD", year), against="1000")
    post(dt.date(year, 3, 31), "2100", "C", rng.randint(300000, 900000), "",
         "Avance reçue d'un partenaire, projet commun", docs.next("OD", year), against="1000")


def gen_outside():
    """Lines dated outside the three years: counted, otherwise ignored."""
    revenue(dt.date(2011, 3, 15), "4100", 2937500, FUNDER["4100"],
            "Soutien à la mission, versement de mars 2011", "CEN-2011-03")
    expense(dt.date(2011, 3, 24), "5000", 1162844, "", "Paie, équipe permanente", "PAIE-2011-03-24")
    expense(dt.date(2011, 3, 1), "5400", 240000, "La Société de développement Angus",
            "Loyer, 4050 rue Molson, bureau 340", "LOY-2011-03")
    expense(dt.date(2014, 4, 1), "5400", 289000, "La Société de développement Angus",
            "Loyer, 4050 rue Molson, bureau 340", "LOY-2014-04")
    revenue(dt.date(2014, 4, 15), "4100", 3400000, FUNDER["4100"],
            "Soutien à la mission, versement d'avril 2014", "CEN-2014-04")
    revenue(dt.date(2014, 4, 17), "4210", 287500, "CDC Longueuil",
            "Formation Collectivo, codéveloppement professionnel", "F2015-001")


def write_ledger(path):
    gen_outside()
    clients = {2012: PARTNERS_2012 + ["Centraide du Grand Montréal"],
               2013: PARTNERS_2013 + [TNCDC, "Centraide du Grand Montréal"],
               2014: [p for p, _ in COMPLICITES] + ["Réseau québécois de revitalisation intégrée"]}
    for year in YEARS:
        gen_grants(year)
        gen_self_generated(year, clients[year])
        gen_other_revenue(year)
        gen_expenses(year)
        gen_balance_sheet(year)
    ledger.sort(key=lambda row: (row[0], row[1]))
    header = ["Date", "Compte", "Tiers", "Libellé", "Pièce", "Débit", "Crédit"]
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\ufeff" + csv_line(header, ";", "\r\n"))
        for d, _, account, cp, memo, ref, debit, credit, stream, _ in ledger:
            force = tuple(i for i in (5, 6) if stream.random() < 0.05)
            f.write(csv_line([d.strftime("%d/%m/%Y"), account, cp, memo, ref, debit, credit],
                             ";", "\r\n", force))


# --------------------------------------------------------------------------
# Activities: (date, axis, type, title, partner, region, participants, hours)
# participants and hours as int (hours in hundredths) or None (empty).

ACC, FOR, MOB, VIE = ("Accompagnement", "Formation", "Mobilisation des connaissances",
                      "Vie interne")
activities = []


def act(d, axis, typ, title, partner="", region=None, participants=None, hours=None):
    if region is None:
        region = REGION_OF.get(partner, "")
    activities.append([d, len(activities), axis, typ, title, partner, region,
                       participants, hours])


def h(x):
    """Hours given as a string '3.5' -> hundredths."""
    units, _, frac = x.partition(".")
    return int(units) * 100 + int((frac + "00")[:2])


GRV_TITLES = ["Forum des intervenants", "Lac-à-l'épaule de la concertation",
              "Café-rencontre citoyen", "Forum sur la concertation, \"Agir ensemble\"",
              "Journée de priorisation des enjeux, plan d'action",
              "Rendez-vous de la vision commune", "Assemblée de quartier",
              "Portrait-diagnostic, journée de validation",
              "Tournée des tables sectorielles, rencontre plénière",
              "Planification 0-5 ans, approche écosystémique"]
PREP_TITLES = ["Codesign", "Rencontre préparatoire", "Codesign de l'animation",
               "Rencontre du comité organisateur", "Préparation du déroulement"]


def accompaniment(year, partners, n_grv, n_prep, n_coach, n_fg):
    order = partners[:]
    rng.shuffle(order)
    grv = order + [rng.choice(partners) for _ in range(max(0, n_grv - len(order)))]
    for k, p in enumerate(grv[:n_grv]):
        people = rng.randint(20, 180)
        title = rng.choice(GRV_TITLES)
        if p == HORIZON and year == 2014:
            title, people = 'Constellation : "se relier pour rejoindre les familles isolées"', 250
        if k == 0 and p != HORIZON:
            people = 20
        act(some_day_in(year, list(range(2, 12))), ACC, "Grand Rendez-vous", title, p,
            participants=people, hours=h(rng.choice(["3", "3.5", "6", "6.5", "7"])))
    for _ in range(n_prep):
        p = rng.choice(partners)
        act(some_day_in(year), ACC, "Rencontre préparatoire",
            "%s, %s" % (rng.choice(PREP_TITLES), p), p, participants=rng.randint(3, 12),
            hours=h(rng.choice(["1.5", "2", "2.5", "3", "3.5"])))
    montreal = [p for p in partners if REGION_OF.get(p) == "Montréal"]
    for _ in range(n_coach):
        p = rng.choice(montreal + [""] * 3)
        act(some_day_in(year), ACC, "Coaching", "Coaching professionnel" +
            (", Point de bascule" if p else ", Leadership rassembleur"), p,
            region="Montréal", participants=rng.choice([1, 1, 1, 2]),
            hours=h(rng.choice(["1.5", "2", "2.25"])))
    for _ in range(n_fg):
        p = rng.choice(partners)
        act(some_day_in(year), ACC, "Focus group", "Focus group citoyens et intervenants", p,
            participants=rng.randint(6, 14), hours=h("2.5"))


def leadership(year, cohort, leaders, launch, weeks):
    act(launch, FOR, "Leadership rassembleur",
        "Lancement de la %s cohorte, Leadership rassembleur" % cohort,
        region="Montréal", participants=leaders + 15, hours=h("3"))
    for k, d in enumerate(weeks):
        act(d, FOR, "Leadership rassembleur",
            "Semaine en résidence %d, %s cohorte" % (k + 1, cohort),
            region="Laurentides", participants=leaders, hours=h("24"))


def internal(year, n_board, committees):
    for k in range(n_board):
        d = some_day_in(year, [1 + k * 12 // n_board])
        if k == 0:      # the board opens the fiscal year: Vie interne comes first
            d = weekday(year - 1, 4, 2)
        act(d, VIE, "Réunion du conseil",
            "Conseil d'administration", region="", participants=rng.randint(8, 11),
            hours=h("2.5"))
    act(weekday(year - 1, 6, 12), VIE, "Assemblée générale", "Assemblée générale annuelle",
        region="Montréal", participants=rng.randint(30, 45), hours=h("2"))
    for name, n, people in committees:
        for _ in range(n):
            act(some_day_in(year), VIE, "Comité", name, region="", participants=people,
                hours=None if rng.random() < 0.5 else h("2"))


def activities_2012():
    accompaniment(2012, PARTNERS_2012, 9, 16, 10, 0)
    leadership(2012, "4e", 16, dt.date(2011, 4, 5),
               [dt.date(2011, 5, 10), dt.date(2011, 9, 20), dt.date(2011, 11, 29), dt.date(2012, 2, 21)])
    act(dt.date(2011, 5, 18), FOR, "Formation",
        "L'organisation apprenante, formation en partenariat avec HEC Montréal",
        region="Montréal", participants=24, hours=h("14"))
    act(dt.date(2011, 11, 16), MOB, "Conférence", 'Jongler avec la complexité, "Voices from the field III"',
        region="Montréal", participants=180, hours=h("6.5"))
    act(dt.date(2012, 1, 24), FOR, "Rencontre préparatoire",
        "Réflexion sur une formation pour les directions des Centraide du Québec",
        CENTRAIDE_CANADA, region="Montréal", participants=4, hours=h("2"))
    internal(2012, 6, [("Comité ressources humaines", 2, 4)])


def activities_2013():
    accompaniment(2013, PARTNERS_2013, 14, 28, 14, 3)
    leadership(2013, "5e", 17, dt.date(2012, 5, 1),
               [dt.date(2012, 5, 15), dt.date(2012, 9, 18), dt.date(2012, 11, 27), dt.date(2013, 2, 19)])
    for d, people in ((dt.date(2012, 10, 11), 14), (dt.date(2013, 2, 7), 11)):
        act(d, FOR, "Formation", "Formation thématique, mobilisation des collectivités",
            region="Montréal", participants=people, hours=h("6.5"))
    for k in range(3):
        act(some_day_in(2013, [7, 9, 11]), MOB, "Focus group",
            "Documentation de la planification stratégique, focus group", VSMS,
            participants=rng.randint(7, 12), hours=h("2.5"))
    tour_2013()
    internal(2013, 6, [("Comité planification stratégique", 4, 7)])


def tour_2013():
    """The tour of the Grands rassembleurs: 14 Grands rendez-vous, 23 focus
    groups and 15 interviews meeting 519 people in 14 regions."""
    regions = TOUR_REGIONS[:]
    fg_regions = regions + regions[:9]            # 23 focus groups
    iv_regions = ["Montréal"] * 9 + regions[1:7]  # 15 interviews
    iv_people = [1] * 13 + [2, 2]
    fg_people = [rng.randint(5, 11) for _ in fg_regions]
    rest = 519 - sum(iv_people) - sum(fg_people)
    grv_people = split(rest, len(regions), step=1, spread=40)
    months = list(range(6, 12))                   # September to February
    for r, people in zip(regions, grv_people):
        act(some_day_in(2013, months), MOB, "Grand Rendez-vous",
            "Rendez-vous des Grands rassembleurs, " + r, TNCDC, region=r,
            participants=people, hours=h("6"))
    for r, people in zip(fg_regions, fg_people):
        act(some_day_in(2013, months), MOB, "Focus group",
            "Tournée des Grands rassembleurs, focus group d'acteurs locaux", TNCDC,
            region=r, participants=people, hours=h("2.5"))
    for r, people in zip(iv_regions, iv_people):
        act(some_day_in(2013, months), MOB, "Entrevue",
            "Tournée des Grands rassembleurs, entretien individuel", "", region=r,
            participants=people, hours=h("1.25"))


def activities_2014():
    own = [p for p, _ in COMPLICITES if p not in (ASSOJAQ, DRUMMOND, CENTRAIDE_CANADA)]
    accompaniment(2014, own, 32, 50, 22, 5)
    # Montréal-Nord en santé, written four ways
    for k, name in enumerate(["MONTRÉAL-NORD EN SANTÉ", " Montréal-Nord en santé",
                              "montréal-nord en santé "]):
        act(some_day_in(2014, [3 + 3 * k]), ACC, "Rencontre préparatoire",
            "Codesign du forum de quartier", name, region="Montréal",
            participants=rng.randint(3, 8), hours=h("2"))
    for k in range(4):
        act(some_day_in(2014, [2 + 2 * k]), ACC, "Rencontre préparatoire",
            "Forum des Centraide, rencontre du comité organisateur", CENTRAIDE_CANADA,
            region="Montréal", participants=6, hours=h("2.5"))
    for k in range(6):
        act(some_day_in(2014, [4 + k]), ACC, "Codéveloppement",
            "Groupe de codéveloppement professionnel, séance %d" % (k + 1), ASSOJAQ,
            participants=rng.randint(6, 9), hours=h("3"))
    act(dt.date(2013, 11, 7), ACC, "Forum ouvert", "Forum des Centraide du Québec",
        CENTRAIDE_CANADA, participants=64, hours=h("7"))

    leadership(2014, "6e", 18, dt.date(2013, 4, 2),
               [dt.date(2013, 5, 14), dt.date(2013, 9, 17), dt.date(2013, 11, 26), dt.date(2014, 2, 18)])
    act(dt.date(2013, 6, 19), FOR, "Focus group",
        "Évaluation du programme Leadership rassembleur, focus group d'acteurs régionaux",
        region="MONTRÉAL", participants=9, hours=h("2.5"))
    act(dt.date(2013, 10, 29), FOR, "Forum ouvert",
        'Forum ouvert en mobilisation des collectivités, "par et pour nous"',
        region="Montréal", participants=100, hours=h("14"))
    for k, d in enumerate([dt.date(2013, 4, 25), dt.date(2013, 5, 16), dt.date(2013, 6, 6),
                           dt.date(2013, 9, 19), dt.date(2013, 10, 17), dt.date(2013, 11, 21)]):
        act(d, FOR, "LAB", "LAB Dynamo en mobilisation des collectivités, jour %d" % (k + 1),
            region=" Montréal", participants=23, hours=h("7"))
    act(dt.date(2014, 1, 23), FOR, "Conférence", "Le leadership partagé, Forum des intervenants",
        DRUMMOND, participants=185, hours=h("1.5"))
    act(dt.date(2014, 1, 23), FOR, "Atelier", "Atelier sur la collaboration", DRUMMOND,
        participants=30, hours=h("3"))
    act(dt.date(2014, 3, 20), FOR, "Atelier",
        'Atelier "La créativité au service de la mobilisation", colloque du RQRI',
        region="", participants=45, hours=h("3"))
    act(dt.date(2013, 4, 24), FOR, "Webinaire", "Innoweave, introduction à l'impact collectif",
        region="", participants=52, hours=h("1.5"))
    act(dt.date(2013, 5, 28), FOR, "Atelier", "Innoweave, atelier sur l'impact collectif",
        region="Montréal", participants=38, hours=h("6.5"))
    act(dt.date(2013, 6, 11), FOR, "Formation",
        "Happening sur le changement, directions des Centraide du Québec",
        CENTRAIDE_CANADA, region="Laurentides", participants=16, hours=h("21"))
    act(dt.date(2013, 12, 4), FOR, "Conférence",
        "Comité interministériel sur l'action communautaire, l'enjeu de l'hyperconcertation",
        region="Capitale-Nationale", participants=35, hours=h("2"))
    for d, p, r in ((dt.date(2013, 10, 8), CENTRAIDE_LAURENTIDES, None),
                    (dt.date(2014, 2, 12), "CDC Roussillon", "MONTÉRÉGIE"),
                    (dt.date(2014, 3, 11), "", "Estrie")):
        act(d, FOR, "Formation", "Formation Collectivo, codéveloppement professionnel", p,
            region=r, participants=rng.randint(10, 16), hours=h("6.5"))
    act(dt.date(2014, 3, 6), FOR, "Formation", "Formation continue, réseau des leaders",
        region="Montréal", participants=27, hours=h("6"))
    for k in range(5):
        act(some_day_in(2014, [2 + 2 * k]), FOR, "Comité",
            "Chantier sur le développement des compétences (Communagir)", region="Montréal",
            participants=8, hours=h("2.5"))

    for k in range(5):
        act(some_day_in(2014, [1 + k]), MOB, "Focus group",
            "Documentation de la planification stratégique, focus group",
            "Vivre Saint-Michel en Santé" if k % 2 else VSMS,
            participants=rng.randint(7, 12), hours=h("2.5"))
    for k in range(3):
        act(some_day_in(2014, [2 + 3 * k]), MOB, "Atelier de réflexion",
            "Moment clé de réflexion, planification stratégique intégrée", VSMS,
            participants=rng.randint(15, 25), hours=h("3"))
    for k in range(3):
        act(some_day_in(2014, [5 + 2 * k]), MOB, "Atelier de réflexion",
            "Tablée des chefs, implantation de la Brigade des chefs", region="Montréal",
            participants=rng.randint(6, 12), hours=h("2.75"))
    for _ in range(9):
        act(some_day_in(2014, [6, 7, 8, 9]), MOB, "Entrevue",
            "Entrevue, besoins en évaluation de l'action concertée", region="",
            participants=1, hours=h("1.25"))
    act(dt.date(2013, 11, 20), MOB, "Lancement", "Lancement du Blogue 20_48",
        region="Montréal", participants=70, hours=h("2"))
    act(dt.date(2013, 7, 9), MOB, "Étude de cas", "Étude de cas, impact collectif", CLIC,
        participants=6, hours=h("7.25"))
    act(dt.date(2013, 8, 20), MOB, "Étude de cas", "Étude de cas, ATI Giffard Montmorency",
        region="Capitale-Nationale", participants=5, hours=h("7.25"))
    for k in range(4):
        act(some_day_in(2014, [7 + k]), MOB, "Rencontre d'échange",
            "Rencontre avec Communagir, recherche et développement", region="Montréal",
            participants=rng.randint(6, 9), hours=h("3"))
    act(dt.date(2014, 2, 4), MOB, "Rencontre d'échange",
        "Revue K, \"Nouvelles façons de mobiliser\"", region="Montréal", participants=None,
        hours=h("1.5"))
    internal(2014, 7, [("Comité ressources humaines", 4, 4),
                       ("Comité planification stratégique", 3, 7)])


def write_activities(path):
    activities_2012()
    activities_2013()
    activities_2014()
    act(dt.date(2011, 3, 22), ACC, "Rencontre préparatoire", "Codesign, CDC Centre-Sud",
        "CDC Centre-Sud", participants=5, hours=h("2"))
    act(dt.date(2014, 4, 8), FOR, "Leadership rassembleur",
        "Lancement de la 7e cohorte, Leadership rassembleur", region="Montréal",
        participants=34, hours=h("3"))
    act(dt.date(2014, 4, 15), ACC, "Grand Rendez-vous", "Forum des intervenants",
        "CDC Longueuil", participants=88, hours=h("6"))
    activities.sort(key=lambda row: (row[0], row[1]))
    header = ["date", "axis", "type", "title", "partner", "region", "participants", "hours"]
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(csv_line(header, ",", "\n"))
        for d, _, axis, typ, title, partner, region, people, hours in activities:
            people = "" if people is None else str(people)
            if hours is None:
                hours = ""
            elif hours % 100:
                hours = ("%d.%02d" % divmod(hours, 100)).rstrip("0")
            else:
                hours = str(hours // 100)
            f.write(csv_line([d.isoformat(), axis, typ, title, partner, region, people, hours],
                             ",", "\n"))


# --------------------------------------------------------------------------
# People, in the order of the report.

BOARD = "Conseil d'administration"
TEAM = "Équipe"
ASSOCIATES = "Collaborateurs"
PEOPLE = [
    ("Jacques Régis", "Président", BOARD, ""),
    ("Nathalie Fortin", "Vice-présidente", BOARD, ""),
    ("Johanne Turbide", "Trésorière", BOARD, ""),
    ("Jacques Bordeleau", "Secrétaire", BOARD, ""),
    ("Denis McKinnon", "Administrateur", BOARD, ""),
    ("Odette Viens", "Administratrice", BOARD, ""),
    ("Maryse Ruel", "Administratrice", BOARD, ""),
    ("Andrew Woodall", "Administrateur", BOARD, ""),
    ("Chantale Boutin", "Administratrice", BOARD, ""),
    ("France Brochu", "Direction générale", TEAM, "Équipe DYNAMO"),
    ("Carole Line Robert", "Adjointe administrative", TEAM, "Équipe DYNAMO"),
    ("Amélie Geoffroy", "Chargée de communication et de réseautage", TEAM, "Équipe DYNAMO"),
    ("Yves Lévesque", "Responsable de l'accompagnement en mobilisation des collectivités",
     TEAM, "Équipe Accompagnement"),
    ("Mélissa Rivard", "Accompagnatrice en mobilisation des collectivités", TEAM,
     "Équipe Accompagnement"),
    ("Jean-François Adam", "Accompagnateur en mobilisation des collectivités", TEAM,
     "Équipe Accompagnement"),
    ("Geneviève Locas", "Accompagnatrice en mobilisation des collectivités", TEAM,
     "Équipe Accompagnement"),
    ("Chantal Grandchamp", "Responsable de la formation", TEAM, "Équipe Formation"),
    ("Julie Dubuc", "Formatrice", TEAM, "Équipe Formation"),
    ("Annie Baillargeon Fortin", "Formatrice", TEAM, "Équipe Formation"),
    ("Véronica Vivanco", "Responsable de la mobilisation des connaissances", TEAM,
     "Équipe Mobilisation des connaissances"),
    ("Alexia de Bastiani", "Mémoriste et chargée de documentation", TEAM,
     "Équipe Mobilisation des connaissances"),
    ("Benjamin Groulx", "Chargé de projets en évaluation et en documentations vidéo", TEAM,
     "Équipe Mobilisation des connaissances"),
    ("Nancy Poirier", "Technicienne comptable", ASSOCIATES, ""),
    ("Jacky Bolduc", "Consultant en développement organisationnel, BCM Ressources Humaines inc.",
     ASSOCIATES, ""),
    ("Mireille Giroux", "Coach professionnelle", ASSOCIATES, ""),
    ("Sophie Pétré", "Soutien organisationnel lors du Forum ouvert", ASSOCIATES, ""),
]


def write_simple(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(csv_line(header, ",", "\n"))
        for row in rows:
            f.write(csv_line(list(row), ",", "\n"))


# --------------------------------------------------------------------------
# The statements' inputs: balances.csv at 31 March 2011, budget.csv.

KIND = {code: kind for code, _, kind, _ in ACCOUNTS}
GROUP = {code: group for code, _, _, group in ACCOUNTS}


def natural(code, signed_debit):
    """A line's amount in its account's natural direction."""
    return signed_debit if KIND[code] in ("asset", "expense") else -signed_debit


def balance_sheet_moves():
    """Each balance-sheet account's movements after BALANCES_DATE, as
    (date, code, natural cents) in ledger order."""
    return [(row[0], row[2], natural(row[2], row[9])) for row in ledger
            if row[0] > BALANCES_DATE and KIND[row[2]] in ("asset", "liability", "equity")]


def opening_balances():
    """Opening balances that keep cash, the deposit, receivables and
    payables above 0 at all times; net assets balance the rest."""
    lowest, running = {}, {}
    for _, code, cents in balance_sheet_moves():
        running[code] = running.get(code, 0) + cents
        lowest[code] = min(lowest.get(code, 0), running[code])
    def cover(code, floor):
        need = -lowest.get(code, 0) + floor
        return (need + 99999) // 100000 * 100000 + STATEMENTS_RNG.randint(0, 99999)
    out = {"1000": cover("1000", 1500000), "1100": 2500000, "1200": cover("1200", 400000),
           "2100": cover("2100", 300000), "3100": 4000000}
    out["3000"] = out["1000"] + out["1100"] + out["1200"] - out["2100"] - out["3100"]
    return out


def write_balances(path):
    """balances.csv: semicolons, DD/MM/YYYY, decimal comma, French headers;
    then checks that the books balance at each year-end."""
    opening = opening_balances()
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("Compte;Date;Solde\n")
        for code, _, kind, _ in ACCOUNTS:
            if code in opening:
                f.write("%s;%s;%s\n" % (code, BALANCES_DATE.strftime("%d/%m/%Y"),
                                         money_text(opening[code], STATEMENTS_RNG)))
    for year in YEARS:
        bal = dict(opening)
        surplus = 0
        for row in ledger:
            if BALANCES_DATE < row[0] <= fy_end(year):
                k = KIND[row[2]]
                if k in ("revenue", "expense"):
                    surplus += -row[9]      # revenue - expenses = credits - debits
                else:
                    bal[row[2]] = bal.get(row[2], 0) + natural(row[2], row[9])
        assets = sum(v for c, v in bal.items() if KIND[c] == "asset")
        claims = sum(v for c, v in bal.items() if KIND[c] != "asset") + surplus
        assert assets == claims, (year, assets, claims)
        assert all(v >= 0 for v in bal.values()), (year, bal)


def actuals(year):
    """Revenue and expense accounts' natural totals of fiscal year `year`."""
    out = {}
    for row in ledger:
        if fy_start(year) <= row[0] <= fy_end(year) and KIND[row[2]] in ("revenue", "expense"):
            out[row[2]] = out.get(row[2], 0) + natural(row[2], row[9])
    return out


# Budgets by group, in dollars; the salaries of 2013-2014 by account.
BUDGET_2014 = [("Subventions", 640000), ("Revenus autonomes", 110000),
               ("Autres revenus", 4000), ("Honoraires professionnels", 55000),
               ("Frais d'activités", 60000), ("Frais de déplacement", 15000),
               ("Loyer et frais de bureau", 50000), ("Communications", 14000),
               ("Formation du personnel", 10000), ("Frais administratifs", 6000)]
SALARY_FACTORS_2014 = {"5000": 101, "5010": 96, "5020": 100, "5030": 103}   # % of actual
BUDGET_2015 = [("Subventions", 680000), ("Revenus autonomes", 180000),
               ("Autres revenus", 4000), ("Salaires et charges sociales", 610000),
               ("Honoraires professionnels", 62000), ("Frais d'activités", 70000),
               ("Frais de déplacement", 18000), ("Loyer et frais de bureau", 52000),
               ("Communications", 16000), ("Formation du personnel", 10000),
               ("Frais administratifs", 6000)]


def write_budget(path):
    """budget.csv: commas, decimal point, a line per group or account."""
    done = actuals(2014)
    rows = []
    for group, dollars in BUDGET_2014[:3]:
        rows.append(("2013-2014", "", group, dollars * 100))
    for code, pct in SALARY_FACTORS_2014.items():
        rows.append(("2013-2014", code, "", done.get(code, 0) * pct // 100 // 10000 * 10000))
    for group, dollars in BUDGET_2014[3:]:
        rows.append(("2013-2014", "", group, dollars * 100))
    for group, dollars in BUDGET_2015:
        rows.append(("2014-2015", "", group, dollars * 100))
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(csv_line(["Exercice", "Compte", "Poste", "Montant"], ",", "\n"))
        for year, code, group, cents in rows:
            f.write(csv_line([year, code, group, "%d.%02d" % divmod(cents, 100)], ",", "\n"))


def main(argv):
    out = argv[1] if len(argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "input")
    os.makedirs(out, exist_ok=True)
    write_simple(os.path.join(out, "accounts.csv"), ["account", "name", "kind", "group"], ACCOUNTS)
    write_ledger(os.path.join(out, "ledger.csv"))
    write_activities(os.path.join(out, "activities.csv"))
    write_simple(os.path.join(out, "people.csv"), ["name", "role", "group", "team"], PEOPLE)
    write_balances(os.path.join(out, "balances.csv"))
    write_budget(os.path.join(out, "budget.csv"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
