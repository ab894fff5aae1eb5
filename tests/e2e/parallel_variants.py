#!/usr/bin/env python3
"""parallel_variants.py - input folders that a reader splitting a file in
two at a record boundary (issue 12) must fall back on, or merge with care,
to read as the serial reader does; tests/e2e/test_parallel.sh runs bilan on
each with the serial reader and with every file split, and compares.

    python3 tests/e2e/parallel_variants.py BASE ACTIVITIES DEBIT_CREDIT OUT SAMPLE

BASE, ACTIVITIES and DEBIT_CREDIT are folders written by bench/gen_input
(50,000 ledger lines; 40,000 activities; debit and credit columns); SAMPLE
is input/, whose double-entry ledger, balances.csv and budget.csv make the
statements (sample_big: its rows repeated until the files are split).  Each
variant becomes OUT/NAME/, a whole input folder (the files it does not
change are hard links, texts/ a copy of the source's), with detail
sheets off unless said; prints one
line "NAME STATUS MERGED" per variant, STATUS the exit status the variant
is made for (0: read without a problem, 65: a data problem is reported),
MERGED how many of its files bilan reads on two threads (the second half's
work merged, not dropped), as BILAN_TIMINGS=1 reports it.

The "midpoint" of a file is where bilan splits it (src/ingest_split.c): the
middle of what the first thread has not read when it starts the second,
after the first data row, i.e. after its first 64 KiB chunk.  Each variant
puts its trap around or after it, in the second half, where a reader that
starts mid-file has not seen what came before."""
import os
import shutil
import sys
import unicodedata

BASE, ACTIVITIES, DEBIT_CREDIT, OUT, SAMPLE = sys.argv[1:6]
FILES = ("report.ini", "accounts.csv", "ledger.csv", "activities.csv", "people.csv")


CHUNK = 65536  # what the first thread has read when it splits


def midpoint(size):
    """Where bilan looks for the line end that starts the second half."""
    return CHUNK + (size - CHUNK) // 2


def read(folder, name):
    with open(os.path.join(folder, name), "rb") as f:
        return f.read()


def make(name, status, merged, src=BASE, detail=False, **files):
    """OUT/name: src's files, those in files (name -> bytes) replaced."""
    d = os.path.join(OUT, name)
    os.makedirs(d)
    for f in FILES:
        key = f.replace(".", "_")
        if key in files:
            with open(os.path.join(d, f), "wb") as out:
                out.write(files[key])
        elif f == "report.ini":
            ini = read(src, f).replace(b"detail = yes", b"detail = yes" if detail else b"detail = no")
            with open(os.path.join(d, f), "wb") as out:
                out.write(ini)
        else:
            try:
                os.link(os.path.join(src, f), os.path.join(d, f))
            except OSError:
                shutil.copy(os.path.join(src, f), os.path.join(d, f))
    if os.path.isdir(os.path.join(src, "texts")):
        shutil.copytree(os.path.join(src, "texts"), os.path.join(d, "texts"))
    print(name, status, merged)


def lines_of(data):
    """The records of a generated file (no quoted line breaks in them),
    each with its line end."""
    return data.splitlines(keepends=True)


def line_at(lines, fraction):
    """Index of the record holding the byte at fraction of the file."""
    target = int(sum(len(x) for x in lines) * fraction)
    pos = 0
    for i, line in enumerate(lines):
        pos += len(line)
        if pos > target:
            return i
    return len(lines) - 1


def with_field(line, index, value):
    """line (bytes, unquoted or simply quoted fields) with field index
    replaced by value (already quoted when it must be)."""
    fields, cur, quoted = [], b"", False
    body = line.rstrip(b"\r\n")
    end = line[len(body):]
    for c in body:
        ch = bytes([c])
        if ch == b'"':
            quoted = not quoted
        if ch == b"," and not quoted:
            fields.append(cur)
            cur = b""
        else:
            cur += ch
    fields.append(cur)
    fields[index] = value
    return b",".join(fields) + end


def across_midpoint(lines, index, value):
    """Puts value in field index of the record chosen so that, in the file
    that results, value holds the middle byte."""
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line)
    size = pos
    for i in range(line_at(lines, 0.5) - 200, len(lines)):
        if i < 1:
            continue
        new = with_field(lines[i], index, value)
        at = starts[i] + new.index(value)
        middle = midpoint(size + len(new) - len(lines[i]))
        if at < middle < at + len(value):
            lines[i] = new
            return
    raise SystemExit("parallel_variants: no record puts the value across the midpoint")


