"""The real program in a real terminal (tmux): it starts, shows the seed, takes keys, and quits cleanly."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS, env_without_home

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


SOCKET = f"briefing-tests-{os.getpid()}"
"""A tmux server of our own: the tests never touch the user's sessions, and theirs never touch ours."""


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True, check=False).stdout


@pytest.fixture(scope="module", autouse=True)
def own_tmux_server() -> Iterator[None]:
    """The tests' tmux server goes when they are done, and so does its socket (tmux leaves it behind)."""
    yield
    tmux("kill-server")
    socket = Path(os.environ.get("TMUX_TMPDIR", "/tmp")) / f"tmux-{os.getuid()}" / SOCKET
    with contextlib.suppress(OSError):
        socket.unlink()


POLL = 0.1
"""Seconds between two looks at the pane (each look is a tmux process)."""


def wait_gone(session: str, text: str, timeout: float = 20.0) -> str:
    """Wait until `text` is no longer on screen (a closed screen), failing after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    screen = tmux("capture-pane", "-p", "-t", session)
    while text in screen:
        if time.monotonic() > deadline:
            raise AssertionError(f"{text!r} stayed on screen:\n{screen}")
        time.sleep(POLL)
        screen = tmux("capture-pane", "-p", "-t", session)
    return screen


def wait_for(session: str, text: str, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", session)
        if text in screen:
            return screen
        time.sleep(POLL)
    raise AssertionError(f"{text!r} did not appear on screen:\n{screen}")


@contextlib.contextmanager
def reader_in_tmux(args: str, home: Path, marker: Path) -> Iterator[str]:
    """`briefing ARGS` in a 120x40 pane of our tmux server, HOME and XDG folders under `home`; when it exits,
    `marker` holds `exit=CODE` and the pane shows SHELL-BACK. Yields the session; kills it afterwards."""
    session = f"briefing-test-{uuid.uuid4().hex[:8]}"
    env = env_without_home(home)
    command = (f"{sys.executable} -m briefing_tui {args}; echo \"exit=$?\" > {marker}; "
               "printf 'SHELL-BACK\\n'; sleep 60")
    subprocess.run(["tmux", "-L", SOCKET, "new-session", "-d", "-s", session, "-x", "120", "-y", "40", "-c", str(ROOT),
                    "-e", f"HOME={env['HOME']}", "-e", f"XDG_DATA_HOME={env['XDG_DATA_HOME']}",
                    "-e", f"XDG_CONFIG_HOME={env['XDG_CONFIG_HOME']}", "-e", f"XDG_CACHE_HOME={env['XDG_CACHE_HOME']}",
                    "-e", "TERM=xterm-256color", command], check=True)
    try:
        yield session
    finally:
        tmux("kill-session", "-t", session)


def test_reader_in_tmux(isolated_home: Path, tmp_path: Path) -> None:
    marker = tmp_path / "exited"
    with reader_in_tmux(f"--private {SEEDS}", isolated_home, marker) as session:
        screen = wait_for(session, "Friday 27 June 2025")
        assert "Clash Report" in screen and "10 articles" in screen
        assert "“messy”" in screen
        tmux("send-keys", "-t", session, "g")
        screen = wait_for(session, "Grouped by section")
        assert "Economy  1" in screen
        tmux("send-keys", "-t", session, "?")
        wait_for(session, "Group by date, by section, or as one list")
        tmux("send-keys", "-t", session, "Escape")
        wait_gone(session, "Group by date, by section, or as one list")
        tmux("send-keys", "-t", session, "q")
        screen = wait_for(session, "SHELL-BACK")
        assert marker.read_text().strip() == "exit=0"
        # The terminal is restored: the alternate screen is gone, the reader's frame is no longer shown.
        assert "Clash Report" not in screen and "Group by date, by section" not in screen
    assert not (isolated_home / "data").exists()  # --private wrote nothing


@pytest.mark.slow
def test_cold_start_on_2000_files_then_1000_more_and_r(isolated_home: Path, tmp_path: Path) -> None:
    """The first start on a large library (no cache) parses in worker processes under Textual, lists every
    file, follows a burst of 1,000 new files, and `r` checks again: it used to crash at about 400 files."""
    from bench.generate import generate

    lib = tmp_path / "lib"
    generate(str(lib), 2000)
    marker = tmp_path / "exited"
    with reader_in_tmux(str(lib), isolated_home, marker) as session:
        screen = wait_for(session, "2,000 articles", timeout=300)
        assert "Traceback" not in screen and "Error" not in screen
        wait_for(session, "Tuesday 30 December 2025  ·")  # the newest article is on screen
        generate(str(lib / "added"), 1000, seed=7)
        wait_for(session, "3,000 articles", timeout=300)
        tmux("send-keys", "-t", session, "r")
        wait_for(session, "Checking the library for changes")
        tmux("send-keys", "-t", session, "q")
        screen = wait_for(session, "SHELL-BACK", timeout=30)
        assert marker.read_text().strip() == "exit=0" and "Traceback" not in screen


@pytest.mark.slow
def test_q_quits_at_once_while_a_slow_file_parses(isolated_home: Path, tmp_path: Path) -> None:
    """A file that would take a minute to parse is being indexed: q still quits at once."""
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "slow.md").write_text("---\ntitle: Slow\n---\n" + "[" * 3_000_000, encoding="utf-8")
    config = tmp_path / "config.yaml"
    config.write_text("parse_budget_s: 600\n", encoding="utf-8")
    marker = tmp_path / "exited"
    with reader_in_tmux(f"--private --config {config} {lib}", isolated_home, marker) as session:
        wait_for(session, "Loading library")
        tmux("send-keys", "-t", session, "q")
        screen = wait_for(session, "SHELL-BACK", timeout=15)  # the parse alone would take minutes
        assert marker.read_text().strip() == "exit=0" and "Traceback" not in screen
