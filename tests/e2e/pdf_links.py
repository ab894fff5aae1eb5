#!/usr/bin/env python3
"""pdf_links.py QPDF.json - the PDF's navigation, from `qpdf --json`: one
line per link annotation, "link PAGE -> TARGET y=Y" (a page's own links in
their order; TARGET a page number) or "link PAGE -> URI", one per bookmark,
"outline TITLE -> PAGE", and the catalog's "lang LANG" and the
"title TITLE" viewers show."""
import json
import sys

doc = json.load(open(sys.argv[1], encoding="utf-8"))
objects = doc["qpdf"][1]
pages = [p["object"] for p in doc["pages"]]


def obj(ref):
    value = objects.get("obj:" + ref, {}).get("value")
    return value if value is not None else {}


def text(s):
    return s[2:] if isinstance(s, str) and s[:2] in ("u:", "b:") else s


catalog = next(v["value"] for v in objects.values()
               if isinstance(v.get("value"), dict) and v["value"].get("/Type") == "/Catalog")
print("lang %s" % text(catalog.get("/Lang", "")))
prefs = catalog.get("/ViewerPreferences", {})
prefs = obj(prefs) if isinstance(prefs, str) else prefs
print("display_title %s" % prefs.get("/DisplayDocTitle", False))
for n, ref in enumerate(pages, 1):
    for a in obj(ref).get("/Annots", []):
        a = obj(a) if isinstance(a, str) else a
        if a.get("/Subtype") != "/Link":
            continue
        dest = a.get("/Dest")
        dest = obj(dest) if isinstance(dest, str) else dest
        action = a.get("/A")
        action = obj(action) if isinstance(action, str) else action
        if dest:
            print("link %d -> %d y=%s" % (n, pages.index(dest[0]) + 1, dest[2] if len(dest) > 2 else ""))
        elif action and action.get("/S") == "/URI":
            print("link %d -> %s" % (n, text(action.get("/URI"))))


def outline(ref):
    while ref:
        o = obj(ref)
        dest = o.get("/Dest")
        dest = obj(dest) if isinstance(dest, str) else dest
        print("outline %s -> %s" % (text(o.get("/Title")),
                                   pages.index(dest[0]) + 1 if dest else "?"))
        outline(o.get("/First"))
        ref = o.get("/Next")


root = obj(catalog.get("/Outlines", ""))
outline(root.get("/First"))