def midpoint_memos(ledger):
    """Multi-line quoted memos around the ledger's midpoint: every 7th
    record within 64 KiB of it, and one whose lines look like ledger
    records (dates, accounts, amounts) across the midpoint byte itself.
    Their line breaks are the file's (CRLF or LF)."""
    eol = b"\r\n" if b"\r\n" in ledger[:4096] else b"\n"
    lines = lines_of(ledger)
    size, pos = len(ledger), 0
    for i, line in enumerate(lines):
        if i > 0 and abs(pos - midpoint(size)) < 65536 and i % 7 == 0:
            lines[i] = with_field(line, 3, b'"Note sur deux lignes\nsuite, ""citation""\n"'.replace(b"\n", eol))
        pos += len(line)
    fake = b"".join(b"2013-01-%02d,4110,Faux %d,ligne de m\xc3\xa9mo,P-9%06d,%d.00\n" % (d % 28 + 1, d, d, d)
                    for d in range(60))
    across_midpoint(lines, 3, (b'"D\xc3\xa9but du m\xc3\xa9mo\n' + fake + b'fin"').replace(b"\n", eol))
    return b"".join(lines)


def errors_spread(ledger):
    """Unparseable amounts and dates at 10 %, 49 %, 51 %, 75 % and 95 % of
    the ledger: their diagnostics must come in line order."""
    lines = lines_of(ledger)
    bad = ((0.10, 5, b'"12,3x"'), (0.49, 0, b"2013-13-45"), (0.51, 5, b"douze"),
           (0.75, 5, b"1..2"), (0.95, 0, b"hier"))
    for fraction, index, value in bad:
        i = line_at(lines, fraction)
        lines[i] = with_field(lines[i], index, value)
    return b"".join(lines)


def ascii_fold(data):
    text = unicodedata.normalize("NFKD", data.decode("utf-8"))
    return "".join(c for c in text if ord(c) < 128).encode("ascii")


def cp1252_late(ledger):
    """The ledger in Windows-1252 whose first non-ASCII byte is at 60 %:
    the accents of the records before it are taken off."""
    lines = lines_of(ledger)
    cut = line_at(lines, 0.60)
    head = ascii_fold(b"".join(lines[:cut]))
    return head + b"".join(lines[cut:]).decode("utf-8").encode("cp1252")


def cp1252_early(ledger, overturned):
    """The ledger with its accents taken off but for a Windows-1252 'é' in
    a memo at 20 % (the reader guesses Windows-1252 there, in the first
    half) and, at 70 %, another one, or, when overturned, a UTF-8 'é': the
    file is then UTF-8 with a bad byte at 20 %, an error at that line."""
    lines = [ascii_fold(line) for line in lines_of(ledger)]
    early, late = line_at(lines, 0.20), line_at(lines, 0.70)
    lines[early] = with_field(lines[early], 3, b"Caf\xe9 du matin")
    lines[late] = with_field(lines[late], 3, b"Caf\xc3\xa9 du soir" if overturned else b"Caf\xe9 du soir")
    return b"".join(lines)


def ddmm_late(data):
    """Dates written DD/MM/YYYY; in the first 55 % every day is 12 or less,
    so that the order (day first) is learnt only after the midpoint.  The
    month and year stay: the fiscal years and the totals do not change."""
    lines = lines_of(data)
    cut = line_at(lines, 0.55)
    for i in range(1, len(lines)):
        date, rest = lines[i].split(b",", 1)
        y, m, d = (int(x) for x in date.split(b"-"))
        if i < cut:
            d = (d - 1) % 12 + 1
        lines[i] = b"%02d/%02d/%04d," % (d, m, y) + rest
    return b"".join(lines)


def crlf(data):
    return data.replace(b"\n", b"\r\n")


def stray_quote(ledger, fraction):
    """A quote in the middle of an unquoted memo at fraction of the file:
    a CSV error at its line."""
    lines = lines_of(ledger)
    i = line_at(lines, fraction)
    lines[i] = with_field(lines[i], 3, b'Facture "sans fin')
    return b"".join(lines)


