"""The scripting CLI: JSON shapes, exit codes and human output of docs/cli.md."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_tui import __version__
from briefing_tui.cli import main
from briefing_tui.core.reading import sanitize
from tests.conftest import SEED, SEEDS, env_without_home, write

SUMMARY_KEYS = {"id", "path", "format", "title", "date", "section", "source", "tags", "summary", "quote_count",
                "word_count", "problems"}
QUOTE_KEYS = {"text", "paragraph", "start", "end", "speaker", "cue", "rule", "citation"}


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    code = main(list(args))
    return code, json.loads(capsys.readouterr().out)


def test_list_json_shape_and_id(capsys: pytest.CaptureFixture[str], seed_library: Path) -> None:
    code, data = run_json(capsys, "list", str(seed_library), "--json")
    assert code == 0 and set(data) == {"articles", "problems"}
    (article,) = data["articles"]
    assert set(article) == SUMMARY_KEYS
    assert (article["id"], article["date"], article["quote_count"]) == ("seed.txt", "2025-06-27", 12)


def test_show_json_seed_values(capsys: pytest.CaptureFixture[str]) -> None:
    code, data = run_json(capsys, "show", str(SEED), "--json")
    a = data["article"]
    assert code == 0 and set(a) == SUMMARY_KEYS | {"paragraphs", "quotes", "related", "metadata", "blocks"}
    assert (a["date"], a["section"], a["title"], a["format"]) == ("2025-06-27", "Ukraine - Russia War", "Clash Report",
                                                                 "briefing")
    assert [b["text"] for b in a["blocks"]] == a["paragraphs"]  # briefing text: one paragraph block each
    assert {b["kind"] for b in a["blocks"]} == {"paragraph"}
    assert len(a["quotes"]) == 12 and all(set(q) == QUOTE_KEYS for q in a["quotes"])
    assert a["related"][0] == {"label": "Ukraine - Russia War", "month": "June 2025"}
    rutte = next(q for q in a["quotes"] if q["speaker"] == "Mark Rutte")
    assert rutte["citation"].endswith("— Mark Rutte, Clash Report (Ukraine - Russia War), 27 June 2025")


def test_show_a_bad_file_exits_1_with_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write(tmp_path / "bin.txt", b"\x00\x01\x02")
    assert main(["show", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "binary file" in err


def test_check_exit_codes(capsys: pytest.CaptureFixture[str], seed_library: Path, tmp_path: Path) -> None:
    assert main(["check", str(seed_library)]) == 0
    assert "No problems in 1 article." in capsys.readouterr().out
    write(seed_library / "bad.md", "---\ntitle: [unclosed\n---\nBody.\n")
    write(seed_library / "empty.txt", "")
    assert main(["check", str(seed_library)]) == 1
    out = capsys.readouterr().out
    assert "bad.md" in out and "empty.txt" in out and "2 problems in 2 files (3 files checked)" in out
    code, data = run_json(capsys, "check", str(seed_library), "--json")
    assert code == 1 and {p["id"] for p in data["problems"]} == {"bad.md", "empty.txt"}
    write(seed_library / "dup.md", "---\ntitle: x\ntitle: y\ndate: nope\n---\nBody.\n")  # two problems, one file
    assert main(["check", str(seed_library)]) == 1
    assert "4 problems in 3 files (4 files checked)" in capsys.readouterr().out  # was `in 4 files`: as if all had


def test_list_human_output_is_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", str(SEEDS)]) == 0
    out = capsys.readouterr().out
    assert "Clash Report" in out and "2025-06-27" in out and "articles, 0 problems" in out


def test_show_human_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "Friday 27 June 2025" in out and "“messy” — Donald Trump (said)" in out


def test_show_gives_a_long_source_a_line_of_its_own(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A source is often a long address: on the date's line it wrapped, and left that line ending in `·`."""
    source = "https://en.wikinews.org/wiki/Paris_court_jails_two_police_in_high-profile_rape_case"
    article = tmp_path / "a.md"
    article.write_text(f"---\ntitle: Court jails two\ndate: 2019-02-02\nsection: Crime\nsource: {source}\n---\n"
                       "Two officers were jailed.\n", encoding="utf-8")
    assert main(["show", str(article)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].rstrip() == "Saturday 2 February 2019  ·  Crime"
    assert "".join(line.strip() for line in lines[2:4]).startswith(source)


def test_show_prints_quotes_as_cited(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The words without the comma that ended them before the attribution, and a cue only when it is a word (a
    colon is the `colon` pass's, not a cue to print)."""
    write(tmp_path / "a.md", "---\ntitle: Talks\ndate: 2025-06-27\n---\n\"We will wait,\" said Anna Berg.\n\n"
          "Piet Hansen on the talks: \"We are done.\"\n")
    assert main(["show", str(tmp_path / "a.md")]) == 0
    out = capsys.readouterr().out
    assert "“We will wait” — Anna Berg (said)" in out
    assert "“We are done.” — Piet Hansen\n" in out and "(:)" not in out


def test_markup_in_files_is_printed_literally(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write(tmp_path / "m.md", "---\ntitle: '[bold red]x[/] [link=file:///etc/passwd]y[/link]'\nsection: '[/]'\n---\n"
          "Body :smile: [@click=app.quit]z[/]\n")
    assert main(["list", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "[bold red]x[/]" in out and "[/]" in out
    assert main(["show", str(tmp_path / "m.md")]) == 0
    out = capsys.readouterr().out
    assert "[@click=app.quit]z[/]" in out and ":smile:" in out


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["no-such-command-or-path"]) == 2
    err = capsys.readouterr().err
    assert "neither a command" in err and "Traceback" not in err
    with pytest.raises(SystemExit) as exc:
        main(["list", "--bogus"])
    assert exc.value.code == 2


def test_default_library_from_environment(capsys: pytest.CaptureFixture[str], seed_library: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_LIBRARY", str(seed_library))
    _, data = run_json(capsys, "list", "--json")
    assert [a["id"] for a in data["articles"]] == ["seed.txt"]


def test_default_library_from_config(capsys: pytest.CaptureFixture[str], seed_library: Path,
                                     isolated_home: Path) -> None:
    write(isolated_home / "config" / "briefing-tui" / "config.yaml", f"library: {seed_library}\n")
    _, data = run_json(capsys, "list", "--json")
    assert [a["id"] for a in data["articles"]] == ["seed.txt"]


def test_default_library_is_the_bundled_samples_with_a_hint(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list"]) == 0
    captured = capsys.readouterr()
    assert "bundled samples" in captured.err and "Clash Report" in captured.out


def test_bad_config_is_a_warning(capsys: pytest.CaptureFixture[str], tmp_path: Path, seed_library: Path) -> None:
    cfg = write(tmp_path / "c.yaml", "library: [unclosed\n")
    assert main(["--config", str(cfg), "list", str(seed_library)]) == 0
    assert "ignored" in capsys.readouterr().err


def test_config_mistakes_are_named(capsys: pytest.CaptureFixture[str], tmp_path: Path, seed_library: Path) -> None:
    """A new user's tryout: a misspelt key and a `max_file_mb:` of 0 did nothing without a word, and the warnings
    that came spoke of `front matter`."""
    cfg = write(tmp_path / "c.yaml", "libary: /tmp/x\nmax_file_mb: 0\nparse_budget_s: 2\nlibrary: a\nlibrary: b\n")
    assert main(["--config", str(cfg), "list", str(seed_library)]) == 0
    err = capsys.readouterr().err
    assert "briefing: config: unknown key 'libary' (did you mean library?); ignored" in err
    assert "briefing: config: max_file_mb must be a number of megabytes above 0, at most 1024; 16 is used" in err
    assert "briefing: config: duplicate key 'library'; the last one is used" in err
    assert "front matter" not in err and "parse_budget_s" not in err
    bad = write(tmp_path / "d.yaml", "library: [unclosed\n")
    main(["--config", str(bad), "list", str(seed_library)])
    assert "the file is not valid YAML" in capsys.readouterr().err


def test_generated_libraries_list_correctly(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for i in range(300):
        write(tmp_path / "plain" / f"Section{i % 5}" / f"story-{i}.txt", f"Plain story {i}\n\nBody {i} “q”.\n")
        write(tmp_path / "_posts" / f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}-post-{i}.md",
              f"---\ntitle: Post {i}\ndate: 2024-{1 + i % 12:02d}-{1 + i % 28:02d} 10:00:00 +0100\n"
              f"categories: [Cat{i % 3}]\n---\nBody {i}.\n")
    code, data = run_json(capsys, "list", str(tmp_path / "plain"), "--json")
    assert code == 0 and len(data["articles"]) == 300 and not data["problems"]
    by_id = {a["id"]: a for a in data["articles"]}
    assert by_id["Section2/story-7.txt"]["title"] == "Plain story 7"
    assert by_id["Section2/story-7.txt"]["section"] == "Section2"
    _, data = run_json(capsys, "list", str(tmp_path / "_posts"), "--json")
    by_title = {a["title"]: a for a in data["articles"]}
    assert len(by_title) == 300
    assert (by_title["Post 13"]["date"], by_title["Post 13"]["section"]) == ("2024-02-14", "Cat1")


def run(capsys: pytest.CaptureFixture[str], args: list[str]) -> tuple[int, str, str]:
    """`main(args)` in process: the exit code (argparse's too), stdout and stderr."""
    try:
        code = main(args)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def test_no_output_carries_control_characters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "e\x1b[31mvil.txt", "\x1b]0;title\x07Tit\u202ele\n\nBody\x1b[2J \x9b6n.\n")
    for args in (["list", str(tmp_path)], ["list", str(tmp_path), "--json"], ["check", str(tmp_path)]):
        code, out, err = run(capsys, args)
        assert code == 0 and ("Tit" in out if args[0] == "list" else "No problems" in out), out
        for forbidden in ("\x1b", "\x07", "\u202e", "\x9b"):
            assert forbidden not in out and forbidden not in err


ESCAPES = "\x1b]2;X\x07\x1b[41m\x9b31m\u202e\u3164"
"""A title change, a colour, an 8-bit CSI, a bidi override, a Hangul filler: none may come back out."""
DIRTY = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e\u3164]")


@pytest.mark.parametrize(("args", "code"), [
    pytest.param(["check", "SEEDS", f"--{ESCAPES}.txt"], 2, id="unrecognized-argument"),
    pytest.param([f"--{ESCAPES}"], 2, id="unrecognized-option"),
    pytest.param([f"no-such-{ESCAPES}"], 2, id="neither-command-nor-path"),
    pytest.param(["search", "putin", "--limit", ESCAPES], 2, id="invalid-value"),
    pytest.param(["search", "putin", "--sort", ESCAPES], 2, id="invalid-choice"),
    pytest.param(["--config", f"TMP/c{ESCAPES}.yaml", "check", "SEEDS"], 2, id="config-missing"),
    pytest.param(["--config", f"TMP/bad{ESCAPES}.yaml", "check", "SEEDS"], 0, id="config-warning"),
    pytest.param(["show", f"TMP/d{ESCAPES}"], 2, id="show-a-folder"),
    pytest.param(["show", f"TMP/missing{ESCAPES}.txt"], 2, id="show-a-missing-file"),
    pytest.param(["list", f"TMP/missing{ESCAPES}"], 2, id="list-a-missing-folder"),
    pytest.param(["search", f"putin {ESCAPES}", "SEEDS"], 2, id="query-with-controls"),
    pytest.param(["search", "in:x\u202e\u3164", "SEEDS"], 2, id="query-error-echoing-a-word"),
    pytest.param(["search", "putin\u202e\u3164", "SEEDS", "--json"], 0, id="query-in-json"),
])
def test_arguments_are_never_echoed_with_control_characters(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                            args: list[str], code: int) -> None:
    (tmp_path / f"d{ESCAPES}").mkdir()
    (tmp_path / f"bad{ESCAPES}.yaml").write_text("library: [unclosed\n")
    args = [a.replace("SEEDS", str(SEEDS)).replace("TMP", str(tmp_path)) for a in args]
    returned, out, err = run(capsys, ["--private", *args])  # the real entry point: test_usage_error_…_entry_point
    assert returned == code, err
    assert not DIRTY.search(out) and not DIRTY.search(err), (out + err)[-300:]
    assert "Traceback" not in err
    if code == 2:  # argparse's shape, or ours: `briefing[ search]: [error: ]…` as the last line
        assert re.fullmatch(r"briefing(?: [a-z]+)?: [^\n]+", err.splitlines()[-1]), err


def test_usage_error_through_the_real_entry_point(isolated_home: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "briefing_tui", "--private", f"no-such-{ESCAPES}"],
                          capture_output=True, env=env_without_home(isolated_home), timeout=60)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and proc.stdout == b"" and not DIRTY.search(err), err
    assert re.fullmatch(r"briefing(?: [a-z]+)?: [^\n]+", err.splitlines()[-1]), err


def test_version_and_module_entry_point(isolated_home: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "briefing_tui", "--version"], capture_output=True, text=True,
                          env=env_without_home(isolated_home), timeout=60)
    assert proc.returncode == 0 and proc.stdout.strip() == f"briefing-tui {__version__}"


def test_sanitize_is_applied_to_problem_paths(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write(tmp_path / "bad\u202e.jpg", b"x")
    _, data = run_json(capsys, "list", str(tmp_path), "--json")
    assert all(sanitize.is_clean(p["path"]) and sanitize.is_clean(p["id"]) for p in data["problems"])


@pytest.mark.parametrize("query", ["", "speaker:rutte", "putin", "section:europe", "date:2025-06", "-date:2025-06",
                                   '"continue to doubt"', "title:report OR speaker:trump"])
def test_quotes_from_the_index_equal_quotes_from_the_files(capsys: pytest.CaptureFixture[str], query: str) -> None:
    """`briefing quotes` reads the index; it must list what parsing every file and filtering would."""
    from bench.matching import quote_matches

    from briefing_tui.core import serialize
    from briefing_tui.core.library.scan import load_library
    from briefing_tui.core.search.query import parse

    parsed = parse(query) if query else None
    library = load_library([str(SEEDS)])
    expected = [serialize.library_quote(q, a) for a in library.articles for q in a.quotes
                if parsed is None or quote_matches(parsed, q, a)]
    code, data = run_json(capsys, "quotes", str(SEEDS), f"--query={query}", "--json")
    assert code == 0 and data["quotes"] == expected and (expected or query == "date:2024")


def test_quotes_limit_and_streamed_json_match_the_whole(capsys: pytest.CaptureFixture[str]) -> None:
    """`--limit N` gives the first N of the full list; the streamed JSON is `json.dumps`'s text, a quote a line."""
    code = main(["quotes", str(SEEDS), "--json"])
    streamed = capsys.readouterr().out
    whole = json.loads(streamed)
    lines = ",\n    ".join(json.dumps(q, ensure_ascii=False) for q in whole["quotes"])
    assert code == 0 and len(whole["quotes"]) > 3 and streamed == f'{{\n  "quotes": [\n    {lines}\n  ]\n}}\n'
    code, data = run_json(capsys, "quotes", str(SEEDS), "--limit", "3", "--json")
    assert code == 0 and data["quotes"] == whole["quotes"][:3]
    assert main(["quotes", str(SEEDS), "-q", "date:1999", "--json"]) == 0
    empty = capsys.readouterr().out
    assert empty == json.dumps({"quotes": []}, indent=2) + "\n"


def test_quotes_table_streams_in_chunks_under_one_header(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from briefing_tui.render import ROW_CHUNK

    body = " ".join(f"“line {i}” said Anna Berg." for i in range(ROW_CHUNK + 5))
    write(tmp_path / "many.txt", f"Many\n\n{body}\n")
    assert main(["quotes", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.count("Speaker") == 1 and out.count("Anna Berg") == ROW_CHUNK + 5
    assert out.rstrip().endswith(f"{ROW_CHUNK + 5} quotes")
    assert main(["quotes", str(tmp_path), "--limit", "2"]) == 0
    assert capsys.readouterr().out.rstrip().endswith("2 quotes")


def test_search_results_at_80_columns_give_the_title_and_snippet_room() -> None:
    """Found by a cold tryout: at 80 columns (piped output) the title and snippet had 21 columns and a result ran
    over a dozen lines; the section and the path now give way below 100 columns."""
    from rich.console import Console

    from briefing_tui.core.search.index import Result
    from briefing_tui.render import search_table

    summary = {"title": "US president Trump ousts national security advisor Bolton", "date": "2019-09-12",
               "section": "Politics and conflicts", "id": "032-us-president-trump-ousts-national-security-advisor.md"}
    result = Result(summary, 1.0, ["On Tuesday, United States President ⟦Donald Trump⟧ announced he had asked"])
    console = Console(width=80, record=True, color_system=None)
    console.print(search_table([result], 80))
    lines = console.export_text().splitlines()
    assert "US president Trump ousts national" in lines[1] and len(lines) <= 7, lines
    assert "Politics an…" in lines[1]


def test_a_folder_given_with_one_of_its_own_subfolders_lists_each_file_once(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Found by a cold tryout: `briefing list lib lib/odd` listed every article of lib/odd twice, and the reader
    showed each title twice; the same folder given twice, or a file with its folder, was listed once."""
    from briefing_tui.core.library.scan import outermost

    lib = tmp_path / "lib"
    write(lib / "a.md", "---\ntitle: A\n---\n\nText.\n")
    write(lib / "odd" / "b.md", "---\ntitle: B\n---\n\nText.\n")
    write(lib / ".hidden" / "c.md", "---\ntitle: C\n---\n\nText.\n")
    for roots in ([lib, lib / "odd"], [lib / "odd", lib], [lib / "odd" / "b.md", lib]):
        assert main(["--private", "list", *map(str, roots), "--format", "paths"]) == 0
        assert sorted(capsys.readouterr().out.split()) == sorted([str(lib / "a.md"), str(lib / "odd" / "b.md")])
    # a folder the walk skips (hidden) keeps its own root: given, it is listed
    assert outermost([str(lib), str(lib / ".hidden")]) == [str(lib), str(lib / ".hidden")]
    assert outermost([str(lib / "odd"), str(lib)]) == [str(lib)]


@pytest.mark.parametrize("fmt", [[], ["--json"]])
def test_a_reader_that_stops_reading_ends_the_command_with_0(tmp_path: Path, fmt: list[str]) -> None:
    """Found by a cold tryout: `briefing show FILE | head -2` (and `list`) exited 1, which a script with pipefail
    reads as "problems found"; the other formats exited 0. Rich ends a broken pipe with SystemExit(1)."""
    path = write(tmp_path / "long.md", "---\ntitle: Long\n---\n\n" + "A paragraph of text here.\n\n" * 6000)
    proc = subprocess.Popen([sys.executable, "-m", "briefing_tui", "--private", "show", str(path), *fmt],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env_without_home(tmp_path))
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # as `head -1` does: the rest (well over a pipe's 64 KB) meets a closed pipe
    assert proc.wait(timeout=60) == 0
    assert proc.stderr.read() == b""


def test_search_in_tsv_or_paths_says_on_stderr_when_more_matched(capsys: pytest.CaptureFixture[str],
                                                                  tmp_path: Path) -> None:
    """Found by a cold tryout: `search --format tsv` stopped at 20 rows and said nothing (the table says it)."""
    for n in range(3):
        write(tmp_path / "lib" / f"{n}.md", f"---\ntitle: Harbour {n}\n---\n\nThe harbour talks.\n")
    for fmt in ("tsv", "paths"):
        assert main(["--private", "search", "harbour", str(tmp_path / "lib"), "--format", fmt, "--limit", "2"]) == 0
        out, err = capsys.readouterr()
        assert len(out.splitlines()) == 2 and err == "briefing: 2 of 3 matching articles; --limit N for more\n"
        assert main(["--private", "search", "harbour", str(tmp_path / "lib"), "--format", fmt]) == 0
        assert capsys.readouterr().err == ""


@pytest.mark.parametrize("width", [80, 120])
def test_quotes_table_keeps_titles_readable_in_a_narrow_terminal(width: int) -> None:
    """At 80 columns the Article column had 14 characters: a title ran a word a line, split inside words
    (`president-elec` / `t`). Below 100 the title goes under its quote, on lines of its own."""
    import datetime as dt

    from rich.console import Console

    from briefing_tui.core.model import Listed, Quote
    from briefing_tui.render import quotes_table

    title = "Joe Biden projected US president-elect after a long count"
    found = [(Quote("I WON THIS ELECTION, BY A LOT!", 0, 0, 32, "Donald Trump", "tweeted"),
              Listed("a.md", title, dt.date(2020, 11, 7), "Politics", b"", 0))]
    out = Console(width=width, record=True, color_system=None)
    out.print(quotes_table(found, width))
    lines = out.export_text().splitlines()
    if width < 100:
        assert lines[0].startswith("Quote · article") and "Article" not in lines[0]
        assert any(line.startswith("Joe Biden projected US president-elect") for line in lines)
    else:
        assert "Article" in lines[0] and len(lines) <= 5
    assert "president-elec\n" not in "\n".join(lines)


def test_show_prints_plain_lines_without_rich_and_the_same_as_rich_would(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A security tryout: `show` of 250,000 one-word lines took 37 s (one Rich `print` a line, each a fifth of a
    millisecond of terminal checks, and Rich's wrapping). Plain lines that fit are written as they are and the rest
    goes to Rich a chunk at a time: the same bytes, in a handful of calls."""
    import io

    from rich.console import Console
    from rich.table import Table
    from rich.text import Span, Text

    from briefing_tui.render import PRINT_CHUNK, console, print_all

    long = "word " * 40
    table = Table("a", "b")
    table.add_row("1", "2")
    items = [Text("Title", style="bold"), Text(""), Text("plain line"), Text(long), Text("x"), table,
             Text("café ☕ wide"), Text("ends  "), Text("styled", style="red"), Text("a\nb"), Text("tab\there"),
             Text("")] * 3

    def render(each: bool, force: bool) -> str:
        out = console()
        out.file = io.StringIO()
        out.width = 60
        if force:
            out._force_terminal = True
            out._color_system = out._detect_color_system()
        if each:
            for item in items:
                out.print(item)
        else:
            print_all(out, items)
        return out.file.getvalue()  # type: ignore[attr-defined]

    for force in (False, True):
        assert render(False, force) == render(True, force)
    calls = []
    real = Console.print
    monkeypatch.setattr(Console, "print", lambda self, *a, **k: (calls.append(1), real(self, *a, **k))[1])
    path = write(tmp_path / "lines.txt", "Title\n" + "x\n" * 20_000)
    assert main(["--private", "show", str(path)]) == 0
    assert len(calls) <= 2 + 40_000 // PRINT_CHUNK  # the header through Rich; the lines written as they are
    calls.clear()  # a documents tryout: a styled paragraph, a blank line, …: each paragraph was a `print` of its own
    print_all(console(), [Text("said “this”", spans=[Span(5, 11, "bold")]), Text("")] * 5_000)
    assert len(calls) <= 10_000 // PRINT_CHUNK + 1


def test_a_folder_with_no_article_files_says_which_files_are_read(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """A new user's tryout: an empty folder gave `0 articles, 0 problems`, and the reader `Press p to see why`,
    where `p` said there was no problem."""
    (tmp_path / ".hidden.md").write_text("---\ntitle: Hidden\n---\nText.\n")  # skipped, as hidden files are
    assert main(["--private", "list", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert "0 articles, 0 problems" in out
    assert err.startswith("briefing: no article files here: the files read are .txt, .md")
    write(tmp_path / "a.md", "---\ntitle: T\n---\nText.\n")
    assert main(["--private", "list", str(tmp_path)]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("how", ["index", "config"])
def test_show_refuses_a_file_reached_through_a_folder_swapped_for_a_link_out(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], isolated_home: Path, how: str) -> None:
    """A security tryout: a library's folder swapped for a link to a folder outside it; `show lib/sub/a.txt` read
    the outside file (as `a.txt` of its own folder) where `check` refused the link."""
    import shutil

    lib, outside = tmp_path / "lib", tmp_path / "outside"
    write(lib / "sub" / "a.txt", "Inside A\n\nbody inside\n")
    write(lib / "b.txt", "B\n\nb\n")
    write(outside / "sub2" / "a.txt", "OUTSIDE SECRET\n\nsecret body\n")
    if how == "index":
        assert main(["index", str(lib)]) == 0
        args = ["show"]
    else:
        args = ["--config", str(write(tmp_path / "c.yaml", f"library: {lib}\n")), "show"]
    capsys.readouterr()
    shutil.move(lib / "sub", outside / "old")
    (lib / "sub").symlink_to(outside / "sub2", target_is_directory=True)
    assert main([*args, str(lib / "sub" / "a.txt")]) == 1
    out, err = capsys.readouterr()
    assert "SECRET" not in out and "symbolic link points outside the library; not followed" in err
    assert main([*args, str(lib / "b.txt")]) == 0 and "b" in capsys.readouterr().out
    if how == "index":  # a re-check tryout: once the link's target was indexed on its own, `show` read it through
        assert main(["index", str(lib)]) == 0 and main(["index", str(outside / "sub2")]) == 0  # the link
        capsys.readouterr()
        assert main([*args, str(lib / "sub" / "a.txt")]) == 1
        out, err = capsys.readouterr()
        assert "SECRET" not in out and "symbolic link points outside the library; not followed" in err


@pytest.mark.parametrize("how", ["index", "config"])
def test_show_reads_what_list_printed_of_a_library_reached_through_a_link(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], isolated_home: Path, how: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A scripting tryout: `briefing list link --format paths | xargs briefing show` refused every file of a library
    whose folder is a link (`~/briefings -> /mnt/share/briefings`): its root was found by its real path, and the path
    given, through the link, was `../link/Sec/b.txt` below it, a path leading outside."""
    write(tmp_path / "real" / "Sec" / "b.txt", "June 2, 2025 Linked title\n\n\"Hi,\" said Kim Lee.\n")
    (tmp_path / "link").symlink_to(tmp_path / "real", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    config = ["--config", str(write(tmp_path / "c.yaml", f"library: {tmp_path / 'real'}\n"))] if how == "config" else []
    assert main([*config, "list", "link", "--format", "paths"]) == 0
    listed = capsys.readouterr().out.split()
    assert listed == ["link/Sec/b.txt"]
    for given in (listed[0], str(tmp_path / listed[0]), "real/Sec/b.txt"):
        assert main([*config, "show", given, "--json"]) == 0, given
        article = json.loads(capsys.readouterr().out)["article"]
        assert (article["id"], article["section"], article["path"]) == ("Sec/b.txt", "Sec", given)


def test_a_configured_library_folder_that_is_not_there_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                 isolated_home: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A new user's tryout: a typo in the config's `library:` looked like an empty library (`search` said only that
    nothing matched); a PATH given on the command line is refused, a configured one is now named."""
    monkeypatch.setenv("BRIEFING_LIBRARY", str(tmp_path / "nope"))
    for fmt in (["--json"], ["--format", "tsv"], ["--format", "paths"], []):
        # a scripting tryout: in a script's formats, a library that is not there was exit 0, nothing on stderr
        assert main(["--private", "search", "foo", *fmt]) == 2, fmt
        assert capsys.readouterr() == ("", f"briefing: no such library folder: '{tmp_path / 'nope'}' "
                                           "(from $BRIEFING_LIBRARY)\n")
    monkeypatch.delenv("BRIEFING_LIBRARY")
    cfg = write(tmp_path / "c.yaml", f"library: [{tmp_path / 'gone'}, {SEEDS}]\n")
    assert main(["--private", "--config", str(cfg), "list"]) == 0
    out, err = capsys.readouterr()
    assert f"briefing: no such library folder: '{tmp_path / 'gone'}' (from the config's library:)" in err
    assert "10 articles, 1 problem" in out
    assert main(["--private", "--config", str(cfg), "list", "--json"]) == 0  # one folder is: its articles are given
    out, err = capsys.readouterr()
    assert len(json.loads(out)["articles"]) == 10 and "no such library folder" in err


def test_briefing_library_expands_a_tilde_as_the_config_does(
        capsys: pytest.CaptureFixture[str], isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """cron and `env` leave `BRIEFING_LIBRARY=~/lib` as it is: it was taken for a folder called `~`."""
    import shutil

    shutil.copytree(SEEDS, isolated_home / "lib")
    monkeypatch.setenv("HOME", str(isolated_home))
    monkeypatch.setenv("BRIEFING_LIBRARY", "~/lib")
    assert main(["--private", "list", "--format", "paths"]) == 0
    out, err = capsys.readouterr()
    assert len(out.split()) == 10 and err == ""


@pytest.mark.parametrize(("how", "command"), [("full", "list"), ("full", "show"), ("full", "search"),
                                              ("closed", "list")])
def test_output_that_cannot_be_written_is_one_line_and_exit_4(tmp_path: Path, how: str, command: str) -> None:
    """A scripting tryout: `briefing list --json > /dev/full` was a traceback and exit 1 (the code of problems
    found); with stdout closed (`>&-`), exit 0 and nothing written."""
    if how == "full" and not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    args = {"list": ["list", str(SEEDS), "--json"], "search": ["search", "the", str(SEEDS), "--json"],
            "show": ["show", str(next(SEEDS.glob("*.txt")))]}[command]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src"), "BRIEFING_PRIVATE": "1"}
    with open("/dev/full" if how == "full" else os.devnull, "w") as out:
        done = subprocess.run([sys.executable, "-m", "briefing_tui", *args], stdout=out, stderr=subprocess.PIPE,
                              text=True, env=env, check=False, timeout=120,
                              preexec_fn=(lambda: os.close(1)) if how == "closed" else None)
    reason = "No space left on device" if how == "full" else "standard output is closed"
    assert (done.returncode, done.stderr) == (4, f"briefing: cannot write the output: {reason}\n")


def test_a_search_that_finds_nothing_says_so_without_an_empty_table(capsys: pytest.CaptureFixture[str]) -> None:
    """A new user's tryout: `0 of 0 matching articles` under an empty table's header."""
    assert main(["--private", "search", "zzzzqq", str(SEEDS)]) == 0
    out, err = capsys.readouterr()
    assert out == "No matching article\n" and "No article has “zzzzqq”" in err
