"""Cache, state and export files are opened safely (issue #13, finding 6).

No link at a path we write is followed, no FIFO or device we read or write can block or flood the
reader, and our folders stay user-only. Anything that could hang runs under a timeout (a thread
joined with one, or a subprocess), so a regression fails instead of hanging the suite.
"""

from __future__ import annotations

import json
import os
import resource
import stat
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing_tui.core.user.config import Settings
from briefing_tui.core.user.export import write_new_file
from briefing_tui.core.user.state import ReaderState
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.screens.quote_finder import ExportScreen, QuoteFinder
from tests.conftest import SEEDS, env_without_home, workers_done, write
from tests.test_cache_failures import assert_memory_with_one_line, cache_file, search, small_library
from tests.test_quote_finder import SIZE, open_finder

TIMEOUT = 20.0


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def cache_folder_for(lib: Path) -> Path:
    folder = cache_file(lib).parent
    folder.mkdir(parents=True)
    folder.chmod(0o700)
    return folder


# --- the cache -------------------------------------------------------------------------------------------


def test_a_dangling_link_at_the_cache_path_is_not_followed(capsys: pytest.CaptureFixture[str],
                                                           tmp_path: Path) -> None:
    lib = small_library(tmp_path)
    cache_folder_for(lib)
    target = tmp_path / "elsewhere" / "planted.sqlite"
    target.parent.mkdir()
    cache_file(lib).symlink_to(target)
    assert_memory_with_one_line(capsys, lib, "symbolic link")
    assert cache_file(lib).is_symlink() and list(target.parent.iterdir()) == []


@pytest.mark.parametrize("content", [b"", b"precious words\n"], ids=["empty", "not-empty"])
def test_a_link_to_an_existing_file_at_the_cache_path_leaves_it_alone(capsys: pytest.CaptureFixture[str],
                                                                      tmp_path: Path, content: bytes) -> None:
    lib = small_library(tmp_path)
    cache_folder_for(lib)
    target = write(tmp_path / "elsewhere" / "notes.txt", content)
    target.chmod(0o644)
    cache_file(lib).symlink_to(target)
    assert_memory_with_one_line(capsys, lib, "symbolic link")
    assert target.read_bytes() == content and mode(target) == 0o644
    assert sorted(p.name for p in target.parent.iterdir()) == ["notes.txt"]  # no journal beside it either


def test_a_link_at_a_journal_path_is_not_followed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    lib = small_library(tmp_path)
    cache_folder_for(lib)
    target = tmp_path / "elsewhere" / "planted-wal"
    target.parent.mkdir()
    cache_file(lib).with_name(cache_file(lib).name + "-wal").symlink_to(target)
    assert_memory_with_one_line(capsys, lib, "symbolic link")
    assert not target.exists()


def test_a_cache_folder_open_to_others_is_made_user_only_and_said_once(capsys: pytest.CaptureFixture[str],
                                                                      tmp_path: Path) -> None:
    lib = small_library(tmp_path)
    folder = cache_folder_for(lib)
    folder.chmod(0o777)
    code, data, err = search(capsys, lib)
    assert code == 0 and data["total"] == 3
    assert len(err) == 1 and "made it user-only (0700)" in err[0] and err[0].startswith("briefing: "), err
    assert mode(folder) == 0o700 and cache_file(lib).is_file()  # the cache is used after the repair
    code, data, err = search(capsys, lib)
    assert code == 0 and data["total"] == 3 and err == []


