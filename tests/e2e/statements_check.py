#!/usr/bin/env python3
"""statements_check.py - the statements (budget, forecast, position,
indicators) computed from the CSV files independently of bilan, as
shared/contract.md ("Statements") defines them, and compared with a
figures JSON written by bilan.

    statements_check.py compare INPUT_DIR FIGURES.json
        budget, forecast, position and indicators equal, to the cent and
        the tenth; an object absent from one is absent from the other.
    statements_check.py rebalance INPUT_DIR DATE OUT.csv
        writes the balances at DATE (YYYY-MM-DD) that INPUT_DIR's balances
        and ledger give, the surplus since the balances' date carried into
        the net-asset group's first equity account: a balances.csv that
        must give the same position at the reported year's end.
    statements_check.py unbalanced INPUT_DIR
        prints the contract's message for each year-end where the books
        do not balance (nothing when they do).

Reads the files with check_totals.py's readers (the standard library only,
no project code).  Money in integer cents, ratios rounded half away from
zero with integer arithmetic.  Prints what differs and exits 1; exits 0
when everything is equal.
"""
import datetime as dt
import json
import os
import sys
from decimal import Decimal

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_totals as ct  # noqa: E402  (the independent readers)

ct.ALIASES.update({"year": "year", "exercice": "year", "annee": "year",
                   "poste": "group", "budget": "amount",
                   "balance": "balance", "solde": "balance"})


def cents(text, comma):
    return int(ct.parse_number(text, comma) * 100)


def round_ratio(num, den, scale):
    """num x scale / den in tenths, half away from zero; None for den 0."""
    if den == 0:
        return None
    q, r = divmod(abs(num) * scale, abs(den))
    if 2 * r >= abs(den):
        q += 1
    return -q if (num < 0) != (den < 0) and q else q


class Books:
    """The input folder: accounts, ledger lines (date, account, natural
    cents, counterparty), budget lines, balances."""

    def __init__(self, input_dir):
        self.dir = input_dir
        self.cfg, self.accounts, ledger, _ = ct.load(input_dir)
        ini = __import__("configparser").ConfigParser(inline_comment_prefixes=(";", "#"),
                                                      interpolation=None)
        with open(os.path.join(input_dir, "report.ini"), encoding="utf-8-sig") as f:
            ini.read_file(f)
        self.net_assets_group = ini["report"].get("net_assets_group", "")
        self.kind = {a["account"]: a["kind"] for a in self.accounts}
        self.group = {a["account"]: a["group"] for a in self.accounts}
        comma = ct.comma_is_decimal(v for r in ledger for k in ("debit", "credit", "amount")
                                    for v in [r.get(k, "")])
        order = ct.date_order(r["date"] for r in ledger)
        self.lines = []
        for r in ledger:
            code = r["account"].strip()
            kind = self.kind[code]
            if "amount" in r:
                value = cents(r["amount"], comma)
            else:
                debit, credit = cents(r.get("debit", ""), comma), cents(r.get("credit", ""), comma)
                value = credit - debit if kind in ("revenue", "liability", "equity") \
                    else debit - credit
            self.lines.append((ct.parse_date(r["date"], order), code, value,
                               r.get("counterparty", "").strip()))
        self.budget = self.read_budget()
        self.balances, self.balances_date = self.read_balances()

    def path(self, name):
        p = os.path.join(self.dir, name)
        return p if os.path.exists(p) else None

    def read_budget(self):
        """(kind, group) -> {year: cents}, for the years named."""
        p = self.path("budget.csv")
        if not p:
            return None
        rows = ct.read_csv(p, {})
        comma = ct.comma_is_decimal(r.get("amount", "") for r in rows)
        fiscal = self.cfg["fiscal"]
        out = {}
        for r in rows:
            text = r["year"].strip()
            year = int(text) if len(text) == 4 else int(text[-4:])
            assert len(text) == 4 or fiscal.label(year) == text, text
            code = r.get("account", "").strip()
            group = self.group[code] if code else r["group"].strip()
            kind = self.kind[code] if code else next(a["kind"] for a in self.accounts
                                                     if a["group"] == group)
            key = (kind, group)
            out.setdefault(key, {})
            out[key][year] = out[key].get(year, 0) + cents(r["amount"], comma)
        return out

    def read_balances(self):
        p = self.path("balances.csv")
        if not p:
            return None, None
        rows = ct.read_csv(p, {})
        comma = ct.comma_is_decimal(r["balance"] for r in rows)
        order = ct.date_order(r["date"] for r in rows)
        dates = {ct.parse_date(r["date"], order) for r in rows}
        assert len(dates) == 1, dates
        return ({r["account"].strip(): cents(r["balance"], comma) for r in rows},
                dates.pop())

    # ---- the figures ---------------------------------------------------

    def groups(self, kind):
        seen = []
        for a in self.accounts:
            if a["kind"] == kind and a["group"] not in seen:
                seen.append(a["group"])
        return seen

    def actual(self, kind, year, group=None):
        f = self.cfg["fiscal"]
        return sum(v for d, c, v, _ in self.lines
                   if self.kind[c] == kind and f.start(year) <= d <= f.end(year)
                   and (group is None or self.group[c] == group))

    def net_assets_group_name(self):
        if self.net_assets_group:
            return self.net_assets_group
        return next(a["group"] for a in self.accounts if a["kind"] == "equity")

    def balances_at(self, when):
        """Account -> balance at the end of `when`, and the surplus since
        the balances' date."""
        bal = {a["account"]: self.balances.get(a["account"], 0) for a in self.accounts
               if a["kind"] in ("asset", "liability", "equity")}
        surplus = 0
        for d, c, v, _ in self.lines:
            if not (self.balances_date < d <= when):
                continue
            if self.kind[c] == "revenue":
                surplus += v
            elif self.kind[c] == "expense":
                surplus -= v
            else:
                bal[c] += v
        return bal, surplus


