"""Telling the reader where the library changed: Linux inotify through ctypes, else cheap polling.

`Watcher.wait()` answers with the places that changed, as (root, id) pairs of files or folders, so a
live refresh looks only there (`Index.refresh(folders=…)`), or with `EVERYTHING` when it cannot say
(polling, or an inotify queue that overflowed), which means one stat-only pass over the library.

Why inotify and not polling alone: at 100,000 files a polling pass costs about 0.3 s of CPU, so
meeting a 2-second freshness goal would keep a core a sixth busy while the reader sits idle. inotify
costs nothing until something changes. It needs no new dependency: the three libc calls go through
ctypes, and anything unusual (no libc, no inotify, too many folders for the watch limit) falls
back to polling.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import functools
import os
import select
import stat
import struct
import time

from briefing_tui.core.reading.safe import is_within

EVERYTHING = None
"""`wait()` returns this when a full (stat-only) refresh is needed."""
Changes = list[tuple[str, str]] | None

IN_MODIFY = 0x2
IN_ATTRIB = 0x4
IN_CLOSE_WRITE = 0x8
IN_MOVED_FROM = 0x40
IN_MOVED_TO = 0x80
IN_CREATE = 0x100
IN_DELETE = 0x200
IN_DELETE_SELF = 0x400
IN_MOVE_SELF = 0x800
IN_Q_OVERFLOW = 0x4000
IN_IGNORED = 0x8000
IN_ONLYDIR = 0x01000000
IN_ISDIR = 0x40000000
IN_NONBLOCK = os.O_NONBLOCK
IN_CLOEXEC = 0o2000000
_MASK = (IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE
         | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)
_EVENT = struct.Struct("iIII")
MAX_WATCHES = 20_000
"""More folders than this and the watcher polls instead (each watch costs kernel memory)."""
SETTLE = 0.1
"""After the first event, how long to gather more before answering (a copy of many files is one refresh)."""


@functools.cache
def _libc() -> ctypes.CDLL:
    """The C library, found once per process (`find_library` runs `ldconfig -p`: 50 ms a reader start)."""
    name = ctypes.util.find_library("c")
    return ctypes.CDLL(name or "libc.so.6", use_errno=True)


class _Inotify:
    """The kernel's inotify: a file descriptor, watches on folders, and events read from it."""

    def __init__(self) -> None:
        libc = _libc()
        init = libc.inotify_init1
        init.argtypes = [ctypes.c_int]
        init.restype = ctypes.c_int
        self._add = libc.inotify_add_watch
        self._add.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_uint32]
        self._add.restype = ctypes.c_int
        fd = init(IN_NONBLOCK | IN_CLOEXEC)
        if fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1 failed")
        self.fd = fd

    def add(self, path: str) -> int:
        wd = int(self._add(self.fd, os.fsencode(path), _MASK))
        if wd < 0:
            err = ctypes.get_errno()
            raise OSError(err, os.strerror(err))
        return wd

    def read(self, timeout: float) -> list[tuple[int, int, bytes]]:
        """Events as (watch, mask, name), waiting at most `timeout` seconds for the first."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return []
        try:
            data = os.read(self.fd, 1 << 16)
        except BlockingIOError:
            return []
        events = []
        offset = 0
        while offset + _EVENT.size <= len(data):
            wd, mask, _cookie, length = _EVENT.unpack_from(data, offset)
            name = data[offset + _EVENT.size:offset + _EVENT.size + length].rstrip(b"\0")
            events.append((wd, mask, name))
            offset += _EVENT.size + length
        return events

    def close(self) -> None:
        os.close(self.fd)


class Watcher:
    """Watches the library's folders; `wait()` says where something changed."""

    def __init__(self, roots: list[str], poll_interval: float = 2.0, use_inotify: bool = True) -> None:
        self.roots = roots
        self.poll_interval = poll_interval
        self._folders: dict[int, tuple[str, str]] = {}
        self._inotify: _Inotify | None = None
        self._last_poll = time.monotonic()
        self.mode = "polling"
        if use_inotify and all(os.path.isdir(r) for r in roots):
            with contextlib.suppress(OSError, AttributeError):
                self._inotify = _Inotify()
                try:
                    for root in roots:
                        self._watch_tree(root, "")
                    self.mode = "inotify"
                except OSError:  # too many folders for the kernel's limit, or an unreadable one
                    self._inotify.close()
                    self._inotify = None
                    self._folders = {}

    def _watch_tree(self, root: str, folder: str) -> None:
        """Watch `folder` (an id below `root`) and the folders below it, by the rules `walk` follows."""
        stack = [folder]
        seen: set[tuple[int, int]] = set()
        assert self._inotify is not None
        while stack:
            rel = stack.pop()
            path = os.path.join(root, rel) if rel else root
            try:
                st = os.stat(path)
            except OSError:
                continue
            if (st.st_dev, st.st_ino) in seen or not stat.S_ISDIR(st.st_mode):
                continue
            seen.add((st.st_dev, st.st_ino))
            if len(self._folders) >= MAX_WATCHES:
                raise OSError("too many folders to watch")
            self._folders[self._inotify.add(path)] = (root, rel)
            try:
                with os.scandir(path) as it:
                    for entry in it:
                        if entry.name.startswith("."):
                            continue
                        with contextlib.suppress(OSError):
                            if entry.is_dir() and (not entry.is_symlink() or is_within(entry.path, root)):
                                stack.append(f"{rel}/{entry.name}" if rel else entry.name)
            except OSError:
                continue

    def wait(self, timeout: float) -> tuple[bool, Changes]:
        """(whether anything may have changed, where: a list of (root, id) or EVERYTHING)."""
        if self._inotify is None:
            now = time.monotonic()
            if now - self._last_poll >= self.poll_interval:
                self._last_poll = now
                return True, EVERYTHING
            time.sleep(min(timeout, self.poll_interval - (now - self._last_poll)))
            return False, []
        events = self._inotify.read(timeout)
        if not events:
            return False, []
        deadline = time.monotonic() + SETTLE
        while (left := deadline - time.monotonic()) > 0:
            events.extend(self._inotify.read(left))
        changed: set[tuple[str, str]] = set()
        for wd, mask, raw in events:
            if mask & IN_Q_OVERFLOW:
                return True, EVERYTHING
            place = self._folders.get(wd)
            if place is None or mask & IN_IGNORED:
                continue
            name = os.fsdecode(raw)
            if not name or name.startswith("."):
                continue  # the folder itself, or a hidden file (an editor's swap file)
            root, rel = place
            child = f"{rel}/{name}" if rel else name
            if mask & IN_ISDIR and mask & (IN_CREATE | IN_MOVED_TO):
                with contextlib.suppress(OSError):
                    self._watch_tree(root, child)
            changed.add((root, child))
        return bool(changed), sorted(changed)

    @property
    def watched(self) -> int:
        """How many folders are watched (0 when polling)."""
        return len(self._folders)

    def close(self) -> None:
        if self._inotify is not None:
            self._inotify.close()
            self._inotify = None
