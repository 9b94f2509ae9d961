"""docs/ is the source of truth for the contracts: these tests keep it honest where that is cheap and sure.

Each name a user can meet (a subcommand, a key, a query field, a config key, a JSON key, a TSV column)
must be on its page, every link and file name in the docs must lead somewhere in the repository, and no
code cites the old design document outside the repository.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from briefing_tui.cli import build_parser, main
from briefing_tui.core.search.query import TEXT_FIELDS
from briefing_tui.core.user.help_text import QUERY
from briefing_tui.tui.keymap import KEYS
from tests.conftest import ROOT, SEEDS

DOCS = ROOT / "docs"
PACKAGE = ROOT / "src" / "briefing_tui"
OLD_CITATION = "DESIGN" + " §"  # spelled in two parts, so that this file does not cite it either
OLD_LINK = "shared/" + "DESIGN"
LINK = re.compile(r"\]\(([^)\s]+)\)|^\[[^\]]+\]:\s*(\S+)", re.MULTILINE)
"""An inline link's target, or a reference definition's."""
FILE_NAME = re.compile(r"`([\w./-]+\.(?:py|tcss))`")


def page(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_subcommand_is_in_cli_md() -> None:
    text = page("cli.md")
    missing = [name for name in subcommands() if f"briefing {name}" not in text]
    assert not missing, f"docs/cli.md does not show: {missing}"


def test_every_tsv_column_list_is_in_cli_md() -> None:
    text = page("cli.md")
    columns = {name: m[1] for name, command in subcommands().items()
               if (m := re.search(r"no header: (.+?); tabs", " ".join((command.epilog or "").split())))}
    assert set(columns) == {"list", "search", "quotes", "check"}
    missing = {name: cols for name, cols in columns.items() if f"| `{name}` | {cols} |" not in text}
    assert not missing, f"docs/cli.md's tsv columns differ from --help: {missing}"


def _keys(data: Any) -> Iterator[str]:
    """Every key of every object in a JSON document, except inside `metadata` (a file's own keys)."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield key
            if key != "metadata":
                yield from _keys(value)
    elif isinstance(data, list):
        for item in data:
            yield from _keys(item)


def test_every_json_key_is_in_cli_md(capsys: pytest.CaptureFixture[str]) -> None:
    text = page("cli.md")
    keys: set[str] = set()
    for args in (["list"], ["search", "rutte"], ["quotes", "--limit", "3"], ["check"]):
        assert main(["--private", *args, str(SEEDS), "--json"]) == 0
        keys.update(_keys(json.loads(capsys.readouterr().out)))
    assert main(["show", str(SEEDS / "000_f05413db3c7f5e1f.txt"), "--json"]) == 0
    keys.update(_keys(json.loads(capsys.readouterr().out)))
    assert {"articles", "results", "snippets", "citation", "related"} <= keys
    missing = sorted(key for key in keys if f'"{key}"' not in text)
    assert not missing, f"docs/cli.md's JSON shapes lack: {missing}"


def test_every_key_of_the_reader_is_in_reader_md() -> None:
    text = page("reader.md")
    missing = [key for keys, *_ in KEYS for key in keys.split(",") if f"`{key}`" not in text]
    assert not missing, f"docs/reader.md does not list: {missing}"


def query_fields() -> set[str]:
    """The field names the parser accepts: its text fields, and those it reads itself (`date:`, `in:`)."""
    source = (PACKAGE / "core" / "search" / "query.py").read_text(encoding="utf-8")
    return set(TEXT_FIELDS) | set(re.findall(r'\bname == "(\w+)"', source))


def test_every_query_field_is_in_query_md() -> None:
    fields = query_fields()
    assert {"title", "section", "tag", "tags", "speaker", "date", "in"} <= fields
    text = page("query.md")
    missing = sorted(name for name in fields if f"`{name}:" not in text)
    assert not missing, f"docs/query.md does not show the fields: {missing}"


def test_every_form_of_briefing_help_query_is_in_query_md() -> None:
    text = page("query.md")
    missing = [form for section in QUERY for form, _ in section.rows if f"`{form}`" not in text]
    assert not missing, f"docs/query.md lacks what `briefing help query` shows: {missing}"


def test_every_config_key_and_variable_is_in_files_md() -> None:
    source = (PACKAGE / "core" / "user" / "config.py").read_text(encoding="utf-8")
    keys = set(re.findall(r'data\.get\("(\w+)"\)', source))
    variables = set(re.findall(r'os\.environ\.get\("(BRIEFING_\w+)"', source))
    assert {"library", "private", "max_file_mb", "theme", "parse_budget_s"} <= keys
    assert {"BRIEFING_LIBRARY", "BRIEFING_PRIVATE", "BRIEFING_WATCH"} <= variables
    text = page("files.md")
    missing = sorted({f"{k}:" for k in keys if f"`{k}:" not in text} | {v for v in variables if v not in text})
    assert not missing, f"docs/files.md does not describe: {missing}"


def test_every_module_is_in_architecture_md() -> None:
    text = page("architecture.md")
    modules = sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*")
                     if p.suffix in (".py", ".tcss") and p.name != "__init__.py" and "__pycache__" not in p.parts)
    assert "core/search/query.py" in modules
    missing = [m for m in modules if f"`{m}`" not in text]
    assert not missing, f"docs/architecture.md does not list: {missing}"


def markdown_files() -> list[Path]:
    return [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]


def test_every_file_the_docs_name_exists() -> None:
    named = {(doc.name, name) for doc in DOCS.glob("*.md") for name in FILE_NAME.findall(doc.read_text("utf-8"))}
    assert ("architecture.md", "core/search/query.py") in named
    gone = sorted((doc, name) for doc, name in named if not ((PACKAGE / name).is_file() or (ROOT / name).is_file()))
    assert not gone, f"docs name files that are not there: {gone}"


def test_every_relative_link_leads_to_a_file_in_the_repository() -> None:
    checked = 0
    broken = []
    for doc in markdown_files():
        for m in LINK.finditer(doc.read_text(encoding="utf-8")):
            target = (m[1] or m[2]).split("#", 1)[0]
            if not target or re.match(r"[a-z][a-z0-9+.-]*:", target):  # an anchor, or http:, mailto:
                continue
            path = (doc.parent / target).resolve()
            checked += 1
            if not path.exists() or not path.is_relative_to(ROOT):
                broken.append(f"{doc.relative_to(ROOT)}: {target}")
    assert checked >= 10
    assert not broken, f"links that lead nowhere in the repository: {broken}"


def test_nothing_cites_the_design_document_outside_the_repository() -> None:
    files = [p for folder in ("src", "tests", "bench") for p in (ROOT / folder).rglob("*.py")] + markdown_files()
    citing = [str(p.relative_to(ROOT)) for p in files
              if OLD_CITATION in (text := p.read_text(encoding="utf-8")) or OLD_LINK in text]
    assert not citing, f"cite the docs/ page instead of the old design document: {citing}"


def test_every_key_of_every_screen_is_in_reader_md() -> None:
    """The quote finder's, the board's and the spotlight's keys (tui/keymap.py) as well as the reader's."""
    from briefing_tui.tui.keymap import SCOPES

    text = page("reader.md")
    missing = [(scope, key) for scope, (_, keys) in SCOPES.items() for names, *_ in keys
               for key in names.split(",") if f"`{key}`" not in text]
    assert not missing, f"docs/reader.md does not list: {missing}"
