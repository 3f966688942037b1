#!/usr/bin/env python3
"""Scores a question set (GUIDE §6 format) through a batch command, plain and strict.

usage: score_set.py GOLD.jsonl -- COMMAND [ARG ...]
Uses ../shared/eval/score.py when present, else the copy of its rules below."""
import json, os, re, subprocess, sys, tempfile, unicodedata

argv = sys.argv[1:]
gold_path, cmd = argv[0], argv[2:]
items = [json.loads(l) for l in open(gold_path) if l.strip()]
lines, slots, count = [], [], 0
for it in items:
    for t in it.get("turns") or [it["q"]]:
        lines.append(t); count += 1
    slots.append((it["id"], count - 1)); lines.append("")
proc = subprocess.run(cmd, input="\n".join(lines) + "\n", capture_output=True, text=True, timeout=600)
outs = [l for l in proc.stdout.splitlines() if l.strip()]
if proc.returncode != 0 or len(outs) != count:
    print(f"command exited {proc.returncode} with {len(outs)} answers for {count} questions", file=sys.stderr)

def norm(s):
    s = unicodedata.normalize("NFKC", s).lower()
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u2011", "-"), ("\u2010", "-"), ("\u2013", "-"), ("\u2014", "-")):
        s = s.replace(a, b)
    return s

gold = {g["id"]: g for g in items}
answers = {}
for gid, k in slots:
    try: answers[gid] = json.loads(outs[k])
    except (IndexError, json.JSONDecodeError): answers[gid] = {"answer": "", "abstained": False, "citations": []}
verbose = os.environ.get("VERBOSE")
for strict in (False, True):
    ok = cite = abst = n_ans = n_abs = 0
    for gid, g in gold.items():
        a = answers[gid]; text = norm(a.get("answer", ""))
        if g.get("abstain"):
            n_abs += 1; abst += bool(a.get("abstained"))
            if verbose and strict and not a.get("abstained"): print(f"  {gid}: should abstain: {g.get('q', g.get('turns'))} -> {a.get('answer','')[:150]!r}")
            continue
        n_ans += 1
        if strict:
            first = re.split(r"(?<=[.!?])\s+", text.strip(), maxsplit=1)[0]
            text = first if len(first.split()) <= 40 else ""
        hit = all(any(norm(x) in text for x in grp) for grp in g["must"]) and not a.get("abstained")
        cites = [str(c.get("id", "")) if isinstance(c, dict) else str(c) for c in a.get("citations") or []]
        c_ok = any(c.startswith(d) for c in cites for d in g.get("docs", []))
        ok += hit; cite += hit and c_ok
        if verbose and strict and not (hit and c_ok):
            print(f"  {gid}: {'wrong cite' if hit else 'wrong'}: {g.get('q', g.get('turns'))} must {g['must']} -> {a.get('answer','')[:160]!r}")
    label = "strict" if strict else "plain "
    print(f"{label}: answered {ok}/{n_ans} · with right citation {cite}/{n_ans} · abstained {abst}/{n_abs}")
