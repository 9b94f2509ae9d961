"""The on-disk full-text index: SQLite FTS5, refreshed incrementally by (path, size, mtime).

One cache file per library (its set of roots) under the cache folder, or in memory when private.
A corrupt, foreign or newer-schema file is deleted and rebuilt; concurrent writers wait on
SQLite's lock instead of corrupting it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import itertools
import json
import os
import sqlite3
import sys
import threading
import time
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from briefing_tui.core import serialize, versions
from briefing_tui.core.library.scan import Entry, path_text, scan, sort_key, walk
from briefing_tui.core.library.workers import ParsePool, parse_all
from briefing_tui.core.model import Article, Listed, Problem, Quote
from briefing_tui.core.reading import sanitize
from briefing_tui.core.reading.private_files import folder_lock, private_file, private_folder
from briefing_tui.core.reading.safe import DEFAULT_MAX_BYTES, is_within
from briefing_tui.core.search.forms import DEFAULT_LANGUAGE, LANGUAGES, article_language, form_prefixes, forms_in
from briefing_tui.core.search.highlight import BOUNDARY, SNIPPET_SCAN, joined, snippet_of, without_boundaries
from briefing_tui.core.search.query import (
    And,
    DateRange,
    Forms,
    FormsIn,
    Node,
    Not,
    Or,
    Query,
    Term,
    WordForms,
    fts_phrases,
    fts_term,
)
from briefing_tui.core.versions import DEFAULT_BUDGET

SCHEMA_VERSION = 7
"""4: paragraphs, quotations, tags and speakers sharing a column are stored with a boundary between them.
5: each article's language (`forms.article_language`), in `articles` (with an index of its own: the languages
are counted from it, not from the table, which holds every summary) and as a word in the full-text tables.
6: the files and the articles with problems, each in an index of their own (`Index.problems`). 7: a quote's whole
quotation when the writer broke into it (`Quote.whole`), and its article's source given with it; paths stored below
a root's real path (`_stored`); a quote's speaker in `qfts.body`, where a plain word finds it."""
USER_VERSION = (SCHEMA_VERSION * 100 + sanitize.POLICY_VERSION) * 1000 + versions.RULES_VERSION
"""Stored in the cache: a new schema, new quote rules (whose speakers the cache holds) or a stricter
sanitizer (whose output it holds) rebuild it."""
APPLICATION_ID = 0x42524631  # "BRF1": marks the file as ours
_HIT_START, _HIT_END = "\x02", "\x03"
"""Internal hit marks: control characters, so no text from a file (sanitized) can fake them."""
_LANGUAGE_HITS = frozenset(f"{_HIT_START}{code}{_HIT_END}" for code in LANGUAGES)
"""A snippet FTS5 took from the `lang` column: the language a word's forms were looked for in, not a text."""
MARK_START, MARK_END = "⟦", "⟧"
"""How snippets mark hits in JSON (documented in the README)."""
# bm25 weights for title, body, quotes, section, tags, speakers, lang (which only narrows a word's forms)
_WEIGHTS = "10.0, 1.0, 2.0, 3.0, 3.0, 3.0, 0.0"
BATCH = 500
"""Files parsed, then stored together (one `executemany` a table); the first transaction of a refresh holds one
batch, so that a first start lists what it has stored at once (`apply`)."""
TRANSACTION_MAX = 8000
"""Files stored in one transaction at most: each transaction of a refresh (in a cache on disk) holds twice as many
batches as the one before, up to this many files. FTS5 writes a segment of its index at each commit (or when its
pending words pass HASH_SIZE) and merges segments as they pile up: fewer, bigger ones are less to merge. At
100,000 generated articles, storing took a quarter less CPU than in transactions of one batch (16 s instead of 22 s),
for an index of the same size, and no more memory (the batches are stored as they come)."""
TRANSACTION_SECONDS = 2.0
"""A transaction is committed once it has been open this long, however few files it holds: another process that
writes to the same cache (a command run while the reader indexes) waits for the lock about this long at most."""
HASH_SIZE = 64 << 20
"""Bytes of pending words an FTS5 table holds in memory before it writes them as a segment (FTS5's `hashsize`,
1 MB by default): room for a transaction of TRANSACTION_MAX generated articles, written once, at its commit."""
T = TypeVar("T")
RETRIED = ("could not parse file (", "cannot open file:", "cannot read file:", "file vanished")
"""Problems of the moment, not of the file's bytes (memory ran out, a permission since given back, a bug): kept
as the file's problem until the next refresh, which reads the file again, whether it changed or not."""
SPEAKER_SNIPPET_WORDS = 16
"""Words of a quote shown as the snippet of a result found by its speaker alone (as FTS5's snippets have 16)."""
SNIPPET_LONG = 5000
"""Words an article may have for FTS5 to write its search snippet (see Index._snippets)."""
RANK_CAP = 5000
"""More matches than this, and only the newest this many are ranked by relevance (see Index.search)."""
VANISHING_PHRASES = 20
"""At most this many phrases, each in no article or in half of them or more, and bm25 scores round to 0
(see Index._scores_vanish): 20 × 2.2e-6 < 5e-5."""
PROBED = 400
"""Newest articles looked at one by one for the newest matches of a common word (Index._newest_matches)."""

_SCHEMA = """
CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    rel BLOB NOT NULL UNIQUE,
    root TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    reason TEXT
);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE,
    ident TEXT NOT NULL,
    date TEXT,
    title TEXT NOT NULL,
    section TEXT NOT NULL,
    summary TEXT NOT NULL,
    lang TEXT NOT NULL
);
CREATE INDEX articles_date ON articles(date);
CREATE INDEX articles_lang ON articles(lang);
CREATE INDEX articles_noted ON articles(id) WHERE summary NOT LIKE '%"problems": []}';
CREATE INDEX files_problems ON files(id) WHERE reason IS NOT NULL;
CREATE VIRTUAL TABLE fts USING fts5(
    title, body, quotes, section, tags, speakers, lang,
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    paragraph INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker TEXT,
    cue TEXT,
    whole TEXT
);
CREATE INDEX quotes_article ON quotes(article, idx);
CREATE VIRTUAL TABLE qfts USING fts5(
    title, body, quotes, section, tags, speakers, lang,
    content = '', tokenize = 'unicode61 remove_diacritics 2'
);
"""
"""`qfts` has a row per quote (rowid = quotes.id): the quote's words in `quotes`, its speaker (in `speakers` for
`speaker:`, and in `body`, so that a plain word finds a quote by its speaker's name, as it finds one by its title's
words), and its article's title, section, tags and language, so the quote finder runs the search language in SQL. It is
contentless: the text is kept once, in `quotes`. `lang` holds the article's language (`en`, `fr`, `de`):
a plain word's other forms match only in articles of the language they are forms in."""
_VOCABULARY = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.terms USING fts5vocab(main, fts, col)"
"""The words of the index with the articles that hold them, per column (each connection's own, in memory):
a plain word's forms and the words a mistyped one may have meant are looked up here, by range."""
_TERMS = "FROM temp.terms WHERE term >= ? AND term < ?"
_TEXT_TERMS = _TERMS + " AND col != 'lang'"
_TEXT_COLUMNS = frozenset(("title", "body", "quotes"))
"""The columns a plain word is looked for in (unless the query names one)."""
FORMS_LIMIT = 200
"""Forms of one word at most, per language (past that, the first in sorted order): a bound on the query."""


_IN_LIMIT = 500
"""Keys looked up in one `IN (…)` query: well under SQLite's limit on parameters."""


class ArticleRows(NamedTuple):
    """An article as the index stores it (`article_rows`): made where it was parsed, in a worker process, so
    that the process storing it only inserts (and the worker sends this, not the whole Article)."""

    ident: str
    date: str | None
    title: str
    section: str
    summary: str
    """The Summary (`serialize.summary`) as JSON."""
    lang: str
    """`forms.article_language`."""
    body: str
    quotes: str
    tags: str
    speakers: str
    """The `fts` columns: paragraphs, quotations, tags and the speakers (sorted, once each) `joined`."""
    quote_rows: list[tuple[int, int, int, str, str | None, str | None, str | None]]
    """Each quote's paragraph, start, end, text, speaker, cue and whole quotation (`Quote.whole`)."""


_summary_json = json.JSONEncoder(ensure_ascii=False).encode
"""`json.dumps(summary, ensure_ascii=False)`, without making an encoder for each article."""


def article_rows(article: Article) -> ArticleRows:
    """What the index stores of an article (a `workers.Shape`: the index's parse workers make it)."""
    summary = serialize.summary(article)
    lang = article_language(article.metadata, article.title, article.paragraphs)
    quotes = article.quotes
    return ArticleRows(article.id, summary["date"], article.title, article.section, _summary_json(summary), lang,
                       joined(article.searched()), joined(q.text for q in quotes), joined(article.tags),
                       joined(sorted({q.speaker for q in quotes if q.speaker})),
                       [(q.paragraph, q.start, q.end, q.text, q.speaker, q.cue, q.whole) for q in quotes])


