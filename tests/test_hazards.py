"""One test per hazard of docs/files.md: each file becomes an article or a problem, quickly and safely."""

from __future__ import annotations

import codecs
import os
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing_tui.core.library.scan import load_file, load_library
from briefing_tui.core.model import Article, Problem
from briefing_tui.core.reading import sanitize
from tests.conftest import write


def only(lib_root: Path) -> Article | Problem:
    lib = load_library([str(lib_root)])
    items: list[Article | Problem] = [*lib.articles, *lib.problems]
    assert len(items) == 1, items
    return items[0]


def test_fifo_never_blocks(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    result: list[Article | Problem] = []
    worker = threading.Thread(target=lambda: result.append(only(tmp_path)), daemon=True)
    worker.start()
    worker.join(30)  # only a blocked read waits this long
    assert not worker.is_alive(), "reading a FIFO blocked"
    assert isinstance(result[0], Problem) and "FIFO" in result[0].reason


def test_a_socket_is_not_a_regular_file(tmp_path: Path) -> None:
    """A security tryout: a socket in the library read `cannot open file: No such device or address`."""
    import socket

    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(tmp_path / "sock.txt"))
        result = only(tmp_path)
        assert isinstance(result, Problem) and result.reason == "not a regular file (a socket)"
        from briefing_tui.core.reading.safe import ReadError, read_bytes

        with pytest.raises(ReadError, match=r"^not a regular file \(a socket\)$"):
            read_bytes(str(tmp_path / "sock.txt"))
    finally:
        server.close()


def test_device_link_is_refused(tmp_path: Path) -> None:
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    result = only(tmp_path)
    assert isinstance(result, Problem) and "outside the library" in result.reason


def test_symlink_loop_is_harmless(tmp_path: Path) -> None:
    write(tmp_path / "a" / "story.txt", "Story\n\nBody.\n")
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a")
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    lib = load_library([str(tmp_path)])
    assert [a.id for a in lib.articles] == ["a/story.txt"]
    assert [p.id for p in lib.problems] == ["self.txt"]
    assert "looping" in lib.problems[0].reason


def test_dangling_link(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    result = only(tmp_path)
    assert isinstance(result, Problem) and "dangling" in result.reason


def test_link_out_of_root_is_not_followed(tmp_path: Path) -> None:
    outside = write(tmp_path / "outside" / "secret.txt", "Secret\n\nDo not read.\n")
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "secret.txt").symlink_to(outside)
    (lib / "dir").symlink_to(outside.parent)
    library = load_library([str(lib)])
    assert not library.articles
    assert sorted(p.id for p in library.problems) == ["dir", "secret.txt"]
    assert all("outside the library" in p.reason for p in library.problems)


def test_link_inside_root_is_followed(tmp_path: Path) -> None:
    write(tmp_path / "real.txt", "Real\n\nBody.\n")
    (tmp_path / "alias.txt").symlink_to(tmp_path / "real.txt")
    assert sorted(a.id for a in load_library([str(tmp_path)]).articles) == ["alias.txt", "real.txt"]


def test_binary_file(tmp_path: Path) -> None:
    write(tmp_path / "x.txt", bytes(range(1, 32)) * 100)
    result = only(tmp_path)
    assert isinstance(result, Problem) and "binary" in result.reason


def test_nul_bytes(tmp_path: Path) -> None:
    write(tmp_path / "x.txt", b"Title\n\nBody\x00with a NUL.\n")
    result = only(tmp_path)
    assert isinstance(result, Problem) and "NUL" in result.reason


def test_alias_bomb(tmp_path: Path) -> None:
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n" \
           "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\nBody.\n"
    result = only(write(tmp_path / "lib" / "bomb.md", bomb).parent)
    assert isinstance(result, Article) and result.paragraphs == ("Body.",)
    assert any("aliases are not allowed" in p for p in result.problems)


def test_python_object_tag_is_not_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    payload = f"---\ntitle: !!python/object/apply:os.system ['touch {marker}']\n---\nBody.\n"
    result = only(write(tmp_path / "lib" / "evil.md", payload).parent)
    assert not marker.exists()
    assert isinstance(result, Article) and any("unsupported YAML tag" in p for p in result.problems)


def test_deep_nesting(tmp_path: Path) -> None:
    result = only(write(tmp_path / "lib" / "deep.md", "---\nx: " + "[" * 5000 + "]" * 5000 + "\n---\nBody.\n").parent)
    assert isinstance(result, Article) and any("nested deeper" in p for p in result.problems)


@pytest.mark.parametrize("front", ["- a\n- b", "just a string", "42", "[1, 2]"])
def test_non_mapping_front_matter(tmp_path: Path, front: str) -> None:
    result = only(write(tmp_path / "lib" / "x.md", f"---\n{front}\n---\nBody.\n").parent)
    assert isinstance(result, Article) and any("not a mapping" in p for p in result.problems)


