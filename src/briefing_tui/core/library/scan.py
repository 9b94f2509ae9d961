"""Scanning library roots for the files that may be articles (never leaving a root), and reading and
parsing each into an Article or a Problem."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from briefing_tui.core.model import Article, Listed, Problem
from briefing_tui.core.reading import sanitize
from briefing_tui.core.reading.safe import DEFAULT_MAX_BYTES, ReadError, is_within, read_text

MAX_DEPTH = 64
NOT_ARTICLES = frozenset({"readme", "license", "licence", "changelog", "copying", "sources", "authors", "credits",
                          "contributing"})
"""Names (before the first dot, any case) of files a folder holds beside its articles, skipped unless the file
itself is named: `README.TXT` at a library's root is no article."""


PAGE_FOLDERS = ("_files", "-Dateien", "_fichiers")
"""How a browser names the folder it saves a page's images, scripts and frames in (`Talks stall_files` beside
`Talks stall.html`; Firefox in German and French): skipped beside a saved page, as none of it is the article."""


def page_folder(name: str, names: list[str]) -> bool:
    """Whether the folder `name`, among the entries `names` of its parent, is a saved page's companion folder:
    it ends like one and a `.html`/`.htm` file is beside it."""
    return name.endswith(PAGE_FOLDERS) and any(n.lower().endswith((".html", ".htm")) for n in names)


def _in_page_folder(root: str, folder: str) -> bool:
    """Whether the folder `folder` (an id below `root`) is in a saved page's companion folder."""
    parent = root
    for part in folder.split("/"):
        if part.endswith(PAGE_FOLDERS):
            try:
                if page_folder(part, os.listdir(parent)):
                    return True
            except OSError:
                return False
        parent = os.path.join(parent, part)
    return False


def folder_note(name: str) -> bool:
    """True for a folder's own notes (NOT_ARTICLES before the first dot), also in another language:
    `README-ja.md`, `readme_zh-CN.txt` (a code of two letters, maybe a region of two); `license-fees.md` is
    an article."""
    stem = name.partition(".")[0].casefold()
    if stem in NOT_ARTICLES:
        return True
    for sep in "-_":
        head, found, code = stem.partition(sep)
        if found and head in NOT_ARTICLES:
            lang, _, region = code.replace("_", "-").partition("-")
            return len(lang) == 2 and lang.isalpha() and (not region or (len(region) == 2 and region.isalpha()))
    return False


class Entry(NamedTuple):
    """A file found under a root: the root, the path shown for it, and its id (its path below the root).

    The file is read as `id` below `root`, never through `path`: see `reading.open_in_root`. A named
    tuple: a refresh makes one per file of the library, and a tuple is made several times faster.
    """

    root: str
    path: str
    id: str


@dataclass
class Library:
    """Everything loaded from some roots: articles newest first, and problems."""

    roots: list[str]
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def sort(self) -> None:
        """Newest first, undated last, then by title and id so the order is stable."""
        self.articles.sort(key=sort_key)


def sort_key(article: Article | Listed) -> tuple[int, int, str, str]:
    """Newest first; undated last; then title, then id."""
    ordinal = article.date.toordinal() if article.date else 0
    return (0 if article.date else 1, -ordinal, article.title.casefold(), article.id)


def path_text(path: str) -> str:
    """A file's id or path as it is shown, stored and printed: one safe line that names that file alone, its
    odd characters escaped as `ls -b` writes them (`sanitize.escape_name`): `a\\x07b.md` and `ab.md` are two
    files, with two sets of read marks and bookmarks."""
    return sanitize.escape_name(path)


def display_path(path: str) -> str:
    """A path as a clean line for people and JSON (undecodable bytes show as U+FFFD; a terminal escape sequence
    in a name goes whole)."""
    return sanitize.clean_line(sanitize.strip_escape_sequences(path))


