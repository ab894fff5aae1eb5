#!/usr/bin/env python3
"""check_totals.py - recomputes the sample's figures independently of bilan
and compares them, to the cent, with a figures JSON written by bilan.

    check_totals.py INPUT_DIR FIGURES.json   compare; exit 1 on any mismatch
    check_totals.py INPUT_DIR --print        print what this script computes

Reads report.ini, accounts.csv, ledger.csv and activities.csv with the
standard library only (no project code): BOM, the delimiter sniffed from the
header line, French or English header names, debit/credit or signed amount
columns, decimal comma or point with space, no-break or narrow no-break
space thousands separators, (negative) amounts, DD/MM/YYYY, MM/DD/YYYY or
ISO dates.  It follows the contract (shared/contract.md): fiscal years end on
fiscal_year_end; change_pct = change / previous x 100 rounded half away
from zero to one decimal when previous is above 0, else null; partners and regions are
distinct after trimming and Unicode case folding.  One check is one
comparison; the last line says "N passed, N failed".
"""

import configparser
import csv
import datetime as dt
import decimal
import io
import json
import os
import sys
import unicodedata

D = decimal.Decimal

# --------------------------------------------------------------------------
# Reading the input folder

ALIASES = {
    "date": "date",
    "account": "account", "compte": "account", "no de compte": "account",
    "amount": "amount", "montant": "amount",
    "debit": "debit", "credit": "credit",
    "counterparty": "counterparty", "tiers": "counterparty",
    "memo": "memo", "description": "memo", "libelle": "memo",
    "ref": "ref", "piece": "ref", "reference": "ref",
    "name": "name", "nom": "name", "kind": "kind", "nature": "kind",
    "group": "group", "groupe": "group",
    "axis": "axis", "axe": "axis", "type": "type", "title": "title", "titre": "title",
    "partner": "partner", "partenaire": "partner", "region": "region",
    "participants": "participants", "hours": "hours", "heures": "hours",
    "role": "role", "team": "team", "equipe": "team",
}
KINDS = {"revenue": "revenue", "produit": "revenue", "revenu": "revenue",
         "expense": "expense", "charge": "expense", "depense": "expense",
         "asset": "asset", "liability": "liability", "equity": "equity"}
SPACES = (" ", "\u00a0", "\u202f")


def plain(text):
    """Lower case, no accents, no surrounding spaces: header matching."""
    text = unicodedata.normalize("NFD", text.strip().lower())
    return "".join(c for c in text if unicodedata.category(c) != "Mn")


def fold(text):
    """Trimmed and Unicode case-folded: distinct partners and regions."""
    return text.strip().casefold()