def test_norway_problem(tmp_path: Path) -> None:
    result = only(write(tmp_path / "lib" / "x.md", "---\nsection: no\ntitle: on\n---\nBody.\n").parent)
    assert isinstance(result, Article) and (result.section, result.title) == ("no", "on")


@pytest.mark.parametrize("date", ["2025-02-30", "2025-13-01", "99999999-01-01", "June 31, 2025", "-5"])
def test_impossible_and_huge_dates(tmp_path: Path, date: str) -> None:
    result = only(write(tmp_path / "lib" / "x.md", f"---\ndate: {date}\n---\nBody.\n").parent)
    assert isinstance(result, Article) and result.date is None
    assert any("date" in p for p in result.problems)


def test_impossible_leading_date_is_not_a_date(tmp_path: Path) -> None:
    result = only(write(tmp_path / "lib" / "x.txt", "February 30, 2025 Heading\nBody.\n").parent)
    assert isinstance(result, Article) and result.date is None


def test_bom_and_crlf(tmp_path: Path) -> None:
    data = codecs.BOM_UTF8 + "June 27, 2025Clash Report\r\nBody “quoted” here.\r\n".encode()
    result = only(write(tmp_path / "lib" / "x.txt", data).parent)
    assert isinstance(result, Article)
    assert (result.title, result.paragraphs, len(result.quotes)) == ("Clash Report", ("Body “quoted” here.",), 1)


def test_cp1252_smart_quotes(tmp_path: Path) -> None:
    data = "Title\n\nShe said “fine” and it’s done – café.\n".encode("cp1252")
    result = only(write(tmp_path / "lib" / "x.txt", data).parent)
    assert isinstance(result, Article)
    assert result.paragraphs == ("She said “fine” and it’s done – café.",)
    assert [q.text for q in result.quotes] == ["fine"]


def test_utf8_with_a_stray_byte_stays_utf8(tmp_path: Path) -> None:
    data = "Title\n\nThe café’s owner said “fine”, ".encode() + b"\xff" + " and left – for Gdańsk.\n".encode()
    result = only(write(tmp_path / "lib" / "x.txt", data).parent)
    assert isinstance(result, Article)
    assert result.paragraphs == ("The café’s owner said “fine”, \ufffd and left – for Gdańsk.",)


@pytest.mark.parametrize("data", [bytes(range(0x80, 0x100)) * 4 + b"\n" + bytes(range(0xFF, 0x7F, -1)) * 4,
                                  "Заголовок\n\nМинистр сказал: «Мы готовы».\n".encode("cp1251"),
                                  "Τίτλος\n\nΟ υπουργός είπε ότι είναι έτοιμοι.\n".encode("cp1253")],
                         ids=["high-bytes", "cyrillic-cp1251", "greek-cp1253"])
def test_eight_bit_text_that_is_not_western_is_a_problem_not_mojibake(tmp_path: Path, data: bytes) -> None:
    result = only(write(tmp_path / "lib" / "x.txt", data).parent)
    assert isinstance(result, Problem) and "save it as UTF-8" in result.reason


def test_utf16_with_bom(tmp_path: Path) -> None:
    result = only(write(tmp_path / "lib" / "x.txt", "Título\n\nCuerpo «citado».\n".encode("utf-16")).parent)
    assert isinstance(result, Article) and result.title == "Título" and result.quotes[0].text == "citado"


@pytest.mark.slow
def test_ten_megabyte_single_line(tmp_path: Path) -> None:
    line = ("word “quote” " * 800_000)[:10_000_000]
    result = only(write(tmp_path / "lib" / "big.txt", "Big\n\n" + line + "\n").parent)
    assert isinstance(result, Article)
    assert result.word_count > 1_000_000
    assert all(len(p) <= 200_000 for p in result.paragraphs)


def test_forty_megabyte_file_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "lib" / "huge.txt"
    path.parent.mkdir()
    with open(path, "wb") as f:
        f.truncate(40 * 1024 * 1024)
    result = only(path.parent)
    assert isinstance(result, Problem) and "too large" in result.reason and "16.0 MB" in result.reason


def test_control_and_bidi_characters_never_reach_fields(tmp_path: Path) -> None:
    evil = "\x1b]0;pwned\x07Ti\u202etle\u200b\x1b[31m\x9b\n\nBody \x1b[2J with “a\u2066 quote”.\n"
    result = only(write(tmp_path / "lib" / "e\u202evil\x1b.txt", evil).parent)
    assert isinstance(result, Article)
    for value in (result.title, result.id, result.path, *result.paragraphs, *(q.text for q in result.quotes)):
        assert sanitize.is_clean(value), repr(value)


