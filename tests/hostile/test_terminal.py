"""Terminal safety end to end: the real program in tmux, on the hostile library."""

from __future__ import annotations

import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from tests.conftest import ROOT, env_without_home
from tests.hostile.library import build
from tests.test_smoke_tmux import SOCKET, tmux, wait_for, wait_gone

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def test_hostile_library_in_a_real_terminal(tmp_path: Path) -> None:
    lib = build(tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    env = env_without_home(home)
    session = f"briefing-hostile-{uuid.uuid4().hex[:8]}"
    marker = tmp_path / "exited"
    command = (f"printf '\\033]2;SAFE-TITLE\\033\\\\'; {sys.executable} -m briefing_tui --private {lib}; "
               f"echo \"exit=$?\" > {marker}; printf 'SHELL-BACK\\n'; sleep 30")
    subprocess.run(["tmux", "-L", SOCKET, "new-session", "-d", "-s", session, "-x", "140", "-y", "45", "-c", str(ROOT),
                    "-e", f"HOME={home}", "-e", f"PYTHONPATH={env['PYTHONPATH']}",
                    "-e", f"XDG_DATA_HOME={env['XDG_DATA_HOME']}", "-e", f"XDG_CONFIG_HOME={env['XDG_CONFIG_HOME']}",
                    "-e", f"XDG_CACHE_HOME={env['XDG_CACHE_HOME']}", "-e", "TERM=xterm-256color", command],
                   check=True)
    try:
        tmux("set-option", "-t", session, "allow-rename", "on")
        tmux("set-option", "-t", session, "set-clipboard", "on")
        wait_for(session, "articles", timeout=60)
        assert tmux("display-message", "-p", "-t", session, "#{pane_title}").strip() == "SAFE-TITLE"
        tmux("send-keys", "-t", session, "g")
        for _ in range(60):  # open every section and walk over every article
            tmux("send-keys", "-t", session, "Space", "j")
        tmux("send-keys", "-t", session, "p")  # read after the keys before it, in order
        wait_for(session, "escape closes")  # the problems screen's own line (the header names problems too)
        tmux("send-keys", "-t", session, "Escape")
        screen = wait_gone(session, "escape closes")
        assert "pwned" not in tmux("display-message", "-p", "-t", session, "#{pane_title}")
        assert tmux("display-message", "-p", "-t", session, "#{pane_title}").strip() == "SAFE-TITLE"
        assert tmux("list-buffers").strip() == "" or "rm -rf" not in tmux("show-buffer")  # no OSC 52 copy
        assert "\x1b" not in screen
        tmux("send-keys", "-t", session, "q")
        wait_for(session, "SHELL-BACK", timeout=20)
        assert marker.read_text().strip() == "exit=0"
    finally:
        tmux("kill-session", "-t", session)
    assert list(home.iterdir()) == []