def read_csv(path, overrides):
    """(rows as dicts keyed by canonical column, first line of each row)."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        text = f.read()
    header_line = text.split("\n", 1)[0]
    delim = max((";", ",", "\t"), key=header_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    header = next(reader)
    by_header = {h.strip(): canon for canon, h in overrides.items()}
    names = []
    for h in header:
        names.append(by_header.get(h.strip()) or ALIASES.get(plain(h), ""))
    rows = []
    for record in reader:
        if not any(field.strip() for field in record):
            continue
        rows.append({n: v for n, v in zip(names, record) if n})
    return rows


def parse_number(text, comma_decimal):
    """'12 500,00' -> Decimal('12500.00'); '(1,50)' and '-1,50' negative."""
    t = text.strip().replace("$", "").strip()
    if not t:
        return D(0)
    negative = t.startswith("(") and t.endswith(")")
    if negative:
        t = t[1:-1].strip()
    for s in SPACES:
        t = t.replace(s, "")
    if comma_decimal:
        t = t.replace(".", "").replace(",", ".")
    else:
        t = t.replace(",", "")
    value = D(t)
    if value.as_tuple().exponent < -2:
        raise ValueError("more than two decimals: %r" % text)
    return -value if negative else value


def comma_is_decimal(values):
    """True when some value ends with a comma and one or two digits."""
    for v in values:
        v = v.strip().rstrip("$").strip().rstrip(")")
        head, sep, tail = v.rpartition(",")
        if sep and tail.isdigit() and len(tail) <= 2:
            return True
    return False


def parse_date(text, order):
    t = text.strip()
    if len(t) >= 8 and t[4] in "-/":
        y, m, d = t.replace("/", "-").split("-")
    else:
        a, b, y = t.split("/")
        d, m = (a, b) if order == "dmy" else (b, a)
    return dt.date(int(y), int(m), int(d))


def date_order(values):
    for v in values:
        parts = v.strip().split("/")
        if len(parts) == 3 and len(parts[0]) <= 2:
            if int(parts[0]) > 12:
                return "dmy"
            if int(parts[1]) > 12:
                return "mdy"
    return "dmy"


class Fiscal:
    """The fiscal calendar of report.ini."""

    def __init__(self, end):
        self.month, self.day = (int(x) for x in end.split("-"))

    def year_of(self, d):
        return d.year if (d.month, d.day) <= (self.month, self.day) else d.year + 1

    def end(self, year):
        return dt.date(year, self.month, self.day)

    def start(self, year):
        return self.end(year - 1) + dt.timedelta(days=1)

    def label(self, year):
        if (self.month, self.day) == (12, 31):
            return str(year)
        return "%d-%d" % (year - 1, year)


def load(input_dir):
    ini = configparser.ConfigParser(inline_comment_prefixes=(";", "#"),
                                    interpolation=None)
    with open(os.path.join(input_dir, "report.ini"), encoding="utf-8-sig") as f:
        ini.read_file(f)
    rep = ini["report"]
    cfg = {
        "organisation": ini["organisation"]["name"],
        "language": rep.get("language", "fr"),
        "fiscal": Fiscal(rep["fiscal_year_end"]),
        "year": int(rep["year"]),
        "history": int(rep.get("history", "3")),
        "self_generated": rep.get("self_generated", ""),
    }

    def overrides(kind):
        sec = "columns." + kind
        return dict(ini[sec]) if ini.has_section(sec) else {}

    accounts = []
    for row in read_csv(os.path.join(input_dir, "accounts.csv"), overrides("accounts")):
        accounts.append({"account": row["account"].strip(), "name": row["name"].strip(),
                         "kind": KINDS[plain(row["kind"])], "group": row["group"].strip()})
    ledger = read_csv(os.path.join(input_dir, "ledger.csv"), overrides("ledger"))
    activities = read_csv(os.path.join(input_dir, "activities.csv"), overrides("activities"))
    return cfg, accounts, ledger, activities


# --------------------------------------------------------------------------
# Computing the figures

def cents(value):
    return int(value * 100)


def pct(current, previous):
    """change / previous x 100, half away from zero, one decimal; None
    when previous is not above 0."""
    if previous <= 0:
        return None
    num = abs(current - previous) * 1000
    q, r = divmod(num, abs(previous))
    if 2 * r >= abs(previous):
        q += 1
    return D(q if current >= previous else -q) / 10


def fig(current, previous, money=False):
    """A comparable figure; money and hours in hundredths -> Decimal units."""
    def out(v):
        return D(v).scaleb(-2) if money else v
    return {"current": out(current), "previous": out(previous),
            "change": out(current - previous), "change_pct": pct(current, previous)}


def compute(cfg, accounts, ledger, activities):
    fiscal, year = cfg["fiscal"], cfg["year"]
    cur, prev = year, year - 1
    history = list(range(year - cfg["history"] + 1, year + 1))
    years_in = set(history) | {prev}

    kind_of = {a["account"]: a["kind"] for a in accounts}
    by_account = {}        # (account, fy) -> cents in the natural direction
    by_cp = {}             # (name, kind) -> {fy: cents}, in first-seen order
    comma = comma_is_decimal(v for r in ledger for k in ("debit", "credit", "amount")
                             for v in [r.get(k, "")])
    order = date_order(r["date"] for r in ledger)
    outside = other = 0
    for r in ledger:
        d = parse_date(r["date"], order)
        account = r["account"].strip()
        kind = kind_of[account]
        fy = fiscal.year_of(d)
        if fy not in years_in:
            outside += 1
        if kind not in ("revenue", "expense"):
            other += 1
            continue
        if "amount" in r:
            value = cents(parse_number(r["amount"], comma))
        else:
            debit = cents(parse_number(r.get("debit", ""), comma))
            credit = cents(parse_number(r.get("credit", ""), comma))
            value = credit - debit if kind == "revenue" else debit - credit
        by_account[(account, fy)] = by_account.get((account, fy), 0) + value
        name = r.get("counterparty", "").strip()
        if name and fy in (cur, prev):
            by_cp.setdefault((name, kind), {})
            by_cp[(name, kind)][fy] = by_cp[(name, kind)].get(fy, 0) + value

    def total(kind, fy, group=None):
        return sum(by_account.get((a["account"], fy), 0) for a in accounts
                   if a["kind"] == kind and (group is None or a["group"] == group))

    def groups(kind):
        seen = []
        for a in accounts:
            if a["kind"] == kind and a["group"] not in seen:
                seen.append(a["group"])
        return [dict(group=g, **fig(total(kind, cur, g), total(kind, prev, g), True))
                for g in seen]

    rev = (total("revenue", cur), total("revenue", prev))
    exp = (total("expense", cur), total("expense", prev))
    finances = {
        "revenue": fig(*rev, money=True),
        "expenses": fig(*exp, money=True),
        "net": fig(rev[0] - exp[0], rev[1] - exp[1], True),
        "revenue_groups": groups("revenue"),
        "expense_groups": groups("expense"),
        "accounts": [dict(account=a["account"], name=a["name"], kind=a["kind"],
                          group=a["group"],
                          **fig(by_account.get((a["account"], cur), 0),
                                by_account.get((a["account"], prev), 0), True))
                     for a in accounts if a["kind"] in ("revenue", "expense")],
        "counterparties": [{"name": n, "kind": k, "current": D(v.get(cur, 0)).scaleb(-2),
                            "previous": D(v.get(prev, 0)).scaleb(-2)}
                           for (n, k), v in by_cp.items()],
        "history": [{"label": fiscal.label(y),
                     "revenue": D(total("revenue", y)).scaleb(-2),
                     "expenses": D(total("expense", y)).scaleb(-2),
                     "net": D(total("revenue", y) - total("expense", y)).scaleb(-2)}
                    for y in history],
    }
    if cfg["self_generated"]:
        g = cfg["self_generated"]
        finances["self_generated"] = fig(total("revenue", cur, g), total("revenue", prev, g), True)

    # activities
    hours_comma = comma_is_decimal(r.get("hours", "") for r in activities) and \
        not any("." in r.get("hours", "") for r in activities)
    order = date_order(r["date"] for r in activities)
    stats = {fy: {"count": 0, "participants": 0, "hours": 0, "partners": [], "regions": []}
             for fy in (cur, prev)}
    axes, types = {}, {}
    for r in activities:
        fy = fiscal.year_of(parse_date(r["date"], order))
        if fy not in (cur, prev):
            continue
        people = int(r.get("participants", "").strip() or 0)
        hours = cents(parse_number(r.get("hours", ""), hours_comma))
        s = stats[fy]
        s["count"] += 1
        s["participants"] += people
        s["hours"] += hours
        for key in ("partner", "region"):
            v = fold(r.get(key, ""))
            if v and v not in s[key + "s"]:
                s[key + "s"].append(v)
        axis, typ = r["axis"].strip(), r["type"].strip()
        a = axes.setdefault(axis, {cur: [0, 0, 0], prev: [0, 0, 0]})
        a[fy][0] += 1
        a[fy][1] += people
        a[fy][2] += hours
        t = types.setdefault((typ, axis), {cur: [0, 0], prev: [0, 0]})
        t[fy][0] += 1
        t[fy][1] += people
    c, p = stats[cur], stats[prev]
    acts = {
        "count": fig(c["count"], p["count"]),
        "participants": fig(c["participants"], p["participants"]),
        "hours": fig(c["hours"], p["hours"], True),
        "partners": fig(len(c["partners"]), len(p["partners"])),
        "regions": fig(len(c["regions"]), len(p["regions"])),
        "axes": [dict(axis=k, count=fig(v[cur][0], v[prev][0]),
                      participants=fig(v[cur][1], v[prev][1]),
                      hours=fig(v[cur][2], v[prev][2], True)) for k, v in axes.items()],
        "types": [dict(type=k[0], axis=k[1], count=fig(v[cur][0], v[prev][0]),
                       participants=fig(v[cur][1], v[prev][1])) for k, v in types.items()],
    }

    def period(y):
        return {"label": fiscal.label(y), "start": fiscal.start(y).isoformat(),
                "end": fiscal.end(y).isoformat()}

    return {
        "organisation": cfg["organisation"],
        "language": cfg["language"],
        "fiscal_year": period(cur),
        "previous_fiscal_year": period(prev),
        "finances": finances,
        "activities": acts,
        "inputs": {"ledger_rows": len(ledger), "ledger_rows_outside_years": outside,
                   "ledger_rows_other_kinds": other, "activity_rows": len(activities)},
    }


# --------------------------------------------------------------------------
# Comparing

class Checker:
    def __init__(self):
        self.passed = self.failed = 0

    def fail(self, where, message):
        self.failed += 1
        print("MISMATCH %s: %s" % (where, message))

    def equal(self, where, want, got, money=False):
        if money and not (isinstance(got, D) and got.as_tuple().exponent == -2):
            self.fail(where, "expected %s as a number with two decimals, got %r" % (want, got))
        elif isinstance(want, D) or isinstance(got, D):
            ok = isinstance(got, (D, int)) and not isinstance(got, bool) and D(got) == want
            if ok:
                self.passed += 1
            else:
                self.fail(where, "expected %s, got %r" % (want, got))
        elif want == got and type(want) is type(got):
            self.passed += 1
        else:
            self.fail(where, "expected %r, got %r" % (want, got))

    def figure(self, where, want, got, money=False):
        if not isinstance(got, dict):
            self.fail(where, "missing or not an object")
            return
        for key in ("current", "previous", "change"):
            self.equal("%s.%s" % (where, key), want[key], got.get(key), money)
        self.equal(where + ".change_pct", want["change_pct"], got.get("change_pct"))

    def listing(self, where, key, want, got, figures):
        """A list of objects named by key (a tuple of fields), in order."""
        if not isinstance(got, list):
            self.fail(where, "missing or not a list")
            return
        names = [tuple(x.get(k) for k in key) for x in got if isinstance(x, dict)]
        wanted = [tuple(x[k] for k in key) for x in want]
        self.equal(where + " (names, in order)", wanted, names)
        for w in want:
            name = tuple(w[k] for k in key)
            if name not in names:
                continue
            g = got[names.index(name)]
            label = "%s[%s]" % (where, "/".join(name))
            for field, money in figures:
                self.figure(label + ("." + field if field else ""), w[field] if field else w,
                            g.get(field) if field else g, money)


def compare(want, got):
    ck = Checker()
    for key in ("organisation", "language"):
        ck.equal(key, want[key], got.get(key))
    for key in ("fiscal_year", "previous_fiscal_year"):
        for field in ("label", "start", "end"):
            ck.equal("%s.%s" % (key, field), want[key][field], (got.get(key) or {}).get(field))

    wf, gf = want["finances"], got.get("finances") or {}
    for key in ("revenue", "expenses", "net"):
        ck.figure("finances." + key, wf[key], gf.get(key), True)
    if "self_generated" in wf:
        group = [g for g in gf.get("revenue_groups") or []
                 if isinstance(g, dict) and g.get("group") == want["self_generated_group"]]
        ck.figure("finances.revenue_groups[%s] (self-generated)" % want["self_generated_group"],
                  wf["self_generated"], group[0] if group else None, True)
        if "self_generated" in gf:
            ck.figure("finances.self_generated", wf["self_generated"], gf["self_generated"], True)
    ck.listing("finances.revenue_groups", ("group",), wf["revenue_groups"],
               gf.get("revenue_groups"), [("", True)])
    ck.listing("finances.expense_groups", ("group",), wf["expense_groups"],
               gf.get("expense_groups"), [("", True)])
    ck.listing("finances.accounts", ("account", "name", "kind", "group"), wf["accounts"],
               gf.get("accounts"), [("", True)])

    got_cp = {(x.get("name"), x.get("kind")): x for x in gf.get("counterparties") or []
              if isinstance(x, dict) and x.get("kind") in ("revenue", "expense")}
    ck.equal("finances.counterparties (names)", sorted((w["name"], w["kind"]) for w in wf["counterparties"]),
             sorted(got_cp))
    for w in wf["counterparties"]:
        g = got_cp.get((w["name"], w["kind"]))
        if g is not None:
            for field in ("current", "previous"):
                ck.equal("finances.counterparties[%s/%s].%s" % (w["name"], w["kind"], field),
                         w[field], g.get(field), True)

    gh = gf.get("history") or []
    ck.equal("finances.history (labels)", [h["label"] for h in wf["history"]],
             [h.get("label") for h in gh if isinstance(h, dict)])
    for w, g in zip(wf["history"], gh):
        for field in ("revenue", "expenses", "net"):
            ck.equal("finances.history[%s].%s" % (w["label"], field), w[field],
                     g.get(field) if isinstance(g, dict) else None, True)

    wa, ga = want["activities"], got.get("activities") or {}
    for key in ("count", "participants", "partners", "regions"):
        ck.figure("activities." + key, wa[key], ga.get(key))
    ck.figure("activities.hours", wa["hours"], ga.get("hours"))
    ck.listing("activities.axes", ("axis",), wa["axes"], ga.get("axes"),
               [("count", False), ("participants", False), ("hours", False)])
    ck.listing("activities.types", ("type", "axis"), wa["types"], ga.get("types"),
               [("count", False), ("participants", False)])

    gi = got.get("inputs") or {}
    for key, value in want["inputs"].items():
        ck.equal("inputs." + key, value, gi.get(key))
    return ck


def dump(obj, indent=""):
    """JSON text with Decimals as numbers, written as they are."""
    inner = indent + "  "
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        items = ['%s%s: %s' % (inner, json.dumps(k, ensure_ascii=False), dump(v, inner))
                 for k, v in obj.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(obj, list):
        if not obj:
            return "[]"
        return ("[\n" + ",\n".join(inner + dump(v, inner) for v in obj)
                + "\n" + indent + "]")
    if isinstance(obj, D):
        return str(obj)
    return json.dumps(obj, ensure_ascii=False)


def main(argv):
    if len(argv) != 3:
        print("usage: check_totals.py INPUT_DIR FIGURES.json | --print", file=sys.stderr)
        return 64
    cfg, accounts, ledger, activities = load(argv[1])
    want = compute(cfg, accounts, ledger, activities)
    want["self_generated_group"] = cfg["self_generated"]
    if argv[2] == "--print":
        print(dump(want))
        return 0
    with open(argv[2], encoding="utf-8") as f:
        got = json.load(f, parse_float=D)
    ck = compare(want, got)
    print("%d passed, %d failed" % (ck.passed, ck.failed))
    return 1 if ck.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
