"""The index owns its concurrency: searches go on while a refresh parses, and on disk even while it stores."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing_tui.core.model import Article, Problem
from briefing_tui.core.search import index as index_module
from briefing_tui.core.search.index import open_index
from briefing_tui.core.search.query import parse

WAIT = 20.0
"""Generous: only a deadlock reaches it, and then the test fails instead of hanging."""


def _library(root: Path, n: int, first: int = 0) -> None:
    for i in range(first, n):
        (root / f"a{i:03}.md").write_text(f"---\ntitle: Harbour {i}\ndate: 2024-01-{i % 28 + 1:02}\n---\n\n"
                                          f"The harbour master said \"all is calm\" on day {i}.\n", encoding="utf-8")


def _in_thread(work: object) -> tuple[threading.Thread, list[object]]:
    out: list[object] = []
    thread = threading.Thread(target=lambda: out.append(work()), daemon=True)  # type: ignore[operator]
    thread.start()
    return thread, out


@pytest.mark.parametrize("on_disk", [True, False], ids=["disk", "memory"])
def test_a_search_answers_while_a_refresh_is_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     on_disk: bool) -> None:
    lib = tmp_path / "lib"
    lib.mkdir()
    _library(lib, 5)
    index = open_index(tmp_path / "index.sqlite" if on_disk else None)
    index.refresh([str(lib)])
    _library(lib, 12, first=5)  # seven new files for the next refresh to parse
    parsing, release = threading.Event(), threading.Event()
    real_parse_all = index_module.parse_all

    def slow_parse_all(*args: object, **kwargs: object) -> Iterator[Article | Problem]:
        parsing.set()
        assert release.wait(WAIT)
        yield from real_parse_all(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(index_module, "parse_all", slow_parse_all)
    refresh, stats = _in_thread(lambda: index.refresh([str(lib)]))
    assert parsing.wait(WAIT)
    search, found = _in_thread(lambda: index.search(parse("harbour"), limit=50))
    search.join(WAIT)
    assert not search.is_alive(), "a search waited for a refresh that was parsing"
    assert found[0][0] == 5  # type: ignore[index]
    release.set()
    refresh.join(WAIT)
    assert stats[0].parsed == 7  # type: ignore[attr-defined]
    assert index.search(parse("harbour"), limit=50)[0] == 12
    index.close()


def test_on_disk_a_search_does_not_wait_for_a_batch_being_stored(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    lib.mkdir()
    _library(lib, 3)
    index = open_index(tmp_path / "index.sqlite")
    index.refresh([str(lib)])
    storing, done = threading.Event(), threading.Event()

    def hold_the_write_lock() -> None:
        with index._write():  # a batch being stored: SQLite's write lock and the index's
            storing.set()
            done.wait(WAIT)

    holder = threading.Thread(target=hold_the_write_lock, daemon=True)
    holder.start()
    assert storing.wait(WAIT)
    reads, answers = _in_thread(lambda: (index.listing(), index.find_quotes(None), index.problems()))
    reads.join(WAIT)
    alive = reads.is_alive()
    done.set()
    holder.join(WAIT)
    assert not alive, "a read waited for the write lock"
    listing, (quotes, _), problems = answers[0]  # type: ignore[misc]
    assert len(listing) == 3 and quotes == 3 and problems == []
    index.close()


def test_one_refresh_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two refreshes at once (the watcher and `r`) run one after the other: each file is stored once."""
    lib = tmp_path / "lib"
    lib.mkdir()
    _library(lib, 6)
    index = open_index(tmp_path / "index.sqlite")
    first, second = _in_thread(lambda: index.refresh([str(lib)])), _in_thread(lambda: index.refresh([str(lib)]))
    for thread, _ in (first, second):
        thread.join(WAIT)
    parsed = sorted(out[0].parsed for _, out in (first, second))  # type: ignore[attr-defined]
    assert parsed == [0, 6]
    assert index.article_count() == 6 and index.file_count() == 6
    index.close()


def test_commands_started_together_share_one_new_cache(tmp_path: Path) -> None:
    """Several processes opening a cache that does not exist yet (two `briefing` commands started together):
    one creates it and the others open that file. Each opener was alone in the file before: one could read
    the header half before and half after another's creation, take the file for foreign and delete it under
    the other's feet ("disk I/O error", a refresh stored into a deleted file, a search counting too few)."""
    for round_ in range(20):  # threads race as processes do: each has its own connections and lock
        path = tmp_path / f"c{round_}" / "index.sqlite"
        start = threading.Barrier(6)
        errors: list[BaseException] = []
        inodes: list[int] = []
        threads = [threading.Thread(target=_open_at_once, args=(path, start, inodes, errors), daemon=True)
                   for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(WAIT)
        assert not errors, (round_, errors)
        assert len(inodes) == 6 and len(set(inodes)) == 1, (round_, inodes)  # never deleted and made again


def _open_at_once(path: Path, start: threading.Barrier, inodes: list[int], errors: list[BaseException]) -> None:
    start.wait()
    try:
        index = open_index(path, verify=False)
        inodes.append(path.stat().st_ino)
        index.close()
    except BaseException as exc:  # reported by the test's assertion
        errors.append(exc)
