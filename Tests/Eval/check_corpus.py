#!/usr/bin/env python3
"""Validate a corpus folder: its documents, question sets and follow-ups.

usage: check_corpus.py CORPUS_DIR        (e.g. Tests/Eval/corpus-h)

The sets are the ones `make eval` scores: CORPUS_DIR/questions.jsonl and followups.jsonl when
present, and Tests/Eval/blind/*<corpus name>.jsonl. Checks:
  * every JSONL line parses; ids unique
  * .md documents have YAML front matter (title, outlet, date as YYYY-MM-DD, url); feed.jsonl
    rows have id, title, outlet, date (YYYY-MM-DD), url and a body that starts with "By NAME"
  * each document (txt / md without front matter / feed.jsonl title and body) has 550-800 words
  * every listed doc exists, and every `must` alternative other than Yes/No/Not known appears
    verbatim (case-insensitive) in at least one of the listed docs
  * abstain items have empty must/docs and answerable items have both; question items have no
    keys beyond id, q, must, docs, abstain; follow-ups have exactly 2 turns
  * what the corpus README states, where it states it: the article ids of its story table, and,
    in the bullet that names a set file, that set's ids (ranges such as h01–h25, in order) and
    its numbers of items, answerable, abstain, yes/no (answer No) and Not known items
"""
import json, os, re, sys
from pathlib import Path

if len(sys.argv) != 2 or not Path(sys.argv[1]).is_dir():
    sys.exit("usage: check_corpus.py CORPUS_DIR")
EVAL = Path(__file__).resolve().parent
CORPUS = Path(sys.argv[1]).resolve()
KNOW = CORPUS / "knowledge"
README = (CORPUS / "README.md").read_text(encoding="utf-8") if (CORPUS / "README.md").exists() else ""
SPECIAL = {"yes", "no", "not known"}
errors = []

def err(msg):
    errors.append(msg)

# ---- load documents -------------------------------------------------------
docs = {}  # id (3 digits) -> text

def add_doc(did, text, where):
    if did in docs:
        err(f"duplicate doc id {did} ({where})")
    docs[did] = text

for p in sorted(KNOW.iterdir()):
    if p.suffix in (".txt", ".md") and not re.match(r"\d{3}_", p.name):
        err(f"{p.name}: name does not start with a 3-digit id")
    elif p.suffix == ".txt":
        add_doc(p.name[:3], p.read_text(encoding="utf-8"), p.name)
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
        add_doc(p.name[:3], t, p.name)
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
            add_doc(o.get("id", "")[:3], o.get("title", "") + "\n" + o.get("body", ""), f"feed.jsonl line {n}")

# The README's story table: the cells of its "ids" column, e.g. "800" or "300-303".
expected, col = set(), None
for line in README.splitlines():
    if not line.startswith("|"):
        col = None
        continue
    cells = [c.strip().lower() for c in line.strip().strip("|").split("|")]
    if col is None:
        col = cells.index("ids") if "ids" in cells else None
    elif col < len(cells):
        for a, b in re.findall(r"\b(\d{3})(?:[–-](\d{3}))?\b", cells[col]):
            expected.update(str(i) for i in range(int(a), int(b or a) + 1))
if not expected:
    print("README: no story table with an ids column, doc ids not checked")
elif set(docs) != expected:
    err(f"doc ids {sorted(docs)} != README story table {sorted(expected)}")
print("Documents:")
for did in sorted(docs):
    wc = len(docs[did].split())
    flag = "" if 550 <= wc <= 800 else "  <-- OUT OF RANGE"
    if flag:
        err(f"doc {did}: {wc} words")
    print(f"  {did}: {wc} words{flag}")

def check_must(item, where):
    for g, group in enumerate(item.get("must", [])):
        if not group:
            err(f"{where}: empty must group {g}")
        for alt in group:
            if alt.lower() in SPECIAL:
                continue
            if not any(alt.lower() in docs.get(d, "").lower() for d in item.get("docs", [])):
                err(f"{where}: '{alt}' not found in docs {item.get('docs')}")
    for d in item.get("docs", []):
        if d not in docs:
            err(f"{where}: unknown doc {d}")

