#!/usr/bin/env python3
"""Chooses the refusal threshold (AnswerTuning.answerThreshold) leave-one-corpus-out.

usage: calibrate.py BYLINE_BINARY [FIELD=V1,V2,...]

Asks every question set of each development corpus with the threshold at 0 (so every candidate
answer is composed and carries its confidence), then for each held-out corpus picks the threshold
that scores best (strict answers with the right citation plus right refusals) on the others,
and reports the held-out score at that threshold. Prints the per-fold choice and the scores.

With FIELD=V1,V2,... (another AnswerTuning field and the values to try), the sets are asked once
per value, and each fold picks the value and the threshold together.
"""
import glob, json, os, re, subprocess, sys, tempfile, unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "eval")

def blind(corpus):
    """The blind sets written for `corpus` (Tests/Eval/blind/DATE-CORPUS.jsonl)."""
    return sorted(glob.glob(os.path.join(ROOT, "Tests/Eval/blind", f"*-{corpus}.jsonl")))


# Each corpus: its knowledge folder and its question sets (follow-ups are not fitted on): the
# seeds and corpus-b with their own sets, and every Tests/Eval/corpus-* with its questions
# and blind sets.
CORPORA = {
    "seeds": (os.path.join(ROOT, "Knowledge"), [
        os.path.join(SHARED, "dev.jsonl"),
        os.path.join(ROOT, "Tests/Eval/questions.jsonl"),
    ] + blind("seeds")),
    "corpus-b": (os.path.join(SHARED, "corpus-b/knowledge"), [
        os.path.join(SHARED, "corpus-b/questions.jsonl"),
    ] + blind("corpus-b")),
}
for folder in sorted(glob.glob(os.path.join(ROOT, "Tests/Eval/corpus-*/knowledge"))):
    corpus = os.path.basename(os.path.dirname(folder))
    own = os.path.join(os.path.dirname(folder), "questions.jsonl")
    sets = ([own] if os.path.exists(own) else []) + blind(corpus)
    if sets:
        CORPORA[corpus] = (folder, sets)


def norm(s):
    s = unicodedata.normalize("NFKC", s).lower()
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u2011", "-"), ("\u2010", "-"), ("\u2013", "-"), ("\u2014", "-")):
        s = s.replace(a, b)
    return s


def right(g, a):
    """Whether a composed (not refused) answer is strictly right with the right citation."""
    text = norm(a.get("answer", "")).strip()
    first = re.split(r"(?<=[.!?])\s+", text, maxsplit=1)[0]
    text = first if len(first.split()) <= 40 else ""
    hit = all(any(norm(alt) in text for alt in grp) for grp in g["must"])
    cites = [str(c.get("id", "")) for c in a.get("citations") or []]
    return hit and any(c.startswith(d) for c in cites for d in g.get("docs", []))


def ask(binary, knowledge, items):
    extra = os.environ.get("BYLINE_TUNING", "")
    env = dict(os.environ, BYLINE_TUNING=",".join(x for x in (extra, "answerThreshold=0") if x))
    for k in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[k] = tempfile.mkdtemp()
    lines = []
    for it in items:
        lines += [it["q"], ""]
    out = subprocess.run([binary, "--knowledge", knowledge, "--format", "jsonl"], input="\n".join(lines) + "\n",
                         capture_output=True, text=True, env=env, timeout=600).stdout
    return [json.loads(l) for l in out.splitlines() if l.strip()]


def rows(binary):
    """(corpus, gold, answer) for every question; answer None when the engine refused before composing."""
    out = []
    for name, (knowledge, sets) in CORPORA.items():
        if not os.path.isdir(knowledge):
            continue
        for path in sets:
            if not os.path.exists(path):
                continue
            items = [json.loads(l) for l in open(path) if l.strip()]
            answers = ask(binary, knowledge, items)
            for g, a in zip(items, answers):
                out.append((name, g, a))
    return out


def score(rs, t):
    good = 0
    for _, g, a in rs:
        answered = not a.get("abstained") and a.get("confidence", 0) >= t
        if g.get("abstain"):
            good += not answered
        else:
            good += answered and right(g, a)
    return good


def main():
    binary = sys.argv[1]
    field, values = None, [None]
    if len(sys.argv) > 2:
        field, _, listed = sys.argv[2].partition("=")
        values = [float(v) for v in listed.split(",")]
    runs = {}
    for v in values:
        if field:
            os.environ["BYLINE_TUNING"] = f"{field}={v}"
        runs[v] = rows(binary)
    names = sorted({r[0] for r in runs[values[0]]})
    grid = [round(x * 0.02, 2) for x in range(0, 41)]
    choices = []
    for held in names:
        def fit_score(c):
            return score([r for r in runs[c[0]] if r[0] != held], c[1])
        best = max(((v, t) for v in values for t in grid),
                   key=lambda c: (fit_score(c), -abs(c[1] - 0.4)))
        test = [r for r in runs[best[0]] if r[0] == held]
        fit_n = len([r for r in runs[best[0]] if r[0] != held])
        label = f"{field} {best[0]}, " if field else ""
        choices.append(best)
        print(f"held out {held:9s}: {label}threshold {best[1]:.2f} fitted on the others "
              f"({fit_score(best)}/{fit_n}); held-out score {score(test, best[1])}/{len(test)} "
              f"(at 0: {score(test, 0)}/{len(test)})")
    print(f"held-out total: {sum(score([r for r in runs[c[0]] if r[0] == h], c[1]) for h, c in zip(names, choices))}"
          f"/{len(runs[values[0]])}")
    for c in sorted(set(choices), key=lambda c: (c[0] or 0, c[1])):
        label = f"{field} {c[0]}, " if field else ""
        print(f"all corpora at {label}{c[1]:.2f}: {score(runs[c[0]], c[1])}/{len(runs[c[0]])}")


if __name__ == "__main__":
    main()
