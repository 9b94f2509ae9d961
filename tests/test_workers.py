"""Parsing in killable worker processes: order, the CPU budget, fallback, and closing mid-parse."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

import pytest

from briefing_tui.core.library import forkserver
from briefing_tui.core.library.forkserver import ForkedWorker
from briefing_tui.core.library.scan import Entry, load_entry, walk
from briefing_tui.core.library.workers import ParsePool, parse_here
from briefing_tui.core.model import Article, Problem
from tests.conftest import SEEDS, write

SLOW = "[" * 1_000_000
"""A Markdown file that takes tens of seconds of CPU to parse (linearly): far over a small budget."""


def entries(folder: Path) -> list[Entry]:
    return sorted(walk(str(folder)), key=lambda e: e.id)


def test_the_pool_gives_what_parsing_here_gives_in_order() -> None:
    found = entries(SEEDS)
    with ParsePool(2) as pool:
        got = list(pool.parse(found))
        assert not pool.in_process
        again = list(pool.parse(found[:2]))  # the same workers serve a second call
    assert got == [load_entry(e) for e in found]
    assert again == got[:2]


def test_a_file_over_the_cpu_budget_becomes_a_problem_and_the_rest_parse(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "A\n\n“Fine,” said Anna Berg.\n")
    write(tmp_path / "b-slow.md", SLOW)
    write(tmp_path / "c.txt", "C\n\nBody.\n")
    with ParsePool(1, budget=0.5) as pool:
        results = list(pool.parse(entries(tmp_path)))
    assert [type(r).__name__ for r in results] == ["Article", "Problem", "Article"]
    assert isinstance(results[1], Problem) and "took too long to read" in results[1].reason
    assert isinstance(results[2], Article) and results[2].title == "C"


def test_parsing_here_on_the_main_thread_has_the_same_budget(tmp_path: Path) -> None:
    (entry,) = entries(write(tmp_path / "slow.md", SLOW).parent)
    started = time.process_time()
    result = parse_here(entry, budget=0.5)
    assert isinstance(result, Problem) and "took too long to read" in result.reason
    assert time.process_time() - started < 10  # stopped, not run to its end (tens of seconds)


def test_no_worker_can_start_so_files_parse_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused() -> int:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refused)
    monkeypatch.setattr(sys, "executable", "/nonexistent/python")
    monkeypatch.setattr(forkserver, "worker", lambda: None)  # nor a fork server (one may run from another test)
    found = entries(SEEDS)[:3]
    with ParsePool(2) as pool:
        got = list(pool.parse(found))
        assert pool.in_process
    assert got == [load_entry(e) for e in found]


def test_close_from_another_thread_stops_a_parse_at_once(tmp_path: Path) -> None:
    for i in range(3):
        write(tmp_path / f"slow-{i}.md", SLOW)
    pool = ParsePool(1, budget=600)
    results: list[Article | Problem] = []
    worker = threading.Thread(target=lambda: results.extend(pool.parse(entries(tmp_path))))
    worker.start()
    while not pool._workers:  # wait until a worker is parsing
        time.sleep(0.01)
    pool.close()
    worker.join(timeout=10)
    assert not worker.is_alive() and results == []
    assert list(pool.parse(entries(tmp_path))) == []  # closed for good


def test_two_threads_sharing_a_pool_each_get_their_own_answers() -> None:
    found = entries(SEEDS)
    expected = [load_entry(e) for e in found]
    with ParsePool(1) as pool:
        got: dict[str, list[Article | Problem]] = {}
        threads = [threading.Thread(target=lambda k=k: got.__setitem__(k, list(pool.parse(found))))  # type: ignore[misc]
                   for k in ("a", "b", "c")]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
    assert got == {"a": expected, "b": expected, "c": expected}


@contextmanager
def a_second_thread() -> Iterator[None]:
    """This process has another thread meanwhile, as the reader has: a pool may not fork it."""
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def _parent(pid: int) -> int:
    with open(f"/proc/{pid}/stat", "rb") as f:
        return int(f.read().rsplit(b")", 1)[1].split()[1])


@pytest.mark.parametrize("threads", [1, 2])
def test_a_relative_library_path_parses_in_the_workers(monkeypatch: pytest.MonkeyPatch, threads: int) -> None:
    """`briefing seeds` from the project folder: the workers read from the caller's working folder, whether
    forked here or by the fork server (which started elsewhere and is told the folder with each request)."""
    with a_second_thread() if threads == 2 else nullcontext():
        forkserver.server()  # running before the caller moves
        monkeypatch.chdir(SEEDS.parent)
        found = entries(Path(SEEDS.name))
        with ParsePool(1) as pool:
            got = list(pool.parse(found))
            assert not pool.in_process
    assert got and all(isinstance(r, Article) for r in got), got


def test_a_caller_with_threads_has_its_workers_forked_by_the_fork_server(tmp_path: Path) -> None:
    """The reader has threads: its workers come from the process's fork server (the parsers imported once, no
    interpreter started for each), answer what parsing here answers, are killed over the budget and replaced,
    and are gone when the pool closes."""
    write(tmp_path / "a.txt", "A\n\n“Fine,” said Anna Berg.\n")
    write(tmp_path / "b-slow.md", SLOW)
    write(tmp_path / "c.txt", "C\n\nBody.\n")
    found = entries(tmp_path)
    with a_second_thread():
        server = forkserver.server()
        assert server is not None
        with ParsePool(2, budget=0.5) as pool:
            got = list(pool.parse(found))
            procs = [w.proc for w in pool._workers]
            assert len(procs) == 2 and all(isinstance(p, ForkedWorker) for p in procs), procs
            assert {_parent(p.pid) for p in procs} == {server.pid}
    assert [type(r).__name__ for r in got] == ["Article", "Problem", "Article"]
    assert got[0] == load_entry(found[0]) and got[2] == load_entry(found[2])
    assert isinstance(got[1], Problem) and "took too long to read" in got[1].reason
    assert not any(os.path.exists(f"/proc/{p.pid}") for p in procs), "a worker left behind"


def test_a_fork_server_that_died_is_started_again() -> None:
    found = entries(SEEDS)[:2]
    with a_second_thread():
        server = forkserver.server()
        assert server is not None
        os.kill(server.pid, signal.SIGKILL)
        with ParsePool(1) as pool:
            got = list(pool.parse(found))  # the request finds it gone: a new one forks the worker
            (proc,) = [w.proc for w in pool._workers]
            again = forkserver.server()
            assert again is not None and again.pid != server.pid
            assert isinstance(proc, ForkedWorker) and _parent(proc.pid) == again.pid
    assert got == [load_entry(e) for e in found]


def test_a_module_in_the_working_folder_is_never_imported_by_a_worker(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "briefing_tui"
    fake.mkdir()
    (fake / "__init__.py").write_text("raise SystemExit('imported from the working folder')\n")
    monkeypatch.chdir(tmp_path)
    with ParsePool(1) as pool:
        got = list(pool.parse(entries(SEEDS)[:1]))
        assert not pool.in_process and isinstance(got[0], Article)


FORKED_POOL = """
import sys, threading
from briefing_tui.core.library.scan import load_entry, walk
from briefing_tui.core.library.workers import ParsePool, _Forked
found = sorted(walk(sys.argv[1]), key=lambda e: e.id)
assert threading.active_count() == 1
with ParsePool(2, budget=0.5) as pool:
    got = list(pool.parse(found))
    # the one killed was replaced from the pool's reading thread: by the fork server, never a fork there
    assert sorted(type(w.proc).__name__ for w in pool._workers) == ["ForkedWorker", "_Forked"], pool._workers
    pids = [w.proc.pid for w in pool._workers]
