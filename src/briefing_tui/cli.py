"""The `briefing` command: the reader, and subcommands for scripts (docs/cli.md)."""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import os
import re
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from briefing_tui import __version__
from briefing_tui.cli_checks import (
    first_path_problem,
    missing,
    names_a_place,
    path_problem,
    split_query,
    split_quotes_query,
)
from briefing_tui.core import serialize
from briefing_tui.core.library.scan import file_entry, outermost
from briefing_tui.core.library.workers import index_workers, parse_here
from briefing_tui.core.model import Problem
from briefing_tui.core.reading import sanitize
from briefing_tui.core.reading.safe import is_within
from briefing_tui.core.search.hints import empty_hint, facts_of
from briefing_tui.core.search.index import (
    Index,
    RefreshStats,
    Result,
    index_path,
    indexed_root,
    marked_snippet,
    use_library_index,
)
from briefing_tui.core.search.query import REFUSED, QueryError
from briefing_tui.core.search.query import parse as parse_query
from briefing_tui.core.search.suggest import did_you_mean, library_of
from briefing_tui.core.user import help_text
from briefing_tui.core.user.config import Settings, cache_dir, load_settings, sample_library
from briefing_tui.core.user.state import library_key

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

COMMANDS = ("list", "show", "search", "quotes", "check", "index", "help")
T = TypeVar("T")
_READ = "read"  # the implicit subcommand that opens the reader


class UsageError(Exception):
    """Bad words on the command line: one line on stderr, exit 2."""


class ArgumentParser(argparse.ArgumentParser):
    """argparse, with every message it prints sanitized: its errors quote the words given, file names included."""

    def print_usage(self, file: SupportsWrite[str] | None = None) -> None:
        _write(self.format_usage(), file or sys.stdout)

    def print_help(self, file: SupportsWrite[str] | None = None) -> None:
        _write(self.format_help(), file or sys.stdout)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            _write(message, sys.stderr)
        sys.exit(status)


class CommandParser(ArgumentParser):
    """A subcommand's parser: PATHs may follow options, and what it cannot place it names with its own usage."""

    REQUIRED = {"QUERY": "a query is required", "FILE": "a file is required"}
    """argparse's 'the following arguments are required' for a missing positional, in plain words."""

    given: list[str] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # The global options may follow the command too (`briefing list docs --private`): each command takes
        # them, without a default of its own, so that one given before the command stays.
        anywhere = ArgumentParser(add_help=False)
        anywhere.add_argument("--private", action="store_true", default=argparse.SUPPRESS,
                              help="write nothing anywhere (may come before or after the command)")
        anywhere.add_argument("--config", metavar="FILE", default=argparse.SUPPRESS, help="config file")
        kwargs["parents"] = [*kwargs.get("parents", ()), anywhere]
        super().__init__(*args, **kwargs)

    def parse_known_args(self, args: Sequence[str] | None = None,  # type: ignore[override]
                         namespace: argparse.Namespace | None = None) -> tuple[argparse.Namespace, list[str]]:
        self.given = list(sys.argv[1:] if args is None else args)
        parsed, extras = super().parse_known_args(args, namespace)
        # argparse fills a `*` positional where it first meets positionals: in `search putin --json seeds`,
        # PATH is already empty when `seeds` comes. It is a PATH all the same, never an unrecognized word.
        if hasattr(parsed, "paths"):
            parsed.paths = [*parsed.paths, *(a for a in extras if not a.startswith("-"))]
            extras = [a for a in extras if a.startswith("-")]
        if extras:  # said here, under this command's usage, not the top level's
            self.error(f"unrecognized arguments: {' '.join(extras)}")
        return parsed, []

    def error(self, message: str) -> NoReturn:
        missing = message.partition("the following arguments are required: ")[2]
        if missing:
            message = "; ".join(self.REQUIRED.get(name, f"{name} is required") for name in missing.split(", "))
        super().error(message + self._dash_hint())

    def _dash_hint(self) -> str:
        """`search -trump` reads `-trump` as an option: say where a query that starts with '-' goes."""
        takes_query = any(action.dest == "query" and not action.option_strings for action in self._actions)
        query_option = any(action.dest == "query" and action.option_strings for action in self._actions)
        dashed = [a for a in self.given if a[:1] == "-" and a[1:2] not in ("", "-")
                  and a not in self._option_string_actions]
        if dashed and query_option and not takes_query:  # `quotes -q -trump`: the option takes it joined by `=`
            return f" (a query that starts with '-' is joined to its option: {self.prog} --query={dashed[0]})"
        if not (takes_query and dashed):
            return ""
        return f" (a query that starts with '-' goes after '--': {self.prog} -- {dashed[0]})"


