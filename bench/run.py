"""`make bench`: one table of speed and memory figures for generated libraries of several sizes.

usage: python -m bench.run [SIZE ...]   (default: 1000 10000; add 100000 for the full run)
Measures, per size: cold index time and rate; warm refresh; in-process search latency p50/p95 for a rare
word, a phrase, a common word, a word found through its forms and a field + date filter; warm `briefing list`, `check`,
`quotes --limit 20` and `search` against `rg -l -i -w` over the same files (medians of 5, taking
turns); the time to lay out the first screen of a 10 MB article.
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.generate import PHRASE, RARE, generate
from bench.reader import measure as measure_reader
from bench.reader import newest_title
from briefing_tui.core.library.scan import Entry, load_entry
from briefing_tui.core.library.workers import index_workers
from briefing_tui.core.model import Article
from briefing_tui.core.search.index import open_index
from briefing_tui.core.search.query import parse
from briefing_tui.tui.document import article_blocks, layout
from briefing_tui.tui.session import BIG_HEAD
from briefing_tui.tui.widgets.article_view import FIRST_LAYOUT

QUERIES = {"rare word": RARE[0], "phrase": f'"{PHRASE}"', "common word": "harbour",
           "stemmed word": "sanction", "field + date": "section:energy date:2024-02"}
"""`sanction` finds the generated text's `sanctions` (in most articles): a common word through its forms."""


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def _median_times(commands: dict[str, list[str]], env: dict[str, str], runs: int = 5) -> dict[str, float]:
    """Each command's median wall time over `runs`, the commands taking turns (on a machine whose speed
    swings, each then sees the same swings)."""
    samples: dict[str, list[float]] = {label: [] for label in commands}
    for _ in range(runs):
        for label, cmd in commands.items():
            started = time.perf_counter()
            subprocess.run(cmd, check=False, capture_output=True, env=env)
            samples[label].append(time.perf_counter() - started)
    return {label: statistics.median(values) for label, values in samples.items()}


def parse_cost(lib: Path, limit: int = 2000) -> str:
    """CPU per article to parse the library's files (read first), best of 3: Markdown, then all of them."""
    from briefing_tui.core.formats.common import FileInfo
    from briefing_tui.core.formats.detect import EMAIL_SUFFIXES, parse_text
    from briefing_tui.core.library.scan import scan, section_folder
    from briefing_tui.core.reading.safe import read_text

    entries, _ = scan([str(lib)])
    texts = []
    for e in entries[:limit]:
        stem, suffix = os.path.splitext(os.path.basename(e.id))
        text = read_text(e.root, e.id, keep_bytes=suffix.lower() in EMAIL_SUFFIXES)[0]  # as load_entry reads it
        texts.append((text, FileInfo(e.id, e.path, stem, section_folder(e.id)), suffix))
    figures = []
    for chosen in ([t for t in texts if t[2] == ".md"], texts):
        best = float("inf")
        for _ in range(3):
            started = time.process_time()
            for text, info, suffix in chosen:
                parse_text(text, info, suffix)
            best = min(best, time.process_time() - started)
        figures.append(best / max(1, len(chosen)) * 1000)
    return f"{figures[0]:.2f} / {figures[1]:.2f} ms"


