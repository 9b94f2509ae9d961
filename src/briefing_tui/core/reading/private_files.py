"""The program's own folders and files (cache, state): user-only, created without following links.

Each refusal is an `OSError` whose message is one line for the user; callers fall back (an index in
memory, an empty state) and say why.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX: nothing to lock with
    fcntl = None  # type: ignore[assignment]

_OPEN_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
"""Looking at an existing file: a link is refused by the kernel, a FIFO does not block."""
_CREATE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
"""Creating one: never through a link (dangling or not), never an existing file."""


def private_folder(folder: Path) -> str | None:
    """Make sure `folder` is a folder of ours that only we can use, creating it (0700) if needed.

    A folder of ours that others may use (0777, 0755) is repaired to 0700; the one-line note saying so
    is returned (else None). A folder of another user, or something that is not a folder, is refused.
    """
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    st = os.stat(folder)  # a link to a folder of ours is fine (a cache kept on another disk)
    if not stat.S_ISDIR(st.st_mode):
        raise OSError(f"{folder} is not a folder")
    if st.st_uid != os.geteuid():
        raise OSError(f"{folder} belongs to another user")
    if st.st_mode & 0o077:
        os.chmod(folder, 0o700)
        return f"{folder} was open to other users (mode {stat.S_IMODE(st.st_mode):04o}); made it user-only (0700)"
    return None


@contextlib.contextmanager
def folder_lock(folder: Path, timeout: float = 30.0) -> Iterator[bool]:
    """Hold an exclusive lock on `folder` (an advisory `flock` on the folder itself: no file is written)
    while the block runs, so that two processes opening the same cache one moment apart take turns.

    Waits at most `timeout` seconds, then goes on without it (a stopped process must not hang others);
    yields whether the lock is held. Where folders cannot be locked the block simply runs.
    """
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        yield False
        return
    try:
        held, deadline, pause = False, time.monotonic() + timeout, 0.001
        while fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                held = True
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    break
                time.sleep(pause)  # the holder is opening a cache: a fraction of a second
                pause = min(pause * 2, 0.05)
            except OSError:  # a file system that cannot lock
                break
        yield held
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def replace_private(path: Path, text: str) -> str | None:
    """Write `text` to `path` atomically: a temporary file (0600) in its folder (0700, ours), renamed over
    the old one. Returns `private_folder`'s note (or None); raises OSError with a line for the user."""
    note = private_folder(path.parent)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
    return note


def private_file(path: Path, create: bool = True) -> bool:
    """Make sure `path` is safe to open by name: a regular file of ours, or nothing.

    Missing, it is created empty (0600) when `create`. A link (dangling or not), a FIFO, a device, a
    folder or another user's file is refused: it is never opened, written or replaced. Returns whether
    the file exists now.
    """
    for _ in range(2):  # created by someone else between the two opens: look at it again
        try:
            fd = os.open(path, _OPEN_FLAGS)
        except FileNotFoundError:
            if not create:
                return False
            try:
                os.close(os.open(path, _CREATE_FLAGS, 0o600))
            except FileExistsError:
                continue
            return True
        except OSError as exc:
            raise OSError(_refusal(path) or f"{path}: {exc.strerror or exc}") from None
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise OSError(f"{path} is not a regular file; not used")
            if st.st_uid != os.geteuid():
                raise OSError(f"{path} belongs to another user; not used")
            if st.st_mode & 0o077:
                os.fchmod(fd, 0o600)
        finally:
            os.close(fd)
        return True
    raise OSError(f"{path} keeps changing; not used")


def _refusal(path: Path) -> str | None:
    """Why an open refused `path`, when it is a link (the kernel says only "too many levels of links")."""
    try:
        if stat.S_ISLNK(os.lstat(path).st_mode):
            return f"{path} is a symbolic link; not followed"
    except OSError:
        pass
    return None
