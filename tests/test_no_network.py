"""No network code: nothing of ours imports a network module, and the tests themselves cannot connect."""

from __future__ import annotations

import ast
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, env_without_home

SRC = ROOT / "src" / "briefing_tui"
NETWORK_MODULES = {"socket", "ssl", "http", "urllib", "ftplib", "smtplib", "poplib", "imaplib", "telnetlib",
                   "xmlrpc", "socketserver", "asyncio.streams", "requests", "httpx", "aiohttp", "websockets",
                   "webbrowser", "urllib3"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


FORK_SERVER = SRC / "core" / "library" / "forkserver.py"
"""The one module that may import `socket`: a socket pair between the reader and its fork server."""
LOCAL_SOCKET = {"socketpair", "AF_UNIX", "SOCK_STREAM", "send_fds", "recv_fds", "socket"}
"""What the fork server may use of `socket`: a Unix socket pair, passing pipes over it, and (in a fork server
started as an interpreter) its end of the pair, by descriptor."""


def test_our_code_imports_no_network_module() -> None:
    files = sorted(SRC.rglob("*.py"))
    assert len(files) > 20
    for path in files:
        for name in imported_modules(path):
            if path == FORK_SERVER and name == "socket":
                continue
            parts = name.split(".")
            assert not any(".".join(parts[:i]) in NETWORK_MODULES for i in range(1, len(parts) + 1)), (path, name)


def test_the_fork_server_uses_a_local_socket_pair_only() -> None:
    """Its socket is a pair of connected Unix sockets made in this process: nothing to connect, bind or listen
    to, no address of any kind (and `socket.socket` is only ever given the descriptor of that pair's end)."""
    tree = ast.parse(FORK_SERVER.read_text(encoding="utf-8"))
    used = {node.attr for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "socket"}
    assert used <= LOCAL_SOCKET, used - LOCAL_SOCKET
    assert "socketpair" in used
    made = [node for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name) and node.func.value.id == "socket"
            and node.func.attr in {"socket", "socketpair"}]
    for call in made:
        if call.func.attr == "socket":  # type: ignore[attr-defined]
            assert not call.args and [k.arg for k in call.keywords] == ["fileno"], ast.unparse(call)
        else:
            assert [ast.unparse(a) for a in call.args] == ["socket.AF_UNIX", "socket.SOCK_STREAM"], ast.unparse(call)


def test_the_cli_loads_no_network_client(isolated_home: Path) -> None:
    code = ("import sys\nfrom briefing_tui.cli import main\nmain(['--private', 'list', 'seeds', '--json'])\n"
            "from briefing_tui.tui import app\n"
            # (asyncio itself imports ssl for its TLS transports; no client library may come along)
            "bad = {'http.client', 'urllib.request', 'ftplib', 'smtplib', 'requests', 'httpx', 'aiohttp'}\n"
            "print('LOADED:' + ','.join(sorted(bad & set(sys.modules))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True,
                         env=env_without_home(isolated_home)).stdout
    assert out.strip().endswith("LOADED:")


def test_sockets_fail_in_tests() -> None:
    with pytest.raises(OSError, match="network access is disabled"):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(OSError, match="network access is disabled"):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    a, b = socket.socketpair()  # local pipes still work (asyncio needs them)
    a.close()
    b.close()


def test_subprocesses_are_guarded_too(isolated_home: Path) -> None:
    code = "import socket\ntry:\n    socket.socket()\nexcept OSError as e:\n    print('blocked:', e)\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env_without_home(isolated_home)).stdout
    assert out.startswith("blocked: network access is disabled")
