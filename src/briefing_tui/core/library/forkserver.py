"""A fork server for parse workers: one small process with the parsers imported, from which workers are forked.

A parse worker started as a fresh interpreter costs about 0.4 s of CPU before it parses anything (the
interpreter, then the parsers' imports), and the reader starts several (a pool per core, one for the article
read, one for a large article's whole parse) on every start. Forking is cheap, but the reader may not fork
itself once it has threads (a child could inherit a lock another thread holds). So the reader's process has one
fork server: forked before the reader starts its threads (`prepare`), or else started as an interpreter of its
own the first time a worker is wanted. The server has one thread; it imports the parsers once and forks a worker
for each request, in milliseconds.

Requests come over a socket pair only the parent holds: the parent makes a worker's two pipes, passes their far
ends with the request (SCM_RIGHTS) and the folder the worker works in, and is told the worker's process id. The
server ignores SIGCHLD, so the kernel reaps its workers; it exits when the parent's end of the socket closes.
"""

from __future__ import annotations

import contextlib
import gc
import os
import selectors
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from typing import IO

from briefing_tui.core.library.workers import _close_all_but, interpreter, interpreter_env, serve, worker_pipes

_PID = struct.Struct("!i")
_READY = b"forks"
_GREETING_TIMEOUT = 30.0
"""Seconds a fork server may take to start (an interpreter on a loaded machine) before workers start without it."""


class ForkedWorker:
    """A worker forked by the fork server: the parts of `subprocess.Popen` the pool uses.

    It is not this process's child (the server's), so it cannot be waited for: `wait` watches for its process to
    be gone, which the kernel does as soon as it exits (the server does not keep its children's exit status)."""

    def __init__(self, pid: int, stdin_fd: int, stdout_fd: int) -> None:
        self.pid = pid
        self.stdin: IO[bytes] | None = os.fdopen(stdin_fd, "wb", buffering=0)
        self.stdout: IO[bytes] | None = os.fdopen(stdout_fd, "rb", buffering=0)
        self._gone = False

    def kill(self) -> None:
        if not self._gone:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(self.pid, signal.SIGKILL)

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while not self._gone:
            self._gone = not _alive(self.pid)
            if self._gone:
                break
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(f"worker {self.pid}", timeout or 0)
            time.sleep(0.005)  # only ever after a SIGKILL or the end of its pipe: gone within milliseconds
        return 0


def _alive(pid: int) -> bool:
    """True while `pid` runs (a zombie, left if the server died first and nobody reaps, counts as gone)."""
    if os.path.isdir("/proc/self"):
        try:
            with open(f"/proc/{pid}/stat", "rb") as f:
                return f.read().rsplit(b")", 1)[1].split()[0] != b"Z"
        except FileNotFoundError:
            return False
        except (OSError, IndexError):
            pass
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, PermissionError):  # gone (or its number now another user's)
        return False
    return True


class ForkServer:
    """The parent's end: ask for a worker with `fork()`; None when the server is gone."""

    def __init__(self, sock: socket.socket, pid: int, proc: subprocess.Popen[bytes] | None) -> None:
        self._sock = sock
        sock.settimeout(_GREETING_TIMEOUT)  # a server that stops answering is given up, not waited for
        self.pid = pid
        self._proc = proc
        self._lock = threading.Lock()
        self.broken = False

    def fork(self) -> ForkedWorker | None:
        """A new worker (not yet greeted); None when the server cannot make one."""
        if self.broken:
            return None
        pipes = worker_pipes()
        if pipes is None:
            return None
        task_r, task_w, answer_r, answer_w = pipes
        try:
            with self._lock:
                try:
                    folder = os.getcwd().encode("utf-8", "surrogateescape")
                except OSError:
                    folder = b""
                socket.send_fds(self._sock, [folder or b"\0"], [task_r, answer_w])
                reply = _receive_exactly(self._sock, _PID.size)
        except OSError:
            reply = None
        finally:
            os.close(task_r)
            os.close(answer_w)
        pid = _PID.unpack(reply)[0] if reply else 0
        if pid <= 0:
            if reply is None:
                self.broken = True
            os.close(task_w)
            os.close(answer_r)
            return None
        return ForkedWorker(pid, task_w, answer_r)

    def close(self) -> None:
        """Stop the server (its workers end when their pipes close)."""
        self.broken = True
        with contextlib.suppress(OSError):
            self._sock.close()
        if self._proc is not None:
            with contextlib.suppress(OSError, subprocess.TimeoutExpired):
                self._proc.wait(timeout=1)