def open_quote(ledger, fraction):
    """A quoted memo at fraction of the file that is never closed, and no
    quote after it (the quoted fields that follow lose their quotes, their
    commas become semicolons): for the serial reader the rest of the file
    is inside that memo."""
    lines = lines_of(ledger)
    i = line_at(lines, fraction)
    for j in range(i + 1, len(lines)):
        parts = lines[j].split(b'"')
        lines[j] = b"".join(p.replace(b",", b";") if k % 2 else p for k, p in enumerate(parts))
    lines[i] = with_field(lines[i], 3, b'"Facture jamais ferm\xc3\xa9e')
    return b"".join(lines)


def activity_titles(activities):
    """Multi-line quoted titles around the activities' midpoint, one of
    them across the midpoint byte, its lines looking like activities."""
    lines = lines_of(activities)
    mid = line_at(lines, 0.5)
    for i in range(max(1, mid - 200), min(len(lines), mid + 200), 9):
        lines[i] = with_field(lines[i], 3, b'"Titre\nsur deux lignes"')
    fake = b"".join(b"2013-02-%02d,Formation,Atelier,Faux %d,Partenaire,Laval,%d,2.00\n" % (d % 28 + 1, d, d)
                    for d in range(12))
    across_midpoint(lines, 3, b'"Titre\n' + fake + b'fin"')
    return b"".join(lines)


def activity_errors(activities):
    """Unparseable participants and hours at 30 %, 52 % and 90 % of the
    activities."""
    lines = lines_of(activities)
    for fraction, index, value in ((0.30, 6, b"beaucoup"), (0.52, 7, b"2h30"), (0.90, 6, b"-x")):
        i = line_at(lines, fraction)
        lines[i] = with_field(lines[i], index, value)
    return b"".join(lines)


def sample_big(name, times_ledger, times_activities):
    """OUT/name: the sample with its ledger's and activities' rows repeated:
    the financial position, the budget and the funders from split files."""
    d = os.path.join(OUT, name)
    shutil.copytree(SAMPLE, d)
    for f, times in (("ledger.csv", times_ledger), ("activities.csv", times_activities)):
        lines = read(SAMPLE, f).split(b"\n")
        rows = [line for line in lines[1:] if line.strip()]
        with open(os.path.join(d, f), "wb") as out:
            out.write(b"\n".join([lines[0]] + rows * times) + b"\n")
    print(name, 0, 2)


def main():
    ledger = read(BASE, "ledger.csv")
    activities = read(BASE, "activities.csv")
    big = read(ACTIVITIES, "activities.csv")
    # MERGED: the ledger and activities.csv are split when nothing below
    # stops it; a trap at the midpoint, a problem in the second half, or
    # an order still unknown past the middle (ddmm_late) keeps a file on
    # one thread.
    make("base_detail_on", 0, 2, detail=True)
    make("base", 0, 2)
    make("memo_midpoint", 0, 1, ledger_csv=midpoint_memos(ledger))
    make("errors_second_half", 65, 1, ledger_csv=errors_spread(ledger))
    make("cp1252_late", 0, 2, ledger_csv=cp1252_late(ledger))
    make("cp1252_early", 0, 2, ledger_csv=cp1252_early(ledger, False))
    make("cp1252_overturned", 65, 1, ledger_csv=cp1252_early(ledger, True))
    make("ddmm_late", 0, 0, ledger_csv=ddmm_late(ledger), activities_csv=ddmm_late(activities))
    make("crlf", 0, 2, ledger_csv=crlf(ledger), activities_csv=crlf(activities))
    make("crlf_memo_midpoint", 0, 1, ledger_csv=midpoint_memos(crlf(ledger)))
    make("bom", 0, 2, ledger_csv=b"\xef\xbb\xbf" + ledger)
    make("stray_quote_late", 65, 1, ledger_csv=stray_quote(ledger, 0.75))
    make("open_quote_early", 65, 1, ledger_csv=open_quote(ledger, 0.30))
    make("activities_big", 0, 2, src=ACTIVITIES, detail=True)
    make("activities_titles_midpoint", 0, 1, src=ACTIVITIES, activities_csv=activity_titles(big))
    make("activities_errors", 65, 1, src=ACTIVITIES, activities_csv=activity_errors(big))
    make("debit_credit", 0, 2, src=DEBIT_CREDIT)
    sample_big("sample_big", 12, 40)


if __name__ == "__main__":
    main()