def _write(message: str, file: SupportsWrite[str]) -> None:
    with contextlib.suppress(AttributeError, OSError):  # as argparse does: no stream to write to is no error
        file.write(sanitize.clean(message))


def build_parser(saved: bool = False) -> argparse.ArgumentParser:
    """The argument parser: global options first, then a subcommand (or paths for the reader). `saved`: the
    words hold `--saved`, so `search` takes no QUERY (a word where it would be is a PATH)."""
    parser = ArgumentParser(
        prog="briefing",
        description="Read, search and quote a folder of briefing articles. Without a subcommand, opens the reader.",
        epilog="Exit codes: 0 ok, 1 problems found (check; show of a file that is no article), 2 usage or query error, "
               "3 out of memory, 4 output that could not be written (a full disk). "
               "The query language: briefing help query. The reader's keys: briefing help keys.",
    )
    parser.add_argument("--version", action="version", version=f"briefing-tui {__version__}")
    parser.add_argument("--private", action="store_true", help="write nothing anywhere (also BRIEFING_PRIVATE=1)")
    parser.add_argument("--config", metavar="FILE",
                        help="config file (default: $XDG_CONFIG_HOME/briefing-tui/config.yaml)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=CommandParser)
    read = sub.add_parser(_READ, help="open the reader (the default)")
    read.add_argument("paths", nargs="*", metavar="PATH")
    lst = sub.add_parser("list", help="articles and problems", epilog=_FORMATS_EPILOG.format(
        tsv="path, date, section, title, quote count, word count"))
    lst.add_argument("paths", nargs="*", metavar="PATH")
    lst.add_argument("--limit", type=_positive, default=None, metavar="N", help="at most N articles (default all)")
    _add_format(lst)
    show = sub.add_parser("show", help="one article, with paragraphs, quotes, related")
    show.add_argument("file", metavar="FILE")
    show.add_argument("--json", action="store_true", help="print JSON")
    search = sub.add_parser("search", help="search the library (the query language: briefing help query)",
                            epilog='QUERY is one argument: quote it, as in briefing search "ID cards" PATH. '
                                   "A query that starts with '-' goes after '--'. "
                                   "The query language: briefing help query.")
    query_help = 'words, "phrases", OR, -word, field:value, date:… (briefing help query)'
    if saved:
        search.add_argument("query", metavar="QUERY", nargs="?", default=None, help=query_help)
    else:
        search.add_argument("query", metavar="QUERY", help=query_help)
    search.add_argument("--saved", metavar="NAME", default=None,
                        help="run the search saved in the reader under NAME (then no QUERY)")
    search.add_argument("paths", nargs="*", default=[], metavar="PATH")  # a default: argparse calls PATH required
    search.add_argument("--limit", type=_positive, default=20, metavar="N", help="at most N results (default 20)")
    search.add_argument("--sort", choices=("relevance", "date"), default="relevance")
    _add_format(search)
    quotes = sub.add_parser("quotes", help="quotes with speakers and citations")
    quotes.add_argument("paths", nargs="*", metavar="PATH")
    quotes.add_argument("-q", "--query", default="", metavar="QUERY",
                        help="only quotes matching QUERY (speaker:, section:, date:, words: briefing help query)")
    quotes.add_argument("--limit", type=_positive, default=None, metavar="N", help="at most N quotes (default all)")
    _add_format(quotes)
    index = sub.add_parser("index", help="build or refresh the search index, with a progress bar")
    index.add_argument("paths", nargs="*", metavar="PATH")
    check = sub.add_parser("check", help="problems only; exit 1 if any",
                           epilog=_FORMATS_EPILOG.format(tsv="path, problem"))
    check.add_argument("paths", nargs="*", metavar="PATH")
    _add_format(check)
    for name, columns in (("search", "path, date, section, title, score"),
                          ("quotes", "path, paragraph, date, speaker, quote")):
        command = sub.choices[name]
        command.epilog = " ".join(filter(None, [command.epilog, _FORMATS_EPILOG.format(tsv=columns)]))
    topics = sub.add_parser("help", help="help on a topic: query (the query language), keys (the reader's keys)")
    topics.add_argument("topic", nargs="?", metavar="TOPIC",
                        help=f"one of: {', '.join(help_text.TOPICS)}, or a command (its --help)")
    return parser


FORMATS = ("table", "json", "tsv", "paths")
_FORMATS_EPILOG = ("Formats: table (for people), json, tsv (one line per row, no header: {tsv}; tabs and "
                   "line breaks inside a value become spaces), paths (each file once).")


def _add_format(command: argparse.ArgumentParser) -> None:
    command.add_argument("--format", choices=FORMATS, default=None, help="output format (default table)")
    command.add_argument("--json", action="store_true", help="print JSON (the same as --format json)")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= 100_000:
        raise argparse.ArgumentTypeError("must be between 1 and 100000")
    return value


def _with_default_command(argv: list[str]) -> list[str]:
    """Insert `read` before the first positional that is not a subcommand (`briefing seeds` opens seeds)."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in ("-h", "--help", "--version"):
            return argv
        if arg == "--config":
            i += 2
            continue
        if arg.startswith("-"):
            i += 1
            continue
        if arg in COMMANDS or arg == _READ:
            return argv
        if not names_a_place(arg):  # `briefing /gone` is the reader's missing PATH, `briefing lsit` a typo
            import difflib

            near = difflib.get_close_matches(arg, (*COMMANDS, _READ), n=1)
            hint = f"; did you mean {near[0]!r}?" if near else ""
            raise UsageError(f"{arg!r} is neither a command ({', '.join((_READ, *COMMANDS))}) nor a file or folder"
                             f"{hint}")
        return [*argv[:i], _READ, *argv[i:]]
    return [*argv, _READ]


def resolve_paths(paths: Sequence[str], settings: Settings) -> tuple[list[str], str | None]:
    """The library roots: PATHs given, else $BRIEFING_LIBRARY / config, else the bundled samples (with a hint)."""
    if paths:
        return outermost(paths), None
    if settings.library:
        missing = _missing_library(settings)
        return outermost(settings.library), "N" + missing[1:] if missing else None
    return [sample_library()], "No library given: showing the bundled samples. Pass a folder: briefing PATH"


def _missing_library(settings: Settings) -> str | None:
    """`no such library folder: '…' (from $BRIEFING_LIBRARY)` for the configured folders that are not there."""
    missing = [p for p in settings.library if not os.path.lexists(p)]
    if not missing:
        return None
    where = "$BRIEFING_LIBRARY" if os.environ.get("BRIEFING_LIBRARY") else "the config's library:"
    return f"no such library folder: {', '.join(repr(sanitize.escape_name(p)) for p in missing)} (from {where})"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if _closed_streams():
        _error("cannot write the output: standard output is closed")
        return 4
    _safe_streams()
    parser = build_parser(saved=any(a == "--saved" or a.startswith("--saved=") for a in args_list))
    try:
        args = parser.parse_args(_with_default_command(args_list))
    except UsageError as exc:
        return _usage_error(str(exc))
    if args.command == "search" and args.saved is not None and args.query is not None:
        args.paths, args.query = [args.query, *args.paths], None  # with --saved, every word is a PATH
    problem = _arguments_problem(args)
    if problem:
        _error(problem)
        return 2
    settings = load_settings(args.config, args.private)
    for warning in settings.warnings:
        _error(warning)
    try:
        if args.command == "help":
            return _help(args.topic)
        if args.command == _READ:
            return _read(args, settings)
        if args.command == "show":
            return _show(args, settings)
        if getattr(args, "json", False) and getattr(args, "format", None) not in (None, "json"):
            _error(f"--json and --format {args.format} ask for two outputs; give one")
            return 2
        paths, hint = resolve_paths(args.paths, settings)
        if getattr(args, "json", False):
            args.format = "json"
        elif hasattr(args, "format") and args.format is None:
            args.format = "table"
        missing = None if args.paths else _missing_library(settings)
        if missing:  # in every format: a script must not take a library that is not there for one with no match
            _error(missing)
            if all(not os.path.lexists(p) for p in settings.library):
                return 2
        elif hint and getattr(args, "format", "table") == "table":
            print(hint, file=sys.stderr)
        if args.command == "search":
            return _search(args, paths, settings)
        if args.command == "index":
            return _index(paths, settings)
        if args.command == "quotes":
            return _quotes(args, paths, settings)
        if args.command == "list":
            return _list(args, paths, settings)
        return _check(args, paths, settings)
    except BrokenPipeError:
        _quiet_broken_pipe()
        return 0
    except OSError as exc:
        if exc.filename is not None or exc.errno not in _WRITE_ERRORS:
            raise
        _error(f"cannot write the output: {exc.strerror or exc}")
        _quiet_broken_pipe()  # what is still buffered is not written again at exit
        return 4
    except KeyboardInterrupt:
        return 130
    except MemoryError:
        _error("out of memory: the library or a file needs more memory than this process may use")
        return 3


def _arguments_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with the words given, in one sentence (None if nothing): a FILE or PATH that is not there
    or cannot be read, a search query split over several arguments. Checked before anything runs, so the
    sentence is the only line."""
    if args.config is not None and missing(args.config):  # named on purpose: a typo is no empty config
        return f"no such config file: {args.config!r}"
    if args.command == "show":
        args.file = _as_named(args.file)
        if missing(args.file):
            return f"no such file: {args.file!r}"
        if os.path.isdir(args.file):
            return f"{args.file!r} is a folder; show takes one file"
        return path_problem(args.file)  # a file we may not read: like a PATH, not a problem inside a file
    paths = getattr(args, "paths", None) or []
    paths[:] = [_as_named(p) for p in paths]
    if args.command == "search" and args.query is not None and (problem := split_query(args.query, paths)):
        return problem
    if args.command == "quotes" and args.query.strip() and (problem := split_quotes_query(args.query, paths)):
        return problem
    return first_path_problem(paths)


def _as_named(path: str) -> str:
    """A FILE or PATH as given, or, when nothing is there and it reads as a name that `--format paths` escaped
    (`a\\x07b.md`), the file it names."""
    if "\\" in path and missing(path) and not missing(named := sanitize.unescape_name(path)):
        return named
    return path


def _help(topic: str | None) -> int:
    """`briefing help [TOPIC]`: the topics, or one of them, as plain text (an offline install has no README)."""
    if topic is None:
        sections = [help_text.TOPIC_LIST]
    elif topic == "query":
        sections = list(help_text.QUERY)
    elif topic == "keys":
        from briefing_tui.tui.keymap import help_sections  # Textual's Binding loads for this topic only

        sections = list(help_sections())
    elif topic in COMMANDS or topic == _READ:  # `briefing help search`: as `briefing search --help`
        commands = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
        sys.stdout.write(commands.choices[topic].format_help())
        return 0
    else:
        _error(f"no help on {topic!r} (topics: {', '.join(help_text.TOPICS)}; a command's: briefing COMMAND --help)")
        return 2
    sys.stdout.write(help_text.plain_text(sections))
    sys.stdout.flush()  # a closed pipe (`| head`) shows here, where main quiets it
    return 0


def _read(args: argparse.Namespace, settings: Settings) -> int:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):  # a script, a pipe, cron: the reader would wait forever
        _error("the reader needs a terminal (its input and output); in a script use list, search, show, quotes or "
               "check (briefing --help)")
        return 2
    from briefing_tui.tui.app import run_reader  # Textual only loads for the reader

    paths, hint = resolve_paths(args.paths, settings)
    return int(run_reader(paths, settings, hint))


