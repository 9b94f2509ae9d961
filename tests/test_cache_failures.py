"""A cache that cannot be used never stops the CLI or the reader (issue #13, finding 5).

Each case goes on with an index in memory and says why in one line (or rebuilds a cache it cannot
trust). Tests run as root here, and root ignores permission bits, so "read-only" is made with what
stops root too: `chattr +i` (skipped where the file system has no such flag), a path under a file
(ENOTDIR), and a file-size limit for a full disk (RLIMIT_FSIZE, which binds root as well).
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from briefing_tui.cli import main
from briefing_tui.core.search.index import index_path
from briefing_tui.core.user.config import Settings, cache_dir
from briefing_tui.core.user.state import library_key
from briefing_tui.tui.app import BriefingApp
from tests.conftest import env_without_home, write
from tests.test_links import recorded_notifications
from tests.test_reader import loaded

MEMORY = "briefing: search index kept in memory: "


def small_library(tmp_path: Path) -> Path:
    lib = tmp_path / "lib"
    for i in range(3):
        write(lib / f"s{i}.txt", f"Story {i}\n\nzebrafish words {i}. “Ready {i},” said Anna Berg.\n")
    return lib


def cache_file(lib: Path) -> Path:
    return index_path(cache_dir(), library_key([str(lib)]))


def search(capsys: pytest.CaptureFixture[str], lib: Path) -> tuple[int, dict[str, Any], list[str]]:
    """`briefing search zebrafish LIB --json`: (exit code, JSON, stderr lines)."""
    code = main(["search", "zebrafish", str(lib), "--json"])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, json.loads(out), err.splitlines()


def assert_memory_with_one_line(capsys: pytest.CaptureFixture[str], lib: Path, why: str, total: int = 3) -> None:
    code, data, err = search(capsys, lib)
    assert code == 0 and data["total"] == total
    assert len(err) == 1 and err[0].startswith(MEMORY) and why in err[0], err


@contextlib.contextmanager
def immutable(path: Path) -> Iterator[None]:
    """`chattr +i`: not even root may write, create in or remove from it; skip where unsupported."""
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not available")
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
        pytest.skip("this file system (or user) cannot set the immutable flag")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def test_cache_home_that_is_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    lib = small_library(tmp_path)
    write(tmp_path / "not-a-folder", "x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "not-a-folder"))
    assert_memory_with_one_line(capsys, lib, "Not a directory")


@pytest.mark.parametrize("cached", [False, True], ids=["empty", "with-a-cache"])
def test_read_only_cache_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path, cached: bool) -> None:
    lib = small_library(tmp_path)
    folder = cache_file(lib).parent
    folder.mkdir(parents=True, mode=0o700)
    if cached:
        assert search(capsys, lib)[0] == 0
    write(lib / "new.txt", "New\n\nzebrafish too.\n")  # the refresh must write
    with immutable(folder):
        assert_memory_with_one_line(capsys, lib, "", total=4)


def test_immutable_cache_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    lib = small_library(tmp_path)
    assert search(capsys, lib)[0] == 0
    write(lib / "new.txt", "New\n\nzebrafish too.\n")
    with immutable(cache_file(lib)):
        assert_memory_with_one_line(capsys, lib, "readonly", total=4)


def test_cache_path_that_is_a_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    lib = small_library(tmp_path)
    cache_file(lib).mkdir(parents=True, mode=0o700)
    cache_file(lib).parent.chmod(0o700)
    assert_memory_with_one_line(capsys, lib, "not a regular file")
    assert cache_file(lib).is_dir()


def test_full_disk(tmp_path: Path, isolated_home: Path) -> None:
    """More than the page cache in one batch, so SQLite writes (and fails, and rolls back) mid-transaction."""
    lib = tmp_path / "lib"
    words = [f"w{i}" for i in range(5000)]
    for i in range(40):
        body = " ".join(words[(i * 7 + k * 13) % 5000] for k in range(12000))
        write(lib / f"s{i}.txt", f"Story {i}\n\nzebrafish {body}\n")

    def disk_of_one_megabyte() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 20, 1 << 20))

    proc = subprocess.run([sys.executable, "-m", "briefing_tui", "search", "zebrafish", str(lib), "--json"],
                          capture_output=True, text=True, env=env_without_home(isolated_home), timeout=300,
                          preexec_fn=disk_of_one_megabyte)
    assert "Traceback" not in proc.stderr and proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["total"] == 40
    err = proc.stderr.splitlines()
    assert len(err) == 1 and err[0].startswith(MEMORY), err
    assert "rollback" not in err[0]


def test_a_cache_with_a_table_dropped_is_rebuilt(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    lib = small_library(tmp_path)
    assert search(capsys, lib)[0] == 0
    db = sqlite3.connect(cache_file(lib))
    db.execute("DROP TABLE quotes")  # application_id and user_version still say it is ours
    db.commit()
    db.close()
    assert main(["quotes", str(lib), "--json"]) == 0
    out, err = capsys.readouterr()
    assert err == "" and len(json.loads(out)["quotes"]) == 3
    db = sqlite3.connect(cache_file(lib))
    assert db.execute("SELECT count(*) FROM quotes").fetchone()[0] == 3
    db.close()


async def test_the_reader_with_an_unusable_cache_lists_and_says_why(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    lib = small_library(tmp_path)
    write(tmp_path / "not-a-folder", "x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "not-a-folder"))
    app = BriefingApp([str(lib)], Settings())
    notes = recorded_notifications(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        assert len(app.session.listing) == 3 and app.is_running
    said = [n for n in notes if "kept in memory" in n]
    assert len(said) == 1 and said[0].startswith(MEMORY.removeprefix("briefing: ")), notes
    assert "Not a directory" in said[0]


async def test_the_reader_rebuilds_a_cache_with_a_table_dropped(tmp_path: Path) -> None:
    lib = small_library(tmp_path)
    assert main(["index", str(lib)]) == 0
    db = sqlite3.connect(cache_file(lib))
    db.execute("DROP TABLE articles")
    db.commit()
    db.close()
    app = BriefingApp([str(lib)], Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        assert len(app.session.listing) == 3 and app.is_running
    assert app.return_code in (None, 0)
    assert os.path.getsize(cache_file(lib)) > 0


async def test_the_reader_whose_disk_fills_during_a_refresh_goes_on_in_memory(tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache that opened fine and then fails while storing (a full disk) gives way to memory, said once."""
    from briefing_tui.core.search.index import Index

    lib = small_library(tmp_path)
    real_refresh = Index.refresh

    def full_disk(self: Index, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self.path is not None:
            raise sqlite3.OperationalError("database or disk is full")
        return real_refresh(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Index, "refresh", full_disk)
    app = BriefingApp([str(lib)], Settings())
    notes = recorded_notifications(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        index = app.session.index
        assert len(app.session.listing) == 3 and index is not None and index.path is None
    said = [n for n in notes if "kept in memory" in n]
    assert len(said) == 1 and "disk is full" in said[0], notes