def load(path, name):
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            items.append(json.loads(line))
        except Exception as e:
            err(f"{name} line {n}: {e}")
    ids = [i.get("id") for i in items]
    if len(ids) != len(set(ids)):
        err(f"{name}: duplicate ids")
    return items

def stated(name, prefix):
    """What the README bullet naming the set (`- `NAME`` and its indented lines) says of it."""
    lines, t = README.splitlines(), ""
    for i, line in enumerate(lines):
        if re.match(rf"- `(?:\S*/)?{re.escape(os.path.basename(name))}`", line):
            j = i + 1
            while j < len(lines) and lines[j].startswith(" "):
                j += 1
            t = " ".join(lines[i:j])
            break
    want = {}
    ids = {}
    for a, b in re.findall(rf"\b{re.escape(prefix)}(\d+)[–-]{re.escape(prefix)}(\d+)\b", t) if prefix else []:
        ids.update({int(i): f"{prefix}{i:0{len(a)}d}" for i in range(int(a), int(b) + 1)})
    if ids:
        want["ids"] = [ids[k] for k in sorted(ids)]
    for key, pattern in (("items", r"(\d+) (?:items|questions|conversations|two-turn)"),
                         ("answerable", r"(\d+) answerable"),
                         ("abstain", r"(\d+) (?:abstain\b|have `abstain: true`|that the corpus cannot answer)"),
                         ("yes/no", r"(\d+) yes/no"),
                         ("answer No", r"(\d+) of them \"no\""),
                         ("not-known", r"(\d+) Not known")):
        m = re.search(pattern, t)
        if m:
            want[key] = int(m.group(1))
    if "answer No" not in want and re.search(rf"\b{re.escape(prefix)}\d+ (?:Yes|No)\b", t):
        want["answer No"] = len(re.findall(rf"\b{re.escape(prefix)}\d+ No\b", t))
    return want

# ---- question sets and follow-ups -----------------------------------------
sets = [CORPUS / "questions.jsonl", CORPUS / "followups.jsonl"] + sorted((EVAL / "blind").glob(f"*{CORPUS.name}.jsonl"))
for path in sets:
    if not path.exists():
        continue
    name = os.path.relpath(path, CORPUS)  # as the README names it, e.g. ../blind/2026-12-07-corpus-h.jsonl
    follow = path.name == "followups.jsonl"
    qs = load(path, name)
    got = {"items": len(qs), "answerable": 0, "abstain": 0, "yes/no": 0, "answer No": 0, "not-known": 0}
    for q in qs:
        where = q.get("id")
        if follow:
            if len(q.get("turns", [])) != 2:
                err(f"{where}: needs exactly 2 turns")
        elif set(q) - {"id", "q", "must", "docs", "abstain"}:
            err(f"{where}: unexpected keys")
        if q.get("abstain"):
            got["abstain"] += 1
            if q.get("must") or q.get("docs"):
                err(f"{where}: abstain item must have empty must/docs")
            continue
        got["answerable"] += 1
        if not q.get("must") or not q.get("docs"):
            err(f"{where}: answerable item lacks must/docs")
        check_must(q, where)
        first = [a.lower() for a in q["must"][0]] if q.get("must") else []
        if "yes" in first or "no" in first:
            got["yes/no"] += 1
            got["answer No"] += "no" in first
        got["not-known"] += "not known" in first
    prefix = re.match(r"(.*?)\d*$", str(qs[0].get("id", ""))).group(1) if qs else ""
    want = stated(name, prefix)
    if "ids" in want and [q.get("id") for q in qs] != want["ids"]:
        err(f"{name}: ids are not {want['ids'][0]}..{want['ids'][-1]} in order, as the README states")
    for key in want.keys() - {"ids"}:
        if got[key] != want[key]:
            err(f"{name}: {got[key]} {key} items, the README states {want[key]}")
    print(f"{name}: " + ", ".join(f"{k}={v}" for k, v in got.items() if not follow or k in ("items", "abstain")) +
          (f"  (README states: {', '.join(f'{k}={v}' if k != 'ids' else f'ids {v[0]}..{v[-1]}' for k, v in want.items())})" if want else "  (README states nothing)"))

if errors:
    print("\nFAIL")
    for e in errors:
        print("  -", e)
    sys.exit(1)
print("\nOK: all checks passed")
