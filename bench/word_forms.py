"""Word forms three ways, measured on one index (issue 20): the figures behind the choice in docs/BENCHMARKS.md.

usage: python -m bench.word_forms LIBRARY [ROUNDS]   (builds the index in a temporary folder first)

- shipped: nothing stored; a plain word's forms are looked up in the index's own vocabulary (fts5vocab, by
  the range of words that begin like it) when it is searched, and the query ORs them in;
- porter: FTS5's built-in `porter` tokenizer (English only), a second full-text table of title, body and
  quotes beside the exact one (contentless: the text is stored once);
- snowball stored: the words of title, body and quotes stemmed in Python (memoized, in each article's
  language) at index time into a second contentless table, which a plain word's stem is matched against.

For each: what it adds to a cold index (time) and to the file (size), and the time of `count(*)` and of the
best 20 by bm25 for stemmed words, rare and common.
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from briefing_tui.core.library.workers import index_workers
from briefing_tui.core.search.forms import stem
from briefing_tui.core.search.index import compile_query, open_index
from briefing_tui.core.search.query import parse
from briefing_tui.core.search.text import words

WORDS = ("sanction", "export", "zephyrine")
"""Stemmed words of the generated library: common (sanctions, exports are in most articles) and rare."""


def _times(db: sqlite3.Connection, sql: str, args: tuple[object, ...], rounds: int) -> str:
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        db.execute(sql, args).fetchall()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return f"{statistics.median(samples):.1f} / {samples[min(len(samples) - 1, int(len(samples) * 0.95))]:.1f} ms"


def main() -> None:
    library = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "index.sqlite"
        index = open_index(path)
        started = time.perf_counter()
        index.refresh([library], workers=index_workers())
        print(f"index (shipped): {time.perf_counter() - started:.1f} s, {path.stat().st_size / 1e6:,.0f} MB")
        db = sqlite3.connect(str(path))
        db.execute(f"ATTACH '{tmp}/porter.sqlite' AS porter")
        db.execute(f"ATTACH '{tmp}/snowball.sqlite' AS snowball")
        db.execute("CREATE VIRTUAL TABLE porter.t USING fts5(title, body, quotes, content = '', "
                   "tokenize = 'porter unicode61 remove_diacritics 2')")
        db.execute("CREATE VIRTUAL TABLE snowball.t USING fts5(title, body, quotes, content = '', "
                   "tokenize = 'unicode61 remove_diacritics 2')")
        started = time.perf_counter()
        with db:
            db.execute("INSERT INTO porter.t(rowid, title, body, quotes) SELECT rowid, title, body, quotes FROM fts")
        size = Path(tmp, "porter.sqlite").stat().st_size
        print(f"porter: +{time.perf_counter() - started:.1f} s, +{size / 1e6:,.0f} MB")
        started = time.perf_counter()
        rows = db.execute("SELECT f.rowid, f.title, f.body, f.quotes, a.lang FROM fts f "
                          "JOIN articles a ON a.id = f.rowid")
        with db:
            while batch := rows.fetchmany(500):
                db.executemany("INSERT INTO snowball.t(rowid, title, body, quotes) VALUES (?, ?, ?, ?)",
                               [(fid, *(" ".join(stem(w, lang) for w in words(text)) for text in texts))
                                for fid, *texts, lang in batch])
        print(f"snowball stored: +{time.perf_counter() - started:.1f} s, "
              f"+{Path(tmp, 'snowball.sqlite').stat().st_size / 1e6:,.0f} MB")
        for word in WORDS:
            query = parse(word)
            index._forms.clear()
            started = time.perf_counter()
            match, _, _ = compile_query(query, forms=index.forms)
            looked_up = (time.perf_counter() - started) * 1000
            en = stem(word, "en")
            cases = {
                "shipped": ("fts", match, "10.0, 1.0, 2.0, 3.0, 3.0, 3.0, 0.0"),
                "porter": ("porter.t", f"{{title body quotes}} : {word}", "10.0, 1.0, 2.0"),
                "snowball stored": ("snowball.t", f"{{title body quotes}} : {en}", "10.0, 1.0, 2.0"),
            }
            print(f"\n{word}: forms looked up in {looked_up:.1f} ms (the first search of it; then kept)")
            for label, (table, expression, weights) in cases.items():
                name = table.split(".")[-1] if "." in table else table
                count = db.execute(f"SELECT count(*) FROM {table} WHERE {name} MATCH ?", (expression,)).fetchone()[0]
                counted = _times(db, f"SELECT count(*) FROM {table} WHERE {name} MATCH ?", (expression,), rounds)
                best = _times(db, f"SELECT rowid FROM {table} WHERE {name} MATCH ? ORDER BY bm25({name}, {weights}) "
                                  "LIMIT 20", (expression,), rounds)
                print(f"  {label:16} {count:8,} matches   count p50/p95 {counted}   best 20 p50/p95 {best}")
        db.close()
        index.close()


if __name__ == "__main__":
    main()