def money(c):
    return None if c is None else Decimal(c) / 100


def tenths(t):
    return None if t is None else Decimal(t) / 10


def pct(current, previous):
    return tenths(round_ratio(current - previous, previous, 1000)) if previous > 0 else None


def budget_object(b, year, forecast):
    """The contract's "budget" (forecast False) or "forecast"."""
    cur = b.cfg["year"]
    named = {k: v[year] for k, v in b.budget.items() if year in v}
    if not named:
        return None
    obj = {"label": b.cfg["fiscal"].label(year)}

    def line(group, actual, budget):
        out = {"group": group} if group is not None else {}
        out["actual"] = money(actual)
        out["budget"] = money(budget)
        if budget is None:
            change = p = None
        elif forecast:
            change, p = money(budget - actual), pct(budget, actual)
        else:
            change, p = money(actual - budget), pct(actual, budget)
        out["change" if forecast else "variance"] = change
        out["change_pct" if forecast else "variance_pct"] = p
        return out

    sums = {}
    for kind, key in (("revenue", "revenue_groups"), ("expense", "expense_groups")):
        lines, any_, a_sum, b_sum = [], False, 0, 0
        for g in b.groups(kind):
            actual = b.actual(kind, cur, g)
            budget = named.get((kind, g))
            lines.append(line(g, actual, budget))
            if budget is not None:
                any_, a_sum, b_sum = True, a_sum + actual, b_sum + budget
        obj[key] = lines
        sums[kind] = (any_, a_sum, b_sum)
        total = "revenue" if kind == "revenue" else "expenses"
        obj[total] = line(None, a_sum if any_ else b.actual(kind, cur), b_sum if any_ else None)
    (ra, rs, rb), (ea, es, eb) = sums["revenue"], sums["expense"]
    if ra or ea:
        obj["net"] = line(None, rs - es, rb - eb)
    else:
        obj["net"] = line(None, b.actual("revenue", cur) - b.actual("expense", cur), None)
    return obj


def position_object(b):
    if b.balances is None:
        return None
    f, year = b.cfg["fiscal"], b.cfg["year"]
    end, prev_end = f.end(year), f.end(year - 1)
    has_prev = prev_end >= b.balances_date
    target = b.net_assets_group_name()
    at = {}
    for when in (end, prev_end):
        bal, surplus = b.balances_at(when)
        groups = {}
        for a in b.accounts:
            if a["kind"] in ("asset", "liability", "equity"):
                key = (a["kind"], a["group"])
                groups[key] = groups.get(key, 0) + bal[a["account"]]
        groups[("equity", target)] += surplus
        at[when] = groups

    def fig(cur, prev):
        if not has_prev:
            return {"current": money(cur), "previous": None, "change": None, "change_pct": None}
        return {"current": money(cur), "previous": money(prev), "change": money(cur - prev),
                "change_pct": pct(cur, prev)}

    obj = {"date": end.isoformat(), "previous_date": prev_end.isoformat() if has_prev else None}
    for kind, total, key in (("asset", "assets", "asset_groups"),
                             ("liability", "liabilities", "liability_groups"),
                             ("equity", "net_assets", "net_asset_groups")):
        names = b.groups(kind)
        obj[total] = fig(sum(at[end][(kind, g)] for g in names),
                         sum(at[prev_end][(kind, g)] for g in names))
        obj[key] = [dict(group=g, **fig(at[end][(kind, g)], at[prev_end][(kind, g)]))
                    for g in names]
    return obj


