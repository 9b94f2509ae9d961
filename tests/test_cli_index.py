"""The CLI answers from the index, one truth for every command, and output for shell pipelines (issue 16)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from briefing_tui.cli import main
from briefing_tui.core.library import scan as library
from tests.conftest import SEEDS, write

LONG_FOLDER = "a-folder-with-a-name-long-enough-to-need-cutting"
LONG_NAME = "2025-06-23-an-article-file-name-that-goes-on-and-on-and-on.md"


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """Every format, sections from folders and from front matter, and each kind of problem."""
    lib = tmp_path / "mixed"
    shutil.copytree(SEEDS, lib / "sport")
    write(lib / "sport" / "tab.md", "---\ntitle: Tabbed\ndate: 2025-01-01\n\tbad: x\n---\nBody text.\n")
    write(lib / "sport" / "baddate.md", "---\ntitle: Bad date\ndate: 2025-13-45\n---\n“Yes,” said Ann Lee.\n")
    write(lib / "bin.txt", b"\x00\x01\x02")
    write(lib / "empty.txt", "")
    write(lib / LONG_FOLDER / LONG_NAME, "---\ntitle: Long path\ndate: 2025-06-23\n---\n“No,” said Bo Kim.\n")
    return lib


def out_of(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def as_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:  # type: ignore[type-arg]
    code, out = out_of(capsys, *args, "--json")
    assert code in (0, 1)
    return json.loads(out)  # type: ignore[no-any-return]


def test_list_check_and_quotes_answer_from_the_index(capsys: pytest.CaptureFixture[str], mixed: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Once indexed, no file is parsed again: the answers come from the index (and stay fresh)."""
    before = {c: out_of(capsys, c, str(mixed), "--json") for c in ("list", "check", "quotes")}

    def no_parsing(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a file was parsed")

    monkeypatch.setattr(library, "load_entry", no_parsing)
    monkeypatch.setattr("briefing_tui.core.library.workers.load_entry", no_parsing)
    for command, (code, out) in before.items():
        assert out_of(capsys, command, str(mixed), "--json") == (code, out), command


def test_one_truth_for_every_command(capsys: pytest.CaptureFixture[str], mixed: Path) -> None:
    """The same article has the same title, date, section and citation in show, list, search and quotes;
    the library has the same problems in check, list, index and the reader's list."""
    listed = {a["path"]: a for a in as_json(capsys, "list", str(mixed))["articles"]}
    quotes = as_json(capsys, "quotes", str(mixed))["quotes"]
    assert listed and quotes
    for path, summary in listed.items():
        shown = as_json(capsys, "show", path)["article"]
        keys = ("id", "title", "date", "section", "source", "tags", "quote_count", "problems")
        assert {k: shown[k] for k in keys} == {k: summary[k] for k in keys}, path
        citations = [q["citation"] for q in quotes if q["path"] == path]
        assert citations == [q["citation"] for q in shown["quotes"]], path
    found = as_json(capsys, "search", "said", str(mixed), "--limit", "100")["results"]
    for result in found:
        keys = ("id", "title", "date", "section")
        assert {k: result[k] for k in keys} == {k: listed[result["path"]][k] for k in keys}
    assert listed[str(mixed / "sport" / "baddate.md")]["section"] == "sport"

    problems = as_json(capsys, "check", str(mixed))["problems"]
    reasons = {(p["path"], p["reason"].split(" (")[0]) for p in problems}
    assert reasons == {
        (str(mixed / "bin.txt"), "binary file"),
        (str(mixed / "empty.txt"), "empty file"),
        (str(mixed / "sport" / "tab.md"), "front matter is not valid YAML"),
        (str(mixed / "sport" / "baddate.md"), "front matter date ignored: 2025-13-45 is not a calendar date"),
    }
    assert as_json(capsys, "list", str(mixed))["problems"] == problems
    assert main(["index", str(mixed)]) == 0
    out, err = capsys.readouterr()
    assert f"{len(listed)} articles, {len(problems)} problems" in out
    assert err == ""  # a scripting tryout: no progress bar where stderr is no terminal (cron mailed one a run)

    from briefing_tui.core.search.index import index_path, open_index
    from briefing_tui.core.user.config import cache_dir
    from briefing_tui.core.user.state import library_key

    index = open_index(index_path(cache_dir(), library_key([str(mixed)])))
    try:  # what the reader's problems screen lists (`ReaderApp._index_problems`)
        assert index.problems() == problems
    finally:
        index.close()


def test_limits_and_formats_for_pipelines(capsys: pytest.CaptureFixture[str], mixed: Path) -> None:
    articles = as_json(capsys, "list", str(mixed))["articles"]
    code, out = out_of(capsys, "list", str(mixed), "--format", "tsv")
    rows = [line.split("\t") for line in out.splitlines()]
    assert code == 0 and [r[0] for r in rows] == [a["path"] for a in articles]
    assert all(len(r) == 6 for r in rows) and rows[0][1:4] == [articles[0]["date"] or "", articles[0]["section"],
                                                                 articles[0]["title"]]
    assert out_of(capsys, "list", str(mixed), "--limit", "2", "--format", "paths")[1].splitlines() == \
        [a["path"] for a in articles[:2]]
    assert len(as_json(capsys, "list", str(mixed), "--limit", "3")["articles"]) == 3

    quotes = as_json(capsys, "quotes", str(mixed))["quotes"]
    tsv = out_of(capsys, "quotes", str(mixed), "--format", "tsv", "--limit", "4")[1].splitlines()
    assert [line.split("\t") for line in tsv] == [
        [q["path"], str(q["paragraph"]), q["date"] or "", q["speaker"] or "", q["text"]] for q in quotes[:4]]
    paths = out_of(capsys, "quotes", str(mixed), "--format", "paths")[1].splitlines()
    assert paths == list(dict.fromkeys(q["path"] for q in quotes))

    results = as_json(capsys, "search", "said", str(mixed))["results"]
    assert out_of(capsys, "search", "said", str(mixed), "--format", "paths")[1].splitlines() == \
        [r["path"] for r in results]
    code, out = out_of(capsys, "check", str(mixed), "--format", "tsv")
    assert code == 1 and all(line.count("\t") == 1 for line in out.splitlines())


def test_tsv_values_never_break_a_row(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write(tmp_path / "Tab\tfolder" / "a.md", "---\ntitle: \"Tab\\there\"\n---\n“Hi,” said Ann Lee.\n")
    code, out = out_of(capsys, "list", str(tmp_path), "--format", "tsv")
    assert code == 0 and out.count("\n") == 1 and out.count("\t") == 5, out


def test_long_paths_are_cut_in_the_middle_never_broken(capsys: pytest.CaptureFixture[str], mixed: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    code, out = out_of(capsys, "list", str(mixed))
    row = next(line for line in out.splitlines() if "Long path" in line)
    assert code == 0 and "…" in row and row.rstrip().endswith("-and-on.md"), out
    assert LONG_FOLDER[:6] in row and max(len(line) for line in out.splitlines()) <= 80
    assert "see: briefing check" in out.splitlines()[-1]
    code, out = out_of(capsys, "check", str(mixed))  # one line per problem: the path whole, first
    assert code == 1 and f"{mixed / 'sport' / 'tab.md'}: front matter is not valid YAML" in out


@pytest.mark.parametrize("columns", [40, 55])
def test_narrow_tables_keep_the_title(capsys: pytest.CaptureFixture[str], mixed: Path,
                                      monkeypatch: pytest.MonkeyPatch, columns: int) -> None:
    """A scripting tryout: at 40 columns the search table had dropped its titles (date, section and path were left)
    and `list` ran a title a syllable a line beside a section cut to `Politic…`."""
    monkeypatch.setenv("COLUMNS", str(columns))
    for args in (["list", str(mixed)], ["search", "harbour", str(mixed)]):
        code, out = out_of(capsys, *args)
        lines = out.splitlines()
        assert code == 0 and lines[0].split() == ["Date", "Title", *(["Path"] if columns >= 48 else [])], out
        assert max(len(line) for line in lines) <= columns
        assert "Harbour" in out and "Section" not in out


def test_files_given_alone_leave_no_cache(capsys: pytest.CaptureFixture[str], mixed: Path) -> None:
    """A scripting tryout: `search trump lib/a.md`, then `lib/b.md`, … left an index file in the cache for each (20
    after a session), and `show` then took the file's folder for its library."""
    from briefing_tui.core.user.config import cache_dir

    files = sorted(str(p) for p in mixed.rglob("*.md"))[:3]
    for name in files:
        out_of(capsys, "search", "harbour", name)
    out_of(capsys, "list", *files)
    assert not list(cache_dir().glob("index-*.sqlite"))
    out_of(capsys, "list", str(mixed))  # a folder is a library: cached
    assert len(list(cache_dir().glob("index-*.sqlite"))) == 1


def test_show_cites_a_file_as_the_library_it_was_read_in(capsys: pytest.CaptureFixture[str], mixed: Path) -> None:
    path = str(mixed / "sport" / "baddate.md")
    assert as_json(capsys, "show", path)["article"]["section"] == "Unfiled"  # never read as part of a library
    out_of(capsys, "list", str(mixed))
    shown = as_json(capsys, "show", path)["article"]
    assert shown["section"] == "sport" and shown["quotes"][0]["citation"] == "“Yes” — Ann Lee, Bad date (sport)"


def test_show_cites_a_file_as_its_library_though_a_folder_of_it_was_listed_on_its_own(
        capsys: pytest.CaptureFixture[str], mixed: Path) -> None:
    """A scripting tryout: after `list lib/sport` (or a `search` of one file, which indexes its folder), `show`
    read lib's files under the later index's root: id `baddate.md`, section Unfiled, where `list lib` says
    `sport/baddate.md` and sport. The outermost library that holds a file is the one it is read in."""
    path = mixed / "sport" / "baddate.md"
    out_of(capsys, "list", str(mixed))
    out_of(capsys, "list", str(mixed / "sport"))
    shown = as_json(capsys, "show", str(path))["article"]
    assert (shown["id"], shown["section"]) == ("sport/baddate.md", "sport")
    fresh = write(mixed / "sport" / "fresh.md", "---\ntitle: Fresh\n---\n“Now,” said Ann Lee.\n")
    shown = as_json(capsys, "show", str(fresh))["article"]  # indexed by neither yet
    assert (shown["id"], shown["section"]) == ("sport/fresh.md", "sport")


def test_show_cites_a_file_the_running_reader_has_just_indexed(capsys: pytest.CaptureFixture[str],
                                                               mixed: Path) -> None:
    """The reader keeps its index open, and what it indexed last is in the write-ahead log beside it: `show`
    reads that too. A file no index holds yet (added a moment ago) is cited as part of the library whose
    folder holds it, not as Unfiled."""
    from briefing_tui.core.search.index import open_index
    from briefing_tui.core.user.config import cache_dir

    out_of(capsys, "list", str(mixed))
    fresh = write(mixed / "sport" / "fresh.md", "---\ntitle: Fresh\n---\n“Now,” said Ann Lee.\n")
    shown = as_json(capsys, "show", str(fresh))["article"]
    assert shown["section"] == "sport" and shown["id"] == "sport/fresh.md"  # not indexed yet: its library's
    (cache,) = cache_dir().glob("index-*.sqlite")
    reader = open_index(cache)  # as the running reader holds it
    try:
        later = write(mixed / "sport" / "later.md", "---\ntitle: Later\n---\n“Later,” said Ann Lee.\n")
        reader.refresh([str(mixed)])
        assert Path(f"{cache}-wal").stat().st_size > 0  # not yet in the database file itself
        shown = as_json(capsys, "show", str(later))["article"]
        assert shown["section"] == "sport" and shown["quotes"][0]["citation"] == "“Later” — Ann Lee, Later (sport)"
    finally:
        reader.close()
    elsewhere = write(mixed.parent / "elsewhere" / "x.md", "---\ntitle: X\n---\nBody.\n")
    assert as_json(capsys, "show", str(elsewhere))["article"]["section"] == "Unfiled"  # in no library


def test_the_same_library_given_twice_is_read_once(capsys: pytest.CaptureFixture[str], mixed: Path) -> None:
    once = as_json(capsys, "list", str(mixed))
    assert as_json(capsys, "list", str(mixed), str(mixed)) == once  # was a crash: UNIQUE constraint failed


def test_paths_are_below_the_root_as_this_command_gave_it(capsys: pytest.CaptureFixture[str], mixed: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache is shared by every command on the same library, however each names it: a path is shown below
    the root as the command was given it, whichever command built the cache (a script's `xargs` opens it)."""
    monkeypatch.chdir(mixed.parent)
    first = as_json(capsys, "list", "mixed")  # builds the cache, the root given as `mixed`
    assert {a["path"] for a in first["articles"]} >= {"mixed/sport/2025-06-12-harbour-talks.md"}
    elsewhere = mixed / "sport"
    monkeypatch.chdir(elsewhere)
    for root in (str(mixed), "../../mixed", f"{mixed}/"):
        given = root.rstrip("/")
        listed = as_json(capsys, "list", root)
        articles = listed["articles"]
        assert articles and all(a["path"] == f"{given}/{a['id']}" and Path(a["path"]).is_file() for a in articles)
        problems = as_json(capsys, "check", root)["problems"]
        assert problems and all(p["path"] == f"{given}/{p['id']}" for p in problems)
        quoted = as_json(capsys, "quotes", root)["quotes"]
        assert quoted and all(q["path"] == f"{given}/{q['article_id']}" for q in quoted)
        _, out = out_of(capsys, "search", "said", root, "--format", "paths")
        assert out and all(line.startswith(f"{given}/") and Path(line).is_file() for line in out.splitlines())
    _, out = out_of(capsys, "list", "./2025-06-12-harbour-talks.md", "--format", "paths")
    assert out.splitlines() == ["./2025-06-12-harbour-talks.md"]  # a file given as the root: its path as given
