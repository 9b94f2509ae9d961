"""The command line's errors (docs/cli.md): a PATH that is not there, a query split over arguments, a missing
argument. Each is one sanitized line on stderr naming what is wrong, exit code 2, and nothing runs."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_tui.cli import main
from tests.conftest import SEEDS, env_without_home, write

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
"""Root reads any folder whatever its mode: the unreadable cases cannot happen."""

PATH_COMMANDS = [["list"], ["search", "putin"], ["quotes"], ["check"], ["index"], ["read"], []]
"""Every command that takes PATHs; `[]` is the reader as `briefing PATH`."""


@pytest.fixture(autouse=True)
def no_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    """A usage error never opens the reader: if it were opened, the test fails instead of waiting."""
    import briefing_tui.tui.app

    def refuse(*_args: object, **_kwargs: object) -> int:
        raise AssertionError("the reader started")

    monkeypatch.setattr(briefing_tui.tui.app, "run_reader", refuse)


def fails(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """Run the command line, which must exit 2 and print nothing on stdout; return stderr, one line."""
    assert main(list(args)) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and err.endswith("\n"), (out, err)
    return err


@pytest.mark.parametrize("command", PATH_COMMANDS, ids=lambda c: " ".join(c) or "reader")
def test_a_missing_path_is_named(capsys: pytest.CaptureFixture[str], tmp_path: Path, command: list[str]) -> None:
    gone = tmp_path / "gone"
    assert fails(capsys, *command, str(gone)) == f"briefing: no such file or folder: '{gone}'\n"


@pytest.mark.parametrize("command", PATH_COMMANDS, ids=lambda c: " ".join(c) or "reader")
def test_a_missing_path_after_a_good_one_is_named(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                   command: list[str]) -> None:
    gone = tmp_path / "gone"
    assert fails(capsys, *command, str(SEEDS), str(gone)) == f"briefing: no such file or folder: '{gone}'\n"


def test_a_link_to_nothing_is_missing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    assert fails(capsys, "list", str(tmp_path / "dangling")) == f"briefing: no such file or folder: " \
                                                                  f"'{tmp_path / 'dangling'}'\n"


@pytest.mark.skipif(AS_ROOT, reason="root can read any folder")
@pytest.mark.parametrize("command", PATH_COMMANDS, ids=lambda c: " ".join(c) or "reader")
def test_an_unreadable_folder_is_named(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                       command: list[str]) -> None:
    locked = tmp_path / "locked"
    write(locked / "a.txt", "Title\n\nBody.\n")
    locked.chmod(0)
    try:
        assert fails(capsys, *command, str(locked)) == f"briefing: cannot read folder: '{locked}'\n"
    finally:
        locked.chmod(0o700)


@pytest.mark.skipif(AS_ROOT, reason="root can read any file")
def test_an_unreadable_file_is_named(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    locked = write(tmp_path / "a.txt", "Title\n\nBody.\n")
    locked.chmod(0)
    assert fails(capsys, "list", str(locked)) == f"briefing: cannot read file: '{locked}'\n"


def test_a_missing_path_is_sanitized(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    err = fails(capsys, "list", str(tmp_path / "gone\x1b[31m\nnext\u202e"))
    assert err.startswith("briefing: no such file or folder: '") and "\x1b" not in err and "\u202e" not in err


def test_show_a_missing_file_says_so(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    gone = tmp_path / "gone.txt"
    assert fails(capsys, "show", str(gone)) == f"briefing: no such file: '{gone}'\n"
    (tmp_path / "dangling.txt").symlink_to(gone)
    assert fails(capsys, "show", str(tmp_path / "dangling.txt")) == f"briefing: no such file: " \
                                                                      f"'{tmp_path / 'dangling.txt'}'\n"


def test_show_a_folder_is_still_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert fails(capsys, "show", str(SEEDS)) == f"briefing: '{SEEDS}' is a folder; show takes one file\n"


@pytest.mark.skipif(AS_ROOT, reason="root can read any file")
def test_show_an_unreadable_file_is_named_like_a_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    locked = write(tmp_path / "a.txt", "Title\n\nBody.\n")
    locked.chmod(0)
    assert fails(capsys, "show", str(locked)) == f"briefing: cannot read file: '{locked}'\n"


def test_a_typo_for_a_command_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    err = fails(capsys, "lsit")
    assert err == ("briefing: error: 'lsit' is neither a command (read, list, show, search, quotes, check, index, help)"
                   " nor a file or folder; did you mean 'list'?\n")
    assert fails(capsys, "reed").endswith("; did you mean 'read'?\n")
    assert "did you mean" not in fails(capsys, "zzzq")


def test_a_query_split_over_arguments_is_refused_with_its_quoted_form(capsys: pytest.CaptureFixture[str]) -> None:
    err = fails(capsys, "search", "ID", "cards", str(SEEDS))
    assert err == ("briefing: 'cards' is not a file or folder. To search for several words, quote them: "
                   f'briefing search "ID cards" {shlex.quote(str(SEEDS))}\n')


def test_a_folder_before_the_query_is_said_to_come_after_it(capsys: pytest.CaptureFixture[str]) -> None:
    """A new user's tryout: `search seeds harbour` was told to quote `"seeds harbour"`; the order was the mistake."""
    lib = shlex.quote(str(SEEDS))
    err = fails(capsys, "search", str(SEEDS), "harbour")
    assert err == ("briefing: 'harbour' is not a file or folder. The query comes first, then the folders: "
                   f'briefing search "harbour" {lib} (or, for several words: briefing search "{SEEDS} harbour")\n')


