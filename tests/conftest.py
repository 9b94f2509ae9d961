"""Shared fixtures. Every test runs with HOME and the XDG folders in a temporary directory."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from textual import _wait as textual_wait
from textual import pilot as textual_pilot
from textual.app import App
from textual.worker import WorkerCancelled

from tests.netguard import sitecustomize  # noqa: F401  (no network in this process from here on)

# Textual's pilot waits after every key press and click until the process looks idle: it sleeps a short
# interval at a time (20 ms by default) and calls the process idle when it spent less than SLEEP_IDLE of CPU
# in one (1 ms by default), else gives up after a second. Here the interval is 4 ms, so a wait ends soon after
# the work does; the idle bound stays an absolute 1 ms: merely waking from a sleep costs a pilot's process
# about 0.3 ms of CPU on this machine (0.25-0.5 ms measured, every interval, with the app doing nothing), so a
# bound scaled with the interval (0.2 ms) was never met and a third of the waits ran the whole second
# (test_reader_safety's search test: 27 of 74 waits, 19.7 s; with 1 ms: none, 9.4 s). A wait still lasts at
# least FRAME, as Textual's own first interval does: what a key changes on screen is often drawn at the next
# frame (a footer rebuilt after a refresh), and a test that reads the screen must not look before it.
# Tests wait for what they check, never for time, so this changes no verdict; it only stops waiting for
# nothing.
textual_wait.SLEEP_GRANULARITY = 0.004
textual_wait.SLEEP_IDLE = 0.001
FRAME = 1 / 50
"""The least a pilot's wait for idleness lasts: a frame at Textual's 60 per second, and a little more."""
_wait_for_idle = textual_wait.wait_for_idle


async def _a_frame_at_least(min_sleep: float = 0.0, max_sleep: float = 1.0) -> None:
    await _wait_for_idle(max(min_sleep, FRAME), max_sleep)


textual_pilot.wait_for_idle = _a_frame_at_least

ROOT = Path(__file__).resolve().parents[1]
NETGUARD = Path(__file__).resolve().parent / "netguard"
SEEDS = ROOT / "seeds"
SEED = SEEDS / "000_f05413db3c7f5e1f.txt"


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: a worker per core and one more. A pilot test waits for the reader to go idle between keys and
    a command test waits for its subprocess: with only a worker per core, those waits left the cores a tenth
    idle (2 cores: 311 s of wall time with two workers, 285 s with three; CPU 505 s)."""
    return (os.cpu_count() or 1) + 1


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow tests first in each xdist worker's share, so they start early and short tests fill the end.

    `--dist worksteal` hands each worker an equal run of the collection and, when one runs dry, it takes the
    last half of the longest queue: a slow test left at the end of a share would make the run's tail.
    """
    workers = max(1, int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1")))
    slow = [item for item in items if item.get_closest_marker("slow")]
    fast = [item for item in items if not item.get_closest_marker("slow")]
    ordered: list[pytest.Item] = []
    left = len(items)
    for worker in range(workers):
        share = left // (workers - worker)  # as worksteal splits the collection
        left -= share
        mine = slow[worker::workers][:share]
        ordered += mine + fast[:share - len(mine)]
        fast = fast[share - len(mine):]
    if len(ordered) == len(items):  # else (a selection of mostly slow tests) the order stays as collected
        items[:] = ordered


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test reads or writes the user's real config, cache or data."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for var, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache"), ("XDG_DATA_HOME", "data")):
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.delenv("BRIEFING_LIBRARY", raising=False)
    monkeypatch.delenv("BRIEFING_PRIVATE", raising=False)
    # Nor the terminal it runs in: a CI's `TERM=dumb` or `LANG=C` would draw the reader in ASCII (config.plain_terminal)
    monkeypatch.delenv("BRIEFING_ASCII", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    return home


@pytest.fixture
def seed_library(tmp_path: Path) -> Path:
    """A library folder holding only the seed briefing, as `seed.txt`."""
    lib = tmp_path / "lib"
    lib.mkdir()
    shutil.copy(SEED, lib / "seed.txt")
    return lib


def write(path: Path, content: str | bytes) -> Path:
    """Write a fixture file, creating its folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def env_without_home(home: Path) -> dict[str, str]:
    """An environment for subprocesses whose HOME and XDG folders are `home`."""
    env = dict(os.environ)
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"),
               XDG_DATA_HOME=str(home / "data"))
    env.pop("BRIEFING_LIBRARY", None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(NETGUARD), env.get("PYTHONPATH")]))  # no network there
    return env


async def workers_done(app: App[object]) -> None:
    """Wait until every worker has finished. A newer request cancels an older one (an article, a search),
    which is normal: only failures raise."""
    while True:
        try:
            await app.workers.wait_for_complete()
            return
        except WorkerCancelled:
            continue
