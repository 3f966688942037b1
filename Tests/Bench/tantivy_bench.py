"""Tantivy beside Byline's FTS5 store: the same passages, the same OR queries, top 40.

    tantivy_bench.py STORE.sqlite QUERIES.json INDEX_DIR

STORE is a Byline store (its passage table: text, heading, title); QUERIES is a JSON list of
queries, each a list of phrases, each a list of lowercased words (the phrases of Byline's
MatchQuery). The passages are indexed once into INDEX_DIR (kept while the store's passage count
and the script are unchanged) with English stemming, and each query runs as an OR of its
phrases over the three fields, boosted 1.0 / 0.5 / 0.25 as Byline's bm25() column weights.
Prints one JSON object: index seconds, query p50 / p90 in ms, and the top 40 row ids per query.
"""

import json
import os
import shutil
import sqlite3
import sys
import time

import tantivy

REPEATS = 3


def percentile(values, q):
    s = sorted(values)
    return s[min(len(s) - 1, int((len(s) - 1) * q + 0.5))] if s else 0.0


def build(store, folder):
    db = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    count = db.execute("SELECT count(*) FROM passage").fetchone()[0]
    stamp = os.path.join(folder, "byline-count")
    if os.path.exists(stamp) and open(stamp).read() == str(count):
        return tantivy.Index.open(folder), None
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    schema = tantivy.SchemaBuilder()
    schema.add_integer_field("id", stored=True, indexed=True, fast=True)
    for field in ("text", "heading", "title"):
        schema.add_text_field(field, stored=False, tokenizer_name="en_stem", index_option="position")
    index = tantivy.Index(schema.build(), path=folder)
    start = time.perf_counter()
    writer = index.writer(heap_size=100_000_000, num_threads=1)
    for rowid, text, heading, title in db.execute("SELECT id, text, heading, title FROM passage"):
        writer.add_document(tantivy.Document(id=rowid, text=text, heading=heading, title=title))
    writer.commit()
    writer.wait_merging_threads()
    seconds = time.perf_counter() - start
    open(stamp, "w").write(str(count))
    return tantivy.Index.open(folder), seconds


def main():
    store, queries_path, folder = sys.argv[1:4]
    queries = json.load(open(queries_path))
    index, seconds = build(store, folder)
    index.reload()
    searcher = index.searcher()
    boosts = {"text": 1.0, "heading": 0.5, "title": 0.25}
    times, tops = [], []
    for repeat in range(REPEATS):
        for phrases in queries:
            text = " OR ".join('"' + " ".join(p) + '"' for p in phrases)
            start = time.perf_counter()
            query = index.parse_query(text, ["text", "heading", "title"], field_boosts=boosts)
            hits = searcher.search(query, 40).hits
            times.append((time.perf_counter() - start) * 1000)
            if repeat == 0:
                tops.append([searcher.doc(address)["id"][0] for _, address in hits])
    print(json.dumps({"index_s": seconds, "p50_ms": percentile(times, 0.5), "p90_ms": percentile(times, 0.9),
                      "queries": len(times), "top": tops}))


if __name__ == "__main__":
    main()
