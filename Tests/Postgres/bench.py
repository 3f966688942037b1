#!/usr/bin/env python3
"""PostgreSQL rows beside SQLite's for one corpus: index time, answer p50/p90 (the answers'
own elapsed_ms, one batch process), and the answers per second of 16 batch clients at once.

usage: bench.py BYLINE_BINARY URL KNOWLEDGE [QUESTIONS]
URL is a PostgreSQL server's URL (postgresql://USER:PASSWORD@HOST:PORT/DB); a database
byline_bench is made beside it and dropped after. QUESTIONS questions (default 100) are taken
in turn from Tests/Eval/questions.jsonl. Writes .build/bench-postgres.json."""
import json, os, re, statistics, subprocess, sys, tempfile, time

binary, url, knowledge = sys.argv[1], sys.argv[2], sys.argv[3]
count = int(sys.argv[4]) if len(sys.argv) > 4 else 100
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.chdir(root)
pool = [json.loads(l) for l in open("Tests/Eval/questions.jsonl") if l.strip()]
questions = [pool[i % len(pool)]["q"] for i in range(count)]
stdin = "\n".join(questions) + "\n"

def psql(sql):
    subprocess.run(["psql", re.sub(r"/[^/]*$", "/postgres", url), "-qAtc", sql], check=True, capture_output=True)

def batch(store, env):
    return subprocess.Popen([binary, "--knowledge", knowledge, "--store", store, "--format", "jsonl"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)

def measure(name, store, env):
    t = time.time()
    subprocess.run([binary, "index", "--knowledge", knowledge, "--store", store], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    index_s = time.time() - t
    p = batch(store, env)
    out, _ = p.communicate(stdin)
    elapsed = sorted(json.loads(l)["elapsed_ms"] for l in out.splitlines() if l.strip())
    t = time.time()
    clients = [batch(store, env) for _ in range(16)]
    answers = 0
    outs = []
    for c in clients:
        c.stdin.write(stdin)
        c.stdin.close()
    for c in clients:
        answers += sum(1 for l in c.stdout if l.strip())
        c.wait()
    wall = time.time() - t
    row = {"store": name, "index_s": round(index_s, 1), "answers": len(elapsed),
           "p50_ms": round(statistics.median(elapsed), 1),
           "p90_ms": round(elapsed[int(len(elapsed) * 0.9) - 1], 1) if elapsed else None,
           "clients16_answers": answers, "clients16_per_s": round(answers / wall, 1)}
    print(json.dumps(row), flush=True)
    return row

with tempfile.TemporaryDirectory() as tmp:
    env = dict(os.environ, XDG_DATA_HOME=tmp, XDG_STATE_HOME=tmp, BYLINE_STORE="")
    psql('DROP DATABASE IF EXISTS byline_bench')
    psql('CREATE DATABASE byline_bench')
    rows = [measure("sqlite", os.path.join(tmp, "bench.sqlite"), env),
            measure("postgresql", re.sub(r"/[^/]*$", "/byline_bench", url), env)]
    psql('DROP DATABASE IF EXISTS byline_bench')
corpus = os.path.basename(os.path.normpath(knowledge))
print(f"\ncorpus {knowledge}, {count} questions")
print(f"{'store':12s} {'index s':>8s} {'p50 ms':>8s} {'p90 ms':>8s} {'16 clients answers/s':>22s}")
for r in rows:
    print(f"{r['store']:12s} {r['index_s']:8.1f} {r['p50_ms']:8.1f} {r['p90_ms']:8.1f} {r['clients16_per_s']:22.1f}")
os.makedirs(".build", exist_ok=True)
json.dump({"corpus": knowledge, "questions": count, "rows": rows}, open(".build/bench-postgres.json", "w"), indent=2)