def _list(args: argparse.Namespace, paths: list[str], settings: Settings) -> int:
    # From the index, as `search` does, and printed as SQLite hands the rows over.
    def emit(index: Index, _stats: RefreshStats) -> None:
        if args.format == "json":
            _stream_json(("articles", map(_Raw, index.iter_summary_json(args.limit))),
                         ("problems", lambda: iter(index.problems())))
            return
        articles = index.iter_summaries(args.limit)
        if args.format == "tsv":
            _print_tsv([a["path"], a["date"] or "", a["section"], a["title"], a["quote_count"], a["word_count"]]
                       for a in articles)
        elif args.format == "paths":
            _print_lines(a["path"] for a in articles)
        else:
            from briefing_tui.render import console, print_articles

            out = console()
            count = print_articles(out, articles)
            total, problems = index.counts()
            shown = f"{count:,} of {serialize.count(total, 'article')}" if count < total else \
                serialize.count(total, "article")
            out.print(f"{shown}, {serialize.count(problems, 'problem')}"
                      + ("; see: briefing check" if problems else ""))
            if not total and not problems:
                from briefing_tui.core.formats.detect import NO_ARTICLE_FILES

                _error(NO_ARTICLE_FILES)

    _with_fresh_index(paths, settings, emit)
    return 0