class _Rows:
    """A batch's rows, numbered here and inserted together (`executemany`): the write lock is held for the
    whole batch, so the next free ids are known. A file gets the id SQLite would give it (one past the
    largest), so the ids are those of inserting the files one by one."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.next_quote = (db.execute("SELECT max(id) FROM quotes").fetchone()[0] or 0) + 1
        self.next_file = self._next_file()
        self.files: list[tuple[Any, ...]] = []
        self.articles: list[tuple[Any, ...]] = []
        self.texts: list[tuple[Any, ...]] = []
        self.quotes: list[tuple[Any, ...]] = []
        self.quote_texts: list[tuple[Any, ...]] = []

    def _next_file(self) -> int:
        return int((self.db.execute("SELECT max(id) FROM files").fetchone()[0] or 0) + 1)

    def deleted(self) -> None:
        """Rows were deleted (a file stored again): what is pending goes in first, and the next file's id is
        looked up again, as SQLite would give it."""
        self.flush()
        self.next_file = self._next_file()

    def problem(self, key: bytes, root: str, size: int, mtime: int, problem: Problem) -> None:
        if problem.reason.startswith(RETRIED):
            mtime = -1  # no file has it: the next refresh (`r`, the next start) reads the file again
        self.files.append((self.next_file, key, root, size, mtime, json.dumps(serialize.problem(problem))))
        self.next_file += 1

    def article(self, key: bytes, root: str, size: int, mtime: int, rows: ArticleRows) -> None:
        fid = self.next_file
        self.next_file += 1
        self.files.append((fid, key, root, size, mtime, None))
        self.articles.append((fid, rows.ident, rows.date, rows.title, rows.section, rows.summary, rows.lang))
        self.texts.append((fid, rows.title, rows.body, rows.quotes, rows.section, rows.tags, rows.speakers, rows.lang))
        qid = self.next_quote
        for n, (paragraph, start, end, text, speaker, cue, whole) in enumerate(rows.quote_rows):
            self.quotes.append((qid, fid, n, paragraph, start, end, text, speaker, cue, whole))
            self.quote_texts.append((qid, rows.title, speaker or "", text, rows.section, rows.tags, speaker or "",
                                     rows.lang))
            qid += 1
        self.next_quote = qid

    def flush(self) -> None:
        db = self.db
        db.executemany("INSERT INTO files(id, rel, root, size, mtime_ns, reason) VALUES (?,?,?,?,?,?)", self.files)
        db.executemany("INSERT INTO articles(id, ident, date, title, section, summary, lang) VALUES (?,?,?,?,?,?,?)",
                       self.articles)
        db.executemany("INSERT INTO fts(rowid, title, body, quotes, section, tags, speakers, lang) "
                       "VALUES (?,?,?,?,?,?,?,?)", self.texts)
        db.executemany("INSERT INTO quotes(id, article, idx, paragraph, start, end, text, speaker, cue, whole) "
                       "VALUES (?,?,?,?,?,?,?,?,?,?)", self.quotes)
        db.executemany("INSERT INTO qfts(rowid, title, body, quotes, section, tags, speakers, lang) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", self.quote_texts)
        self.files, self.articles, self.texts, self.quotes, self.quote_texts = [], [], [], [], []


@dataclass(frozen=True)
class Result:
    """One search result: the Summary dict with score and snippets."""

    summary: dict[str, Any]
    score: float
    snippets: list[str]


@dataclass(frozen=True)
class QuoteHit:
    """A quote the quote finder lists: the quote, its article, and its index among the article's quotes."""

    quote: Quote
    article: Listed
    index: int
    lang: str = DEFAULT_LANGUAGE
    """The article's language, whose word forms the quote's hits are found by (`highlight.find_hits`)."""


_LISTED = ("a.ident AS ident, a.title AS title, a.date AS date, a.section AS section, "
           "substr(f.rel, 1, instr(f.rel, x'00') - 1) AS root, f.size AS size, "
           "CASE WHEN a.date IS NULL THEN f.mtime_ns ELSE 0 END AS mtime, "
           "CASE WHEN CAST(substr(f.rel, instr(f.rel, x'00') + 1) AS TEXT) = a.ident THEN NULL "
           "ELSE substr(f.rel, instr(f.rel, x'00') + 1) END AS raw_id")
"""The columns a Listed is made of (see `_listed`), from `_LISTED_FROM` or a join with `a` and `f`."""
_LISTED_FROM = "FROM articles a JOIN files f ON f.id = a.id"
_QUOTE_ROW = (f"q.idx AS idx, q.paragraph AS paragraph, q.start AS start, q.end AS end, q.text AS text, "
              f"q.speaker AS speaker, q.cue AS cue, q.whole AS whole, a.id AS aid, "
              f"json_extract(a.summary, '$.source') AS source, a.lang AS lang, {_LISTED}")
"""The columns a QuoteHit is made of (see `QuoteHits`)."""
_QUOTE_JOINS = "JOIN articles a ON a.id = q.article JOIN files f ON f.id = a.id"
"""A quote `q`'s article `a` and file `f`."""
_ARTICLE_ORDER = "ORDER BY a.date IS NULL, a.date DESC, lower(a.title), a.ident, a.id"
"""The reader's order (`library.sort_key`): newest first, undated last, then title and id."""
_QUOTE_ORDER = f"{_ARTICLE_ORDER}, q.idx"
_WORDS_FIRST = "ORDER BY bm25(qfts, 0, 0, 1, 0, 0, 0, 0) = 0, "
"""Quotes whose own words hold a word of the query first (`speaker:"le pen" bourgeoise`: the quote that says
`bourgeoise` before the others of the article whose title does), then those the query found by their title or
speaker: bm25 over the quote's words alone is 0 for a quote that holds none of the query's words."""


def _listed(ident: str, title: str, date: str | None, section: str, root: bytes, size: int, mtime: int,
            raw_id: bytes | None, source: str | None = None) -> Listed:
    """A Listed from the `_LISTED` columns, in their order (`_listed(*row)`), its section interned and its root
    shared: one string per section and one per root, not one per article (5 MB at 100,000 articles)."""
    return Listed(ident, title, _day(date), sys.intern(section), _ROOTS.setdefault(root, root), size, mtime, raw_id,
                  source)


_ROOTS: dict[bytes, bytes] = {}
"""Each real root listed, as one shared object (a library has a few)."""


class QuoteHits:
    """Makes QuoteHits from `_QUOTE_ROW` rows (`hit(*row)`), one Listed for a run of rows of the same article:
    its quotes come together, and a page of the quote finder then holds a third as many (100,000 articles: 3.3
    quotes each)."""

    __slots__ = ("_article", "_listed")

    def __init__(self) -> None:
        self._article: int | None = None
        self._listed: Listed | None = None

    def __call__(self, idx: int, paragraph: int, start: int, end: int, text: str, speaker: str | None,
                 cue: str | None, whole: str | None, article: int, source: str | None, lang: str,
                 *listed: Any) -> QuoteHit:
        if article != self._article or self._listed is None:
            self._article, self._listed = article, _listed(*(*listed, source))
        return QuoteHit(Quote(text, paragraph, start, end, speaker, cue, whole=whole), self._listed, idx, lang)


@functools.lru_cache(maxsize=1 << 14)
def _day(text: str | None) -> dt.date | None:
    """A stored ISO date as a date (cached: 100,000 articles share a few thousand days)."""
    return dt.date.fromisoformat(text) if text else None


@dataclass(frozen=True)
class RefreshPlan:
    """What a refresh will do (`Index.plan`): the files it saw, those to parse, the keys to drop, and the
    scan's problems (None for a refresh of some folders only, which leaves the others' problems alone)."""

    files: int
    changed: list[tuple[Entry, int, int]]
    removed: list[bytes]
    scan_problems: list[Problem] | None


@dataclass(frozen=True)
class RefreshStats:
    """What a refresh did."""

    files: int
    parsed: int
    removed: int
    keys: frozenset[bytes] = frozenset()
    """The index keys of the files parsed or removed."""


def index_path(cache_dir: Path, key: str) -> Path:
    """The cache file for a library key."""
    return cache_dir / f"index-{key}.sqlite"


