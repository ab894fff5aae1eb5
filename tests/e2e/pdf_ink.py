#!/usr/bin/env python3
"""pdf_ink.py BBOX.html PGM-PREFIX DPI MARKED PLAIN ... - whether marked
words are drawn with their marks: for each pair MARKED/PLAIN ("Nguyễn"
and "Nguyen", set in the same face and size), the ink (darkness summed)
inside the marked word's box, on its page rendered by `pdftoppm -gray -r
DPI PGM-PREFIX`, must exceed the plain word's by 1 % (the
marked word's box taken where it is set as the plain one is).  A diacritic the
embedded font lost draws nothing, and the two words then weigh the same.
Prints "ok MARKED" or "lost MARKED (ink A vs B)" per pair."""
import glob
import html
import re
import sys

bbox, prefix, dpi = sys.argv[1], sys.argv[2], float(sys.argv[3])
pairs = list(zip(sys.argv[4::2], sys.argv[5::2]))
text = open(bbox, encoding="utf-8").read()
boxes = {}
for n, body in enumerate(re.findall(r"<page [^>]*>(.*?)</page>", text, re.S), 1):
    for a, b, c, d, w in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                                    r'yMax="([\d.]+)">([^<]*)</word>', body):
        boxes.setdefault(html.unescape(w), []).append((n, float(a), float(b), float(c), float(d)))

pages = {}


def page(n):
    if n not in pages:
        name = [f for f in glob.glob(prefix + "-*.pgm") if int(f.rsplit("-", 1)[1][:-4]) == n][0]
        data = open(name, "rb").read()
        parts = data.split(maxsplit=4)        # P5 W H MAX pixels
        pages[n] = (int(parts[1]), int(parts[2]), parts[4])
    return pages[n]


def like(word, other):
    """The box of word most like other's: on its page, of its height."""
    n, _, y0, _, y1 = boxes[other][0]
    return min(boxes[word], key=lambda b: (b[0] != n, abs((b[4] - b[2]) - (y1 - y0))))


def ink(box):
    n, x0, y0, x1, y1 = box
    w, h, px = page(n)
    k = dpi / 72.0
    total = 0
    for y in range(int(y0 * k), min(h, int(y1 * k) + 1)):
        row = px[y * w:(y + 1) * w]
        total += sum(255 - v for v in row[int(x0 * k):min(w, int(x1 * k) + 1)])
    return total


for marked, plain in pairs:
    if marked not in boxes or plain not in boxes:
        print("lost %s (not found)" % marked)
        continue
    a, b = ink(like(marked, plain)), ink(boxes[plain][0])
    if a > b * 1.01:
        print("ok %s" % marked)
    else:
        print("lost %s (ink %d vs %d)" % (marked, a, b))
