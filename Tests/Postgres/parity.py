#!/usr/bin/env python3
"""Scores every question set of `make eval` through the SQLite store and through a PostgreSQL
store, side by side, and fails when a set's strict score differs by more than one question.

usage: parity.py BYLINE_BINARY URL
URL is a PostgreSQL server's maintenance URL (postgresql://USER:PASSWORD@HOST:PORT/DB): one
database per corpus is made beside it (byline_parity_N), indexed with `byline index`, and dropped
after. The SQLite side is a fresh store file per corpus, as `make eval` scores."""
import glob, json, os, re, subprocess, sys, tempfile

binary, url = sys.argv[1], sys.argv[2]
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
shared = os.path.join(root, "..", "shared", "eval")
os.chdir(root)

def sets():
    yield "Knowledge", ["Tests/Eval/questions.jsonl", "Tests/Eval/followups.jsonl"] + sorted(glob.glob("Tests/Eval/blind/*seeds*.jsonl")) + (
        [f"{shared}/dev.jsonl", f"{shared}/dev-followups.jsonl"] if os.path.exists(f"{shared}/run.py") else [])
    # Each Tests/Eval/corpus-*, as `make eval`: its own questions and follow-ups when it has them, and its blind sets.
    for d in sorted(glob.glob("Tests/Eval/corpus-*/")):
        d = d.rstrip("/")
        if os.path.isdir(f"{d}/knowledge"):
            yield f"{d}/knowledge", [f"{d}/questions.jsonl", f"{d}/followups.jsonl"] + sorted(glob.glob(f"Tests/Eval/blind/*{os.path.basename(d)}.jsonl"))
    if os.path.exists(f"{shared}/corpus-b/knowledge"):
        yield f"{shared}/corpus-b/knowledge", [f"{shared}/corpus-b/questions.jsonl", f"{shared}/corpus-b/followups.jsonl"] + sorted(glob.glob("Tests/Eval/blind/*corpus-b*.jsonl"))

def psql(sql):
    base = re.sub(r"/[^/]*$", "/postgres", url)
    subprocess.run(["psql", base, "-qAtc", sql], check=True, capture_output=True)

def strict(gold, cmd):
    out = subprocess.run([sys.executable, "Tests/Eval/score_set.py", gold, "--"] + cmd, capture_output=True, text=True)
    line = next((l for l in out.stdout.splitlines() if l.startswith("strict")), "")
    m = re.search(r"answered (\d+)/(\d+) · with right citation (\d+)/\d+ · abstained (\d+)/(\d+)", line)
    return (tuple(int(x) for x in m.groups()) if m else None), out.stderr.strip()

failed = False
rows = []
with tempfile.TemporaryDirectory() as tmp:
    for n, (knowledge, golds) in enumerate(sets()):
        db = f"byline_parity_{n}"
        psql(f'DROP DATABASE IF EXISTS "{db}"')
        psql(f'CREATE DATABASE "{db}"')
        pg = re.sub(r"/[^/]*$", "/" + db, url)
        sqlite = os.path.join(tmp, f"store-{n}.sqlite")
        env = dict(os.environ, XDG_DATA_HOME=tmp, XDG_STATE_HOME=tmp, BYLINE_STORE="")
        subprocess.run([binary, "index", "--knowledge", knowledge, "--store", pg], check=True, env=env)
        subprocess.run([binary, "index", "--knowledge", knowledge, "--store", sqlite], check=True, env=env, capture_output=True)
        for gold in golds:
            if not os.path.exists(gold):
                continue
            a, ea = strict(gold, [binary, "--knowledge", knowledge, "--store", sqlite, "--format", "jsonl"])
            b, eb = strict(gold, [binary, "--knowledge", knowledge, "--store", pg, "--format", "jsonl"])
            name = os.path.relpath(gold, root)
            ok = a is not None and b is not None and abs(a[0] - b[0]) <= 1 and abs(a[2] - b[2]) <= 1 and abs(a[3] - b[3]) <= 1
            failed |= not ok
            fmt = lambda s: f"{s[0]}/{s[1]} cited {s[2]} abstained {s[3]}/{s[4]}" if s else "no score"
            rows.append(f"{'ok  ' if ok else 'DIFF'} {name:60s} sqlite {fmt(a):32s} postgresql {fmt(b)}")
            print(rows[-1], flush=True)
            if not ok and (ea or eb):
                print("  sqlite: " + ea[-300:] + "\n  postgresql: " + eb[-300:], file=sys.stderr)
        psql(f'DROP DATABASE IF EXISTS "{db}"')
print("parity: " + ("FAILED (a set differs by more than one question)" if failed else "every set within one question"))
sys.exit(1 if failed else 0)