def _show(args: argparse.Namespace, settings: Settings) -> int:
    result = parse_here(file_entry(args.file, _library_root(args.file, settings)), settings.max_bytes,
                        settings.parse_budget)
    if isinstance(result, Problem):
        if args.json:
            _print_json({"article": None, "problems": [serialize.problem(result)]})
        else:
            _error(f"{result.path}: {result.reason}")
        return 1
    if args.json:
        _print_json({"article": serialize.full(result)})
        return 0
    from briefing_tui.render import article_text, console, print_all

    print_all(console(), article_text(result))
    return 0


def _library_root(path: str, settings: Settings) -> str | None:
    """The root `show` reads a file under, so that it gets the section (and citation) the reader, `list`
    and `quotes` give it: a configured library folder that holds it, else the root of an index that
    holds it (the library it was read in), else its own folder."""
    for root in settings.library or ():
        if is_within(path, root, resolve=False) or is_within(path, root):  # as written first: reading refuses a
            return _root_as_named(path, root)  # link out
    written = indexed_root(cache_dir(), path, resolve=False)  # the folders as written first: a link out of a library
    if written is not None:  # is read under that library (and refused), as `check` refuses it
        return written
    found = indexed_root(cache_dir(), path)
    return _root_as_named(path, found) if found is not None else None