def walk(root: str, problems: list[Problem] | None = None, folder: str = "") -> Iterator[Entry]:
    """Yield candidate files under `root` recursively: hidden entries, a folder's own notes (`README*`,
    `LICENSE*`, `CHANGELOG*`: NOT_ARTICLES) and a saved page's companion folder (`page_folder`) skipped, never
    leaving the root; a `root` that is a file is yielded whatever its name.

    Symlinked folders are followed only when they resolve inside the root and were not seen before,
    so loops are harmless. Unreadable folders become problems. `folder` (an id below the root)
    walks only that folder and what is below it.
    """
    if os.path.isfile(root) or (os.path.islink(root) and not os.path.isdir(root)):
        if not folder:
            parent = os.path.dirname(os.path.abspath(root))
            yield Entry(parent, root, os.path.basename(root))
        return
    if folder and _in_page_folder(root, folder):
        return
    seen: set[tuple[int, int]] = set()
    start = os.path.join(root, folder) if folder else root
    stack: list[tuple[str, str, int]] = [(start, folder, folder.count("/") + 1 if folder else 0)]
    while stack:
        folder, rel, depth = stack.pop()
        try:
            st = os.stat(folder)
        except OSError as exc:
            _add(problems, root, folder, rel or ".", f"cannot open folder: {exc.strerror or exc}")
            continue
        if (st.st_dev, st.st_ino) in seen:
            continue
        seen.add((st.st_dev, st.st_ino))
        if depth > MAX_DEPTH:
            _add(problems, root, folder, rel, "folders nested too deeply; not scanned")
            continue
        try:
            with os.scandir(folder) as it:
                entries = list(it)  # in the folder's own order: what needs an order sorts (see load_library)
        except OSError as exc:
            _add(problems, root, folder, rel or ".", f"cannot list folder: {exc.strerror or exc}")
            continue
        subfolders = []
        prefix = f"{rel}/" if rel else ""
        names: list[str] | None = None
        for entry in entries:  # every file of the library passes here on every refresh: kept lean
            name = entry.name
            if name[0] == ".":
                continue
            child_rel = prefix + name
            try:
                is_link = entry.is_symlink()
                is_dir = not is_link and entry.is_dir(follow_symlinks=False)
            except OSError:
                is_link, is_dir = False, False
            if is_link:
                try:
                    target_is_dir = stat.S_ISDIR(os.stat(entry.path).st_mode)
                except OSError:
                    target_is_dir = False
                if target_is_dir:
                    if is_within(entry.path, root):
                        subfolders.append((entry.path, child_rel, depth + 1))
                    else:
                        _add(problems, root, entry.path, child_rel,
                             "link to a folder outside the library; not followed")
                    continue
            if is_dir:
                if name.endswith(PAGE_FOLDERS):
                    names = names if names is not None else [e.name for e in entries]
                    if page_folder(name, names):
                        continue
                subfolders.append((entry.path, child_rel, depth + 1))
            elif not folder_note(name):
                yield Entry(root, entry.path, child_rel)
        subfolders.sort()
        stack.extend(reversed(subfolders))


def _add(problems: list[Problem] | None, root: str, path: str, rel: str, reason: str) -> None:
    if problems is not None:
        problems.append(Problem(path_text(rel), path_text(path), reason))