def test_a_cache_folder_of_another_user_is_not_used(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    lib = small_library(tmp_path)
    folder = cache_folder_for(lib)
    try:
        os.chown(folder, 4242, 4242)
    except PermissionError:
        pytest.skip("only root can give a folder to another user")
    assert_memory_with_one_line(capsys, lib, "belongs to another user")
    assert list(folder.iterdir()) == [] and mode(folder) == 0o700


# --- reader state ----------------------------------------------------------------------------------------

_LOAD_STATE = ("import json, sys; from pathlib import Path; from briefing_tui.core.user.state import ReaderState; "
               "s = ReaderState.load(Path(sys.argv[1]), 'k', False); "
               "print(json.dumps([sorted(s.read), sorted(s.bookmarks), s.theme]))")


def load_state_elsewhere(folder: Path, home: Path) -> list[object]:
    """ReaderState.load in a process with a time limit and 1 GB of memory: a hang or a flood fails the test."""

    def one_gigabyte() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    proc = subprocess.run([sys.executable, "-c", _LOAD_STATE, str(folder)], capture_output=True, text=True,
                          env=env_without_home(home), timeout=TIMEOUT, preexec_fn=one_gigabyte)
    assert proc.returncode == 0, proc.stderr
    return list(json.loads(proc.stdout))


@pytest.mark.parametrize("kind", ["fifo", "dev-zero-link", "link-to-state"])
def test_a_state_path_that_is_not_a_regular_file_gives_an_empty_state(tmp_path: Path, isolated_home: Path,
                                                                      kind: str) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    path = folder / "state-k.json"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero-link":
        path.symlink_to("/dev/zero")
    else:
        real = write(tmp_path / "real.json", json.dumps({"read": ["a.txt"], "bookmarks": [], "theme": None}))
        path.symlink_to(real)
    assert load_state_elsewhere(folder, isolated_home) == [[], [], None]


def test_state_still_loads_from_a_regular_file(tmp_path: Path, isolated_home: Path) -> None:
    folder = tmp_path / "data"
    state = ReaderState.load(folder, "k", False)
    state.read.add("a.txt")
    state.theme = "nord"
    assert state.save() is None
    assert load_state_elsewhere(folder, isolated_home) == [["a.txt"], [], "nord"]


def test_a_state_folder_open_to_others_is_made_user_only(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    folder.chmod(0o777)
    state = ReaderState.load(folder, "k", False)
    note = state.save()
    assert note is not None and "made it user-only" in note
    assert mode(folder) == 0o700 and mode(folder / "state-k.json") == 0o600
    assert state.save() is None


def test_a_state_folder_of_another_user_is_not_written(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    try:
        os.chown(folder, 4242, 4242)
    except PermissionError:
        pytest.skip("only root can give a folder to another user")
    error = ReaderState.load(folder, "k", False).save()
    assert error is not None and "belongs to another user" in error
    assert list(folder.iterdir()) == []


# --- export ----------------------------------------------------------------------------------------------


def rescue_after(fifo: Path, seconds: float) -> tuple[threading.Event, Callable[[], bool]]:
    """Unblock a writer stuck on `fifo` after `seconds` by reading it, so a regression fails, not hangs.

    Returns (set this when done, whether the rescue had to happen).
    """
    done, rescued = threading.Event(), threading.Event()

    def rescue() -> None:
        if done.wait(seconds):
            return
        rescued.set()
        with open(fifo, "rb") as f:  # a writer waiting on the FIFO lets this open at once
            f.read()

    threading.Thread(target=rescue, daemon=True).start()
    return done, lambda: rescued.is_set()


@pytest.mark.parametrize("overwrite", [False, True], ids=["new", "overwrite"])
def test_export_refuses_a_fifo_without_blocking(tmp_path: Path, overwrite: bool) -> None:
    from briefing_tui.core.user.export import ExportRefused

    fifo = tmp_path / "briefing-quotes.md"
    os.mkfifo(fifo)
    outcome: list[BaseException | None] = []

    def export() -> None:
        try:
            write_new_file(fifo, "# Quotes\n", overwrite=overwrite)
            outcome.append(None)
        except BaseException as exc:
            outcome.append(exc)

    done, rescued = rescue_after(fifo, TIMEOUT)
    worker = threading.Thread(target=export, daemon=True)
    worker.start()
    worker.join(TIMEOUT + 5)
    done.set()
    assert not rescued(), "the export blocked on the FIFO"
    assert len(outcome) == 1 and isinstance(outcome[0], ExportRefused) and "FIFO" in str(outcome[0])
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.parametrize("overwrite", [False, True], ids=["new", "overwrite"])
def test_export_never_writes_through_a_link(tmp_path: Path, overwrite: bool) -> None:
    from briefing_tui.core.user.export import ExportRefused

    target = tmp_path / "elsewhere.md"
    (tmp_path / "briefing-quotes.md").symlink_to(target)
    with pytest.raises(ExportRefused, match="symbolic link"):
        write_new_file(tmp_path / "briefing-quotes.md", "# Quotes\n", overwrite=overwrite)
    assert not target.exists()


async def test_exporting_over_a_fifo_is_refused_and_the_reader_stays_responsive(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    fifo = tmp_path / "briefing-quotes.md"
    os.mkfifo(fifo)
    done, rescued = rescue_after(fifo, TIMEOUT)
    app = BriefingApp([str(SEEDS)], Settings())
    try:
        async with app.run_test(size=SIZE) as pilot:
            await open_finder(pilot, "speaker:rutte")
            await pilot.press("tab", "e")  # into the list, then export
            await workers_done(pilot.app)
            await pilot.pause()
            assert isinstance(app.screen, ExportScreen)
            for _ in range(2):  # asked twice, as a user confirming an "overwrite" would
                await pilot.press("enter")
                await workers_done(pilot.app)
                await pilot.pause()
                assert isinstance(app.screen, ExportScreen)
                assert "FIFO" in str(app.screen.query_one("#export-message").render())
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, QuoteFinder)
    finally:
        done.set()
    assert not rescued(), "the export blocked the reader on the FIFO"
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_folder_lock_takes_turns_and_never_hangs(tmp_path: Path) -> None:
    from briefing_tui.core.reading.private_files import folder_lock

    with folder_lock(tmp_path) as first:
        assert first
        with folder_lock(tmp_path, timeout=0.05) as second:  # held elsewhere: waits a moment, then goes on
            assert not second
    with folder_lock(tmp_path, timeout=0.05) as again:  # released when the block ends
        assert again
    assert list(tmp_path.iterdir()) == []  # the lock writes nothing
    with folder_lock(tmp_path / "missing") as held:  # nothing to lock: the block still runs
        assert not held


async def test_the_export_dialog_fits_a_narrow_screen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A plain-terminal tryout: at 60 and 40 columns the export dialog (70 wide) ran off the screen, its buttons
    with it."""
    monkeypatch.chdir(tmp_path)
    app = BriefingApp([str(SEEDS)], Settings())
    async with app.run_test(size=(40, 15)) as pilot:
        await open_finder(pilot, "speaker:rutte")
        await pilot.press("tab", "e")
        await workers_done(pilot.app)
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        body = app.screen.query_one("#export-body")
        assert body.region.right <= 40
        for button in app.screen.query("Button"):
            assert button.region.x >= 0 and button.region.right <= 40, button
