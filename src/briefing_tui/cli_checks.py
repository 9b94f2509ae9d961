"""Checks of the command line's words before a command runs (docs/cli.md: a usage error is one line, exit 2).

A PATH that is not there, or cannot be read, is named instead of becoming an empty library; a search
query split over several arguments is refused with its quoted form instead of losing words to PATH.
"""

from __future__ import annotations

import errno
import os
import shlex
import stat
from collections.abc import Sequence

_NOTHING_THERE = (errno.ENOENT, errno.ENOTDIR)
_SHELL_READS_IN_DOUBLE_QUOTES = '"$`\\!'


def missing(path: str) -> bool:
    """True when nothing is at `path` (a link to nothing included)."""
    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno in _NOTHING_THERE
    except ValueError:  # a NUL in the name: nothing can be there
        return True
    return False


def path_problem(path: str) -> str | None:
    """Why a PATH given on the command line cannot be read, as one sentence; None when it can.

    What is inside a folder is the library's business: a file in it that cannot be read is a problem
    listed with the others, not an error.
    """
    if missing(path):
        return f"no such file or folder: {path!r}"
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:  # a loop of links, a parent folder we may not enter
        return f"cannot read {path!r}: {exc.strerror or exc}"
    if stat.S_ISDIR(mode):
        return None if os.access(path, os.R_OK | os.X_OK) else f"cannot read folder: {path!r}"
    return None if os.access(path, os.R_OK) else f"cannot read file: {path!r}"


def first_path_problem(paths: Sequence[str]) -> str | None:
    """The problem of the first PATH that cannot be read, if any."""
    return next(filter(None, map(path_problem, paths)), None)


def split_query(query: str, paths: Sequence[str]) -> str | None:
    """When `search ID cards /corpus` took `cards` for a PATH, say so and show the query quoted; else None.

    The words are those before the first argument that exists or names a place (`/corpus`, `./x`, `~/x`);
    what follows them is kept as it was given, so no argument is dropped from the suggestion.
    """
    if names_a_place(query) and paths and not any(names_a_place(arg) for arg in paths):
        # `search seeds harbour`: a folder first and a word after it is the two the wrong way round
        command = " ".join(["briefing search", shell_query(" ".join(paths)), shlex.quote(query)])
        together = " ".join(["briefing search", shell_query(" ".join([query, *paths]))])
        return (f"{paths[0]!r} is not a file or folder. The query comes first, then the folders: {command} "
                f"(or, for several words: {together})")
    words = [query]
    for arg in paths:
        if names_a_place(arg):
            break
        words.append(arg)
    if len(words) == 1:
        return None
    rest = [shlex.quote(p) for p in paths[len(words) - 1:]]
    command = " ".join(["briefing search", shell_query(" ".join(words)), *rest])
    return f"{words[1]!r} is not a file or folder. To search for several words, quote them: {command}"


def split_quotes_query(query: str, paths: Sequence[str]) -> str | None:
    """When `quotes -q speaker:le pen lib` took `pen` for a PATH, say so and show the query quoted; else None.

    The words are the arguments that neither exist nor name a place, wherever the shell put them (a PATH may come
    before `-q`); the others stay PATHs, in their order."""
    stray = [arg for arg in paths if not names_a_place(arg)]
    if not stray:
        return None
    places = [shlex.quote(arg) for arg in paths if names_a_place(arg)]
    command = " ".join(["briefing quotes", *places, "-q", shell_query(" ".join([query, *stray]))])
    return f"{stray[0]!r} is not a file or folder. To look for several words, quote them: {command}"


def shell_query(text: str) -> str:
    """A query as one shell word: in double quotes, as people write it, unless the shell would read
    something inside them (a double quote, $, `, \\ or !); then in single quotes."""
    if any(ch in text for ch in _SHELL_READS_IN_DOUBLE_QUOTES):
        return shlex.quote(text)
    return f'"{text}"'


def names_a_place(arg: str) -> bool:
    """An argument meant as a PATH: it exists, or it has a folder separator or starts as paths do."""
    return (os.path.lexists(arg) or os.sep in arg or bool(os.altsep and os.altsep in arg)
            or arg.startswith(("~", ".")))