def indicators_object(b, position):
    f, year = b.cfg["fiscal"], b.cfg["year"]
    revenue = b.actual("revenue", year)
    expenses = b.actual("expense", year)
    out = {}
    if position is not None:
        net = int(position["net_assets"]["current"] * 100)
        out["reserve_months"] = tenths(round_ratio(net, expenses, 120))
    if b.cfg["self_generated"]:
        out["self_generated_share"] = tenths(
            round_ratio(b.actual("revenue", year, b.cfg["self_generated"]), revenue, 1000))
    funders = {}
    for d, c, v, name in b.lines:
        if name and b.kind[c] == "revenue" and f.start(year) <= d <= f.end(year):
            funders[name] = funders.get(name, 0) + v
    best = sorted(((-v, n.casefold(), n) for n, v in funders.items() if v > 0))
    if best:
        out["largest_funder"] = best[0][2]
        out["largest_funder_share"] = tenths(round_ratio(-best[0][0], revenue, 1000))
    return out or None


def expected(input_dir):
    b = Books(input_dir)
    year = b.cfg["year"]
    want = {}
    if b.budget is not None:
        want["budget"] = budget_object(b, year, False)
        want["forecast"] = budget_object(b, year + 1, True)
    else:
        want["budget"] = want["forecast"] = None
    want["position"] = position_object(b)
    want["indicators"] = indicators_object(b, want["position"])
    return b, want


def diff(path, want, got, out):
    if isinstance(want, dict) and isinstance(got, dict):
        for k in sorted(set(want) | set(got)):
            if k not in got:
                out.append("%s.%s: missing in figures.json (want %r)" % (path, k, want[k]))
            elif k not in want:
                out.append("%s.%s: in figures.json (%r), not expected" % (path, k, got[k]))
            else:
                diff("%s.%s" % (path, k), want[k], got[k], out)
    elif isinstance(want, list) and isinstance(got, list) and len(want) == len(got):
        for i, (w, g) in enumerate(zip(want, got)):
            diff("%s[%d]" % (path, i), w, g, out)
    elif want != got:
        out.append("%s: figures.json has %r, the CSV files give %r" % (path, got, want))


def cmd_compare(input_dir, figures_path):
    _, want = expected(input_dir)
    got = json.load(open(figures_path, encoding="utf-8"), parse_float=Decimal)
    problems, checked = [], 0
    for key in ("budget", "forecast", "position", "indicators"):
        if want[key] is None and key not in got:
            continue
        if want[key] is None or key not in got:
            problems.append("%s: figures.json %s it, the CSV files %s" % (
                key, "has" if key in got else "lacks", "do not give it" if want[key] is None
                else "give it"))
            continue
        diff(key, want[key], got[key], problems)
        checked += 1
    for line in problems[:30]:
        print(line)
    print("%d statements compared, %d differences" % (checked, len(problems)))
    return 1 if problems else 0


def cmd_rebalance(input_dir, when, out_path):
    b = Books(input_dir)
    day = dt.date.fromisoformat(when)
    bal, surplus = b.balances_at(day)
    target = b.net_assets_group_name()
    first = next(a["account"] for a in b.accounts
                 if a["kind"] == "equity" and a["group"] == target)
    bal[first] += surplus
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("account,date,balance\n")
        for code, c in bal.items():
            f.write("%s,%s,%s%d.%02d\n" % (code, when, "-" if c < 0 else "",
                                            abs(c) // 100, abs(c) % 100))
    return 0


def cmd_unbalanced(input_dir):
    b = Books(input_dir)
    f, year = b.cfg["fiscal"], b.cfg["year"]
    for when in (f.end(year - 1), f.end(year)):
        if when < b.balances_date:
            continue
        bal, surplus = b.balances_at(when)
        assets = sum(v for c, v in bal.items() if b.kind[c] == "asset")
        claims = sum(v for c, v in bal.items() if b.kind[c] != "asset") + surplus
        if assets != claims:
            def m(c):
                return "%s%d.%02d" % ("-" if c < 0 else "", abs(c) // 100, abs(c) % 100)
            print("ledger.csv: the books do not balance at %s: assets %s, liabilities and "
                  "net assets %s, difference %s" % (when.isoformat(), m(assets), m(claims),
                                                   m(assets - claims)))
    return 0


def main(argv):
    if len(argv) == 4 and argv[1] == "compare":
        return cmd_compare(argv[2], argv[3])
    if len(argv) == 5 and argv[1] == "rebalance":
        return cmd_rebalance(argv[2], argv[3], argv[4])
    if len(argv) == 3 and argv[1] == "unbalanced":
        return cmd_unbalanced(argv[2])
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
