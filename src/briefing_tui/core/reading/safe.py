"""Safe reading of untrusted files: no blocking, no devices, no escaping the root, bounded size.

Every failure is a `ReadError` carrying one line for the user; callers turn it into a Problem.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from collections.abc import Callable
from functools import partial

DEFAULT_MAX_BYTES = 16 * 1024 * 1024
"""Files larger than this are problems, not articles (docs/files.md)."""

_CHUNK = 1 << 20
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
_FILE_FLAGS = (os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
               | getattr(os, "O_NOCTTY", 0))
"""Non-blocking (a FIFO opens at once and is refused by fstat), and a link is never followed by the kernel."""
MAX_LINKS = 40
"""Links followed on the way to one file, as the kernel allows: more is a loop."""
_BINARY_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")


class ReadError(Exception):
    """A file that cannot be read as an article; the message is one line for the user."""


def is_within(path: str, root: str, resolve: bool = True) -> bool:
    """True when the real `path` lies inside the real `root` (or is it); without `resolve`, the paths as written (a
    folder on the way may be a link out of `root`)."""
    norm = os.path.realpath if resolve else os.path.abspath
    real_root = norm(root)
    real = norm(path)
    return real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)


def open_in_root(root: str, ident: str) -> int:
    """Open `ident` (a `/`-separated path below `root`) for reading; the descriptor is never outside `root`.

    Each component is opened relative to its parent's descriptor without following links, so a folder
    swapped for a link after the scan cannot lead out. A link met on the way is allowed as before: it is
    resolved, must stay inside the root, and the walk starts again from the root along the resolved path.
    """
    try:
        root_fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise _open_error(exc) from None
    try:
        parts = _parts(ident)
        for _ in range(MAX_LINKS):
            fd, parts = _open_beneath(root_fd, root, parts)
            if fd is not None:
                return fd
            if not parts:  # a link to the root itself
                raise ReadError("not a regular file (a folder)")
        raise ReadError("dangling or looping symbolic link")
    finally:
        os.close(root_fd)


def _parts(ident: str) -> list[str]:
    parts = [p for p in ident.split("/") if p not in ("", ".")]
    if not parts:
        raise ReadError("not a regular file (a folder)")
    if ".." in parts:
        raise ReadError("path leads outside the library; not followed")
    return parts


def _open_beneath(root_fd: int, root: str, parts: list[str]) -> tuple[int | None, list[str]]:
    """Walk `parts` down from `root_fd`: (the file's descriptor, parts), or (None, the path a link led to)."""
    fd = root_fd
    try:
        for i, name in enumerate(parts):
            last = i == len(parts) - 1
            try:
                child = os.open(name, _FILE_FLAGS if last else _DIR_FLAGS, dir_fd=fd)
            except OSError as exc:
                if exc.errno == errno.ENXIO:  # a socket (or a device with no driver): what it is, not errno's words
                    raise _not_regular(partial(os.stat, name, dir_fd=fd, follow_symlinks=False), exc) from None
                if exc.errno not in (errno.ELOOP, errno.ENOTDIR, errno.EMLINK):
                    raise _open_error(exc) from None
                try:  # a link where O_NOFOLLOW refused: resolve it and start again, if it stays inside
                    target = os.readlink(name, dir_fd=fd)
                except OSError:
                    raise _open_error(exc) from None
                return None, _resolve_link(root, parts[:i], target) + parts[i + 1:]
            if fd != root_fd:
                os.close(fd)
            fd = child
        opened, fd = fd, root_fd  # handed to the caller: not closed below
        return opened, parts
    finally:
        if fd != root_fd:
            os.close(fd)


def _resolve_link(root: str, parents: list[str], target: str) -> list[str]:
    """The components below the root that a link at `parents/…` leads to; ReadError when it leaves the root."""
    real_root = os.path.realpath(root)  # only now: most files are reached without a link
    try:
        real = os.path.realpath(os.path.join(real_root, *parents, target), strict=True)
    except (OSError, RuntimeError):
        raise ReadError("dangling or looping symbolic link") from None
    if not is_within(real, real_root):
        raise ReadError("symbolic link points outside the library; not followed")
    rel = os.path.relpath(real, real_root)
    return [] if rel == "." else rel.split(os.sep)


def _not_regular(lstat: Callable[[], os.stat_result], exc: OSError) -> ReadError:
    try:
        return ReadError(f"not a regular file ({file_kind(lstat().st_mode)})")
    except OSError:
        return _open_error(exc)


def _open_error(exc: OSError) -> ReadError:
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return ReadError("file vanished before it could be read")
    return ReadError(f"cannot open file: {exc.strerror or exc}")


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a regular file without ever blocking or following a final link, up to `max_bytes`."""
    try:
        fd = os.open(path, _FILE_FLAGS)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise _not_regular(partial(os.lstat, path), exc) from None
        raise _open_error(exc) from None
    return read_fd(fd, max_bytes)


def read_fd(fd: int, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read an open descriptor, which must be a regular file, up to `max_bytes`; close it."""
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise ReadError(f"not a regular file ({file_kind(st.st_mode)})")
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
    """Decode bytes as UTF-8 (BOM aware), UTF-16 with a BOM, else cp1252; return (text, encoding). UTF-8 with a
    few bytes that do not decode is UTF-8 still; bytes that are mostly above ASCII are no cp1252 text (a
    ReadError)."""
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
        pass
    as_utf8 = data.decode("utf-8", errors="replace")
    bad = as_utf8.count("\ufffd")
    if len(as_utf8.encode("utf-8")) - len(as_utf8) - 2 * bad > 2 * bad:  # bytes of good multi-byte characters
        return as_utf8, "utf-8"  # UTF-8 with a stray byte or two: those become U+FFFD, the rest reads right
    high = high_bytes(data)
    if high >= 16 and high * 100 > len(data) * MAX_HIGH_PERCENT:  # a short line (`Élysée`) is not judged
        raise ReadError(f"not text in UTF-8 or a Western encoding ({high * 100 // len(data)}% of its bytes are "
                        "not ASCII); if it is text, save it as UTF-8")
    return data.decode("cp1252", errors="replace"), "cp1252"


def decode_keeping_bytes(data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8 (BOM aware), each byte that is not UTF-8 kept as a lone surrogate (`surrogateescape`),
    for a format that names its own charsets (e-mail): its parser takes the bytes back (`str.encode("utf-8",
    "surrogateescape")`) and decodes each part in the charset it declares. UTF-16 with a BOM, UTF-32 and NUL bytes
    as `decode`."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="surrogateescape"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in data:
        return decode(data)
    return data.decode("utf-8", errors="surrogateescape"), "utf-8"


MAX_HIGH_PERCENT = 25
"""The most of a file's bytes, in per cent, that may be above ASCII for it to be read as cp1252: Western European
text in it (French, German, Spanish) holds a few per cent; Greek or Cyrillic in an 8-bit encoding, and random
bytes, hold half or more, and would read as a screen of mojibake."""
_HIGH_BYTES = bytes(range(0x80, 0x100))


def high_bytes(data: bytes) -> int:
    """How many of the bytes are above ASCII."""
    return len(data) - len(data.translate(None, _HIGH_BYTES))


def looks_binary(text: str) -> bool:
    """True when decoded text is mostly control or replacement characters: not an article."""
    sample = text[:8192]
    if not sample:
        return False
    return _binary_count(sample) / len(sample) > 0.10


_BINARY_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20)])
"""`_BINARY_CHARS` but U+FFFD, as UTF-8 bytes: each of these control characters is one byte, which is never part
of another character's encoding."""


def _binary_count(text: str) -> int:
    """How many `_BINARY_CHARS` `text` holds, counted on its UTF-8 bytes: a delete-translate and a count run
    several times faster than the regex. U+FFFD is EF BF BD, and EF only ever starts a character."""
    data = text.encode("utf-8", "surrogatepass")
    return len(data) - len(data.translate(None, _BINARY_BYTES)) + data.count(b"\xef\xbf\xbd")


def read_text(root: str, ident: str, max_bytes: int = DEFAULT_MAX_BYTES, *,
              keep_bytes: bool = False) -> tuple[str, str]:
    """Safely read the file `ident` below `root` (see `open_in_root`): (decoded text, encoding); raise ReadError.
    With `keep_bytes`, bytes that are not UTF-8 are kept for the parser to decode (`decode_keeping_bytes`)."""
    data = read_fd(open_in_root(root, ident), max_bytes)
    text, encoding = decode_keeping_bytes(data) if keep_bytes else decode(data)
    if "\x00" in text:
        raise ReadError("binary file (contains NUL characters)")
    if looks_binary(text):
        raise ReadError("binary file (not text)")
    return text, encoding


def file_kind(mode: int) -> str:
    """What a file that is not a regular one is, in a few words (`a FIFO`)."""
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