def _root_as_named(path: str, root: str) -> str:
    """`root` as the path given names it: the folder on its way that is `root` once links are followed
    (`show link/Sec/b.txt` of a library listed through the link `link`: the root is `link`, the id `Sec/b.txt`,
    not `../link/Sec/b.txt`), else `root` itself."""
    if is_within(path, root, resolve=False):
        return root
    real_root = os.path.realpath(root)
    folder = os.path.dirname(os.path.abspath(path))
    while True:
        if os.path.realpath(folder) == real_root:
            return folder
        if os.path.dirname(folder) == folder:
            return root
        folder = os.path.dirname(folder)


def _with_fresh_index(paths: list[str], settings: Settings, use: Callable[[Index, RefreshStats], T],
                      verify: bool = False, progress: Callable[[int, int], None] | None = None) -> T:
    """Bring the library's index up to date, then `use` it (with what the refresh did).

    Reading every page first would cost a third of a second at 100,000 articles; a damaged cache shows
    itself as an error instead, and the second attempt checks it (and rebuilds it if bad). A cache that
    cannot be used (a read-only or full disk, a folder that is a file) gives way to an index in memory,
    and one line on stderr says why.
    """
    given_files = all(os.path.isfile(p) for p in paths)  # `search x a.md`: a few files are read at once, and a cache
    # for each set of them piled up (one a file searched) and made `show` take a file's folder for its library
    path = None if settings.private or given_files else index_path(cache_dir(), library_key(paths))

    def refreshed(index: Index) -> T:
        stats = index.refresh(paths, settings.max_bytes, workers=index_workers(), progress=progress,
                              budget=settings.parse_budget)
        return use(index, stats)

    index, result = use_library_index(path, refreshed, _error, verify=verify)
    index.close()
    return result


