"""Keys and seconds to reach "the articles of one month in one section" in the reader, driven in tmux.

usage: python -m bench.sidebar_jump LIBRARY ROUTE [--month 2023-03] [--section Arctic] [--src SRC]

ROUTE is how a user gets there:
  tree    the date tree (all there was before the filter): down to the month, open it, open each day and walk
          its sections down to the last article of the section (the keys a user presses to see them all)
  search  the search panel: `/section:arctic date:2023-03` and enter
  filter  the sidebar filter: `f`, `2023-03 arctic` and enter (every match listed, the first one shown)

The keys are sent to a reader in a tmux pane of 140×45 one every `--pace` seconds (0.1: a brisk typist),
and after a key that opens a group the next waits for its rows on screen (as an eye does: a burst would
outrun the tree, which builds a group's rows once it has opened). The time is from the first key to the
screen showing the target, and from the last key to it: the last article of the month's section in the
article pane (tree), the count of matches (search), or the count and the first match shown (filter). `--src`
runs another checkout's reader (the code before a change) on the same library and index.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

SOCKET = "briefing-sidebar-bench"


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True, check=False).stdout


def _screen() -> str:
    return _tmux("capture-pane", "-p", "-t", "bench")


def _wait(condition: object, timeout: float = 120.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        screen = _screen()
        if condition(screen):  # type: ignore[operator]
            return screen
        time.sleep(0.02)
    raise SystemExit("timed out; the screen:\n" + _screen())


def _listing(library: str, env: dict[str, str]) -> list[list[str]]:
    """(path, date, section, title) of every article, as `briefing list` gives them (newest first)."""
    out = subprocess.run([sys.executable, "-m", "briefing_tui", "list", library, "--format", "tsv"], env=env,
                         capture_output=True, text=True, check=True).stdout
    return [row[:4] for row in csv.reader(io.StringIO(out), delimiter="\t")]


def tree_keys(rows: list[list[str]], month: str, section: str) -> list[str]:
    """The keys down the date tree to the last article of `section` in `month`, seeing each on the way."""
    months = sorted({r[1][:7] for r in rows if r[1]}, reverse=True)
    # The reader starts on the newest article (month, day, section, article): up to its month, close it, down
    # to the month, open it.
    keys = ["S-Left"] * 3 + ["space", *["j"] * months.index(month), "space"]
    days = sorted({r[1] for r in rows if r[1].startswith(month)}, reverse=True)
    last_day = min(r[1] for r in rows if r[1].startswith(month) and r[2] == section)  # walked newest first
    for day in days:
        keys += ["j", "space"]  # onto the day, open it (its sections show open)
        on_day = [r for r in rows if r[1] == day]
        sections = sorted({r[2] for r in on_day}, key=str.casefold)
        for name in sections:
            if day == last_day and name.casefold() > section.casefold():
                return keys
            keys += ["j"] * (1 + sum(1 for r in on_day if r[2] == name))
        if day == last_day:
            return keys
    return keys


def _in_article(screen: str, title: str) -> bool:
    """True when the article pane (right of the sidebar's border) shows `title`."""
    return any(title[:30] in line.partition("▕")[2] for line in screen.splitlines())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library")
    parser.add_argument("route", choices=("tree", "search", "filter"))
    parser.add_argument("--month", default="2023-03")
    parser.add_argument("--section", default="Arctic")
    parser.add_argument("--src", default=str(Path(__file__).resolve().parent.parent / "src"))
    parser.add_argument("--pace", type=float, default=0.1, help="seconds between keys (default 0.1)")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        raise SystemExit("tmux is not installed")
    env = dict(os.environ, PYTHONPATH=args.src)
    rows = _listing(args.library, env)
    target = [r for r in rows if r[1].startswith(args.month) and r[2] == args.section]
    if not target:
        raise SystemExit(f"no article of {args.section} in {args.month}")
    total = f"{len(rows):,}"
    print(f"{total} articles; {len(target)} of {args.section} in {args.month}")
    if args.route == "tree":
        keys = tree_keys(rows, args.month, args.section)
        done = lambda s: _in_article(s, target[-1][3])  # noqa: E731
    elif args.route == "search":
        keys = ["/", *f"section:{args.section.lower()} date:{args.month}", "Enter"]
        done = lambda s: f"{len(target)} matching article" in s  # noqa: E731
    else:
        keys = ["f", *f"{args.month} {args.section.lower()}", "Enter"]
        done = lambda s: f"{len(target)} of {total}" in s and _in_article(s, target[0][3])  # noqa: E731
    _tmux("kill-server")
    command = f"{sys.executable} -m briefing_tui {args.library}"
    _tmux("new-session", "-d", "-s", "bench", "-x", "140", "-y", "45", "-e", f"PYTHONPATH={args.src}", command)
    try:
        _wait(lambda s: f"{total} articles" in s)
        time.sleep(1.0)  # the first screen settled
        tokens = [{" ": "Space", "space": "Space"}.get(k, k) for k in keys]
        start = time.monotonic()
        for token in tokens:
            before = _screen() if token == "Space" else ""
            _tmux("send-keys", "-t", "bench", token)
            time.sleep(args.pace)
            if token == "Space":  # the group's rows on screen, and still, before the next key
                settled = _wait(lambda s, before=before: s != before)
                while (now := _screen()) != settled:
                    settled = now
                    time.sleep(0.05)
        last = time.monotonic() - args.pace
        screen = _wait(done)
        end = time.monotonic()
        print(f"{args.route}: {len(keys)} keys, {end - start:.1f} s from the first key to the screen showing it, "
              f"{end - last:.2f} s after the last key")
        print(screen)
    finally:
        _tmux("send-keys", "-t", "bench", "q")
        time.sleep(0.3)
        _tmux("kill-server")


if __name__ == "__main__":
    main()
