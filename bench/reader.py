"""The reader measured from outside, in a real terminal (tmux): warm start, peak memory, live refresh.

usage: python -m bench.reader LIBRARY   (its index must be built: `briefing index LIBRARY`)
Warm start is the time from launching `briefing LIBRARY` in a tmux pane to the newest article's
title on screen; "listed" is when the header shows the library's count (the whole sidebar is there).
Peak RSS is the reader's VmHWM after it has listed the library and opened an article. Live refresh
is the time from writing a new file to the reader listing it (the header's count).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from briefing_tui.core.search.index import index_path, open_index
from briefing_tui.core.user.config import cache_dir
from briefing_tui.core.user.state import library_key

SOCKET = f"briefing-bench-{os.getpid()}"


@dataclass
class ReaderFigures:
    """What `measure` found."""

    warm_start: float
    first_article: float
    """When the header first counts articles (a first start lists what it has indexed so far, and opens its
    newest: an article is on screen then)."""
    listed: float
    peak_rss_mb: float
    live_refresh: float | None


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True, check=False).stdout


def _screen() -> str:
    return _tmux("capture-pane", "-p", "-t", "bench")


def _wait_for(text: str, timeout: float) -> float | None:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if text in _screen():
            return time.perf_counter() - started
        time.sleep(0.01)
    return None


def _reader_pid() -> int | None:
    pane = _tmux("display-message", "-p", "-t", "bench", "#{pane_pid}").strip()
    if not pane.isdigit():
        return None
    try:  # `env` execs the reader, so the pane's process is the reader; its children are parse workers
        with open(f"/proc/{pane}/cmdline", "rb") as f:
            if b"briefing" in f.read() and b"core.workers" not in f.read():
                return int(pane)
    except OSError:
        pass
    out = subprocess.run(["pgrep", "-P", pane], capture_output=True, text=True, check=False).stdout.split()
    return int(out[0]) if out else int(pane)


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def newest_title(library: str, cache: Path) -> tuple[str, int]:
    """The title the reader opens first, and how many articles it lists."""
    index = open_index(index_path(cache, library_key([library])))
    try:
        listing = index.listing()
        return listing[0].title, len(listing)
    finally:
        index.close()


def measure(library: str, env: dict[str, str], live: bool = True,
            expect: tuple[str, int] | None = None) -> ReaderFigures:
    """Launch the reader on an indexed library in tmux and time it.

    With `expect` (the newest title and the count, taken from another index of the same library), the
    reader's own cache may be empty: that times a cold first start, which parses every file.
    """
    if shutil.which("tmux") is None:
        raise RuntimeError("tmux is not installed")
    cache = Path(env["XDG_CACHE_HOME"]) / "briefing-tui" if env.get("XDG_CACHE_HOME") else cache_dir()
    title, count = expect or newest_title(library, cache)
    exe = str(Path(sys.executable).with_name("briefing"))
    _tmux("kill-server")
    try:
        started = time.perf_counter()
        subprocess.run(["tmux", "-L", SOCKET, "new-session", "-d", "-s", "bench", "-x", "140", "-y", "40",
                        # with its bytecode cached, as installed (PYTHONDONTWRITEBYTECODE in the bench's environment
                        # made every start compile the reader's source: 0.2 s of its start, more for more code)
                        "env", "-u", "PYTHONDONTWRITEBYTECODE", *[f"{k}={v}" for k, v in env.items()
                                 if k.startswith(("XDG_", "HOME", "PATH")) or k == "PYTHONPATH"],  # another checkout's
                        exe, library], check=True)
        shown = first = None
        while time.perf_counter() - started < 600:
            screen = _screen()
            if first is None and " article" in screen.split("\n", 1)[0]:
                first = time.perf_counter() - started
            if title in screen:
                shown = time.perf_counter() - started
                break
            time.sleep(0.01)
        if shown is None:
            raise RuntimeError(f"the newest title {title!r} never showed:\n{_screen()}")
        listed = _wait_for(f"{count:,} articles", 600)  # the header counts the library once it is listed
        listed = (time.perf_counter() - started) if listed is not None else float("nan")
        live_time = None
        if live:
            time.sleep(5.0)  # let the stat-only check behind the listing finish
            name = f"Bench Live Refresh {os.getpid()}"
            with tempfile.NamedTemporaryFile("w", dir=library, suffix=".md", delete=False) as f:
                f.write(f"---\ntitle: {name}\ndate: 2099-01-01\nsection: Bench\n---\nText.\n")
                path = f.name
            try:
                live_time = _wait_for(f"{count + 1:,} articles", 30)  # the header counts it in
            finally:
                os.unlink(path)
        time.sleep(0.5)
        pid = _reader_pid()
        rss = _peak_rss_mb(pid) if pid else float("nan")
        _tmux("send-keys", "-t", "bench", "q")
        time.sleep(0.5)
        return ReaderFigures(shown, first if first is not None else shown, listed, rss, live_time)
    finally:
        _tmux("kill-server")


def main() -> None:
    figures = measure(sys.argv[1], dict(os.environ))
    print(f"warm start to the newest title: {figures.warm_start:.2f} s")
    print(f"whole library listed in the sidebar: {figures.listed:.2f} s")
    print(f"reader peak RSS: {figures.peak_rss_mb:.0f} MB")
    if figures.live_refresh is not None:
        print(f"new file in the sidebar after: {figures.live_refresh:.2f} s")


if __name__ == "__main__":
    main()