class Index:
    """A search index over one library; use `open_index` (or `open_library_index`) to get one.

    It owns its concurrency: any thread may search while another refreshes. A refresh holds the write lock
    only while it stores a batch (never while files are parsed), and one refresh runs at a time. On disk,
    reads go through a connection of their own (the file is in WAL mode), so a search never waits for a
    refresh at all; in memory they share the one connection, and wait at most for one batch to be stored.
    The iterators (`iter_summary_json`, `iter_quotes`) are for one thread's streamed output.
    """

    def __init__(self, db: sqlite3.Connection, path: Path | None) -> None:
        self.db = db
        """The writing connection (and, in memory, the reading one)."""
        self.path = path
        self._write_lock = threading.RLock()
        self._refresh_lock = threading.Lock()
        self._reader = db
        self._read_lock = self._write_lock
        if path is not None:
            # A cache in WAL mode: a commit need not reach the disk before the next batch (it is synced at each
            # checkpoint; a power cut can lose the last batches, never damage the file, and they are parsed again).
            db.execute("PRAGMA synchronous = NORMAL")
            self._reader = sqlite3.connect(str(path), timeout=30, isolation_level=None, check_same_thread=False)
            self._reader.execute(_VOCABULARY)  # in memory, before the connection is made read-only
            self._reader.execute("PRAGMA query_only = 1")
            self._read_lock = threading.RLock()
        else:
            db.execute(_VOCABULARY)
        self._forms: dict[str, WordForms] = {}
        """A plain word's forms in the index, per language, as found since the index last changed."""
        self._languages: dict[str, int] | None = None
        """How many articles are in each language, counted since the index last changed."""
        self._forms_version = -1
        """The reading connection's `data_version` when `_forms` was started (another process may write)."""
        self._shown: tuple[tuple[str, str], ...] = ()
        """(stored, shown) path prefixes of the roots last refreshed, where they differ: paths are stored below a
        root's real path (`_stored`) and shown below the root as the caller gave it (`shown_path`)."""

    def close(self) -> None:
        with self._write_lock, self._read_lock:
            if self._reader is not self.db:
                self._reader.close()
            self.db.close()

    @contextlib.contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """The reading connection, for one thread at a time."""
        with self._read_lock:
            yield self._reader

    def healthy(self) -> bool:
        """True when every page of the file is sound and it holds our tables (else it is rebuilt, not trusted)."""
        try:
            with self._write_lock:
                return bool(self.db.execute("PRAGMA quick_check").fetchone()[0] == "ok") and _schema_ok(self.db)
        except sqlite3.DatabaseError:
            return False

    # --- refresh -----------------------------------------------------------------------------------------

    def refresh(
        self,
        roots: list[str],
        max_bytes: int = DEFAULT_MAX_BYTES,
        progress: Callable[[int, int], None] | None = None,
        workers: int = 1,
        folders: list[tuple[str, str]] | None = None,
        pool: ParsePool | None = None,
        budget: float = DEFAULT_BUDGET,
    ) -> RefreshStats:
        """Bring the index up to date: parse only new or changed files, drop removed ones (`plan`, then
        `apply`). One refresh runs at a time; searches go on meanwhile."""
        with self._refresh_lock:
            plan = self.plan(roots, folders)
            return self.apply(plan, max_bytes, progress, workers, pool, budget)

    def plan(self, roots: list[str], folders: list[tuple[str, str]] | None = None) -> RefreshPlan:
        """What a refresh must do, found without reading a file: the library's files are listed and each
        is looked at (`stat`) and compared with what the index holds (by size and modification time).

        `folders`, as (root, folder id) pairs, limits the plan to those folders and what is below them
        (a live refresh told by the file watcher where something changed).
        """
        known: dict[bytes, tuple[int, int]] = {}
        scan_problems: list[Problem] | None = None
        if folders is None:
            self._shown = _shown_roots(roots)
        sql = "SELECT rel, size, mtime_ns FROM files WHERE root != ''"
        with self._write_lock:  # the writer's view: what this refresh will store over
            if folders is None:
                entries, scan_problems = scan(roots)
                known = {rel: (size, mtime) for rel, size, mtime in self.db.execute(sql)}
            else:
                entries = []
                for root, place in folders:
                    entries.extend(_entries_at(root, place))
                    exact = _real(root) + b"\0" + os.fsencode(place)
                    low = exact + b"/" if place else exact
                    rows = self.db.execute(sql + " AND (rel = ? OR (rel >= ? AND rel < ?))",
                                           (exact, low, low + b"\xff"))
                    known.update({rel: (size, mtime) for rel, size, mtime in rows})
                entries = list({_key(e): e for e in entries}.values())
        seen: set[bytes] = set()
        changed: list[tuple[Entry, int, int]] = []
        stat = os.stat
        encoding = sys.getfilesystemencoding()
        for entry in entries:  # every file is looked at on every refresh: this loop is kept lean
            key = _real(entry.root) + b"\0" + entry.id.encode(encoding, "surrogateescape")  # `_key`
            if key in seen:  # the same folder given twice (`briefing list seeds seeds`): one file, once
                continue
            seen.add(key)
            try:
                st = stat(entry.path)
                found = (st.st_size, st.st_mtime_ns)
            except OSError:
                found = (-1, -1)
            if known.get(key) != found or found[0] < 0:
                changed.append((entry, *found))
        # The most lately written first: a first start, which lists what it has stored as it goes, shows the
        # newest files first (the reader opens the newest article; saved briefings are mostly written in order).
        changed.sort(key=lambda c: -c[2])
        return RefreshPlan(len(entries), changed, [k for k in known if k not in seen], scan_problems)

    def apply(
        self,
        plan: RefreshPlan,
        max_bytes: int = DEFAULT_MAX_BYTES,
        progress: Callable[[int, int], None] | None = None,
        workers: int = 1,
        pool: ParsePool | None = None,
        budget: float = DEFAULT_BUDGET,
    ) -> RefreshStats:
        """Parse the plan's changed files and store them batch by batch, then drop its removed ones.

        Files parse in `pool` when given (the reader keeps one for its whole session); else, with
        `workers` > 1 and at least PARALLEL_FROM changed files, in a pool of that many processes made for
        this refresh; else here, each file stopped after `budget` CPU seconds where a timer can do it.
        A pool closed meanwhile (the reader quitting) ends the refresh after the last whole batch.
        """
        changed = plan.changed
        results = parse_all([_stored(e) for e, _, _ in changed], max_bytes, budget, workers, pool, shape=article_rows)
        done, span = 0, BATCH
        on_disk = self._reader is not self.db  # in memory, reading waits for the write lock: one batch a transaction

        def parsed_batch(end: int) -> tuple[list[tuple[Entry, int, int]], list[ArticleRows | Problem]] | None:
            """The next batch (up to `end`) with its results; None when the pool was closed (the reader quits)."""
            batch = changed[done:min(done + BATCH, end)]
            parsed = list(itertools.islice(results, len(batch)))
            return (batch, parsed) if len(parsed) == len(batch) else None

        try:
            while done < len(changed):
                # The first batch of a transaction is parsed before it begins, so that another process that stores
                # in the same cache waits as little as can be; the next ones are stored as they come.
                end = min(done + span, len(changed))
                span = min(2 * span, TRANSACTION_MAX) if on_disk else BATCH
                if (taken := parsed_batch(end)) is None:
                    break
                with self._write():
                    began = time.monotonic()
                    while taken is not None:
                        self._store_batch(*taken)
                        done += len(taken[0])
                        if done >= end or time.monotonic() - began > TRANSACTION_SECONDS:
                            break
                        taken = parsed_batch(end)
                if progress is not None:
                    progress(done, len(changed))
                if taken is None:
                    break
            if done < len(changed):
                return RefreshStats(plan.files, done, 0, frozenset(_key(e) for e, _, _ in changed[:done]))
        finally:
            results.close()  # a pool made for this refresh is closed with it
        self._remove_and_record(plan.removed, plan.scan_problems)
        if progress is not None and not changed:
            progress(0, 0)
        keys = frozenset([_key(e) for e, _, _ in changed] + plan.removed)
        return RefreshStats(plan.files, len(changed), len(plan.removed), keys)

    def _store_batch(self, batch: list[tuple[Entry, int, int]], results: list[ArticleRows | Problem]) -> None:
        """Store parsed results (in `apply`'s transaction), skipping rows another process stored meanwhile."""
        keys = [_key(entry) for entry, _, _ in batch]
        stored: dict[bytes, tuple[int, int, int]] = {}
        for start in range(0, len(keys), _IN_LIMIT):
            chunk = keys[start:start + _IN_LIMIT]
            rows = self.db.execute(f"SELECT rel, id, size, mtime_ns FROM files WHERE rel IN "
                                   f"({','.join('?' * len(chunk))})", chunk)
            stored.update((rel, (fid, size, mtime)) for rel, fid, size, mtime in rows)
        pending = _Rows(self.db)
        for key, (entry, size, mtime), result in zip(keys, batch, results, strict=True):
            row = stored.get(key)
            if row is not None:
                if (row[1], row[2]) == (size, mtime) and size >= 0:
                    continue
                self._delete(row[0])
                pending.deleted()
            if isinstance(result, Problem):
                pending.problem(key, _root(entry), size, mtime, result)
            else:
                pending.article(key, _root(entry), size, mtime, result)
        pending.flush()

    def _remove_and_record(self, removed: list[bytes], scan_problems: list[Problem] | None) -> None:
        if not removed and scan_problems is None:
            return
        with self._write():
            for key in removed:
                row = self.db.execute("SELECT id FROM files WHERE rel = ?", (key,)).fetchone()
                if row is not None:
                    self._delete(row[0])
            if scan_problems is None:
                return
            self.db.execute("DELETE FROM files WHERE root = '' ")
            for p in scan_problems:
                self.db.execute(
                    "INSERT OR REPLACE INTO files(rel, root, size, mtime_ns, reason) VALUES (?, '', -1, -1, ?)",
                    (b"\0scan\0" + p.id.encode(), json.dumps(serialize.problem(p))))

    def _delete(self, fid: int) -> None:
        row = self.db.execute("SELECT title, section, summary, lang FROM articles WHERE id = ?", (fid,)).fetchone()
        if row is not None:  # a contentless table forgets a row only when told its exact words
            tags = joined(json.loads(row[2]).get("tags") or [])
            for qid, text, speaker in self.db.execute("SELECT id, text, speaker FROM quotes WHERE article = ?",
                                                      (fid,)).fetchall():
                self.db.execute("INSERT INTO qfts(qfts, rowid, title, body, quotes, section, tags, speakers, lang) "
                                "VALUES ('delete', ?, ?, ?, ?, ?, ?, ?, ?)",
                                (qid, row[0], speaker or "", text, row[1], tags, speaker or "", row[3]))
            self.db.execute("DELETE FROM quotes WHERE article = ?", (fid,))
        self.db.execute("DELETE FROM fts WHERE rowid = ?", (fid,))
        self.db.execute("DELETE FROM articles WHERE id = ?", (fid,))
        self.db.execute("DELETE FROM files WHERE id = ?", (fid,))

    @contextlib.contextmanager
    def _write(self) -> Iterator[None]:
        """One transaction under the write lock (and SQLite's, against other processes)."""
        with self._write_lock:
            self._forms, self._languages = {}, None  # the vocabulary may change: forms are looked up again
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield
                self.db.execute("COMMIT")
            except BaseException:
                _rollback(self.db)
                raise

    # --- reading -----------------------------------------------------------------------------------------

    def iter_summaries(self, limit: int | None = None) -> Iterator[dict[str, Any]]:
        """Articles' Summaries in the reader's order, as SQLite gives them (for output that streams)."""
        return (json.loads(s) for s in self.iter_summary_json(limit))

    def iter_summary_json(self, limit: int | None = None) -> Iterator[str]:
        """The same Summaries as the JSON text the index keeps (written by `json.dumps` from
        `serialize.summary`): `list --json` passes it on without reading it (100,000 articles: 9 s -> 1.5 s)."""
        sql = f"SELECT summary FROM articles a {_ARTICLE_ORDER}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        cursor = self._reader.execute(sql)
        if not self._shown:
            return (s for (s,) in cursor)
        pairs = [(_path_json(stored), _path_json(shown)) for stored, shown in self._shown]
        return (_shown_json(s, pairs) for (s,) in cursor)

    def shown_path(self, path: str) -> str:
        """A stored path as the caller gave its root (`lib/a.md`, not `/home/me/lib/a.md`): see `_stored`."""
        for stored, shown in self._shown:
            if path.startswith(stored) and (stored.endswith("/") or len(path) == len(stored)):
                return shown + path[len(stored):]
        return path

    def _shown_summary(self, summary: dict[str, Any]) -> dict[str, Any]:
        if self._shown and isinstance(summary.get("path"), str):
            summary["path"] = self.shown_path(summary["path"])
        return summary

    def article_count(self) -> int:
        """Articles in the index."""
        with self._reading() as db:
            return int(db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def counts(self) -> tuple[int, int]:
        """(articles, problems) in the index; problems as `problems()` lists them."""
        return self.article_count(), len(self.problems())

    def file_count(self) -> int:
        """Files in the library: articles and files that could not be loaded."""
        with self._reading() as db:
            return int(db.execute("SELECT count(*) FROM files WHERE root != ''").fetchone()[0])

    def listing(self) -> list[Listed]:
        """Every article as the sidebar lists it, newest first (no file is read)."""
        with self._reading() as db:
            items = [_listed(*row) for row in db.execute(f"SELECT {_LISTED} {_LISTED_FROM}")]
            items.sort(key=sort_key)
            return items

    def listed_keys(self, keys: Iterable[bytes]) -> list[Listed]:
        """The articles the index holds under these file keys (a file that is now a problem, or gone, is not
        among them), in no particular order: what a refresh of a few files changed in `listing()`."""
        found: list[Listed] = []
        keys = list(keys)
        with self._reading() as db:
            for start in range(0, len(keys), _IN_LIMIT):
                chunk = keys[start:start + _IN_LIMIT]
                found.extend(_listed(*row) for row in db.execute(
                    f"SELECT {_LISTED} {_LISTED_FROM} WHERE f.rel IN ({','.join('?' * len(chunk))})", chunk))
        return found

    def newest(self) -> Listed | None:
        """The article the reader opens first (the first of `listing()`), found without listing them all."""
        with self._reading() as db:
            rows = (db.execute(f"SELECT {_LISTED} {_LISTED_FROM} WHERE a.date = (SELECT max(date) FROM articles)")
                    .fetchall() or db.execute(f"SELECT {_LISTED} {_LISTED_FROM} WHERE a.date IS NULL").fetchall())
            return min((_listed(*row) for row in rows), key=sort_key) if rows else None

    def _quote_base(self, query: Query | None) -> tuple[str, list[Any], str]:
        """The FROM and WHERE of the quotes that satisfy the query, their parameters, and their order: the
        quote finder's (`_QUOTE_ORDER`), after the quotes whose own words hold a word of the query when it
        has words that may be elsewhere (`_WORDS_FIRST`: not for fields alone, nor `in:quotes`; it costs a
        third more: 85,000 quotes of 100,000 articles listed in 0.31 s against 0.19 s)."""
        match, where, params = compile_query(query, fts="qfts", row="q.id", forms=self.forms) if query \
            else (None, "1", [])
        if match:
            assert query is not None
            words = not query.in_quotes and not _ranks_nothing(query)  # else no quote, or every one, says a word
            return f"FROM qfts JOIN quotes q ON q.id = qfts.rowid {_QUOTE_JOINS} WHERE qfts MATCH ? AND {where}", \
                [match, *params], _WORDS_FIRST + _QUOTE_ORDER.removeprefix("ORDER BY ") if words else _QUOTE_ORDER
        return f"FROM quotes q {_QUOTE_JOINS} WHERE {where}", list(params), _QUOTE_ORDER

    def find_quotes(self, query: Query | None, limit: int | None = None) -> tuple[int, list[QuoteHit]]:
        """Quotes that satisfy the query (`speaker:`, `section:`, `date:`, words), newest article first."""
        with self._reading() as db:
            base, args, order = self._quote_base(query)
            total = db.execute(f"SELECT count(*) {base}", args).fetchone()[0]
            sql = f"SELECT {_QUOTE_ROW} {base} {order}"
            if limit is not None:
                sql += f" LIMIT {int(limit)}"
            hit = QuoteHits()
            return total, [hit(*row) for row in db.execute(sql, args)]

    def iter_quotes(self, query: Query | None, limit: int | None = None) -> Iterator[tuple[QuoteHit, str]]:
        """Quotes that satisfy the query with their article's path, newest article first, as SQLite gives them.

        For output that streams: nothing is held but the row being printed.
        """
        if query is None and limit is not None:
            return self._first_quotes(int(limit))
        base, args, order = self._quote_base(query)
        sql = f"SELECT {_QUOTE_ROW}, json_extract(a.summary, '$.path') AS path {base} {order}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        cursor = self._reader.execute(sql, args)  # here, not at the first row: a refused query raises to the caller
        hit = QuoteHits()
        return ((hit(*row[:-1]), self.shown_path(row[-1])) for row in cursor)  # the path comes last

    def _first_quotes(self, limit: int) -> Iterator[tuple[QuoteHit, str]]:
        """The first `limit` quotes of the library, article by article in the reader's order: sorting the
        articles and stopping early beats sorting every quote (100,000 articles: 0.1 s against 0.4 s)."""
        articles = self._reader.execute(f"SELECT a.id FROM articles a {_ARTICLE_ORDER}")
        left = limit
        hit = QuoteHits()
        while left > 0:
            ids = [fid for (fid,) in articles.fetchmany(64)]
            if not ids:
                return
            rows = self._reader.execute(f"SELECT {_QUOTE_ROW}, json_extract(a.summary, '$.path') AS path "
                                        f"FROM quotes q {_QUOTE_JOINS} WHERE q.article IN ({','.join('?' * len(ids))}) "
                                        f"{_QUOTE_ORDER} LIMIT {left}", ids)
            for row in rows:
                yield hit(*row[:-1]), self.shown_path(row[-1])  # the path comes last
                left -= 1

    def quote_ids(self, query: Query | None) -> array[int]:
        """The ids of every quote that satisfies the query, in the quote finder's order (newest first).

        The finder keeps only these (8 bytes a quote) and fetches rows for what is on screen.
        """
        with self._reading() as db:
            base, args, order = self._quote_base(query)
            return array("q", (i for (i,) in db.execute(f"SELECT q.id {base} {order}", args)))

    def quote_hits(self, ids: Sequence[int]) -> list[QuoteHit | None]:
        """The quotes with these ids, in the same order; None for one removed from the library since."""
        with self._reading() as db:
            found: dict[int, QuoteHit] = {}
            hit = QuoteHits()
            for start in range(0, len(ids), 500):  # under SQLite's parameter limit
                chunk = list(ids[start:start + 500])
                sql = (f"SELECT q.id AS qid, {_QUOTE_ROW} FROM quotes q {_QUOTE_JOINS} "
                       f"WHERE q.id IN ({','.join('?' * len(chunk))})")
                found.update((qid, hit(*row)) for qid, *row in db.execute(sql, chunk))
            return [found.get(i) for i in ids]

    def forms(self, word: str) -> WordForms:
        """The other forms of a plain word (folded) that the index holds, in each language it has articles in
        (`forms.is_form`): the words that begin with its `form_prefix`, looked up by range, whose stem is its
        stem there; and whether the word and those forms are only ever in the text (the same look-up tells)."""
        with self._reading() as db:
            held_forms = self._forms.get(word) if self._current(db) else None
            if held_forms is None:
                held = self._language_counts(db)
                columns: dict[str, set[str]] = {}
                for prefix in form_prefixes(word):  # one range of the vocabulary, two for `strasse`/`straße`
                    for term, col in db.execute(f"SELECT term, col {_TERMS}", _range(prefix)):
                        columns.setdefault(term, set()).add(col)
                terms = [term for term, cols in columns.items() if cols - {"lang"}]
                total = sum(held.values())
                found = tuple(FormsIn(lang, tuple(forms[:FORMS_LIMIT]), tuple(other for other in held if other != lang),
                                      2 * held[lang] > total)
                              for lang, forms in forms_in(word, terms).items() if held.get(lang))
                words = {word, *(w for f in found for w in f.words)}
                text_only = all(columns.get(w, set()) <= _TEXT_COLUMNS for w in words)
                held_forms = self._forms[word] = WordForms(found, text_only)
            return held_forms

    def _as_typed(self, word: str) -> WordForms:
        """`forms` without the other forms: the word as typed, asked of FTS5 as `forms` has it asked."""
        return WordForms((), self.forms(word).text_only)

    def _current(self, db: sqlite3.Connection) -> bool:
        """True when what was looked up since the index last changed still holds (else it is forgotten)."""
        version = db.execute("PRAGMA data_version").fetchone()[0]
        if version != self._forms_version:
            self._forms, self._languages, self._forms_version = {}, None, version
            return False
        return True

    def _language_counts(self, db: sqlite3.Connection) -> dict[str, int]:
        """How many articles are in each language (after `_current`)."""
        if self._languages is None:
            self._languages = dict(db.execute("SELECT lang, count(*) FROM articles GROUP BY lang").fetchall())
        return self._languages

    def _article_total(self, db: sqlite3.Connection) -> int:
        """How many articles the index holds (counted once after each change, with their languages)."""
        self._current(db)
        return sum(self._language_counts(db).values())

    def _scores_vanish(self, db: sqlite3.Connection, query: Query, match: str, where: str,
                       total: int) -> dict[str, int] | None:
        """Not None when bm25 gives every match of the query the same score at the 4 decimals `search` orders
        by, so that ranking by relevance is ranking by date: each phrase it scores is in no article or in at
        least half of them.

        FTS5's bm25 sums, over the query's phrases, idf × a term-frequency part below k1 + 1 = 2.2; a phrase in
        n of N articles has idf = log((N - n + 0.5) / (n + 0.5)), raised to 1e-6 where that is not positive
        (n ≥ N / 2). So a phrase in half the articles or more adds less than 2.2e-6 to any score, and one in
        none adds nothing; with at most VANISHING_PHRASES of them, scores stay below 5e-5 and round to 0.
        Counting the phrases (one pass over each one's list of articles) costs far less than scoring the
        RANK_CAP newest matches one by one (a look-up in the index for each), and a phrase need not be counted
        when the query's own count tells. Returns the phrases counted, with their counts, or None when the
        scores may differ."""
        scored = [(part, _phrases(part, query.in_quotes, self.forms)) for part in _match_parts(query)]
        if not scored or sum(len(phrases) for _, phrases in scored) > VANISHING_PHRASES:
            return None
        # A form of two languages (`sanctions`) is scored twice but counted once.
        parts = [(part, list(dict.fromkeys(phrases))) for part, phrases in scored]
        half = self._article_total(db) / 2
        counts: dict[str, int] = {}

        def holds(phrase: str) -> bool:
            n = counts[phrase] = total if (phrase == match and where == "1") else \
                db.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", [phrase]).fetchone()[0]
            return n == 0 or n >= half

        for part, phrases in parts:
            if isinstance(part, Term) and total >= half:
                # Each part of the AND holds every match; a word's phrases are ORed, so when all but its last
                # are in no article, the last is in every article the word matches: half of them or more.
                if not all(holds(p) for p in phrases[:-1]):
                    return None
                if any(counts[p] for p in phrases[:-1]) and not holds(phrases[-1]):
                    return None
            elif not all(holds(p) for p in phrases):
                return None
        return counts

    def _newest_matches(self, db: sqlite3.Connection, match: str, where: str, params: list[Any],
                        limit: int) -> list[int] | None:
        """The `limit` newest matches (newest first, then by id), looked for among the PROBED newest articles
        one by one, newest first (most articles match: a few look-ups find them); None when those do not
        hold them all (then the caller takes the RANK_CAP newest matches from the whole list)."""
        edge = db.execute(f"SELECT a.date FROM articles a INDEXED BY articles_date WHERE {where} "
                          f"ORDER BY a.date DESC LIMIT 1 OFFSET {PROBED}", params).fetchone()
        if edge is not None and edge[0] is None:  # undated articles reached: no bound on the walk
            return None
        bound = "" if edge is None else " AND a.date >= ?"
        rows = db.execute(f"SELECT a.id, a.date FROM articles a INDEXED BY articles_date WHERE "
                          f"EXISTS (SELECT 1 FROM fts WHERE fts MATCH ? AND fts.rowid = a.id) AND {where}{bound} "
                          f"ORDER BY a.date DESC, a.id LIMIT ?",
                          [match, *params, *([edge[0]] if edge else []), limit]).fetchall()
        if edge is None or (len(rows) == limit and rows[-1][1] is not None and rows[-1][1] > edge[0]):
            return [fid for fid, _ in rows]  # every article was walked, or the last day kept is whole
        return None

    def vocabulary(self, prefix: str) -> list[tuple[str, int]]:
        """The words of the articles' text (not their language) that begin with `prefix`, each with how many
        articles hold it (counted once per column it is in)."""
        with self._reading() as db:
            return [(term, int(n)) for term, n in
                    db.execute(f"SELECT term, sum(doc) {_TEXT_TERMS} GROUP BY term", _range(prefix))]

    def speakers(self) -> list[tuple[str, int]]:
        """Every speaker with how many quotes are theirs, most quoted first (for the hint on empty results)."""
        with self._reading() as db:
            return [(name, n) for name, n in db.execute(
                "SELECT speaker, count(*) AS n FROM quotes WHERE speaker IS NOT NULL AND speaker != '' "
                "GROUP BY speaker ORDER BY n DESC, speaker")]

    def date_span(self) -> tuple[dt.date | None, dt.date | None]:
        """The first and the last date of the library's articles (None, None when none is dated)."""
        with self._reading() as db:
            first, last = db.execute("SELECT min(date), max(date) FROM articles").fetchone()
            return _day(first), _day(last)

    def problems(self) -> list[dict[str, Any]]:
        """Every problem in the library, by file: the files that could not be loaded, and what is wrong
        inside files that did (a tab in front matter, a date that could not be read). One list for
        `check`, `index` and the reader's problems screen."""
        with self._reading() as db:
            found = [(rel, self._shown_summary(json.loads(r))) for rel, r in
                     db.execute("SELECT rel, reason FROM files WHERE reason IS NOT NULL")]
            # Most summaries end with an empty list: the LIKE (the condition of the index `articles_noted`, which
            # SQLite reads instead of every summary: 100,000 articles, 0.1 ms against 66 ms) skips them.
            rows = db.execute(
                "SELECT f.rel, a.ident, json_extract(a.summary, '$.path'), json_extract(a.summary, '$.problems') "
                "FROM articles a JOIN files f ON f.id = a.id "
                "WHERE a.summary NOT LIKE '%\"problems\": []}' AND json_array_length(a.summary, '$.problems') > 0")
            for rel, ident, path, notes in rows:
                found.extend((rel, {"id": ident, "path": self.shown_path(path), "reason": note})
                             for note in json.loads(notes))
            found.sort(key=lambda item: item[0])  # stable: a file's own problems keep their order
            return [p for _, p in found]

    def search(self, query: Query, limit: int = 20, sort: str = "relevance") -> tuple[int, list[Result]]:
        """Run a parsed query: (total matches, the best `limit` results).

        Relevance is bm25, newest first among equal scores; when a plain word also found other forms of
        itself, the articles with every word as typed come first (by date, after the date), ranked among
        themselves by the words as typed (`_typed_scores`: a form is no title hit for them). When more than
        RANK_CAP articles match (a common word), only the RANK_CAP newest matches are ranked: scoring 100,000
        matches to show 20 costs a third of a second and changes nothing a reader would notice.
        """
        with self._reading() as db:
            match, where, params = compile_query(query, forms=self.forms)
            if not match:
                base = "FROM articles a WHERE " + where
                total = db.execute(f"SELECT count(*) {base}", params).fetchone()[0]
                rows = db.execute(f"SELECT a.summary FROM articles a WHERE {where} "
                                  "ORDER BY a.date IS NULL, a.date DESC, a.id LIMIT ?", [*params, limit]).fetchall()
                return total, [Result(self._shown_summary(json.loads(summary)), 0.0, []) for (summary,) in rows]
            cap = max(RANK_CAP, limit)
            # Scores are rounded for ordering, so near-ties fall to the newest-first tie-break instead of to float
            # noise. A word in half the articles or more has an idf of 1e-6 (FTS5 raises it to that), and scores
            # that round to 0: those are ordered by the score a millionfold (`VANISHED`), bm25 as if every word
            # were equally rare, so a title that has the words still comes first (a beat's own word, in most of
            # its articles, listed them newest first).
            order = f"exact DESC, round(score, 4), {VANISHED}, date IS NULL, date DESC, id"
            if sort == "date":
                order = "date IS NULL, date DESC, exact DESC, round(score, 4), id"
            as_typed = compile_query(query, forms=self._as_typed)[0]  # when it is the match itself, all are exact
            unranked = _ranks_nothing(query)
            score = "0.0" if unranked else f"bm25(fts, {_WEIGHTS})"
            exact, flag = ("0", []) if as_typed == match else ("{} IN (SELECT rowid FROM fts WHERE fts MATCH ?)",
                                                               [as_typed])
            ranked: list[tuple[int, float]] | None = None
            rerank = bool(flag) and not unranked  # the exact group is ranked by the words as typed
            if where == "1":
                total = db.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", [match]).fetchone()[0]
            else:  # a filter: one pass scores every match, and counts them when they are few (the usual case)
                if _dates_only(query) and db.execute(f"SELECT count(*) FROM (SELECT 1 FROM articles a INDEXED BY "
                                                     f"articles_date WHERE {where} LIMIT {int(cap) + 1})",
                                                     params).fetchone()[0] <= cap:
                    # Few articles in those dates: the matches among them, scored (not every match's article
                    # looked up for its date).
                    scored = ("", []) if unranked else (" JOIN fts ON fts.rowid = c.id WHERE fts MATCH ?", [match])
                    rows = db.execute(
                        f"WITH c AS MATERIALIZED (SELECT a.id AS id, a.date AS date FROM articles a INDEXED BY "
                        f"articles_date WHERE {where} AND a.id IN (SELECT rowid FROM fts WHERE fts MATCH ?)) "
                        f"SELECT c.id, {score}, c.date, {exact.format('c.id')} FROM c{scored[0]}",
                        [*params, match, *flag, *scored[1]]).fetchall()
                else:
                    rows = db.execute(
                        f"SELECT a.id, {score}, a.date, {exact.format('a.id')} FROM fts "
                        f"JOIN articles a ON a.id = fts.rowid WHERE fts MATCH ? AND {where} LIMIT {int(cap) + 1}",
                        [*flag, match, *params]).fetchall()
                total = len(rows)
                if total <= cap:
                    typed = self._typed_scores(db, as_typed, where, params) if rerank and as_typed else None
                    ranked = _ranked(_ordered(rows, sort, typed)[:limit], typed)
                else:
                    total = db.execute(f"SELECT count(*) FROM articles a WHERE a.id IN "
                                            f"(SELECT rowid FROM fts WHERE fts MATCH ?) AND {where}",
                                            [match, *params]).fetchone()[0]
            if total == 0:
                return 0, []
            if ranked is None and total > cap:
                # Past RANK_CAP, scores that round to 0 are not scored at all (`_scores_vanish`): those of the newest
                # RANK_CAP are in date order whether scored or not.
                order = order.replace(f"{VANISHED}, ", "")
                cand = (f"WITH cand AS MATERIALIZED (SELECT a.id AS id, a.date AS date FROM articles a "
                        f"INDEXED BY articles_date WHERE a.id IN (SELECT rowid FROM fts WHERE fts MATCH ?) AND {where} "
                        f"ORDER BY a.date DESC LIMIT {int(cap)}) ")
                counts = {} if unranked else self._scores_vanish(db, query, match, where, total)
                newest = None
                # Unscored, the order is by date, the words as typed first when some other form is in the query;
                # the newest matches are then found by looking at the newest articles one by one (cheap, but not
                # for a prefix, whose look-up gathers every word it begins each time). With the words as typed
                # first, those found among the PROBED newest articles are the first of the RANK_CAP newest.
                sparse = unranked and 2 * total < self._article_total(db)
                # A filter that most articles fail (`section:energy`, a tenth of them): looking at the newest
                # articles one by one would look at many that fail; its newest matches are taken from them all.
                if sparse and not flag:
                    newest = [fid for (fid,) in db.execute(
                        f"SELECT a.id FROM articles a INDEXED BY articles_date WHERE a.id IN (SELECT rowid FROM fts "
                        f"WHERE fts MATCH ?) AND {where} ORDER BY a.date DESC, a.id LIMIT ?", [match, *params, limit])]
                elif counts is not None and not _prefixed(query) and not sparse:
                    if not flag or counts.get(as_typed or "") == 0:
                        newest = self._newest_matches(db, match, where, params, limit)
                    elif sort == "relevance" and cap >= PROBED:
                        newest = self._newest_matches(db, f"({match}) AND ({as_typed})", where, params, limit)
                if newest is not None:
                    ranked = [(fid, 0.0) for fid in newest]
                elif counts is not None:  # the same order as bm25's, without scoring
                    sql = (f"{cand}SELECT c.id AS id, 0.0 AS score, c.date AS date, {exact.format('c.id')} AS exact "
                           f"FROM cand c ORDER BY {order} LIMIT ?")
                    args = [match, *params, *flag, limit]
                else:
                    sql = (f"{cand}SELECT c.id AS id, bm25(fts, {_WEIGHTS}) AS score, c.date AS date, "
                           f"{exact.format('c.id')} AS exact FROM cand c "
                           f"JOIN fts ON fts.rowid = c.id WHERE fts MATCH ? ORDER BY {order} LIMIT ?")
                    args = [match, *params, *flag, match, limit]
                if ranked is None:
                    ranked = [(fid, score) for fid, score, _, _ in db.execute(sql, args)]
            elif ranked is None and rerank:  # at most `cap` matches; the exact ones ranked as typed
                typed_order = order.replace("exact DESC,", "exact DESC, round(coalesce(t.typed, 0), 4),")
                sql = (f"WITH t AS MATERIALIZED (SELECT rowid AS id, bm25(fts, {_WEIGHTS}) AS typed FROM fts "
                       f"WHERE fts MATCH ?) SELECT a.id AS id, {score} AS score, a.date AS date, "
                       f"t.id IS NOT NULL AS exact, coalesce(t.typed, {score}) AS shown FROM fts "
                       f"JOIN articles a ON a.id = fts.rowid LEFT JOIN t ON t.id = a.id "
                       f"WHERE fts MATCH ? AND {where} ORDER BY {typed_order} LIMIT ?")
                ranked = [(fid, shown) for fid, _, _, _, shown in db.execute(sql, [as_typed, match, *params, limit])]
            elif ranked is None:
                sql = (f"SELECT a.id AS id, {score} AS score, a.date AS date, "
                       f"{exact.format('a.id')} AS exact FROM fts "
                       f"JOIN articles a ON a.id = fts.rowid WHERE fts MATCH ? AND {where} ORDER BY {order} LIMIT ?")
                ranked = [(fid, score) for fid, score, _, _ in db.execute(sql, [*flag, match, *params, limit])]
            ids = ",".join(str(int(fid)) for fid, _ in ranked)
            summaries = {fid: self._shown_summary(json.loads(text)) for fid, text in
                         db.execute(f"SELECT id, summary FROM articles WHERE id IN ({ids})").fetchall()}
            snippets = self._snippets(db, query, match, [fid for fid, _ in ranked], summaries)
            results = [Result(summaries[fid], round(-float(score), 4) or 0.0,  # never -0.0
                              [snippets[fid]] if snippets.get(fid) else []) for fid, score in ranked]
            return total, results

    def _snippets(self, db: sqlite3.Connection, query: Query, match: str, fids: list[int],
                  summaries: dict[int, dict[str, Any]]) -> dict[int, str]:
        """A snippet for each result: FTS5's, except for an article longer than SNIPPET_LONG words, whose snippet
        is its first hit, found here (`highlight.snippet_of`): FTS5 scores every window against every hit, which
        is quadratic in the hits."""
        if query.terms and all(t.column == "speakers" for t in query.terms):
            said = self._said(db, match, fids)  # `speaker:trump`: what the speaker said, not the list of speakers
            fids = [fid for fid in fids if fid not in said]
        else:
            said = {}
        short = [fid for fid in fids if summaries[fid].get("word_count", 0) <= SNIPPET_LONG]
        long = [fid for fid in fids if summaries[fid].get("word_count", 0) > SNIPPET_LONG]
        snippets: dict[int, str] = dict(said)
        if short:
            listed = ",".join(str(int(fid)) for fid in short)
            snippets.update(db.execute(f"SELECT rowid, snippet(fts, -1, char(2), char(3), '…', 16) FROM fts "
                                       f"WHERE fts MATCH ? AND rowid IN ({listed})", [match]).fetchall())
            # A hit in the title alone: FTS5's best column is the title, and the result showed it twice. The body's
            # opening says more (FTS5 starts a column's snippet at its top when no hit is in it).
            # And a hit in the language alone (`in:quotes invest`: `investir` is a form in French only, and the
            # `lang` column's `fr` was the best window, the snippet a lone `⟦fr⟧`): the quotes' or the body's window.
            titled = [fid for fid in short if fid in snippets and (_is_title(snippets[fid], summaries[fid]["title"])
                                                                  or snippets[fid] in _LANGUAGE_HITS)]
            if titled:
                listed = ",".join(str(int(fid)) for fid in titled)
                column = 2 if query.in_quotes else 1
                snippets.update(db.execute(f"SELECT rowid, snippet(fts, {column}, char(2), char(3), '…', 16) FROM fts "
                                           f"WHERE fts MATCH ? AND rowid IN ({listed})", [match]).fetchall())
            # FTS5 marks no hit of a phrase that matched through a branch `lang : "fr" AND quotes : (…)` of an OR
            # (a form of a word in one language, in quotes: `in:quotes invest`, `investir`): such a snippet is the
            # column's opening, no hit in it. The matcher the reader highlights with finds the hit.
            long += [fid for fid in short if fid in snippets and _HIT_START not in snippets[fid] and fid not in said]
        if long:
            terms = [t for t in query.terms if t.column is None]  # as the reader highlights them
            listed = ",".join(str(int(fid)) for fid in long)
            text_column = "quotes" if query.in_quotes else "body"
            rows = db.execute(f"SELECT f.rowid, substr(f.{text_column}, 1, {SNIPPET_SCAN}), a.lang FROM fts f "
                              f"JOIN articles a ON a.id = f.rowid WHERE f.rowid IN ({listed})").fetchall()
            for fid, body, lang in rows:
                found = snippet_of(body or "", terms, lang)
                if found is not None:
                    snippets[fid] = found
        return snippets

    @staticmethod
    def _said(db: sqlite3.Connection, match: str, fids: list[int]) -> dict[int, str]:
        """For a query of speakers alone, each article's first quote by them as its snippet (`“…” — Donald Trump`,
        the name marked as the hit): the quote table holds each quote's speaker in the same columns."""
        if not fids:
            return {}
        listed = ",".join(str(int(fid)) for fid in fids)
        first: dict[int, str] = {}
        for article, text, who in db.execute(
                f"SELECT q.article, q.text, q.speaker FROM qfts JOIN quotes q ON q.id = qfts.rowid "
                f"WHERE qfts MATCH ? AND q.article IN ({listed}) ORDER BY q.article, q.idx", [match]):
            if article not in first and who:
                said = serialize.quoted(text).split()  # as a citation shows it: `“Yes” — Anna`, not `“Yes,”`
                cut = " ".join(said[:SPEAKER_SNIPPET_WORDS]) + ("…" if len(said) > SPEAKER_SNIPPET_WORDS else "")
                first[article] = f"“{cut}” — {_HIT_START}{who}{_HIT_END}"
        return first

    @staticmethod
    def _typed_scores(db: sqlite3.Connection, as_typed: str, where: str, params: list[Any]) -> dict[int, float]:
        """bm25 of the query's words as typed (no other forms), for the articles they match that pass `where`:
        what ranks the articles that have every word as typed among themselves. Scored with the forms, an
        article that has a form in its title (`president-elect` for `election`) outranks one whose title
        has the word itself, and one with many forms outranks one with the word typed."""
        rows = db.execute(f"SELECT a.id, bm25(fts, {_WEIGHTS}) FROM fts JOIN articles a ON a.id = fts.rowid "
                          f"WHERE fts MATCH ? AND {where}", [as_typed, *params])
        return dict(rows.fetchall())

    def hits_per_month(self, query: Query) -> dict[str, int]:
        """How many matching articles each month has (`YYYY-MM` -> count), for the sparkline."""
        with self._reading() as db:
            match, where, params = compile_query(query, forms=self.forms)
            if match:
                sql = ("SELECT substr(a.date, 1, 7), count(*) FROM fts JOIN articles a ON a.id = fts.rowid "
                       f"WHERE fts MATCH ? AND {where} AND a.date IS NOT NULL GROUP BY 1")
                rows = db.execute(sql, [match, *params])
            else:
                rows = db.execute(f"SELECT substr(a.date, 1, 7), count(*) FROM articles a WHERE {where} "
                                       "AND a.date IS NOT NULL GROUP BY 1", params)
            return dict(rows.fetchall())

    def matching_ids(self, query: Query) -> list[str]:
        """The ids of every article the query matches, in no order: a saved search's group in the sidebar
        (one pass over the index, about a tenth of a second for 100,000 matches)."""
        with self._reading() as db:
            match, where, params = compile_query(query)
            if match:
                rows = db.execute(f"SELECT a.ident FROM fts JOIN articles a ON a.id = fts.rowid "
                                  f"WHERE fts MATCH ? AND {where}", [match, *params])
            else:
                rows = db.execute(f"SELECT a.ident FROM articles a WHERE {where}", params)
            return [ident for (ident,) in rows]


_Row = tuple[int, float, str | None, int]


VANISHED = "CASE WHEN round(score, 4) = 0 THEN round(score * 1000000, 4) ELSE 0 END"
"""The order of scores that round to 0 (every word of the query in half the articles or more): a millionfold."""


def _vanished(score: float) -> float:
    """`VANISHED` of one score, as `_ordered` sorts by it."""
    return round(score * 1_000_000, 4) if round(score, 4) == 0 else 0.0


def _ordered(rows: list[_Row], sort: str, typed: dict[int, float] | None = None) -> list[_Row]:
    """(id, bm25, date, exact) rows in the order of Index.search's ORDER BY, by stable sorts, least key first.
    With `typed` (`Index._typed_scores`), the exact rows are ranked by it first, then by their bm25."""
    rows = sorted(rows, key=lambda r: r[0])
    newest = lambda r: r[2] or ""  # noqa: E731  (undated last when sorting newest first)
    as_typed = (lambda r: round(typed.get(r[0], 0.0), 4) if r[3] else 0.0) if typed is not None else None
    if sort == "date":
        rows.sort(key=lambda r: round(r[1], 4))
        if as_typed:
            rows.sort(key=as_typed)
        rows.sort(key=lambda r: -r[3])
        rows.sort(key=newest, reverse=True)
        return rows
    rows.sort(key=newest, reverse=True)
    rows.sort(key=lambda r: _vanished(r[1]))
    rows.sort(key=lambda r: round(r[1], 4))
    if as_typed:
        rows.sort(key=as_typed)
    rows.sort(key=lambda r: -r[3])
    return rows


def _ranked(rows: list[_Row], typed: dict[int, float] | None) -> list[tuple[int, float]]:
    """(id, score) of ordered rows: an exact row's score is its score as typed when that ranked it."""
    if typed is None:
        return [(fid, score) for fid, score, _, _ in rows]
    return [(fid, typed.get(fid, score) if exact else score) for fid, score, _, exact in rows]


def _is_title(snippet: str, title: str) -> bool:
    """Whether a snippet is the article's title (or a part of it), marks and ellipses aside."""
    plain = "".join(text for text, _ in snippet_pieces(snippet)).strip(" …").strip()
    return bool(plain) and plain in title


def snippet_pieces(snippet: str) -> list[tuple[str, bool]]:
    """A snippet as (text, is_hit) pieces."""
    pieces: list[tuple[str, bool]] = []
    snippet = without_boundaries(_ends_trimmed(snippet))
    for i, chunk in enumerate(snippet.split(_HIT_START)):
        hit, sep, rest = chunk.partition(_HIT_END)
        if i == 0 or not sep:
            pieces.append((chunk, False))
        else:
            pieces.extend([(hit, True), (rest, False)])
    return [(t, h) for t, h in pieces if t]


def _ends_trimmed(snippet: str) -> str:
    """A snippet that begins or ends at a boundary between parts, with one ellipsis there: FTS5 puts its own
    ellipsis before the boundary's, and the text began on a line of its own (`……` over `Vladimir Putin, …`)."""
    breaks = f"\n {BOUNDARY}"
    core = snippet.removeprefix("…")
    start = core.lstrip(breaks)
    lead = "…" if core != snippet or start != core else ""
    body = start.removesuffix("…")
    end = body.rstrip(breaks)
    trail = "…" if body != start or end != body else ""
    return f"{lead}{end}{trail}"


def marked_snippet(snippet: str) -> str:
    """A snippet with its hits between ⟦ and ⟧, for JSON."""
    return "".join(f"{MARK_START}{t}{MARK_END}" if hit else t for t, hit in snippet_pieces(snippet))


def _range(prefix: str) -> tuple[str, str]:
    """The bounds of the words that begin with `prefix`, for `term >= ? AND term < ?` (as UTF-8 sorts)."""
    return prefix, prefix + "\U0010ffff"


def _entries_at(root: str, place: str) -> list[Entry]:
    """The files at `place` (an id below `root`): the file itself, or everything below a folder."""
    path = os.path.join(root, place) if place else root
    if any(part.startswith(".") for part in place.split("/") if part):
        return []
    if os.path.isdir(path):
        if os.path.islink(path) and not is_within(path, root):
            return []
        return list(walk(root, None, place))
    return [Entry(root, path, place)] if os.path.lexists(path) else []


def _root(entry: Entry) -> str:
    """The root a file is listed under (`files.root`)."""
    return _root_name(entry.root)


@functools.lru_cache(maxsize=64)
def _root_name(root: str) -> str:
    """A root's real path as a clean line (cached: every file stored asks, and a library has few roots)."""
    return sanitize.clean_line(_real(root).decode("utf-8", "replace")) or "/"


def _stored(entry: Entry) -> Entry:
    """The entry as the index parses and stores it: its path below its root's real path. A root is given as
    `lib` by one command and `/home/me/lib` by the next; the stored paths of a root then all start alike, and each
    caller is shown them below the root as it gave it (`Index.shown_path`). The file is read by root and id, never
    by its path."""
    return Entry(entry.root, os.path.join(os.fsdecode(_real(entry.root)), entry.id), entry.id)


def _shown_roots(roots: list[str]) -> tuple[tuple[str, str], ...]:
    """(stored, shown) path prefixes for the roots as given, where they differ: a folder's (`/home/me/lib/`,
    `lib/`), and a file's own path when a file is given as a root."""
    pairs: list[tuple[str, str]] = []
    for root in roots:
        if os.path.isfile(root) or (os.path.islink(root) and not os.path.isdir(root)):
            parent = os.path.dirname(os.path.abspath(root))
            stored = os.path.join(os.fsdecode(_real(parent)), os.path.basename(root))
            pair = (path_text(stored), path_text(root))
        else:
            pair = (path_text(os.path.join(os.fsdecode(_real(root)), "")), path_text(os.path.join(root, "")))
        if pair[0] != pair[1] and pair not in pairs:
            pairs.append(pair)
    return tuple(pairs)


def _path_json(prefix: str) -> str:
    """How a Summary's JSON text starts its path with `prefix` (a folder's, ending in `/`), or holds the whole
    path `prefix` (a file's): `"path": "/home/me/lib/`. The first such text in a Summary is its path, as no JSON
    string can hold `"path": "` unescaped, and the id before it is a string."""
    text = json.dumps(prefix, ensure_ascii=False)
    return f'"path": {text[:-1] if prefix.endswith("/") else text}'


def _shown_json(summary: str, pairs: list[tuple[str, str]]) -> str:
    """A stored Summary's JSON text with its path as `Index.shown_path` gives it (`_path_json` pairs)."""
    for stored, shown in pairs:
        if stored in summary:
            return summary.replace(stored, shown, 1)
    return summary


def _key(entry: Entry) -> bytes:
    """A file's identity in the index: raw bytes, since file names need not be valid UTF-8."""
    return _real(entry.root) + b"\0" + os.fsencode(entry.id)


@functools.lru_cache(maxsize=64)
def _real(root: str) -> bytes:
    """A root's real path (cached: a refresh asks once per file, and resolving it costs several stats)."""
    return os.fsencode(os.path.realpath(root))


# --- compiling queries --------------------------------------------------------------------------------------


def _children(query: Query) -> list[Node]:
    """The parts of the query ANDed at its top (the root alone when it is no AND; none for an empty query)."""
    root = query.root
    return list(root.nodes) if isinstance(root, And) else [root] if root is not None else []


def _match_parts(query: Query) -> list[Node]:
    """The positive parts of the query that `compile_query` puts in the MATCH expression."""
    return [n for n in _children(query) if _pure(n)]


def _phrases(node: Node, in_quotes: bool, forms: Forms | None) -> list[str]:
    """The phrases of a pure expression that can add to a match's score (those under NOT cannot: a match
    holds none of them)."""
    if isinstance(node, Term):
        return fts_phrases(node, in_quotes, forms)
    assert isinstance(node, And | Or)
    return [p for n in node.nodes if not isinstance(n, Not) for p in _phrases(n, in_quotes, forms)]


_FIELDS = frozenset(("section", "tags", "speakers"))
"""The columns of fields that are filters: a hit there says which articles, not how well they match (bm25
would rank them by their length alone: every hit is the field's one value)."""


def _ranks_nothing(query: Query) -> bool:
    """True when no word of the query's MATCH part looks in the text (the title, body or quotations): fields
    only (`section:energy`, `speaker:rutte`), perhaps with dates and negations. Such a query is a filter, and
    its articles come newest first, as a query of dates alone does."""
    def walk(node: Node) -> bool:
        if isinstance(node, Term):
            return node.column in _FIELDS
        if isinstance(node, Not):
            return True  # a match holds none of it: it adds nothing to a score
        assert isinstance(node, And | Or)
        return all(walk(n) for n in node.nodes)
    return all(walk(n) for n in _match_parts(query))


def _dates_only(query: Query) -> bool:
    """True when everything of the query outside its MATCH part is a date range."""
    rest = [n for n in _children(query) if not _pure(n) and not (isinstance(n, Not) and _pure(n.node))]
    return bool(rest) and all(isinstance(n, DateRange) for n in rest)


def _prefixed(query: Query) -> bool:
    """True when a word of the query's MATCH part is a prefix (`harbour*`)."""
    def walk(node: Node) -> bool:
        if isinstance(node, Term):
            return node.prefix
        if isinstance(node, Not):
            return walk(node.node)
        assert isinstance(node, And | Or)
        return any(walk(n) for n in node.nodes)
    return any(walk(n) for n in _children(query) if _pure(n) or (isinstance(n, Not) and _pure(n.node)))


def _pure(node: Node) -> bool:
    """True when `node` is a pure FTS5 expression (terms under AND/OR, NOT only beside a positive term)."""
    if isinstance(node, Term):
        return True
    if isinstance(node, Or):
        return all(_pure(n) for n in node.nodes)
    if isinstance(node, And):
        positive = [n for n in node.nodes if not isinstance(n, Not)]
        negative = [n.node for n in node.nodes if isinstance(n, Not)]
        return bool(positive) and all(_pure(n) for n in positive) and all(_pure(n) for n in negative)
    return False


def _fts(node: Node, in_quotes: bool, forms: Forms | None) -> str:
    if isinstance(node, Term):
        return fts_term(node, in_quotes, forms)
    if isinstance(node, Or):
        return "(" + " OR ".join(_fts(n, in_quotes, forms) for n in node.nodes) + ")"
    assert isinstance(node, And)
    positive = [n for n in node.nodes if not isinstance(n, Not)]
    negative = [n.node for n in node.nodes if isinstance(n, Not)]
    # `(p) NOT a NOT b`, not `((p NOT a) NOT b)`: NOT is left-associative, and a flat chain keeps FTS5's
    # parser stack flat however many words are excluded.
    return "((" + " AND ".join(_fts(n, in_quotes, forms) for n in positive) + ")" \
        + "".join(f" NOT {_fts(n, in_quotes, forms)}" for n in negative) + ")"


def _sql(node: Node, in_quotes: bool, params: list[Any], fts: str = "fts", row: str = "a.id",
         forms: Forms | None = None) -> str:
    if isinstance(node, DateRange):
        parts = []
        if node.start:
            parts.append("a.date >= ?")
            params.append(node.start.isoformat())
        if node.end:
            parts.append("a.date <= ?")
            params.append(node.end.isoformat())
        # `a.date IS NOT NULL` first, so that NOT(date range) is true for undated articles.
        return "(a.date IS NOT NULL AND " + " AND ".join(parts) + ")" if parts else "1"
    if _pure(node):
        params.append(_fts(node, in_quotes, forms))
        return f"{row} IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ?)"
    if isinstance(node, Not):
        return f"NOT ({_sql(node.node, in_quotes, params, fts, row, forms)})"
    joiner = " AND " if isinstance(node, And) else " OR "
    assert isinstance(node, And | Or)
    return "(" + joiner.join(_sql(n, in_quotes, params, fts, row, forms) for n in node.nodes) + ")"


def compile_query(query: Query, fts: str = "fts", row: str = "a.id",
                  forms: Forms | None = None) -> tuple[str | None, str, list[Any]]:
    """(FTS5 MATCH expression or None, SQL condition on `a`, its parameters) for a parsed query.

    `fts` is the full-text table (`qfts` for quotes) and `row` the column its rowid joins; `forms` gives
    a plain word's other forms (`Index.forms`; without it, words match only as written).
    """
    if query.root is None:
        return None, "1", []
    children = _children(query)
    fts_parts = [n for n in children if _pure(n)]
    rest = [n for n in children if not _pure(n)]
    # Negations of pure terms fold into the MATCH when there is a positive part to subtract from.
    negated = [n for n in rest if isinstance(n, Not) and _pure(n.node)] if fts_parts else []
    rest = [n for n in rest if n not in negated]
    match = None
    if fts_parts:
        match = " AND ".join(_fts(n, query.in_quotes, forms) for n in fts_parts)
        if negated:  # a flat chain, as in _fts
            match = f"({match})" + "".join(f" NOT {_fts(n.node, query.in_quotes, forms)}" for n in negated
                                           if isinstance(n, Not))
    params: list[Any] = []
    where = " AND ".join(_sql(n, query.in_quotes, params, fts, row, forms) for n in rest) or "1"
    return match, where, params


# --- opening -------------------------------------------------------------------------------------------


def indexed_root(cache: Path, path: str, limit: int = 20, resolve: bool = True) -> str | None:
    """The library root under which a cached index holds the file `path`, or None: `show` then cites
    the file as the reader and `quotes` do (its section folder is the one below that root). When several indexes
    hold it (`list lib` and, once, `list lib/Asia`), the outermost root is the library: a folder of it looked at on
    its own does not take its files' sections away.

    Without `resolve`, the path is taken as given, its links not followed: a file reached through a folder that is
    now a link out of a library is under that library still, where reading it is refused.

    The `limit` most recently used caches are read, never written. One that another process has open (the
    reader: its write-ahead log is beside it) is read with that log, where its newest files are; the others
    `immutable`, so that no journal is made. A file no index holds yet (added since) takes the outermost
    folder above it that an index holds files under: the library it will be read in.
    """
    real = os.path.realpath(path)
    try:
        caches = sorted((e for e in os.scandir(cache) if e.name.startswith("index-") and e.name.endswith(".sqlite")
                         and e.is_file(follow_symlinks=False)), key=lambda e: e.stat().st_mtime, reverse=True)
    except OSError:
        return None
    keys: list[tuple[str, bytes]] = []
    if not resolve:  # the folders the path names on its way, links and all (`lib/sub/a.txt`, `sub` a link)
        real = os.path.abspath(path)
    folder = os.path.dirname(real)
    while True:
        keys.append((folder, _key(Entry(folder, real, os.path.relpath(real, folder)))))
        if os.path.dirname(folder) == folder:
            break
        folder = os.path.dirname(folder)
    found: tuple[int, str] | None = None  # (how far up, the folder) of the outermost root holding the file
    under: tuple[int, str] | None = None  # … of the outermost root holding files above it
    for entry in caches[:limit]:
        live = os.path.isfile(entry.path + "-wal") and os.path.isfile(entry.path + "-shm")
        try:
            db = sqlite3.connect(f"{Path(entry.path).as_uri()}?mode=ro{'' if live else '&immutable=1'}", uri=True)
        except sqlite3.Error:
            continue
        try:
            if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                continue
            for up in range(len(keys) - 1, found[0] if found else -1, -1):  # the outermost first
                root, key = keys[up]
                if db.execute("SELECT 1 FROM files WHERE rel = ?", (key,)).fetchone():
                    found = (up, root)
                    break
            if found is not None and resolve:
                continue
            for up in range(len(keys) - 1, under[0] if under else -1, -1):
                root = keys[up][0]
                prefix = _real(root) + b"\0"
                if db.execute("SELECT 1 FROM files WHERE rel >= ? AND rel < ? LIMIT 1",
                              (prefix, prefix[:-1] + b"\1")).fetchone():
                    under = (up, root)
                    break
        except sqlite3.Error:
            continue
        finally:
            db.close()
    if not resolve and found and under and under[0] > found[0]:
        return under[1]  # a library above the folder that holds the file as its own index does: `lib/sub/a.txt`,
        # `sub` a link to a folder indexed on its own: it is read under `lib`, where the link out is refused
    return found[1] if found else under[1] if under else None


def open_library_index(path: Path | None, verify: bool) -> tuple[Index, str | None]:
    """Open the library's cached index at `path`, else one in memory: (the index, a line for the user or None).

    The cache is only a cache: when it cannot be used (its folder is a file or another user's, the disk is
    read-only, the file is a link or not ours) the index is kept in memory and the line says why. The line
    also tells when the cache folder was open to others and was made user-only. `None` is private: memory.
    """
    if path is None:
        return open_index(None), None
    note = None
    try:
        note = private_folder(path.parent)
        return open_index(path, verify), note
    except (OSError, sqlite3.Error) as exc:
        return open_index(None), "; ".join(filter(None, [cache_warning(path, exc), note]))


def use_library_index(path: Path | None, use: Callable[[Index], T], warn: Callable[[str], None],
                      index: Index | None = None, verify: bool = False) -> tuple[Index, T]:
    """Open the library's index at `path` (or take `index`, already open there) and `use` it, recovering as
    a cache may: (the index in the end, what `use` returned). The one way the command line and the reader
    open and refresh an index.

    A damaged cache shows itself as an error (reading every page first would cost a third of a second at
    100,000 articles): it is then checked, and rebuilt if bad, and `use` runs again. A cache that still
    fails, or a disk that cannot be written (read-only, full), gives way to an index in memory, and `warn`
    says why, once. The index is left open for the caller, who closes it.
    """
    for attempt in range(3):
        if index is None:
            index, warning = open_library_index(path, verify=verify or attempt > 0)
            if warning:
                warn(warning)
        try:
            return index, use(index)
        except sqlite3.Error as exc:
            index.close()
            index = None
            if path is None:
                raise
            if attempt or not cache_damaged(exc):  # checked and still failing, or the disk: use memory
                warn(cache_warning(path, exc))
                path = None
        except BaseException:
            index.close()
            raise
    raise AssertionError("unreachable: the third attempt is in memory")


def cache_warning(path: Path, exc: BaseException) -> str:
    """One line saying the index is kept in memory, and why the cache at `path` could not be used."""
    if isinstance(exc, OSError) and exc.strerror:
        why = f"{exc.filename or path}: {exc.strerror}"
    elif isinstance(exc, sqlite3.Error):
        why = f"{path}: {exc}"
    else:
        why = str(exc)
    return sanitize.clean_line(f"search index kept in memory: {why}")


def cache_damaged(exc: sqlite3.Error) -> bool:
    """True when an error says the cache is damaged or foreign (rebuild it), not that it cannot be written."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code is None or code & 0xFF in _DAMAGE


_DAMAGE = frozenset({sqlite3.SQLITE_ERROR, sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_SCHEMA,
                     sqlite3.SQLITE_MISMATCH, sqlite3.SQLITE_FORMAT})
"""Primary result codes of a bad file. The rest (read-only, full, I/O, cannot open, busy) are about the disk."""


def open_index(path: Path | None, verify: bool = True) -> Index:
    """Open (or create) the index at `path`, or in memory when `path` is None; rebuild a bad file.

    `verify` reads every page first (SQLite's quick_check: 0.3 s at 100,000 articles); the reader
    skips it to list the library at once, and calls `Index.healthy()` afterwards. The file and its
    journals must be regular files of ours (never a link); a file that cannot be written raises.
    """
    if path is None:
        db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        _create(db)
        return Index(db, None)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with folder_lock(path.parent):  # two commands started together: one creates the file, the other waits
        return _open_file(path, verify)


def _open_file(path: Path, verify: bool) -> Index:
    """`open_index` for a file, while no other process is opening it (a cache rebuilt under another
    one's feet, or its journal mode switched, fails with "disk I/O error" or "database is locked")."""
    for attempt in range(2):
        for companion in _companions(path):  # SQLite opens these by name: they must not be links
            private_file(companion, create=companion == path)
        conn: sqlite3.Connection | None = None
        try:
            conn = db = sqlite3.connect(str(path), timeout=30, isolation_level=None, check_same_thread=False)
            app_id = db.execute("PRAGMA application_id").fetchone()[0]
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if app_id == 0 and version == 0 and not db.execute("SELECT 1 FROM sqlite_master").fetchone():
                db.execute("PRAGMA journal_mode=WAL")
                _create(db)
                return Index(db, path)
            if app_id == APPLICATION_ID and version == USER_VERSION:
                if verify and db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                    raise sqlite3.DatabaseError("damaged")
                if not _schema_ok(db):
                    raise sqlite3.DatabaseError("tables missing or changed")
                db.execute("BEGIN IMMEDIATE")  # a read-only disk or file fails here, not halfway through a refresh
                db.execute("COMMIT")
                return Index(db, path)
        except sqlite3.DatabaseError as exc:
            if conn is not None:
                conn.close()
            if not cache_damaged(exc):
                raise
        else:
            conn.close()
        if attempt == 0:  # foreign, newer or corrupt: it is only a cache, so start again
            for companion in _companions(path):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(companion)
    raise OSError(f"cannot create the search index at {path}")


def _companions(path: Path) -> list[Path]:
    """The cache file and the journals SQLite keeps beside it."""
    return [path, *(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal"))]


def _create(db: sqlite3.Connection) -> None:
    """Create the tables unless they are there. One script, not a statement at a time: each statement lets go of
    Python's lock and waits for it again (5 ms while the reader draws its first screen), which made an index in
    memory take 170 ms to create instead of 60."""
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'files'").fetchone() is not None:
        return
    hash_size = "".join(f"INSERT INTO {t}({t}, rank) VALUES ('hashsize', {HASH_SIZE}); " for t in ("fts", "qfts"))
    try:
        db.executescript(f"BEGIN IMMEDIATE; {_SCHEMA}; {hash_size}PRAGMA application_id = {APPLICATION_ID}; "
                         f"PRAGMA user_version = {USER_VERSION}; COMMIT;")
    except BaseException:
        _rollback(db)
        if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'files'").fetchone() is None:
            raise  # else another process created them first, between the look and the script


def _rollback(db: sqlite3.Connection) -> None:
    """Roll back after a failed write, if SQLite has not already: a full disk ends the transaction itself,
    and a second error ("no transaction is active") would hide the real one."""
    if db.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            db.execute("ROLLBACK")


def _schema(db: sqlite3.Connection) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Every table, index, view and trigger in the file: name -> (type, column names)."""
    rows = db.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite!_%' ESCAPE '!'").fetchall()
    columns = {kind: f"SELECT name FROM pragma_{'index' if kind == 'index' else 'table'}_info(?)" for kind, _ in rows}
    return {name: (kind, tuple(c for (c,) in db.execute(columns[kind], (name,)))) for kind, name in rows}


@functools.cache
def _expected_schema() -> dict[str, tuple[str, tuple[str, ...]]]:
    db = sqlite3.connect(":memory:", isolation_level=None)
    try:
        _create(db)
        return _schema(db)
    finally:
        db.close()


def _schema_ok(db: sqlite3.Connection) -> bool:
    """True when the file holds exactly our tables (with the full-text ones), columns and indexes.

    A file with our marks but a table dropped or changed would fail later, in the middle of a refresh.
    """
    return _schema(db) == _expected_schema()
