"""The `briefing` command: the reader, and subcommands for scripts (DESIGN §6)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import Any

from briefing_tui import __version__
from briefing_tui.core import serialize
from briefing_tui.core.config import Settings, load_settings, sample_library
from briefing_tui.core.library import Library, load_file, load_library
from briefing_tui.core.model import Problem

COMMANDS = ("list", "show", "check")
_READ = "read"  # the implicit subcommand that opens the reader


class UsageError(Exception):
    """Bad words on the command line: one line on stderr, exit 2."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser: global options first, then a subcommand (or paths for the reader)."""
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Read, search and quote a folder of briefing articles. Without a subcommand, opens the reader.",
        epilog="Exit codes: 0 ok, 1 problems found (check), 2 usage or query error.",
    )
    parser.add_argument("--version", action="version", version=f"briefing-tui {__version__}")
    parser.add_argument("--private", action="store_true", help="write nothing anywhere (also BRIEFING_PRIVATE=1)")
    parser.add_argument("--config", metavar="FILE",
                        help="config file (default: $XDG_CONFIG_HOME/briefing-tui/config.yaml)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    read = sub.add_parser(_READ, help="open the reader (the default)")
    read.add_argument("paths", nargs="*", metavar="PATH")
    lst = sub.add_parser("list", help="articles and problems")
    lst.add_argument("paths", nargs="*", metavar="PATH")
    lst.add_argument("--json", action="store_true", help="print JSON")
    show = sub.add_parser("show", help="one article, with paragraphs, quotes, related")
    show.add_argument("file", metavar="FILE")
    show.add_argument("--json", action="store_true", help="print JSON")
    check = sub.add_parser("check", help="problems only; exit 1 if any")
    check.add_argument("paths", nargs="*", metavar="PATH")
    check.add_argument("--json", action="store_true", help="print JSON")
    return parser


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
        if not os.path.exists(arg) and not os.path.islink(arg):
            raise UsageError(f"{arg!r} is neither a command ({', '.join(COMMANDS)}) nor a file or folder")
        return [*argv[:i], _READ, *argv[i:]]
    return [*argv, _READ]


def resolve_paths(paths: Sequence[str], settings: Settings) -> tuple[list[str], str | None]:
    """The library roots: PATHs given, else $BRIEFING_LIBRARY / config, else the bundled samples (with a hint)."""
    if paths:
        return list(paths), None
    if settings.library:
        return list(settings.library), None
    return [sample_library()], "No library given: showing the bundled samples. Pass a folder: briefing PATH"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    _safe_streams()
    parser = build_parser()
    try:
        args = parser.parse_args(_with_default_command(args_list))
    except UsageError as exc:
        parser.print_usage(sys.stderr)
        print(f"briefing: error: {exc}", file=sys.stderr)
        return 2
    settings = load_settings(args.config, args.private)
    for warning in settings.warnings:
        print(f"briefing: {warning}", file=sys.stderr)
    try:
        if args.command == _READ:
            return _read(args, settings)
        if args.command == "show":
            return _show(args, settings)
        paths, hint = resolve_paths(args.paths, settings)
        if hint and not getattr(args, "json", False):
            print(hint, file=sys.stderr)
        library = load_library(paths, settings.max_bytes)
        if args.command == "list":
            return _list(args, library)
        return _check(args, library)
    except BrokenPipeError:
        _quiet_broken_pipe()
        return 0
    except KeyboardInterrupt:
        return 130


def _read(args: argparse.Namespace, settings: Settings) -> int:
    from briefing_tui.tui.app import run_reader  # Textual only loads for the reader

    paths, hint = resolve_paths(args.paths, settings)
    return int(run_reader(paths, settings, hint))


def _list(args: argparse.Namespace, library: Library) -> int:
    if args.json:
        _print_json({"articles": [serialize.summary(a) for a in library.articles],
                     "problems": [serialize.problem(p) for p in library.problems]})
        return 0
    from briefing_tui.render import articles_table, console, problems_table

    out = console()
    out.print(articles_table(library.articles))
    out.print(f"{len(library.articles)} articles, {len(library.problems)} problems")
    if library.problems:
        out.print(problems_table(library.problems))
    return 0


def _show(args: argparse.Namespace, settings: Settings) -> int:
    if os.path.isdir(args.file):
        raise SystemExit(_usage_error(f"{args.file!r} is a folder; show takes one file"))
    result = load_file(args.file, max_bytes=settings.max_bytes)
    if isinstance(result, Problem):
        if args.json:
            _print_json({"article": None, "problems": [serialize.problem(result)]})
        else:
            print(f"briefing: {result.path}: {result.reason}", file=sys.stderr)
        return 1
    if args.json:
        _print_json({"article": serialize.full(result)})
        return 0
    from briefing_tui.render import article_text, console

    out = console()
    for line in article_text(result):
        out.print(line)
    return 0


def _check(args: argparse.Namespace, library: Library) -> int:
    problems = list(library.problems)
    problems += [Problem(a.id, a.path, note) for a in library.articles for note in a.problems]
    if args.json:
        _print_json({"problems": [serialize.problem(p) for p in problems]})
    elif problems:
        from briefing_tui.render import console, problems_table

        out = console()
        out.print(problems_table(problems))
        out.print(f"{len(problems)} problems in {len(library.articles) + len(library.problems)} files")
    else:
        print(f"No problems in {len(library.articles)} articles.")
    return 1 if problems else 0


def _usage_error(message: str) -> int:
    print(f"briefing: error: {message}", file=sys.stderr)
    return 2


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
    sys.stdout.write("\n")


def _safe_streams() -> None:
    """Never crash on a terminal that cannot show a character: replace it instead."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def _quiet_broken_pipe() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