def test_a_split_query_without_paths_is_refused_too(capsys: pytest.CaptureFixture[str]) -> None:
    err = fails(capsys, "search", "ID", "cards")
    assert err == ("briefing: 'cards' is not a file or folder. To search for several words, quote them: "
                   'briefing search "ID cards"\n')


@pytest.mark.parametrize("args", [
    ["-q", "speaker:le", "pen", "{lib}"], ["{lib}", "-q", "speaker:le", "pen"], ["-q", "speaker:le", "{lib}", "pen"],
])
def test_a_quotes_query_split_over_arguments_is_refused_with_its_quoted_form(capsys: pytest.CaptureFixture[str],
                                                                            args: list[str]) -> None:
    """`quotes -q speaker:le pen LIB`: the shell gave `pen` as a PATH, wherever it stood."""
    err = fails(capsys, "quotes", *(a.format(lib=SEEDS) for a in args))
    assert err == ("briefing: 'pen' is not a file or folder. To look for several words, quote them: "
                   f'briefing quotes {shlex.quote(str(SEEDS))} -q "speaker:le pen"\n')
    assert fails(capsys, "quotes", "pen") == "briefing: no such file or folder: 'pen'\n"  # no query: a PATH


@pytest.mark.parametrize("words", [
    ["ID", "cards"], ['"ID', 'cards"'], ["cost", "$HOME"], ["it's", "`date`"], ["back\\slash", "x"], ["wow!", "x"],
    ["x", "a b", "c;d"],
])
def test_the_suggested_command_gives_the_query_as_one_argument(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                               words: list[str]) -> None:
    """What the message suggests, read by a POSIX shell, is the search with the words as one query and every
    PATH kept, an odd one (a space, a quote) included; nothing in double quotes is expanded by the shell."""
    odd = tmp_path / "my lib's"
    odd.mkdir()
    gone = tmp_path / "gone"
    err = fails(capsys, "search", *words, str(odd), str(gone))
    suggested = err.rstrip("\n").split("quote them: ", 1)[1]
    assert shlex.split(suggested) == ["briefing", "search", " ".join(words), str(odd), str(gone)]
    query = suggested.removeprefix("briefing search ")
    if query.startswith('"'):
        assert not any(ch in query[1:query.index('"', 1)] for ch in "$`\\!")


def test_a_query_with_paths_that_exist_is_not_split(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "2025-06-01 Cards\n\nID cards for all.\n")
    assert main(["search", "ID cards", str(tmp_path), str(SEEDS)]) == 0
    assert "Cards" in capsys.readouterr().out


def argparse_error(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[str, str]:
    """Run a command line argparse refuses: (its usage, whitespace as one space; its last line)."""
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    assert exc.value.code == 2 and out == ""
    usage, _, last = err.rstrip("\n").rpartition("\n")
    return " ".join(usage.split()), last


def test_search_without_a_query_says_a_query_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["search"], ["search", "--json"]):
        usage, last = argparse_error(capsys, *args)
        assert usage.startswith("usage: briefing search [-h] ") and usage.endswith(" QUERY [PATH ...]")
        assert last == "briefing search: error: a query is required"


def test_show_without_a_file_says_a_file_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    assert argparse_error(capsys, "show") == ("usage: briefing show [-h] [--private] [--config FILE] [--json] FILE",
                                              "briefing show: error: a file is required")


