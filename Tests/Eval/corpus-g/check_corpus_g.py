#!/usr/bin/env python3
"""Validate corpus-g questions: parse, unique ids, must strings present in listed docs."""
import json, os, re, sys, glob
HERE = os.path.dirname(os.path.abspath(__file__))
KN = os.path.join(HERE, "knowledge")
BLIND = os.path.join(HERE, "..", "blind", "2026-12-06-corpus-g.jsonl")
FOLLOW = os.path.join(HERE, "followups.jsonl")

docs = {}
for p in glob.glob(os.path.join(KN, "*")):
    name = os.path.basename(p)
    if name == "feed.jsonl":
        for n, line in enumerate(open(p, encoding="utf-8"), 1):
            o = json.loads(line)
            for k in ("id", "title", "outlet", "date", "url", "body"):
                assert k in o, f"feed line {n} missing {k}"
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", o["date"]), o["date"]
            docs.setdefault(o["id"][:3], "")
            docs[o["id"][:3]] += o["title"] + "\n" + o["body"]
    else:
        m = re.match(r"(\d{3})_", name)
        if m:
            docs.setdefault(m.group(1), "")
            docs[m.group(1)] += open(p, encoding="utf-8").read()

errors = []
def words(t): return len(re.findall(r"\S+", t))
for d, t in sorted(docs.items()):
    w = words(t)
    print(f"doc {d}: {w} words")
    if not 550 <= w <= 800:
        errors.append(f"doc {d} word count {w}")

def check(path, kind):
    ids = set(); n = 0; stats = {"abstain": 0, "yesno": 0, "no": 0}
    for ln, line in enumerate(open(path, encoding="utf-8"), 1):
        if not line.strip():
            continue
        try:
            o = json.loads(line)
        except Exception as e:
            errors.append(f"{path}:{ln} parse error {e}"); continue
        n += 1
        if o["id"] in ids: errors.append(f"dup id {o['id']}")
        ids.add(o["id"])
        for d in o["docs"]:
            if d not in docs: errors.append(f"{o['id']}: unknown doc {d}")
        if o.get("abstain"):
            stats["abstain"] += 1
            if o["must"] or o["docs"]: errors.append(f"{o['id']}: abstain with must/docs")
            continue
        if not o["must"] or not o["docs"]:
            errors.append(f"{o['id']}: empty must/docs")
        text = "\n".join(docs.get(d, "") for d in o["docs"]).lower()
        for gi, group in enumerate(o["must"]):
            if gi == 0 and group in (["Yes"], ["No"]):
                stats["yesno"] += 1; stats["no"] += group == ["No"]
                continue
            if not any(alt.lower() in text for alt in group):
                errors.append(f"{o['id']}: no alternative of {group} in docs {o['docs']}")
            for alt in group:
                if alt.lower() not in text:
                    print(f"  note {o['id']}: alternative {alt!r} not in listed docs")
        if kind == "follow" and len(o.get("turns", [])) != 2:
            errors.append(f"{o['id']}: needs 2 turns")
    print(f"{os.path.basename(path)}: {n} items, {stats}")

check(BLIND, "blind")
check(FOLLOW, "follow")
if errors:
    print("FAIL"); [print(" ", e) for e in errors]; sys.exit(1)
print("OK")
