"""The library session: the reader's service for one library, with no widgets (docs/reader.md).

It owns the search index (opening, recovering, refreshing), the watcher thread, the parse worker
processes, a small cache of parsed articles and the loading of large ones, and it is the quote finder's
source. Its methods block and are safe from any thread: the reader calls them from Textual workers, never
from the UI thread. It reports to the UI with messages (`LibraryListed`, `IndexProgress`, `ArticleLoaded`,
`Warning`), posted to the `post` callable it was started with (a screen's `post_message`, which is safe
from any thread).
"""

from __future__ import annotations

import bisect
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from textual.cache import LRUCache
from textual.message import Message

from briefing_tui.core.library.scan import Entry, load_entry, sort_key
from briefing_tui.core.library.watch import Watcher
from briefing_tui.core.library.workers import ParsePool, index_workers
from briefing_tui.core.model import Article, Listed, Problem
from briefing_tui.core.search.hints import empty_hint, facts_of
from briefing_tui.core.search.index import (
    Index,
    QuoteHit,
    RefreshStats,
    Result,
    index_path,
    use_library_index,
)
from briefing_tui.core.search.query import Query
from briefing_tui.core.search.suggest import did_you_mean, library_of
from briefing_tui.core.user.config import Settings, cache_dir
from briefing_tui.core.user.state import library_key

BIG_FILE = 2_000_000
"""Files larger than this (bytes) open with their beginning first; the whole is parsed in a worker."""
BIG_HEAD = 24_000
"""How much of a large file (characters) the first screen is parsed from: a little more than the view lays out
at once (`FIRST_LAYOUT`), ten screens or so. Every character more costs the quote rules' time before anything
shows (0.35 ms a quote: a 100,000-character head of quote-dense text took 0.3 s)."""
SMALL_FILE = 64 * 1024
"""Files up to this size (bytes) parse in the calling thread: linear parsers read them in milliseconds
(a pathological one in about a second of shared CPU, the screen still drawn), with no process to wait for.
Larger ones parse in a worker process that is stopped at the CPU budget."""
PARSED_CACHE = 16
"""Parsed articles kept for going back and forth; the rest of the library is only listed."""
FIRST_WAIT = 0.5
"""Seconds a warm start waits for its newest article to be on screen before it lists the library, so that listing
100,000 articles does not take the time of parsing and drawing that one (newest article on screen 0.63 s; 0.50 s
when the listing waits, in one sitting of stop 35; in turns at stop 36, with bytecode cached, 0 and 0.5 s were
level: 0.61-0.69 s against 0.54-0.76 s)."""
LISTED_WAIT = 2.0
"""Seconds a warm start waits for the reader to show its listing before it checks every file on disk: the
check (a walk and a stat of each file, in Python) took the screen's time while it grouped 100,000 articles
(whole listing on screen 1.75 s; the check only waits for it)."""
PATCHED = 1000
"""A change to at most this many files mends the last listing (`_patched`); a larger one lists the index again."""
EARLY_LISTING = 4
"""While a first start indexes, what is stored so far is listed after the first batch, then each time it has
grown this many times over, while it is at most this fraction of the whole: the reader shows articles within
a second or two, and listing the parts costs at most a third of listing the whole once (1/4 + 1/16 + …)."""


