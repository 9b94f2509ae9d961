"""Safe reading of untrusted files: no blocking, no devices, no escaping the root, bounded size.

Every failure is a `ReadError` carrying one line for the user; callers turn it into a Problem.
"""

from __future__ import annotations

import codecs
import os
import re
import stat

DEFAULT_MAX_BYTES = 16 * 1024 * 1024
"""Files larger than this are problems, not articles (DESIGN §9)."""

_CHUNK = 1 << 20
_BINARY_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")


class ReadError(Exception):
    """A file that cannot be read as an article; the message is one line for the user."""


def is_within(path: str, root: str) -> bool:
    """True when the real `path` lies inside the real `root` (or is it)."""
    real_root = os.path.realpath(root)
    real = os.path.realpath(path)
    return real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)


def resolve_file(path: str, root: str) -> str:
    """Return the path to open for `path`, following a symlink only to a regular file inside `root`."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        raise ReadError("file vanished before it could be read") from None
    except OSError as exc:
        raise ReadError(f"cannot stat file: {exc.strerror or exc}") from None
    if stat.S_ISLNK(st.st_mode):
        try:
            target = os.path.realpath(path, strict=True)
        except (OSError, RuntimeError):
            raise ReadError("dangling or looping symbolic link") from None
        if not is_within(target, root):
            raise ReadError("symbolic link points outside the library; not followed")
        try:
            st = os.stat(target)
        except OSError:
            raise ReadError("dangling symbolic link") from None
        path = target
    if not stat.S_ISREG(st.st_mode):
        raise ReadError(f"not a regular file ({_kind(st.st_mode)})")
    return path


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a regular file without ever blocking (a FIFO swapped in fails), up to `max_bytes`."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise ReadError("file vanished before it could be read") from None
    except OSError as exc:
        raise ReadError(f"cannot open file: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise ReadError(f"not a regular file ({_kind(st.st_mode)})")
        if st.st_size > max_bytes:
            raise ReadError(f"file too large ({_mb(st.st_size)}; the limit is {_mb(max_bytes)})")
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, _CHUNK)
            if not chunk:
                break
            total += len(chunk)
            if total > max_bytes:  # it grew while we read it
                raise ReadError(f"file too large (over {_mb(max_bytes)})")
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise ReadError(f"cannot read file: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8 (BOM aware), UTF-16 with a BOM, else cp1252; return (text, encoding)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        if data.startswith(b"\xff\xfe\x00\x00"):
            raise ReadError("UTF-32 text is not supported")
        return data.decode("utf-16", errors="replace"), "utf-16"
    if b"\x00" in data:
        raise ReadError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def looks_binary(text: str) -> bool:
    """True when decoded text is mostly control or replacement characters: not an article."""
    sample = text[:8192]
    if not sample:
        return False
    return len(_BINARY_CHARS.findall(sample)) / len(sample) > 0.10


def read_text(path: str, root: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, str]:
    """Safely open `path` (inside `root`) and return (decoded text, encoding); raise ReadError."""
    real = resolve_file(path, root)
    text, encoding = decode(read_bytes(real, max_bytes))
    if "\x00" in text:
        raise ReadError("binary file (contains NUL characters)")
    if looks_binary(text):
        raise ReadError("binary file (not text)")
    return text, encoding


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "special file"


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
