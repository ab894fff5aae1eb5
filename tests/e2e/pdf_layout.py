#!/usr/bin/env python3
"""pdf_layout.py BBOX.html - what a reader would see as broken in a PDF,
from `pdftotext -bbox`: a word outside its page, or two words whose boxes
overlap (one overprints the other).  Prints one line per problem (the first
20 of each kind, then the counts) and "pages N words N problems N" last.

A word's box is the font's ascent to descent over its advance width, so
boxes of neighbouring lines touch but do not overlap; two boxes overlap
when they share more than TOL points both across and down (glyph
sidebearings and rounding are below that)."""
import html
import re
import sys

TOL_X, TOL_Y = 1.0, 2.0

WORD = re.compile(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" '
                  r'yMax="([-\d.]+)">([^<]*)</word>')
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)


def overlaps(words):
    """Pairs of words on one page whose boxes overlap, by a sweep on x."""
    found = []
    ws = sorted(words, key=lambda w: w[0])
    for i, a in enumerate(ws):
        for b in ws[i + 1:]:
            if b[0] >= a[2] - TOL_X:
                break
            dx = min(a[2], b[2]) - max(a[0], b[0])
            dy = min(a[3], b[3]) - max(a[1], b[1])
            if dx > TOL_X and dy > TOL_Y:
                found.append((a, b))
    return found


def main():
    text = open(sys.argv[1], encoding="utf-8").read()
    outside, overprint, count, pages = [], [], 0, 0
    for n, (width, height, body) in enumerate(PAGE.findall(text), 1):
        pages += 1
        width, height = float(width), float(height)
        words = [(float(a), float(b), float(c), float(d), html.unescape(t))
                 for a, b, c, d, t in WORD.findall(body)]
        count += len(words)
        for w in words:
            if w[0] < -0.5 or w[1] < -0.5 or w[2] > width + 0.5 or w[3] > height + 0.5:
                outside.append("page %d: '%s' outside the page (%.0f,%.0f)-(%.0f,%.0f)"
                               % (n, w[4], w[0], w[1], w[2], w[3]))
        for a, b in overlaps(words):
            overprint.append("page %d: '%s' overprints '%s' at (%.0f,%.0f)"
                             % (n, a[4], b[4], max(a[0], b[0]), max(a[1], b[1])))
    for kind in (outside, overprint):
        for line in kind[:20]:
            print(line)
        if len(kind) > 20:
            print("... %d more" % (len(kind) - 20))
    print("pages %d words %d problems %d" % (pages, count, len(outside) + len(overprint)))


main()