class LibrarySession:
    """One library as the reader uses it: listed, indexed, watched, and read article by article."""

    @dataclass
    class LibraryListed(Message):
        """The library as the index now lists it; `changed` holds the keys of files parsed or removed."""

        listing: list[Listed]
        problems: list[Problem]
        changed: frozenset[bytes]
        indexing: bool = False
        """A first start is still indexing: this is the part of the library stored so far, and more follows."""

    @dataclass
    class IndexProgress(Message):
        """A cold start's indexing: `done` of `total` files parsed."""

        done: int
        total: int

    @dataclass
    class ArticleLoaded(Message):
        """A large article has been parsed whole (its beginning was shown first)."""

        listed: Listed
        article: Article

    @dataclass
    class Warning(Message):
        """Something the user should know once: the cache cannot be used, and the index is in memory."""

        text: str

    @dataclass
    class Checked(Message):
        """The library was checked against the disk (at start, or `r`): `files` seen, `parsed` read again
        (new or changed), `removed` gone."""

        files: int
        parsed: int
        removed: int

    def __init__(self, paths: list[str], settings: Settings) -> None:
        self.paths = paths
        self.settings = settings
        self.index: Index | None = None
        self.listing: list[Listed] = []
        """The library's articles as listed, newest first (as last reported)."""
        self.problems: list[Problem] = []
        self.watch_mode = ""
        """How the library is watched for changes: `inotify` or `polling` (empty until it starts)."""
        self._post: Callable[[Message], object] = lambda message: None
        self._ready = threading.Event()
        """Set once the first refresh is done: searches and the quote finder wait for it."""
        self._stopping = threading.Event()
        self._first_shown = threading.Event()
        """Set once the reader has an article on screen (`article_shown`): a warm start lists after it."""
        self._listing_shown = threading.Event()
        """Set when the reader has shown a listing (`listing_shown`): a warm start checks the disk after it."""
        self._watch_thread: threading.Thread | None = None
        self._by_id: dict[str, Listed] = {}
        self._parsed: LRUCache[str, Article] = LRUCache(PARSED_CACHE)
        self._parsed_lock = threading.Lock()
        """Guards `_parsed` (Textual's LRUCache is not thread-safe): workers, the loader and the watcher use it."""
        self._refresh_lock = threading.Lock()
        """One refresh and its report at a time (the watcher, `r`): listings are reported in order."""
        self._progress_at = 0.0
        self._list_at: int | None = None
        """While a first start indexes: the files stored at which the part stored so far is listed next."""
        self._pool = ParsePool(index_workers(), settings.parse_budget)
        """Parses for index refreshes (the index runs one refresh at a time)."""
        self._reading_pool = ParsePool(1, settings.parse_budget)
        """Parses the article being opened; `_reading_lock` lets one thread use it at a time."""
        self._whole_pool = ParsePool(1, settings.parse_budget)
        """Parses a large article whole while its beginning is on screen (the reader asks for one at a time)."""
        self._reading_lock = threading.Lock()
        self._roots = {os.path.realpath(p): p for p in reversed(paths)}

    @property
    def ready(self) -> bool:
        """True once the library has been checked against the disk (the first refresh is done)."""
        return self._ready.is_set()

    def close(self) -> None:
        """Stop watching and stop every parse under way: quitting never waits for one."""
        self._stopping.set()
        for pool in (self._pool, self._reading_pool, self._whole_pool):
            pool.close()

    # --- the library -------------------------------------------------------------------------------------

    def load(self, post: Callable[[Message], object], first: Callable[[Listed], None] | None = None) -> None:
        """List the library from its index at once, then bring the index up to date and watch for changes.

        A warm start reads no article file: the listing comes from the index (and `first` gets the newest
        article before the rest is listed), and a stat-only pass then finds what changed since. A cold start
        parses every file (on every core), reporting `IndexProgress`. Blocks until the first refresh is done.
        """
        self._post = post
        self._ready.clear()
        if self.index is None:
            path = None if self.settings.private else index_path(cache_dir(), library_key(self.paths))
            self.index, _ = use_library_index(path, lambda index: None, self._warn)
        shown = False
        try:
            newest = self.index.newest()
            if newest is not None and first is not None:  # on screen while the rest of the library is listed
                first(newest)
                self._first_shown.wait(FIRST_WAIT)
            self._listing_shown.clear()
            shown = self._report(frozenset(), always=False)
            if shown:
                self._listing_shown.wait(LISTED_WAIT)
        except sqlite3.DatabaseError:
            pass
        watcher = None
        if self._watch_thread is None:  # watching starts before the check, so no change falls between
            watcher = Watcher(self.paths, poll_interval=self.settings.poll_interval, use_inotify=not self.settings.poll)
            self.watch_mode = watcher.mode
        verify = self.index.path is not None and not self.index.healthy()
        if verify:  # damaged: it is only a cache, so it is checked again and rebuilt
            self.index.close()
            self.index = None
            shown = False
        with self._refresh_lock:
            self._list_at = None if shown else 1
            try:
                stats = self._refresh(progress=None if shown else self._progress, verify=verify)
            finally:
                self._list_at = None
            if stats.keys or not shown or self._problems_changed():  # a folder swapped for a link out of the
                # library: no file changed, but `r` finds it a problem, as `check` does
                # What a first start listed early is no change to the reader (its article is not read again).
                early = frozenset() if shown else frozenset(a.key for a in self.listing)
                self._report(stats.keys - early, always=True)
            self._post(self.Checked(stats.files, stats.parsed, stats.removed))
        self._ready.set()
        if watcher is not None:  # a plain thread, not a worker: it runs until the reader quits
            self._watch_thread = threading.Thread(target=self._watch, args=(watcher,), name="briefing-watch",
                                                  daemon=True)
            self._watch_thread.start()

    def article_shown(self) -> None:
        """The reader has put an article on screen (or found it could not): a warm start may list the library."""
        self._first_shown.set()

    def listing_shown(self) -> None:
        """The reader has shown the listing it was sent: a warm start may check the library against the disk."""
        self._listing_shown.set()

    def warm_up(self) -> None:
        """Start the reading worker now (after the first screen), so the first large article opens at once."""
        self._reading_pool.warm_up()

    def forget_parsed(self) -> None:
        """Drop the parsed articles (`r`: every file is checked again)."""
        with self._parsed_lock:
            self._parsed.clear()

    def _refresh(self, folders: list[tuple[str, str]] | None = None,
                 progress: Callable[[int, int], None] | None = None, verify: bool = False) -> RefreshStats:
        """Refresh the index, recovering as a cache may (a damaged file is rebuilt; a disk that fails gives
        way to an index in memory, said once)."""
        path = None if self.settings.private else index_path(cache_dir(), library_key(self.paths))

        def refresh(index: Index) -> RefreshStats:
            return index.refresh(self.paths, self.settings.max_bytes, folders=folders if index is self.index else None,
                                 pool=self._pool, progress=progress)

        if self.index is not None and self.index.path is None:
            path = None
        self.index, stats = use_library_index(path, refresh, self._warn, index=self.index, verify=verify)
        return stats

    def _problems_changed(self) -> bool:
        """Whether the index's problems are no longer those last listed."""
        assert self.index is not None
        return [(p["id"], p["path"], p["reason"]) for p in self.index.problems()] != \
            [(p.id, p.path, p.reason) for p in self.problems]

    def _report(self, changed: frozenset[bytes], always: bool, indexing: bool = False, patch: bool = False) -> bool:
        """Post the listing; False (and nothing posted) when the index is empty and `always` is not set. With
        `patch` (a refresh of a few files), the last listing is mended where they changed instead of read again."""
        assert self.index is not None
        listing = self._patched(changed) if patch and len(changed) <= PATCHED else self.index.listing()
        problems = [Problem(p["id"], p["path"], p["reason"]) for p in self.index.problems()]
        if not (always or listing or problems):
            return False
        self.listing, self.problems = listing, problems
        self._by_id = {a.id: a for a in listing}
        with self._parsed_lock:
            for ident in [i for i in list(self._parsed.keys()) if (self._by_id.get(i) is None
                                                                   or self._by_id[i].key in changed)]:
                self._parsed.discard(ident)
        self._post(self.LibraryListed(listing, problems, changed, indexing))
        return True

    def _patched(self, changed: frozenset[bytes]) -> list[Listed]:
        """The last listing with the articles of the changed files taken out and what the index now holds for
        them put in their places: the same list `Index.listing()` gives, in a few milliseconds instead of half a
        second at 100,000 articles (a file saved in a watched folder is listed that much sooner)."""
        assert self.index is not None
        # Each article's key is made when asked for: asked only of those whose id is one of the changed paths
        # (or whose path is not its id encoded back), not of all 100,000.
        paths = {os.fsdecode(key.partition(b"\0")[2]) for key in changed}
        listing = [a for a in self.listing
                   if not ((a.id in paths or a.raw_id is not None) and a.key in changed)]
        for article in self.index.listed_keys(changed):
            bisect.insort(listing, article, key=sort_key)
        return listing

    def _warn(self, text: str) -> None:
        self._post(self.Warning(text))

    def _progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done == total or now - self._progress_at > 0.1:
            self._progress_at = now
            self._post(self.IndexProgress(done, total))
        if (self._list_at is not None and self._list_at <= done and EARLY_LISTING * done <= total
                and not self._stopping.is_set()):
            self._list_at = EARLY_LISTING * done  # the part stored so far, listed: the reader opens on it
            self._report(frozenset(), always=False, indexing=True)

    def _watch(self, watcher: Watcher) -> None:
        """Refresh the index and report the listing whenever files change, until the reader quits."""
        try:
            while not self._stopping.is_set():
                changed, where = watcher.wait(0.25)
                if not changed or self.index is None or self._stopping.is_set():
                    continue
                started = time.monotonic()
                with self._refresh_lock:
                    stats = self._refresh(folders=where)
                    if stats.keys and not self._stopping.is_set():
                        self._report(stats.keys, always=True, patch=True)
                if where is None:  # polling: never spend more than a fifth of the time on it
                    watcher.poll_interval = max(self.settings.poll_interval, 5 * (time.monotonic() - started))
        finally:
            watcher.close()

    def listed(self, article_id: str) -> Listed | None:
        """The listed article with this id, if the library still holds it."""
        return self._by_id.get(article_id)

    # --- articles ----------------------------------------------------------------------------------------

    def cached(self, listed: Listed) -> Article | None:
        """The article if it was parsed lately (and has not changed since)."""
        with self._parsed_lock:
            return self._parsed.get(listed.id)

    def load_article(self, listed: Listed, cancelled: Callable[[], bool] = lambda: False) -> Article | Problem | None:
        """Parse an article: a small one in this thread, a larger one in the reading worker process (None when
        `cancelled` says nobody waits for it any more). A file over BIG_FILE bytes gives its beginning first
        (a first screen in a tenth of a second): `parse_whole` parses the rest.
        """
        entry = self.entry(listed)
        big = listed.size > BIG_FILE
        if listed.size <= SMALL_FILE:  # in this thread: no process to wait for, and it cannot be long
            result: Article | Problem | None = load_entry(entry, self.settings.max_bytes)
        else:
            with self._reading_lock:
                if cancelled():  # a newer request came while this one waited
                    return None
                result = next(self._reading_pool.parse([entry], self.settings.max_bytes,
                                                       head=BIG_HEAD if big else None), None)
        if isinstance(result, Article) and not big:
            with self._parsed_lock:
                self._parsed.set(listed.id, result)
        return None if self._stopping.is_set() else result

    def parse_whole(self, listed: Listed) -> None:
        """Parse a large article whole (its beginning is on screen), then post `ArticleLoaded`."""
        result = next(self._whole_pool.parse([self.entry(listed)], self.settings.max_bytes), None)
        if isinstance(result, Article) and not self._stopping.is_set():
            with self._parsed_lock:
                self._parsed.set(listed.id, result)
            self._post(self.ArticleLoaded(listed, result))

    def entry(self, listed: Listed) -> Entry:
        """Where a listed article's file is: under the root as the user gave it."""
        real_root, _, raw_id = listed.key.partition(b"\0")
        root = os.fsdecode(real_root)
        ident = os.fsdecode(raw_id)
        shown_root = self._roots.get(root, root)
        return Entry(shown_root, os.path.join(shown_root, ident), ident)

    # --- searching (waits for the first refresh) -----------------------------------------------------------

    def search(self, query: Query, limit: int) -> tuple[int, list[Result], dict[str, int]]:
        """(total matches, the best `limit` results, matches per month); sqlite3.Error for a query the
        engine refuses."""
        index = self._ready_index()
        if index is None:
            return 0, [], {}
        total, results = index.search(query, limit=limit)
        return total, results, index.hits_per_month(query)

    def matching_ids(self, query: Query) -> list[str]:
        """The ids of the articles a query matches (a saved search's group); sqlite3.Error for a query the
        engine refuses."""
        index = self._ready_index()
        return index.matching_ids(query) if index is not None else []

    def find_quotes(self, query: Query | None, limit: int | None) -> tuple[int, list[QuoteHit]]:
        """Quotes from the index for the quote finder's export."""
        index = self._ready_index()
        return index.find_quotes(query, limit) if index is not None else (0, [])

    def quote_ids(self, query: Query | None) -> Sequence[int]:
        """Every matching quote's id, in the finder's order."""
        index = self._ready_index()
        return index.quote_ids(query) if index is not None else []

    def quote_hits(self, ids: Sequence[int]) -> list[QuoteHit | None]:
        """The finder's rows for these ids."""
        index = self._ready_index()
        return index.quote_hits(ids) if index is not None else [None] * len(ids)

    def quote_hint(self, query: Query, typing: bool = False) -> str | None:
        """Why a quote filter found nothing, and the nearest thing that exists (a few reads of the index);
        `typing`: its last word is matched as a prefix while it is typed."""
        index = self._ready_index()
        if index is None:
            return None
        return empty_hint(query, facts_of(index, quotes=True, elsewhere=True), typing)

    def search_hint(self, query: Query, typing: bool = False) -> str | None:
        """Why a search found no article, and the nearest thing that exists (`typing` as for `quote_hint`)."""
        index = self._ready_index()
        if index is None:
            return None
        return empty_hint(query, facts_of(index), typing)

    def suggestion(self, query: Query, total: int, quotes: bool = False) -> str | None:
        """The query with a word that finds nothing replaced by the nearest word the library holds (did you
        mean…), given what `query` found (`total` articles, or quotes), or None."""
        index = self._ready_index()
        return did_you_mean(query, total, library_of(index, quotes)) if index is not None else None

    def _ready_index(self) -> Index | None:
        self._ready.wait()
        return self.index


__all__ = ["BIG_FILE", "BIG_HEAD", "PARSED_CACHE", "SMALL_FILE", "LibrarySession"]