def _receive_exactly(sock: socket.socket, n: int) -> bytes | None:
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            return None
        data += chunk
    return data


_server: ForkServer | None = None
_server_lock = threading.Lock()


def prepare() -> None:
    """Fork the server now, while this process has one thread (a reader about to start): cheap, and it imports
    the parsers while the reader draws its first screen. Does nothing with more threads or a server running."""
    global _server
    with _server_lock:
        if _server is None and hasattr(os, "fork") and threading.active_count() == 1:
            _server = _start(fork=True)


def worker() -> ForkedWorker | None:
    """A worker forked by this process's fork server (started again once if it died); None when there is none."""
    for _ in range(2):
        forks = server()
        if forks is None:
            return None
        forked = forks.fork()
        if forked is not None or not forks.broken:
            return forked
    return None


def server() -> ForkServer | None:
    """This process's fork server, started (as an interpreter) if there is none yet or it died; None when none
    can start (workers are then started as interpreters)."""
    global _server
    with _server_lock:
        if _server is not None and _server.broken:
            _server.close()
            _server = None
        if _server is None and hasattr(socket, "send_fds"):
            _server = _start(fork=False)
        return _server


def _start(fork: bool) -> ForkServer | None:
    try:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    except OSError:
        return None
    proc: subprocess.Popen[bytes] | None = None
    try:
        if fork:
            pid = os.fork()
            if pid == 0:  # the server: never returns into the caller's code, never runs its exit handlers
                try:
                    ours.close()
                    _serve_forks(theirs)
                finally:
                    os._exit(0)
        else:
            proc = subprocess.Popen(
                interpreter("briefing_tui.core.library.forkserver", str(theirs.fileno())),
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                pass_fds=[theirs.fileno()], env=interpreter_env())
            pid = proc.pid
    except (OSError, ValueError):
        ours.close()
        theirs.close()
        return None
    theirs.close()
    if not _greeted(ours):
        ours.close()
        if proc is not None:
            with contextlib.suppress(OSError):
                proc.kill()
                proc.wait(timeout=5)
        return None
    return ForkServer(ours, pid, proc)


def _greeted(sock: socket.socket) -> bool:
    selector = selectors.DefaultSelector()
    try:
        selector.register(sock, selectors.EVENT_READ)
        return bool(selector.select(timeout=_GREETING_TIMEOUT)) and _receive_exactly(sock, len(_READY)) == _READY
    except OSError:
        return False
    finally:
        selector.close()


# --- the server -----------------------------------------------------------------------------------------


def _serve_forks(sock: socket.socket) -> None:
    """The server's loop: fork a worker for each request until the parent's end closes."""
    _close_all_but(sock.fileno())  # the parent's terminal, index and other workers' pipes are none of ours
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the kernel reaps the workers
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a ^C at the terminal is the reader's to handle
    sock.sendall(_READY)  # at once: the reader starting does not wait for the imports (a request waits instead)
    from briefing_tui.core.formats import detect  # noqa: F401  (the parsers, imported once for every worker)

    gc.collect()
    gc.freeze()  # what is imported now is never walked again by a worker's collections
    while True:
        try:
            message, fds, _flags, _address = socket.recv_fds(sock, 1 << 16, 2)
        except OSError:
            return
        pid = _fork_worker(message, fds) if message and len(fds) == 2 else 0
        for fd in fds:  # the worker has its own copies
            os.close(fd)
        if not message:  # the reader's end closed
            return
        try:
            sock.sendall(_PID.pack(pid))
        except OSError:
            return


def _fork_worker(folder: bytes, fds: list[int]) -> int:
    """Fork one worker serving the pipes `fds` (tasks in, answers out); its pid, or 0 when fork fails."""
    task_r, answer_w = fds
    try:
        pid = os.fork()
    except OSError:
        return 0
    if pid == 0:
        code = 1
        try:
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            if folder != b"\0":
                with contextlib.suppress(OSError):
                    os.chdir(folder)  # relative library paths lead where they do for the parent
            _close_all_but(task_r, answer_w)  # the server's socket too: the parent's end closing ends the server
            serve(task_r, answer_w)
            code = 0
        finally:
            os._exit(code)
    return pid


if __name__ == "__main__":
    _serve_forks(socket.socket(fileno=int(sys.argv[1])))