def _search(args: argparse.Namespace, paths: list[str], settings: Settings) -> int:
    if args.saved is not None:
        from briefing_tui.core.user.config import data_dir
        from briefing_tui.core.user.state import ReaderState

        state = ReaderState.load(data_dir(), library_key(paths), settings.private)
        found = state.saved_search(args.saved)
        if found is None and settings.private:
            _error("--private reads no saved search (nor anything else the reader keeps): give the query itself")
            return 2
        if found is None:
            names = ", ".join(s.name for s in state.saved)
            _error(f"no saved search called {args.saved!r} for this library"
                   + (f" (saved: {names})" if names else " (save one in the reader: /, then ctrl+s)"))
            return 2
        args.query = found.query
    try:
        query = parse_query(args.query)
    except QueryError as exc:
        _error(str(exc))
        return 2
    def run(index: Index, _stats: RefreshStats) -> tuple[int, list[Result], str | None, str | None]:
        total, results = _as_query(lambda: index.search(query, limit=args.limit, sort=args.sort))
        why = _as_query(lambda: empty_hint(query, facts_of(index))) if not total else None
        return total, results, _as_query(lambda: did_you_mean(query, total, library_of(index))), why

    try:
        total, results, better, why = _with_fresh_index(paths, settings, run)
    except QueryRefused:
        return _query_refused()
    if why is not None:
        _error(why)  # `No speaker called “merkel”`, `Nothing matches date:2031`: why nothing, as the reader says
    if better is not None:
        _did_you_mean(better)
    if args.format == "json":
        _print_json({"query": sanitize.clean_line(args.query), "total": total,
                     "results": [r.summary | {"score": r.score, "snippets": [marked_snippet(s) for s in r.snippets]}
                                 for r in results]})
        return 0
    if args.format in ("tsv", "paths") and total > len(results):  # the table's last line says it; these formats
        _error(f"{len(results)} of {serialize.count(total, 'matching article')}; --limit N for more")  # say it
        # where a script's reader sees it and its output stays the rows (a tryout took 20 rows for all of them)
    if args.format == "tsv":
        _print_tsv([r.summary["path"], r.summary["date"] or "", r.summary["section"], r.summary["title"],
                    f"{r.score:.3f}"] for r in results)
        return 0
    if args.format == "paths":
        _print_lines(r.summary["path"] for r in results)
        return 0
    from briefing_tui.render import console, search_table

    out = console()
    if results:
        out.print(search_table(results, out.width))
    out.print(f"{len(results)} of {serialize.count(total, 'matching article')}" if total else "No matching article")
    return 0


def _quotes(args: argparse.Namespace, paths: list[str], settings: Settings) -> int:
    try:
        query = parse_query(args.query) if args.query.strip() else None
    except QueryError as exc:
        _error(str(exc))
        return 2
    # From the index, as `search` does, and printed as SQLite hands the rows over: nothing is built whole.
    def emit(index: Index, _stats: RefreshStats) -> int:
        rows = _as_query(lambda: index.iter_quotes(query, args.limit))
        if args.format == "json":
            return _stream_json(("quotes", (serialize.library_quote(h.quote, h.article, path) for h, path in rows)))
        if args.format == "tsv":
            return _print_tsv([path, h.quote.paragraph, h.article.date.isoformat() if h.article.date else "",
                               h.quote.speaker or "", h.quote.text] for h, path in rows)
        if args.format == "paths":
            return _print_lines(dict.fromkeys(path for _, path in rows))
        from briefing_tui.render import console, print_quotes

        out = console()
        count = print_quotes(out, ((h.quote, h.article) for h, _ in rows))
        out.print(serialize.count(count, "quote"))
        return count

    def run(index: Index, stats: RefreshStats) -> tuple[str | None, str | None]:
        shown = emit(index, stats)
        if query is None or (args.limit is not None and shown >= args.limit):  # a limit reached: not few
            return None, None
        why = _as_query(lambda: empty_hint(query, facts_of(index, quotes=True))) if not shown else None
        return _as_query(lambda: did_you_mean(query, shown, library_of(index, quotes=True))), why

    try:
        better, why = _with_fresh_index(paths, settings, run)
    except QueryRefused:
        return _query_refused()
    if why is not None:
        _error(why)
    if better is not None:
        _did_you_mean(better)
    return 0


