"""Check search against a brute-force scan on a generated library, and time a warm `briefing search`.

usage: python -m bench.verify_search [N]   (default 10,000 articles)
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time

from bench.generate import PHRASE, RARE, SECTIONS, generate
from bench.matching import article_document, matches
from briefing_tui.core.library.scan import load_library
from briefing_tui.core.search.index import open_index
from briefing_tui.core.search.query import parse


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        lib = os.path.join(tmp, "lib")
        planted = generate(lib, n)
        library = load_library([lib])
        docs = {a.id: article_document(a) for a in library.articles}
        index = open_index(None)
        started = time.perf_counter()
        index.refresh([lib])
        print(f"indexed {len(docs):,} articles in {time.perf_counter() - started:.1f} s")
        queries = [*RARE, f'"{PHRASE}"', "harbour", "winter", '"grain market"', "section:arctic",
                   'section:"middle east"', "date:2023", "date:2022-03", "date:2021-06-01..2021-08-31",
                   "speaker:orban", "in:quotes refinery", "harbour -winter", "section:energy date:2024-02",
                   '"amber lighthouse"', 'in:quotes "amber lighthouse"', "amber lighthouse",
                   # word forms: the generated text has `sanctions`, `talks`, `tariffs`, `ruling`, `exports`
                   "sanction", '"sanction"', "talk", "tariff -sanction", "rule", "export", "in:quotes tariff",
                   "title:export", "sanction OR talk", "exported"]
        ok = True
        for q in queries:
            query = parse(q)
            expected = {i for i, d in docs.items() if matches(query, d)}
            total, results = index.search(query, limit=len(docs) + 1)
            got = {r.summary["id"] for r in results}
            same = got == expected and total == len(expected)
            ok &= same
            print(f"{'same' if same else 'DIFFERENT':9}  {len(expected):6,} hits  {q}")
        for w, ids in planted.rare.items():
            got = {r.summary["id"] for r in index.search(parse(w), limit=n)[1]}
            ok &= got == ids
            print(f"planted {w}: {len(ids)} known, {'found exactly' if got == ids else 'MISMATCH'}")
        assert set(SECTIONS)
        env = dict(os.environ, XDG_CACHE_HOME=os.path.join(tmp, "cache"))
        cmd = [sys.executable, "-m", "briefing_tui", "search", RARE[0], lib, "--json"]
        subprocess.run(cmd, check=True, capture_output=True, env=env)  # cold: builds the cache
        times = []
        for _ in range(5):
            t = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True, env=env)
            times.append(time.perf_counter() - t)
        print(f"warm `briefing search` on {n:,} articles: best {min(times):.2f} s, median {sorted(times)[2]:.2f} s")
        sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
