#!/usr/bin/env python3
"""Validate corpus-h: documents, blind question set and follow-ups.

Checks:
  * every JSONL line parses; ids unique
  * each document (txt / md / feed.jsonl row) has 550-800 words
  * every `must` alternative other than Yes/No/Not known appears verbatim
    (case-insensitive) in at least one of the listed docs
  * abstain items have empty must/docs
  * counts of answerable / abstain / yes-no items
"""
import json, re, sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
KNOW = HERE / "knowledge"
BLIND = HERE.parent / "blind" / "2026-12-07-corpus-h.jsonl"
FOLLOW = HERE / "followups.jsonl"
SPECIAL = {"yes", "no", "not known"}
errors = []

def err(msg):
    errors.append(msg)

# ---- load documents -------------------------------------------------------
docs = {}  # id (3 digits) -> text
for p in sorted(KNOW.iterdir()):
    if p.suffix == ".txt":
        docs[p.name[:3]] = p.read_text(encoding="utf-8")
    elif p.suffix == ".md":
        t = p.read_text(encoding="utf-8")
        m = re.match(r"^---\n(.*?)\n---\n", t, re.S)
        if not m:
            err(f"{p.name}: missing YAML front matter")
        else:
            fm = m.group(1)
            for key in ("title", "outlet", "date", "url"):
                if not re.search(rf"^{key}:", fm, re.M):
                    err(f"{p.name}: front matter lacks {key}")
            if not re.search(r"^date: \d{4}-\d{2}-\d{2}$", fm, re.M):
                err(f"{p.name}: date not YYYY-MM-DD")
            t = t[m.end():]
        docs[p.name[:3]] = t
    elif p.name == "feed.jsonl":
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            try:
                o = json.loads(line)
            except Exception as e:
                err(f"feed.jsonl line {n}: {e}")
                continue
            for key in ("id", "title", "outlet", "date", "url", "body"):
                if key not in o:
                    err(f"feed.jsonl line {n}: missing {key}")
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", o.get("date", "")):
                err(f"feed.jsonl line {n}: bad date")
            if not o.get("body", "").startswith("By "):
                err(f"feed.jsonl line {n}: body does not start with By NAME")
            did = o["id"][:3]
            if did in docs:
                err(f"duplicate doc id {did}")
            docs[did] = o["title"] + "\n" + o["body"]

expected = {"800", "801", "802", "810", "811", "812", "820", "821"}
if set(docs) != expected:
    err(f"doc ids {sorted(docs)} != expected {sorted(expected)}")
print("Documents:")
for did in sorted(docs):
    wc = len(docs[did].split())
    flag = "" if 550 <= wc <= 800 else "  <-- OUT OF RANGE"
    if flag:
        err(f"doc {did}: {wc} words")
    print(f"  {did}: {wc} words{flag}")

def check_must(item, where):
    for g, group in enumerate(item["must"]):
        if not group:
            err(f"{where}: empty must group {g}")
        for alt in group:
            if alt.lower() in SPECIAL:
                continue
            if not any(alt.lower() in docs.get(d, "").lower() for d in item["docs"]):
                err(f"{where}: '{alt}' not found in docs {item['docs']}")
    for d in item["docs"]:
        if d not in docs:
            err(f"{where}: unknown doc {d}")

def load(path):
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            items.append(json.loads(line))
        except Exception as e:
            err(f"{path.name} line {n}: {e}")
    ids = [i.get("id") for i in items]
    if len(ids) != len(set(ids)):
        err(f"{path.name}: duplicate ids")
    return items

# ---- blind questions ------------------------------------------------------
qs = load(BLIND)
answerable = abstain = yesno = yn_no = notknown = 0
for q in qs:
    if set(q) - {"id", "q", "must", "docs", "abstain"}:
        err(f"{q['id']}: unexpected keys")
    if q.get("abstain"):
        abstain += 1
        if q["must"] or q["docs"]:
            err(f"{q['id']}: abstain item must have empty must/docs")
        continue
    answerable += 1
    if not q["must"] or not q["docs"]:
        err(f"{q['id']}: answerable item lacks must/docs")
    check_must(q, q["id"])
    first = [a.lower() for a in q["must"][0]] if q["must"] else []
    if "yes" in first or "no" in first:
        yesno += 1
        yn_no += "no" in first
    if "not known" in first:
        notknown += 1
ids = [q["id"] for q in qs]
if ids != [f"h{i:02d}" for i in range(1, 26)]:
    err("blind ids are not h01..h25 in order")
print(f"Blind set: {len(qs)} items, answerable={answerable}, abstain={abstain}, "
      f"yes/no={yesno} (answer No: {yn_no}), not-known={notknown}")
if (len(qs), answerable, abstain) != (25, 19, 6):
    err("expected 25 items: 19 answerable + 6 abstain")
if yesno < 3 or yn_no < 2 or notknown < 1:
    err("need >=3 yes/no (>=2 No) and >=1 Not known")

# ---- follow-ups -----------------------------------------------------------
fs = load(FOLLOW)
for f in fs:
    if len(f.get("turns", [])) != 2:
        err(f"{f['id']}: needs exactly 2 turns")
    check_must(f, f["id"])
print(f"Follow-ups: {len(fs)} conversations")
if len(fs) != 6:
    err("expected 6 follow-up conversations")

if errors:
    print("\nFAIL")
    for e in errors:
        print("  -", e)
    sys.exit(1)
print("\nOK: all checks passed")