def _index(paths: list[str], settings: Settings) -> int:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from briefing_tui.render import console

    # No refresh thread: the bar is redrawn from the refresh's own progress calls.
    err = console(stderr=True)
    with Progress(TextColumn("Indexing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err,
                  transient=False, auto_refresh=False, disable=not err.is_terminal) as bar:  # cron mails no bar
        task = bar.add_task("index", total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)
            bar.refresh()

        stats, (articles, problems), path = _with_fresh_index(
            paths, settings, lambda index, done: (done, index.counts(), index.path), verify=True, progress=advance)
    where = "in memory (private)" if settings.private else sanitize.clean_line(str(path)) if path else "in memory"
    print(f"{serialize.count(articles, 'article')}, {serialize.count(problems, 'problem')}; "
          f"{serialize.count(stats.parsed, 'file')} parsed, {stats.removed} removed. "
          f"Index: {where}")
    return 0


def _check(args: argparse.Namespace, paths: list[str], settings: Settings) -> int:
    def emit(index: Index, _stats: RefreshStats) -> int:
        problems = index.problems()
        if args.format == "json":
            _print_json({"problems": problems})
        elif args.format == "tsv":
            _print_tsv([p["path"], p["reason"]] for p in problems)
        elif args.format == "paths":
            _print_lines(dict.fromkeys(p["path"] for p in problems))
        elif problems:
            from briefing_tui.render import console, print_problems

            out = console()
            print_problems(out, problems)
            files = len({p["path"] for p in problems})
            out.print(f"{serialize.count(len(problems), 'problem')} in {serialize.count(files, 'file')} "
                      f"({serialize.count(index.file_count(), 'file')} checked)")  # not `6 problems in 13 files`
        else:
            print(f"No problems in {serialize.count(index.article_count(), 'article')}.")
        return len(problems)

    return 1 if _with_fresh_index(paths, settings, emit) else 0


class QueryRefused(Exception):
    """SQLite would not run a query that parsed: not a damaged cache, so no retry and no memory fallback."""


def _as_query(run: Callable[[], T]) -> T:
    """Run a query; FTS5's refusals (its parser's limits) become QueryRefused, anything else stays a cache
    error for `_with_fresh_index` to handle."""
    try:
        return run()
    except sqlite3.OperationalError as exc:
        message = str(exc).lower()
        if any(word in message for word in ("fts5", "parser stack", "too large", "too many", "syntax")):
            raise QueryRefused(message) from exc
        raise


def _did_you_mean(query: str) -> None:
    """A query that finds what the one given did not (`did_you_mean`): one line on stderr, stdout untouched."""
    _error(f"did you mean: {query}")


def _query_refused() -> int:
    """The engine refused a query that parsed (our parser keeps it from happening): one sentence, exit 2."""
    _error(REFUSED)
    return 2


def _usage_error(message: str) -> int:
    _error(f"error: {message}")
    return 2


def _error(message: str) -> None:
    """One line on stderr; it may quote a file name or a query, so it is sanitized like any file's text."""
    print(f"briefing: {sanitize.clean_line(message)}", file=sys.stderr)


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
    sys.stdout.write("\n")


def _stream_json(*parts: tuple[str, Iterator[Any] | Callable[[], Iterator[Any]]]) -> int:
    """Print `{"key": [items…], …}` one item at a time, each on a line of its own; return how many items
    the first key had. A part given as a function is called only when its turn comes.

    An item is one line (as the index keeps summaries) because `json.dumps` with an indent runs in Python,
    not C: `quotes --json` of 300,000 quotes took 16 s indented, 8.7 s with one line each."""
    out = sys.stdout
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    first = 0
    out.write("{")
    for n, (key, source) in enumerate(parts):
        items = source() if callable(source) else source
        out.write(f'{"," if n else ""}\n  "{key}": [')
        count = 0
        for item in items:
            out.write(",\n    " if count else "\n    ")
            out.write(item if isinstance(item, _Raw) else dumps(item))
            count += 1
        out.write("\n  ]" if count else "]")
        first = count if n == 0 else first
    out.write("\n}\n")
    return first


class _Raw(str):
    """JSON text written as it is (the index's own, made by `json.dumps`: one line per item)."""


def _print_tsv(rows: Iterable[Sequence[object]]) -> int:
    """One line per row, values separated by tabs (any tab or line break inside a value becomes a space)."""
    count = 0
    for row in rows:
        sys.stdout.write("\t".join(_TSV_UNSAFE.sub(" ", str(v)) for v in row) + "\n")
        count += 1
    return count


_TSV_UNSAFE = re.compile(r"[\t\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def _print_lines(lines: Iterable[str]) -> int:
    """One value per line (`--format paths`): a TSV row of one column."""
    return _print_tsv([line] for line in lines)


def _safe_streams() -> None:
    """Never crash on a terminal that cannot show a character: replace it instead."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


_WRITE_ERRORS = frozenset((errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO))
"""A write to stdout that failed (`> /dev/full`, a full disk, a quota): an error without a file name; the files
the commands write themselves (the index, an export) are named in theirs or are SQLite's own errors."""


def _closed_streams() -> bool:
    """Streams the caller closed (`2>&-`, `>&-`): stderr goes to /dev/null (else `print(file=None)` puts the
    diagnostics into stdout, among the data); True when stdout is closed, so a command cannot give its output."""
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (for the rest of the process)
    return sys.stdout is None


def _quiet_broken_pipe() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