print([type(r).__name__ for r in got])
print(got[0] == load_entry(found[0]) and got[2] == load_entry(found[2]))
print(got[1].reason)
import os
for pid in pids:  # every child reaped: none left behind
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        continue
    print("left behind", pid)
"""


def test_a_single_threaded_caller_forks_its_workers_with_the_same_budget(tmp_path: Path) -> None:
    """The command line has one thread: its workers are forked (nothing to import again), answer what
    parsing here answers, are killed over the budget, and are all gone when the pool closes."""
    write(tmp_path / "a.txt", "A\n\n“Fine,” said Anna Berg.\n")
    write(tmp_path / "b-slow.md", SLOW)
    write(tmp_path / "c.txt", "C\n\nBody.\n")
    done = subprocess.run([sys.executable, "-c", FORKED_POOL, str(tmp_path)], capture_output=True, text=True,
                          timeout=300, cwd=Path(__file__).parent.parent)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["['Article', 'Problem', 'Article']", "True",
                                        "took too long to read (over 0.5 s of CPU); skipped"]


def test_a_shape_is_made_in_the_workers_and_a_slow_file_is_still_a_problem(tmp_path: Path) -> None:
    """The index's rows are built where the file was parsed (a fresh interpreter imports the shape by name),
    and a file over its budget is still a Problem."""
    from briefing_tui.core.search.index import ArticleRows, article_rows

    write(tmp_path / "a.txt", "A\n\n“Fine,” said Anna Berg.\n")
    write(tmp_path / "b-slow.md", SLOW)
    found = entries(tmp_path)
    with ParsePool(1, budget=0.5, start="spawn") as pool:
        got = list(pool.parse(found, shape=article_rows))
    first = load_entry(found[0])
    assert isinstance(first, Article) and got[0] == article_rows(first)
    assert isinstance(got[0], ArticleRows) and got[0].quote_rows[0][3:5] == ("Fine,", "Anna Berg")
    assert isinstance(got[1], Problem) and "took too long to read" in got[1].reason
