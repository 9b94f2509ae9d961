"""Start the reader in a tmux pane of a tmux server of our own, wait for it to show something, quit with q.

Every wait polls the pane against a deadline; nothing sleeps for a fixed time hoping the program is ready.
"""

from __future__ import annotations

import contextlib
import shlex
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path

SHELL_BACK = "SHELL-BACK"
"""Printed in the pane once the reader has exited: the terminal is the shell's again."""


class ReaderFailure(Exception):
    """The reader did not show what it should, or did not quit cleanly; the message holds the screen."""


def run_reader(command: Sequence[str | Path], env: dict[str, str], cwd: Path, *, expect: str, server: str,
               timeout: float = 90.0) -> None:
    """Run `command` in a 120x40 pane of tmux server `server` (`tmux -L`), wait until `expect` is on screen,
    press q, and wait for it to exit with code 0. The server is killed afterwards, whatever happened."""
    marker = cwd / "reader-exit-code"
    shell = (f"{shlex.join(str(c) for c in command)}; echo \"exit=$?\" > {shlex.quote(str(marker))}; "
             f"printf '{SHELL_BACK}\\n'; sleep 600")

    def tmux(*args: str) -> subprocess.CompletedProcess[str]:
        # The server takes its environment from the first client: the clean one given here.
        return subprocess.run(["tmux", "-L", server, *args], capture_output=True, text=True, env=env, cwd=cwd,
                              timeout=30, check=False)

    def wait_for(text: str, deadline: float) -> str:
        screen = ""
        while time.monotonic() < deadline:
            screen = tmux("capture-pane", "-p", "-t", "reader").stdout
            if text in screen:
                return screen
            time.sleep(0.2)
        raise ReaderFailure(f"{text!r} did not appear on screen:\n{screen}")

    started = tmux("new-session", "-d", "-s", "reader", "-x", "120", "-y", "40", shell)
    if started.returncode != 0:
        raise ReaderFailure(f"tmux new-session failed: {started.stderr.strip()}")
    socket = tmux("display-message", "-p", "#{socket_path}").stdout.strip()
    try:
        wait_for(expect, time.monotonic() + timeout)
        tmux("send-keys", "-t", "reader", "q")
        screen = wait_for(SHELL_BACK, time.monotonic() + 30)
        code = marker.read_text(encoding="utf-8").strip()
        if code != "exit=0" or "Traceback" in screen:
            raise ReaderFailure(f"after q: {code}\n{screen}")
    finally:
        tmux("kill-server")
        if socket:  # tmux leaves the socket file of a killed server behind
            with contextlib.suppress(FileNotFoundError):
                Path(socket).unlink()