@pytest.mark.parametrize(("command", "positionals"), [
    ("read", "[PATH ...]"), ("list", "[PATH ...]"), ("show", "FILE"), ("search", "QUERY [PATH ...]"),
    ("quotes", "[PATH ...]"), ("index", "[PATH ...]"), ("check", "[PATH ...]"),
])
def test_every_usage_line_reads_right(capsys: pytest.CaptureFixture[str], command: str, positionals: str) -> None:
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    usage = " ".join(capsys.readouterr().out.split("\n\n")[0].split())
    assert exc.value.code == 0 and usage.startswith(f"usage: briefing {command} [-h]")
    assert usage.endswith(f"] {positionals}"), usage


def test_paths_may_follow_options(capsys: pytest.CaptureFixture[str], seed_library: Path) -> None:
    """`search putin --json SEEDS` is `search putin SEEDS --json`: argparse alone calls SEEDS unrecognized."""
    assert main(["search", "putin", str(SEEDS), "--json"]) == 0
    expected = capsys.readouterr().out
    assert main(["search", "putin", "--json", str(SEEDS)]) == 0
    assert capsys.readouterr().out == expected and '"total": 1' in expected
    assert main(["list", str(seed_library), "--json", str(SEEDS)]) == 0
    ids = {a["id"] for a in json.loads(capsys.readouterr().out)["articles"]}
    assert {"seed.txt", "000_f05413db3c7f5e1f.txt"} <= ids


def test_an_unknown_option_is_named_under_its_command(capsys: pytest.CaptureFixture[str]) -> None:
    usage, last = argparse_error(capsys, "list", str(SEEDS), "--bogus")
    assert usage.startswith("usage: briefing list [-h]")
    assert last == "briefing list: error: unrecognized arguments: --bogus"


def test_a_query_that_starts_with_a_dash_is_shown_where_it_goes(capsys: pytest.CaptureFixture[str]) -> None:
    hint = " (a query that starts with '-' goes after '--': briefing search -- -trump)"
    assert argparse_error(capsys, "search", "-trump")[1] == f"briefing search: error: a query is required{hint}"
    assert argparse_error(capsys, "search", "-trump", str(SEEDS))[1] == ("briefing search: error: unrecognized "
                                                                          f"arguments: -trump{hint}")
    assert main(["search", "--json", "--", "-trump", str(SEEDS)]) == 0
    assert '"query": "-trump"' in capsys.readouterr().out
    assert argparse_error(capsys, "quotes", "-q", "-trump", str(SEEDS))[1] == (  # a scripting tryout: no hint
        "briefing quotes: error: argument -q/--query: expected one argument (a query that starts with '-' is joined "
        "to its option: briefing quotes --query=-trump)")
    assert main(["--private", "quotes", "--query=-trump", str(SEEDS), "--json"]) == 0


def test_a_missing_config_file_is_named(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    gone = tmp_path / "config.yaml"
    assert fails(capsys, "--config", str(gone), "list", str(SEEDS)) == f"briefing: no such config file: '{gone}'\n"


@pytest.mark.parametrize("command", [["search", "putin"], ["list"], ["quotes"], ["check"]])
def test_json_and_another_format_are_refused(capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    """`--format tsv --json` printed JSON and said nothing: a script got the other output from what it read."""
    assert fails(capsys, *command, str(SEEDS), "--format", "tsv", "--json") \
        == "briefing: --json and --format tsv ask for two outputs; give one\n"
    assert main([*command, str(SEEDS), "--format", "json", "--json"]) in (0, 1)


def test_running_out_of_memory_is_one_line_and_exit_3(capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Under `ulimit -v` a tryout got a 29-line traceback and exit code 1, which a script reads as `problems found`."""
    import briefing_tui.cli

    def short_of_memory(*_args: object) -> int:
        raise MemoryError

    monkeypatch.setattr(briefing_tui.cli, "_check", short_of_memory)
    assert main(["check", str(SEEDS)]) == 3
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("briefing: out of memory") and err.count("\n") == 1


@pytest.mark.parametrize("command", [[], ["read"]], ids=["reader", "read"])
def test_the_reader_without_a_terminal_says_so_and_exits_2(tmp_path: Path, command: list[str]) -> None:
    """`briefing PATH` from a script, a pipe or cron: one line and exit 2, not a full-screen app waiting for keys
    that never come and writing escape codes into the output file."""
    done = subprocess.run([sys.executable, "-m", "briefing_tui", *command, str(SEEDS)], stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=60, env=env_without_home(tmp_path))
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("briefing: the reader needs a terminal") and done.stderr.count("\n") == 1