def bare_fts_load(lib: Path, path: Path) -> float:
    """Seconds to read every file of `lib` and store its text, unparsed, in an FTS5 table of the index's
    tokenizer, 500 files a transaction, in this process: the floor under a cold index that must also parse,
    find quotes and speakers and store them (compared in the same sitting, as `rg` is for searches)."""
    import sqlite3

    db = sqlite3.connect(str(path), isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE VIRTUAL TABLE fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')")
    started = time.perf_counter()
    batch: list[tuple[str]] = []
    for folder, _, names in os.walk(lib):
        for name in names:
            with open(os.path.join(folder, name), "rb") as f:
                batch.append((f.read().decode("utf-8", "replace"),))
            if len(batch) == 500:
                db.execute("BEGIN")
                db.executemany("INSERT INTO fts(body) VALUES (?)", batch)
                db.execute("COMMIT")
                batch = []
    db.execute("BEGIN")
    db.executemany("INSERT INTO fts(body) VALUES (?)", batch)
    db.execute("COMMIT")
    seconds = time.perf_counter() - started
    db.close()
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    return seconds


def bench_size(n: int, tmp: Path) -> dict[str, str]:
    lib = tmp / f"lib{n}"
    generate(str(lib), n)
    row: dict[str, str] = {"articles": f"{n:,}"}
    row["parse CPU per article: Markdown / all"] = parse_cost(lib)
    cache = tmp / f"cache{n}" / "index.sqlite"
    index = open_index(cache)
    started = time.perf_counter()
    index.refresh([str(lib)], workers=index_workers())
    cold = time.perf_counter() - started
    row["cold index"] = f"{cold:.1f} s ({n / cold:,.0f}/s)"
    bare = bare_fts_load(lib, tmp / f"bare{n}.sqlite")
    row["bare FTS5 load of the same files (one process, no parsing)"] = f"{bare:.1f} s"
    row["cold index / bare FTS5 load (same sitting)"] = f"{cold / bare:.2f}"
    started = time.perf_counter()
    index.refresh([str(lib)])
    row["warm refresh"] = f"{time.perf_counter() - started:.2f} s"
    for label, text in QUERIES.items():
        query = parse(text)
        samples = []
        if label == "stemmed word":  # the first run looks the word's forms up in the vocabulary; later ones reuse them
            started = time.perf_counter()
            index.search(query, limit=20)
            row["search stemmed word, first run (forms looked up)"] = \
                f"{(time.perf_counter() - started) * 1000:.1f} ms"
        for _ in range(30):
            started = time.perf_counter()
            index.search(query, limit=20)
            samples.append((time.perf_counter() - started) * 1000)
        p50, p95 = _percentiles(samples)
        row[f"search {label} p50/p95"] = f"{p50:.1f} / {p95:.1f} ms"
    started = time.perf_counter()
    ids = index.quote_ids(None)  # what the quote finder asks for when it opens: every quote, in order
    listed = time.perf_counter() - started
    started = time.perf_counter()
    index.quote_hits(ids[len(ids) // 2:len(ids) // 2 + 100])  # a page of rows, from the middle
    page = (time.perf_counter() - started) * 1000
    row["quote finder: every quote listed / a page of 100"] = f"{listed:.2f} s ({len(ids):,}) / {page:.1f} ms"
    index.close()
    row["index size on disk"] = f"{sum(p.stat().st_size for p in cache.parent.iterdir()) / 1e6:,.0f} MB"
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp / f"xdg{n}"))
    briefing = [sys.executable, "-m", "briefing_tui"]
    subprocess.run([*briefing, "index", str(lib)], check=True, capture_output=True, env=env)  # builds that cache
    commands = {  # warm: the cache is built; each command still checks every file for changes
        "`briefing list --json`": [*briefing, "list", str(lib), "--json"],
        "`briefing check --json`": [*briefing, "check", str(lib), "--json"],
        "`briefing quotes --limit 20`": [*briefing, "quotes", str(lib), "--limit", "20", "--json"],
        "`briefing search` (warm)": [*briefing, "search", RARE[0], str(lib), "--json"],
    }
    rg = shutil.which("rg")
    if rg:
        commands["`rg -l -i -w`"] = [rg, "-l", "-i", "-w", RARE[0], str(lib)]
    times = _median_times(commands, env)
    for label, seconds in times.items():
        row[label] = f"{seconds:.2f} s"
    if rg:
        row["search / rg (same sitting)"] = f"{times['`briefing search` (warm)'] / times['`rg -l -i -w`']:.2f}"
    else:
        row["`rg -l -i -w`"] = "rg absent (apt-get install ripgrep)"
    if shutil.which("tmux"):
        expect = newest_title(str(lib), tmp / f"xdg{n}" / "briefing-tui")  # from the cache `search` built
        cold = measure_reader(str(lib), dict(os.environ, XDG_CACHE_HOME=str(tmp / f"cold{n}")), live=False,
                              expect=expect)  # an empty cache: the reader parses every file itself
        row["reader cold: first article on screen (the newest indexed so far)"] = f"{cold.first_article:.2f} s"
        row["reader cold: newest article on screen"] = f"{cold.warm_start:.2f} s"
        row["reader cold: whole sidebar listed"] = f"{cold.listed:.2f} s"
        reader = measure_reader(str(lib), env)  # the same cache, built by `briefing search` above
        row["reader: newest article on screen"] = f"{reader.warm_start:.2f} s"
        row["reader: whole sidebar listed"] = f"{reader.listed:.2f} s"
        row["reader: peak RSS"] = f"{reader.peak_rss_mb:.0f} MB"
        row["reader: new file listed (live)"] = f"{reader.live_refresh:.2f} s" if reader.live_refresh else "not seen"
    else:
        for label in ("newest article on screen", "whole sidebar listed", "peak RSS", "new file listed (live)"):
            row[f"reader: {label}"] = "tmux absent"
    return row


def bench_big_article(tmp: Path, markdown: bool = False) -> str:
    para = "The minister said “we will not accept this” on Monday, and officials agreed. " * 12
    if markdown:  # a document: headings, list items, links and emphasis among the paragraphs
        section = ("## Part\n\n" + para + "See the [statement](https://example.org/s) and *the annex*.\n\n"
                   "- one point\n- another point\n\n" + para + "\n\n")
        name, text = "big.md", "---\ntitle: Big article\n---\n" + section * (10_000_000 // len(section))
    else:
        name, text = "big.txt", "Big article\n\n" + "\n\n".join(para for _ in range(10_000_000 // len(para))) + "\n"
    path = tmp / name
    path.write_text(text)
    entry = Entry(str(tmp), str(path), name)
    started = time.perf_counter()
    whole = load_entry(entry)
    parse_time = time.perf_counter() - started
    started = time.perf_counter()
    article = load_entry(entry, head=BIG_HEAD)  # what the reader parses for a large file's first screen
    assert isinstance(article, Article) and isinstance(whole, Article)
    blocks = article_blocks(article)
    head, size = [], 0
    for block in blocks:  # what ArticleView lays out before the first screen (the rest goes to a worker)
        head.append(block)
        size += len(block.text)
        if size > FIRST_LAYOUT:
            break
    layout(head, 88)
    first = time.perf_counter() - started
    return (f"{path.stat().st_size / 1e6:.1f} MB, {len(whole.quotes):,} quotes: first screen (read, parse the "
            f"beginning, lay out) {first:.2f} s; whole article parsed in a worker in {parse_time:.2f} s")


def main() -> None:
    sizes = [int(s) for s in sys.argv[1:]] or [1000, 10_000]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        rows = [bench_size(n, tmp) for n in sizes]
        big = bench_big_article(tmp)
        big_markdown = bench_big_article(tmp, markdown=True)
    cpu = platform.processor() or platform.machine()
    print(f"machine: {os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, "
          f"SQLite {__import__('sqlite3').sqlite_version}")
    columns = list(rows[0])
    print("| " + " | ".join(["measure", *[r["articles"] for r in rows]]) + " |")
    print("|" + "---|" * (len(rows) + 1))
    for column in columns[1:]:
        print("| " + " | ".join([column, *[r[column] for r in rows]]) + " |")
    print(f"\n10 MB article: {big}")
    print(f"10 MB Markdown article: {big_markdown}")


if __name__ == "__main__":
    main()