def test_terminal_escape_sequences_go_whole(tmp_path: Path) -> None:
    """A title that sets the window's title and a colour reads as its words: the sequences go whole, not only
    their ESC (`]0;pwnedTitle [31mred`); so does a sequence in a file's name, where it is shown."""
    from briefing_tui.core.library.scan import display_path

    prose = "The harbour talks went on all day, and nobody left the room before the evening. " * 4
    evil = f"# \x1b]0;pwned\x07Title \x1b[31mred\x1b[0m\n\nBody \x1b[2Jsaid \x1bPq\x1b\\Bob.\n\n{prose}\n"
    result = only(write(tmp_path / "lib" / "evil.md", evil).parent)
    assert isinstance(result, Article), result  # (a few sequences in a text file do not make it binary)
    assert result.title == "Title red" and result.paragraphs[0] == "Body said Bob."
    assert display_path("\x1b[31mred\x1b]0;x\x07name.md") == "redname.md"
    assert display_path("e\x1bvil.txt") == "evil.txt"  # a stray ESC alone goes, the letter after it stays
    named = only(write(tmp_path / "names" / "red\x1b[31mfolder" / f"evil\x1b[31mname{'x' * 200}.txt",
                       "A first line too long to be a title. " * 6 + "\n\nBody.\n").parent.parent)
    assert isinstance(named, Article)  # the title and the section come from the names, whole sequences gone
    assert (named.title, named.section) == (f"evilname{'x' * 200}", "redfolder")


def test_undecodable_file_name(tmp_path: Path) -> None:
    name = os.fsencode(str(tmp_path / "lib")) + b"/bad\xff-name.txt"
    os.makedirs(tmp_path / "lib")
    with open(name, "wb") as f:
        f.write(b"Title\n\nBody.\n")
    result = only(tmp_path / "lib")
    assert isinstance(result, Article) and result.id == "bad\\xff-name.txt"  # as `ls -b` writes it


def test_names_that_differ_only_in_odd_characters_are_files_of_their_own(tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """Each odd character of a name is escaped, none dropped: `a\\x07b.md`, `a\\x1b[31mb.md` and `ab.md` were all
    `ab.md`, one id for three files (shared read marks and bookmarks, a `--format paths` line that named none of
    them); `show` takes the escaped name back."""
    from briefing_tui.cli import main

    lib = tmp_path / "lib"
    os.makedirs(lib)
    names = [b"ab.md", b"a\x07b.md", b"a\x1b[31mb.md", b"a\xffb.md", b"a\xfeb.md", b"a\tb.md", b"a\\x07b.md",
             b"a\xe2\x80\xaeb.md"]
    for n, name in enumerate(names):
        with open(os.fsencode(lib) + b"/" + name, "wb") as f:
            f.write(f"# Title {n}\n\nBody.\n".encode())
    assert main(["list", str(lib), "--format", "paths"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert sorted(line.removeprefix(f"{lib}/") for line in lines) == sorted([
        "ab.md", "a\\x07b.md", "a\\x1b[31mb.md", "a\\xffb.md", "a\\xfeb.md", "a\\tb.md", "a\\\\x07b.md",
        "a\\u202eb.md"])
    for line in lines:
        assert sanitize.is_clean(line) and "\t" not in line
        if os.path.exists(line):
            continue  # `a\\x07b.md` is also the name of the file written `a\\\\x07b.md`: the file as named wins
        assert main(["show", line]) == 0
        title = capsys.readouterr().out.splitlines()[0]
        assert title == f"Title {names.index(os.fsencode(sanitize.unescape_name(line)).rpartition(b'/')[2])}"


@given(st.text(st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=("Cs",)))
       | st.binary().map(os.fsdecode))
def test_escaped_names_are_clean_and_read_back(name: str) -> None:
    escaped = sanitize.escape_name(name)
    assert sanitize.is_clean(escaped) and "\t" not in escaped and "\n" not in escaped
    assert sanitize.unescape_name(escaped) == name


def test_the_listing_keys_files_whose_names_are_not_their_ids(tmp_path: Path) -> None:
    """A Listed keeps its file's raw name only when the id is not that name (undecodable bytes, a control
    character): its key is the index's key for the file either way, so a change to it mends the listing."""
    from briefing_tui.core.search.index import open_index

    lib = tmp_path / "lib"
    os.makedirs(lib)
    for name in (b"plain.txt", b"bad\xff-name.txt", b"e\x1bvil.txt"):
        with open(os.fsencode(lib) + b"/" + name, "wb") as f:
            f.write(b"Title\n\nBody.\n")
    index = open_index(None)
    index.refresh([str(lib)], workers=0)
    listing = index.listing()
    assert sorted((a.id, a.raw_id) for a in listing) == [
        ("bad\\xff-name.txt", b"bad\xff-name.txt"), ("e\\x1bvil.txt", b"e\x1bvil.txt"), ("plain.txt", None)]
    real = os.fsencode(os.path.realpath(lib))
    assert {a.key for a in listing} == {real + b"\0" + n for n in (b"plain.txt", b"bad\xff-name.txt", b"e\x1bvil.txt")}
    assert all(index.listed_keys([a.key]) == [a] for a in listing)
    assert len({id(a.root) for a in listing}) == 1  # one root object for all


def test_show_a_missing_file_is_a_problem(tmp_path: Path) -> None:
    result = load_file(str(tmp_path / "nope.txt"))
    assert isinstance(result, Problem) and "vanished" in result.reason
