"""The three formats and every metadata precedence rule of docs/formats.md."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing_tui.core.library.scan import load_file, load_library
from briefing_tui.core.model import Article, Problem
from tests.conftest import write


def load(path: Path, root: Path | None = None) -> Article:
    result = load_file(str(path), str(root) if root else None)
    assert isinstance(result, Article), result
    return result


# --- dates ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("line", ["June 27, 2025Clash Report", "27 June 2025 Clash Report", "2025-06-27 Clash Report",
                                  "Jun 27, 2025 — Clash Report", "27th June 2025: Clash Report"])
def test_briefing_leading_date_forms(tmp_path: Path, line: str) -> None:
    a = load(write(tmp_path / "b.txt", f"{line}\nBody text here.\n"))
    assert (a.format, a.date, a.title) == ("briefing", dt.date(2025, 6, 27), "Clash Report")


def test_a_dated_line_too_long_for_a_title_is_the_first_paragraph(tmp_path: Path) -> None:
    """Found by a cold tryout: a file of one long line opening with a date was `no article text`, all of it taken
    as the title (the same line without its date was an article, as plain text)."""
    words = "The minister said talks would go on after the summit ended without an agreement on trade. " * 20
    a = load(write(tmp_path / "longline.txt", f"May 1, 2025 {words}\n"))
    assert (a.format, a.date, a.title) == ("briefing", dt.date(2025, 5, 1), "longline")
    assert list(a.paragraphs) == [words.strip()]
    a = load(write(tmp_path / "two.txt", f"May 1, 2025 {words}\n\nA second paragraph.\n"))
    assert list(a.paragraphs) == [words.strip(), "A second paragraph."]


def test_front_matter_date_wins_over_line_and_filename(tmp_path: Path) -> None:
    a = load(write(tmp_path / "2020-01-01-post.md", "---\ndate: 2023-02-21\n---\nJune 27, 2025 Heading\n\nBody.\n"))
    assert a.date == dt.date(2023, 2, 21)


def test_jekyll_datetime_keeps_its_own_calendar_day(tmp_path: Path) -> None:
    a = load(write(tmp_path / "p.md", "---\ntitle: T\ndate: 2023-02-21 13:00:00+01:00\n---\nBody.\n"))
    assert a.date == dt.date(2023, 2, 21)
    late = load(write(tmp_path / "q.md", "---\ntitle: T\ndate: 2023-02-21 23:30:00 -0800\n---\nBody.\n"))
    assert late.date == dt.date(2023, 2, 21)


def test_string_date_in_front_matter(tmp_path: Path) -> None:
    a = load(write(tmp_path / "p.md", "---\ntitle: T\ndate: 'June 3, 2024'\n---\nBody.\n"))
    assert a.date == dt.date(2024, 6, 3)


@pytest.mark.parametrize(("value", "expected"), [
    ("20230221", dt.date(2023, 2, 21)), ("'20230221T1330'", dt.date(2023, 2, 21)), ("20231399", None),
    ("'20230221T99'", None), ("2023022", None)])
def test_iso_basic_dates_in_front_matter(tmp_path: Path, value: str, expected: dt.date | None) -> None:
    a = load(write(tmp_path / "p.md", f"---\ntitle: T\ndate: {value}\n---\nBody.\n"))
    assert a.date == expected
    assert (expected is None) == any("date" in p for p in a.problems)


def test_filename_date_when_nothing_else(tmp_path: Path) -> None:
    a = load(write(tmp_path / "2023-02-21-welcome.md", "---\ntitle: Welcome\n---\nBody.\n"))
    assert a.date == dt.date(2023, 2, 21)


def test_no_date_is_null_never_mtime_or_today(tmp_path: Path) -> None:
    a = load(write(tmp_path / "note.txt", "A note\n\nNo date anywhere.\n"))
    assert a.date is None


@pytest.mark.parametrize("value", ["2023-02-30", "99999-01-01", "0001-01-01", "yesterday", "12/03/2024", "[1, 2]"])
def test_bad_front_matter_dates_are_problems_not_dates(tmp_path: Path, value: str) -> None:
    a = load(write(tmp_path / "p.md", f"---\ntitle: T\ndate: {value}\n---\nBody.\n"))
    assert a.date is None
    assert any("date" in p for p in a.problems)


# --- section, title, source, summary, tags -------------------------------------------------------------


def test_section_precedence_front_matter(tmp_path: Path) -> None:
    fm = "---\nsection: S\ncategory: C\ncategories: [X, Y]\n---\nBody.\n"
    assert load(write(tmp_path / "Folder/a.md", fm), tmp_path).section == "S"
    fm = "---\ncategory: C\ncategories: [X, Y]\n---\nBody.\n"
    assert load(write(tmp_path / "Folder/b.md", fm), tmp_path).section == "C"
    fm = "---\ncategories: [X, Y, Z]\ntags: [t]\n---\nBody.\n"
    c = load(write(tmp_path / "Folder/c.md", fm), tmp_path)
    assert (c.section, c.tags) == ("X", ("t", "Y", "Z"))


def test_jekyll_space_separated_categories(tmp_path: Path) -> None:
    c = load(write(tmp_path / "c.md", "---\ncategories: news politics\n---\nBody.\n"))
    assert (c.section, c.tags) == ("news", ("politics",))


def test_section_from_related_block_then_folder_then_unfiled(tmp_path: Path) -> None:
    briefing = "2025-06-27 Heading\nBody text.\nArctic\nJuly 2025\n"
    assert load(write(tmp_path / "Folder/a.txt", briefing), tmp_path).section == "Arctic"
    assert load(write(tmp_path / "Folder/b.txt", "Title\n\nBody.\n"), tmp_path).section == "Folder"
    assert load(write(tmp_path / "Folder/2025/06/d.txt", "Title\n\nBody.\n"), tmp_path).section == "Folder"
    assert load(write(tmp_path / "c.txt", "Title\n\nBody.\n"), tmp_path).section == "Unfiled"


def test_title_precedence(tmp_path: Path) -> None:
    assert load(write(tmp_path / "a.md", "---\ntitle: FM\n---\n# Heading\n\nBody.\n")).title == "FM"
    b = load(write(tmp_path / "b.md", "---\nsection: x\n---\nIntro line.\n\n# Heading\n\nBody.\n"))
    assert b.title == "Heading"
    c = load(write(tmp_path / "c.md", "Just a paragraph that goes on.\n"))
    assert c.title == "c"
    long_first = "x " * 200
    d = load(write(tmp_path / "d.txt", long_first + "\n\nMore.\n"))
    assert d.title == "d"


def test_source_summary_tags(tmp_path: Path) -> None:
    a = load(write(tmp_path / "a.md", "---\nauthor: Ann\nexcerpt: Short.\ntags: 'a, b ,a'\n---\nBody. More.\n"))
    assert (a.source, a.summary, a.tags) == ("Ann", "Short.", ("a", "b"))
    b = load(write(tmp_path / "b.md", "---\nsource: Wire\nauthor: Ann\n---\nFirst sentence here is long. Second.\n"))
    assert (b.source, b.summary) == ("Wire", "First sentence here is long.")


def test_markdown_inline_markup_is_stripped(tmp_path: Path) -> None:
    a = load(write(tmp_path / "a.md", "# T\n\nA [link](http://x) and **bold** and *it*.\n\n- item one\n- item two\n"))
    assert a.paragraphs == ("A link and bold and it.", "item one", "item two")  # a list item's marker is no word
    assert [(b.kind, b.marker) for b in a.blocks] == [("paragraph", ""), ("list_item", "•"), ("list_item", "•")]
    assert a.blocks[0].styles == ((11, 15, "strong"), (20, 22, "em"), (2, 6, "link")) and a.links == ("http://x",)


def test_blank_line_paragraphs_join_wrapped_lines(tmp_path: Path) -> None:
    a = load(write(tmp_path / "a.txt", "Title\n\nOne line\ncontinues here.\n\nSecond.\n"))
    assert a.paragraphs == ("One line continues here.", "Second.")


# --- broken and empty ------------------------------------------------------------------------------------


def test_tab_broken_front_matter_still_shows_body_with_problem(tmp_path: Path) -> None:
    a = load(write(tmp_path / "a.md", "---\ntitle: T\n\tdate: 2020-01-01\n---\nThe body survives.\n"))
    assert a.paragraphs == ("The body survives.",)
    assert a.problems and "front matter is not valid YAML" in a.problems[0]


def test_unclosed_front_matter_is_a_problem_on_the_article(tmp_path: Path) -> None:
    a = load(write(tmp_path / "a.md", "---\ntitle: T\nBody without a closing line.\n"))
    assert any("not closed" in p for p in a.problems)


def test_hugo_toml_front_matter_gives_title_date_and_tags(tmp_path: Path) -> None:
    """Hugo's default front matter is TOML between `+++` lines: read as front matter (it was the first paragraph,
    and its quoted values were listed as quotations)."""
    a = load(write(tmp_path / "post.md", '+++\ntitle = "Port reopens"\ndate = 2025-03-15T10:00:00Z\n'
                                       'tags = ["ports", "trade"]\ndraft = false\n[params]\nsection = "Trade"\n+++\n\n'
                                       'The port reopened. "Traffic is back," a harbour master said.\n'))
    assert (a.title, a.date, a.tags, a.problems) == ("Port reopens", dt.date(2025, 3, 15), ("ports", "trade"), ())
    assert a.paragraphs == ('The port reopened. "Traffic is back," a harbour master said.',)
    assert [(q.text, q.speaker) for q in a.quotes] == [("Traffic is back,", "a harbour master")]


@pytest.mark.parametrize(("content", "problem"), [
    ('+++\ntitle = "T"\ntitle = "U"\n+++\nBody.\n', "front matter is not valid TOML (Cannot overwrite a value "
                                                  "at line 3)"),
    ('+++\ntitle = "T\n+++\nBody.\n', "front matter is not valid TOML (Illegal character '\\n' "
                                                   "at line 2)"),
    ("+++\na = " + "[" * 30 + "]" * 30 + "\n+++\nBody.\n", "nested deeper than 20 levels"),
    ('+++\ntitle = "T"\nBody without a closing line.\n', "front matter is not closed by '+++'; shown as text"),
    ("+++\na" + ".a" * 1001 + " = 1\n+++\nBody.\n", "TOML front matter with over 1,000 dots is not read"),
])
def test_bad_toml_front_matter_is_a_problem_and_the_body_stays(tmp_path: Path, content: str, problem: str) -> None:
    a = load(write(tmp_path / "a.md", content))
    assert a.problems == (problem,) and a.paragraphs[-1].endswith(".")


@pytest.mark.parametrize("content", ["", "   \n\n", "---\ntitle: Only front matter\n---\n"])
def test_empty_post_is_a_problem(tmp_path: Path, content: str) -> None:
    result = load_file(str(write(tmp_path / "empty.md", content)))
    assert isinstance(result, Problem)
    assert "empty" in result.reason or "no article text" in result.reason


# --- libraries -----------------------------------------------------------------------------------------


def test_plain_text_library_one_folder_per_section(tmp_path: Path) -> None:
    for section in ("Europe", "Asia"):
        for i in range(3):
            write(tmp_path / section / f"{i}.txt", f"{section} story {i}\n\nBody of story {i}.\n")
    lib = load_library([str(tmp_path)])
    assert not lib.problems
    assert sorted((a.section, a.title) for a in lib.articles) == sorted(
        (s, f"{s} story {i}") for s in ("Europe", "Asia") for i in range(3))
    assert {a.id for a in lib.articles} >= {"Europe/0.txt", "Asia/2.txt"}


def test_jekyll_posts_folder(tmp_path: Path) -> None:
    for i in range(1, 4):
        write(tmp_path / "_posts" / f"2023-02-0{i}-post-{i}.md",
              f"---\nlayout: post\ntitle: Post {i}\ncategories: [news]\n---\nBody {i}.\n")
    lib = load_library([str(tmp_path / "_posts")])
    assert [(a.title, a.date, a.section) for a in lib.articles] == [
        (f"Post {i}", dt.date(2023, 2, i), "news") for i in (3, 2, 1)]


def test_library_order_newest_first_undated_last(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "2024-01-01 Old\nBody.\n")
    write(tmp_path / "b.txt", "Undated\n\nBody.\n")
    write(tmp_path / "c.txt", "2025-01-01 New\nBody.\n")
    assert [a.title for a in load_library([str(tmp_path)]).articles] == ["New", "Old", "Undated"]


def test_unsupported_file_type_is_a_problem(tmp_path: Path) -> None:
    write(tmp_path / "photo.jpg", b"\xff\xd8\xff")
    lib = load_library([str(tmp_path)])
    assert [p.reason for p in lib.problems] == ["not an article file (unsupported type .jpg)"]


def test_hidden_files_and_folders_are_skipped(tmp_path: Path) -> None:
    write(tmp_path / ".git" / "x.txt", "Hidden\n\nBody.\n")
    write(tmp_path / ".draft.txt", "Hidden\n\nBody.\n")
    write(tmp_path / "shown.txt", "Shown\n\nBody.\n")
    lib = load_library([str(tmp_path)])
    assert [a.id for a in lib.articles] == ["shown.txt"] and not lib.problems


def test_head_parses_the_beginning_of_a_large_file(tmp_path: Path) -> None:
    from briefing_tui.core.library.scan import Entry, load_entry

    body = "\n\n".join(f"Paragraph {i} " + "words " * 200 for i in range(3000))
    (tmp_path / "big.md").write_text(f"---\ntitle: Big\ndate: 2025-06-01\n---\n{body}\n", encoding="utf-8")
    entry = Entry(str(tmp_path), str(tmp_path / "big.md"), "big.md")
    whole, head = load_entry(entry), load_entry(entry, head=100_000)
    assert isinstance(whole, Article) and isinstance(head, Article)
    assert (head.title, head.date) == (whole.title, whole.date)
    assert 50 < len(head.paragraphs) < 100 and len(whole.paragraphs) == 3000
    assert head.paragraphs == whole.paragraphs[:len(head.paragraphs)]  # cut at a paragraph's end


@pytest.mark.parametrize(("name", "content", "shown"), [
    ("table.md", "| a | b |\n|---|---|\n| 1 | 2 |\n", "a | b"),  # a post of a table alone (a tryout: `empty post`)
    ("code.md", "```\ncode here\n```\n", "code here"),
    ("note.txt", "\n\nbody only here, a paragraph.\n", "body only here, a paragraph."),  # one line: title and text
])
def test_a_post_of_one_block_or_one_line_is_an_article(tmp_path: Path, name: str, content: str, shown: str) -> None:
    result = load_file(str(write(tmp_path / name, content)))
    assert not isinstance(result, Problem), result
    assert shown in " ".join(" ".join(b.text.split()) for b in result.body())


def test_markdown_nested_past_the_parsers_limit_keeps_every_word(tmp_path: Path) -> None:
    """markdown-it drops what is nested past 20 levels, silently: a tryout's 40-level list showed item0 to item8,
    a 40-level quote nothing. Such a body is read as plain paragraphs, every word kept, with a problem saying so;
    a list that fits stays a list (a link reference definition has no block, and is no lost text)."""
    deep = load(write(tmp_path / "list.md", "".join("  " * i + f"- item{i}\n" for i in range(40))))
    assert deep.paragraphs == (" ".join(f"item{i}" for i in range(40)),)
    assert deep.problems == ("lists or quotes nested deeper than 10 levels: shown as plain paragraphs",)
    quote = load(write(tmp_path / "quote.md", ">" * 40 + " deep quote text\n\nAfter.\n"))
    assert quote.paragraphs == ("deep quote text", "After.")
    fits = load(write(tmp_path / "fits.md", "".join("  " * i + f"- item{i}\n" for i in range(9)) + "\n[x]: http://a\n"))
    assert not fits.problems and [b.kind for b in fits.body()][:2] == ["list_item", "list_item"]


def test_a_title_that_is_a_list_is_said_to_be_ignored(tmp_path: Path) -> None:
    """`title: [a, b]` fell back to the file's name without a word (a hostile-input tryout)."""
    a = load(write(tmp_path / "listtitle.md", "---\ntitle: [a, b]\ndate: 2025-03-03\n---\n\nBody.\n"))
    assert a.title == "listtitle" and a.problems == ("front matter title is a list, not text; ignored",)
