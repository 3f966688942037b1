#!/usr/bin/env python3
"""Scores `byline articles --format json` against a reader gold file.

usage: score_reader.py GOLD.jsonl ARTICLES.json [--verbose]
Gold rows: id (or id prefix), title, outlet, date, credits, passages (a hand count of paragraphs).
Credits compare case-insensitively after a few spellings are folded (AP = Associated Press, PA = PA Media).
Passages are compared with the article's passage count and reported only (sentences, not paragraphs).
"""
import json, sys

FOLD = {"ap": "associated press", "the associated press": "associated press", "pa": "pa media",
        "the pa news agency": "pa media", "bbc sport": "bbc", "the financial times": "financial times",
        "the athletic": "the athletic", "wall street journal": "the wall street journal"}

def norm(x):
    x = (x or "").strip().lower()
    return FOLD.get(x, x)

gold = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
arts = json.load(open(sys.argv[2]))
verbose = "--verbose" in sys.argv
by = {}
for a in arts:
    by[a["id"]] = a
ok = {"title": 0, "outlet": 0, "date": 0}
dates = 0
tp = fp = fn = 0
for g in gold:
    a = by.get(g["id"]) or next((v for k, v in by.items() if k.startswith(g["id"])), None)
    if a is None:
        print("missing", g["id"]); continue
    probs = []
    for f in ("title", "outlet"):
        if norm(a[f]) == norm(g[f]): ok[f] += 1
        else: probs.append(f"{f}: {a[f]!r} != {g[f]!r}")
    if g.get("date"):
        dates += 1
        if a["date"] == g["date"]: ok["date"] += 1
        else: probs.append(f"date: {a['date']!r} != {g['date']!r}")
    got = [norm(c) for c in a.get("credits", [])]
    want = [norm(c) for c in g.get("credits", [])]
    t = len(set(got) & set(want)); tp += t; fp += len(set(got) - set(want)); fn += len(set(want) - set(got))
    if set(got) != set(want): probs.append(f"credits: extra {sorted(set(got)-set(want))} missed {sorted(set(want)-set(got))}")
    if "paragraphs" in a and g.get("passages"):
        if abs(a["paragraphs"] - g["passages"]) > 0.1 * g["passages"]:
            probs.append(f"paragraphs {a['paragraphs']} vs gold {g['passages']}")
    if probs and verbose: print(g["id"], "; ".join(probs))
n = len(gold)
rec = tp / (tp + fn) if tp + fn else 1.0
prec = tp / (tp + fp) if tp + fp else 1.0
print(f"titles {ok['title']}/{n}  outlets {ok['outlet']}/{n}  dates {ok['date']}/{dates}  "
      f"credit recall {rec:.2f} precision {prec:.2f} ({tp} right, {fp} extra, {fn} missed)")