def load_entry(entry: Entry, max_bytes: int = DEFAULT_MAX_BYTES, head: int | None = None) -> Article | Problem:
    """Read and parse one file; whatever goes wrong becomes a Problem, never an exception.

    With `head`, only about the first `head` characters are parsed (cut at a paragraph's end): a quick
    first screen of a very large file while the whole of it is parsed.
    """
    from briefing_tui.core.formats.common import FileInfo, ParseError  # see below
    from briefing_tui.core.formats.detect import EMAIL_SUFFIXES, SUPPORTED_SUFFIXES, parse_text

    ident = path_text(entry.id)
    shown = path_text(entry.path)
    name = os.path.basename(entry.id)
    stem, suffix = os.path.splitext(name)
    if suffix.lower() not in SUPPORTED_SUFFIXES:
        return Problem(ident, shown, f"not an article file (unsupported type {display_path(suffix.lower())})")
    folder = section_folder(entry.id)  # a title or a section from a name: an escape sequence in it goes whole
    info = FileInfo(ident, shown, display_path(stem or name), display_path(folder) if folder else None)
    try:
        # An e-mail's parts name their own charsets: its bytes are kept for them (docs/formats.md, E-mail).
        text, _ = read_text(entry.root, entry.id, max_bytes, keep_bytes=suffix.lower() in EMAIL_SUFFIXES)
        if head is not None and len(text) > head:
            cut = text.rfind("\n\n", head // 2, head)  # a paragraph's end, else a line's, else anywhere
            cut = cut if cut > 0 else text.rfind("\n", head // 2, head)
            text = text[:cut if cut > 0 else head]
        return parse_text(text, info, suffix)
    except (ReadError, ParseError) as exc:
        return Problem(ident, shown, str(exc))
    except RecursionError:
        return Problem(ident, shown, "file is nested too deeply to parse")
    except Exception as exc:
        return Problem(ident, shown, f"could not parse file ({type(exc).__name__})")


def section_folder(ident: str) -> str | None:
    """The nearest parent folder below the root that names a section (`2025/06` folders are skipped)."""
    for part in reversed(ident.split("/")[:-1]):
        if part and not part.replace("-", "").replace("_", "").isdigit():
            return part
    return None


def file_entry(path: str, root: str | None = None) -> Entry:
    """The entry of one file given by path; its root is its folder unless given."""
    root = root or os.path.dirname(os.path.abspath(path)) or "."
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root)).replace(os.sep, "/")
    return Entry(root, path, rel)


def load_file(path: str, root: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Article | Problem:
    """Load one file given by path; its root is its folder unless given."""
    return load_entry(file_entry(path, root), max_bytes)


def outermost(roots: Iterable[str]) -> list[str]:
    """The roots less those inside another one given that lists them anyway (`lib lib/odd`: `lib` alone), so that a
    file is listed once; a root below a hidden folder or a saved page's `_files` (which a walk skips) is kept."""
    roots = list(roots)
    reals = [os.path.realpath(r) for r in roots]
    folders = [os.path.isdir(r) for r in reals]  # each looked at once, not once for every other root
    kept = []
    for k, (root, real) in enumerate(zip(roots, reals, strict=True)):
        inside = False
        for j, outer in enumerate(reals if os.path.exists(real) else ()):  # a missing one stays: a problem
            if j == k or not folders[j] or not real.startswith(outer.rstrip(os.sep) + os.sep):
                continue
            between = os.path.relpath(real if folders[k] else os.path.dirname(real), outer)
            parts = [] if between == os.curdir else between.split(os.sep)
            if not any(p.startswith(".") or p.endswith("_files") for p in parts):
                inside = True
                break
        if not inside:
            kept.append(root)
    return kept


def scan(roots: Iterable[str]) -> tuple[list[Entry], list[Problem]]:
    """Find every candidate file under the roots (stat only, no reading): entries and folder problems. A root
    inside another one given is walked once, as part of the outer one (`outermost`)."""
    entries: list[Entry] = []
    problems: list[Problem] = []
    for root in outermost(roots):
        if not os.path.exists(root) and not os.path.islink(root):
            problems.append(Problem(path_text(root), path_text(root), "no such file or folder"))
            continue
        entries.extend(walk(root, problems))
    return entries, problems


def load_library(
    roots: Iterable[str],
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[int, int], None] | None = None,
) -> Library:
    """Scan every root and parse every file here; articles newest first, problems by file.

    `progress(done, total)` is called as files are parsed. The commands and the reader read through the
    index instead (`Index.refresh`), which parses in workers under a CPU budget.
    """
    roots = list(roots)
    entries, problems = scan(roots)
    library = Library(roots, problems=problems)
    for n, entry in enumerate(entries, 1):
        result = load_entry(entry, max_bytes)
        if isinstance(result, Problem):
            library.problems.append(result)
        else:
            library.articles.append(result)
        if progress is not None:
            progress(n, len(entries))
    library.sort()
    library.problems.sort(key=lambda p: p.id)
    return library

