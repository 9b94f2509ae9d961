"""Property tests: any bytes, any front matter -> an article or a problem, never an exception or a bad character."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from briefing_tui.core.formats.common import FileInfo, ParseError
from briefing_tui.core.formats.detect import parse_text
from briefing_tui.core.library.scan import Entry, load_entry
from briefing_tui.core.model import PROSE_KINDS, Article
from briefing_tui.core.quotes.spans import find_spans
from briefing_tui.core.reading import sanitize

EXAMPLES = int(os.environ.get("BRIEFING_FUZZ_EXAMPLES", "100"))
"""Examples per property: 100 in `make test`, 20,000 in `make fuzz`."""
HYPOTHESIS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
INFO = FileInfo("x.md", "x.md", "x", None)

_NASTY = st.sampled_from([*"“”‘’\"'«»„\n\r\t\x1b\x00\x9b\u202e\u200b\ufeff-:#*[]{}&!|>%@`", "---\n", "\n---\n"])
nasty_text = st.lists(st.one_of(st.text(max_size=12), _NASTY), max_size=40).map("".join)


def all_strings(article: Article) -> list[str]:
    values = [article.id, article.path, article.title, article.section, article.summary, article.source or "",
              *article.tags, *article.paragraphs, *article.problems]
    values += [q.text for q in article.quotes] + [q.speaker or "" for q in article.quotes]
    values += [f"{r.label} {r.month}" for r in article.related]
    values += [f"{k} {v}" for k, v in article.metadata]
    return values


def check(article: Article) -> None:
    for value in all_strings(article):
        assert sanitize.is_clean(value), repr(value)
    for q in article.quotes:
        assert q.text in article.paragraphs[q.paragraph][q.start:q.end]
    body = article.body()
    assert article.paragraphs == tuple(b.text for b in body if b.paragraph >= 0)  # the prose blocks, in order
    assert [b.paragraph for b in body if b.paragraph >= 0] == list(range(len(article.paragraphs)))
    for b in body:
        assert b.kind in ("heading", "paragraph", "list_item", "quote", "code", "table", "rule")
        assert (b.paragraph >= 0) == (b.kind in PROSE_KINDS)
        assert sanitize.is_clean(b.text) and sanitize.is_clean(b.marker), repr(b)
        assert all(sanitize.is_clean(c) for row in b.rows for c in row)
        assert all(0 <= s < e <= len(b.text) for s, e, _ in b.styles), repr(b)
        assert all(0 < at <= len(b.text) and 1 <= n <= len(article.links) for at, n in b.notes), repr(b)
    assert all(sanitize.is_clean(url) and "\n" not in url for url in article.links)


@HYPOTHESIS
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".md", "", ".html", ".eml"]))
def test_any_bytes_give_article_or_problem(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"f{suffix}"
    path.write_bytes(data)
    result = load_entry(Entry(str(tmp_path), str(path), path.name))
    assert result.id == path.name
    if isinstance(result, Article):
        check(result)
    else:
        assert result.reason and sanitize.is_clean(result.reason) and "\n" not in result.reason
        # load_entry turns any exception into a Problem: one that only its catch-all names is a parser crash
        assert not result.reason.startswith("could not parse file ("), result.reason


@HYPOTHESIS
@given(text=nasty_text, suffix=st.sampled_from([".txt", ".md", ".html", ".eml"]))
def test_any_text_gives_article_or_parse_error(text: str, suffix: str) -> None:
    try:
        article = parse_text(text, INFO, suffix)
    except ParseError:
        return
    check(article)


yaml_scalar = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), nasty_text,
    st.sampled_from(["2023-02-21", "2023-02-30", "no", "~", "&a x", "*a", "!!python/none", "[", "{"]),
)
yaml_value = st.recursive(yaml_scalar, lambda inner: st.lists(inner, max_size=4), max_leaves=12)
yaml_key = st.sampled_from(["title", "date", "section", "category", "categories", "tags", "source", "author",
                            "summary", "description", "excerpt", "x", "? y"])


def to_yaml(value: object, indent: int = 0) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(to_yaml(v) for v in value) + "]"
    return str(value)


@HYPOTHESIS
@given(fields=st.lists(st.tuples(yaml_key, yaml_value), max_size=8), body=nasty_text)
def test_any_front_matter_gives_article_or_parse_error(fields: list[tuple[str, object]], body: str) -> None:
    front = "\n".join(f"{k}: {to_yaml(v)}" for k, v in fields)
    try:
        article = parse_text(f"---\n{front}\n---\n{body}", INFO, ".md")
    except ParseError:
        return
    check(article)
    assert all(isinstance(t, str) for t in article.tags)


@HYPOTHESIS
@given(paragraphs=st.lists(nasty_text, max_size=6))
def test_quote_spans_are_inside_their_paragraph(paragraphs: list[str]) -> None:
    for span in find_spans(paragraphs):
        text = paragraphs[span.paragraph]
        assert 0 <= span.start <= span.text_start <= span.text_end <= span.end <= len(text)


_FM_PIECES = st.sampled_from([*"abcZ09 :#,'\"[]{}&*!|>%@`-?~.\\\t", "é", "2025", "2025-06-27", "null", "true", "no",
                              "yes", "~", ": ", " #", "''", "\\n"])
_fm_value = st.lists(st.one_of(_FM_PIECES, st.text(max_size=4)), max_size=10).map("".join)
_fm_word = st.text(alphabet="abcZé09 .,'\"-:#[]!&*", min_size=1, max_size=8)
_fm_likely = st.one_of(
    _fm_word,
    _fm_word.map(lambda w: f'"{w}"'),
    _fm_word.map(lambda w: f"'{w}'"),
    st.lists(st.one_of(_fm_word, _fm_word.map(lambda w: f'"{w}"')), max_size=4).map(lambda ws: f"[{', '.join(ws)}]"),
)
_fm_line = st.tuples(st.sampled_from(["title", "date", "tags", "Section", "x-y", "true", "2", "k"]),
                     st.sampled_from([": ", ":", ":  ", ": \t"]), st.one_of(_fm_likely, _fm_value)).map("".join)


def _reference_load(source: str) -> object:
    """Front matter as PyYAML's pure-Python SafeLoader reads it, with the same rules spelled out in Python."""
    import yaml

    from briefing_tui.core.formats import frontmatter

    class Reference(yaml.SafeLoader):
        depth = 0

        def compose_node(self, parent: object, index: object) -> object:
            if self.check_event(yaml.AliasEvent):
                raise frontmatter.FrontMatterError("alias")
            self.depth += 1
            try:
                if self.depth > frontmatter.MAX_DEPTH + 1:
                    raise frontmatter.FrontMatterError("deep")
                return super().compose_node(parent, index)  # type: ignore[no-untyped-call]
            finally:
                self.depth -= 1

    Reference.yaml_implicit_resolvers = frontmatter._StrictLoader.yaml_implicit_resolvers
    try:
        data = yaml.load(source, Loader=Reference)
    except (yaml.YAMLError, frontmatter.FrontMatterError):
        return "error"
    if data is None:
        return {}
    if not isinstance(data, dict):
        return "error"
    return {k.strip().lower(): v for k, v in data.items() if isinstance(k, str)}


@HYPOTHESIS
@given(st.lists(_fm_line, max_size=6).map("\n".join))
def test_front_matter_reads_what_pure_python_yaml_reads(source: str) -> None:
    """libyaml with the event checks gives what PyYAML's Python loader gives under the same rules.

    libyaml reads a little more (a tab after `key:`, as YAML 1.2 allows, where the Python loader fails);
    where the Python loader reads the text, both agree. Tags are left to the hostile-file tests: the two
    differ on the bare `!` tag of an empty value ("" against None), which no front matter relies on.
    """
    from briefing_tui.core.formats import frontmatter

    assume("!" not in source)
    try:
        got: object = frontmatter.load(source)[0]
    except frontmatter.FrontMatterError:
        got = "error"
    expected = _reference_load(source)
    assert got == expected or expected == "error"


@HYPOTHESIS
@given(st.text(alphabet=st.sampled_from(list('ab =."\'[]{},#\n\\1.-:T')), max_size=200))
def test_toml_front_matter_is_read_or_refused_with_a_reason(source: str) -> None:
    """Whatever the text, TOML front matter gives a mapping of plain values (dates as text) or one
    FrontMatterError: never another exception."""
    from briefing_tui.core.formats.frontmatter import FrontMatterError, load_toml

    try:
        data, problems = load_toml(source)
    except FrontMatterError as exc:
        assert "\n" not in str(exc)
        return
    assert isinstance(data, dict) and problems == []

    def plain(value: object) -> bool:
        if isinstance(value, dict):
            return all(isinstance(k, str) and plain(v) for k, v in value.items())
        if isinstance(value, list):
            return all(plain(v) for v in value)
        return isinstance(value, str | int | float | bool)

    assert plain(data)


def test_front_matter_takes_the_common_shapes() -> None:
    from briefing_tui.core.formats.frontmatter import load

    source = 'title: "Talks in Vienna"\ndate: 2025-06-27\nsection: no\ntags: [generated, t3]\nsource: Wire, Inc.'
    assert load(source) == ({"title": "Talks in Vienna", "date": "2025-06-27", "section": "no",
                             "tags": ["generated", "t3"], "source": "Wire, Inc."}, [])
    assert load("k: v\nk: w") == ({"k": "w"}, ["duplicate front matter key 'k'; the last one is used"])
    assert load("a: {k: 1, k: 2}\nb: [{k: 1}, {k: 1}]")[1] == [
        "duplicate front matter key 'k'; the last one is used"]
    # A key that is a list or a mapping goes alone (the whole front matter went with it: title and date lost);
    # a key that is no string is named as YAML writes it (`null`, not Python's `None`).
    assert load("? [1]\n: 2\ntitle: T") == ({"title": "T"}, ["front matter key that is a list or a mapping; ignored"])
    assert load("null: x\ntrue: y\ntitle: T") == ({"title": "T"}, [
        "front matter key 'null' is not a string; ignored", "front matter key 'true' is not a string; ignored"])


@pytest.mark.parametrize(("source", "reason"), [
    ("a: !!bool maybe", "front matter has a value that is not true or false (maybe)"),  # was a KeyError
    ("a: !!bool yes", "front matter has a value that is not true or false (yes)"),  # the Norway rule holds
    ("a: !!str [1]", "front matter uses an unsupported YAML tag on a list (tag:yaml.org,2002:str)"),
    ("a: &x 1\nb: *x", "YAML aliases are not allowed"),
])
def test_front_matter_refuses_with_a_reason(source: str, reason: str) -> None:
    from briefing_tui.core.formats.frontmatter import FrontMatterError, load

    with pytest.raises(FrontMatterError) as refused:
        load(source)
    assert str(refused.value) == reason


# Not category Cf, yet invisible: the combining grapheme joiner, Hangul fillers, variation selectors;
# and the Egyptian format controls that became Cf in Unicode 15 (Python 3.11 has Unicode 14).
INVISIBLE = {0x034F, 0x115F, 0x1160, 0x3164, 0xFFA0, *range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0),
             *range(0x13430, 0x13440)}


# Line breaks: one space in a line; in a text, a newline (a tab stays, NEL is a C1 control).
BREAKS = {"\n": ("a b", "a\nb", True), "\t": ("a b", "a\tb", True), "\r": ("a b", "a\nb", False),
          "\u2028": ("a b", "a\nb", True), "\u2029": ("a b", "a\nb", True), "\x85": ("a b", "ab", False)}


def test_the_sanitizer_removes_exactly_controls_format_and_invisible_characters() -> None:
    """Every code point, through clean_line (its fast path included), clean and is_clean."""
    import sys
    import unicodedata

    forbidden = {c for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) in ("Cc", "Cf")}
    forbidden = (forbidden | INVISIBLE) - {ord("\t"), ord("\n")}
    wrong = []
    for c in range(sys.maxunicode + 1):
        ch = chr(c)
        if 0xD800 <= c <= 0xDFFF:
            line, text, ok = "a\ufffdb", "a\ufffdb", False
        elif ch in BREAKS:
            line, text, ok = BREAKS[ch]
        elif c in forbidden:
            line, text, ok = "ab", "ab", False
        else:
            line = text = f"a{ch}b"
            ok = True
        got = (sanitize.clean_line(f"a{ch}b"), sanitize.clean(f"a{ch}b"), sanitize.is_clean(f"a{ch}b"))
        if got != (line, text, ok):
            wrong.append((hex(c), got))
    assert wrong == []
    assert sanitize.clean_line("\U000e0001\U000e0070\U000e0077\U000e006eTalks\ufe0f\u3164 in\u034f Vienna\u2800") \
        == "Talks in Vienna\u2800"


_PROSE = st.lists(st.one_of(st.sampled_from(["\n", "\n\n", " ", "  ", ".", ",", "“", "”", "'", "é", "0", "9."]),
                            st.text(alphabet="abcXYZ ", min_size=1, max_size=8)), max_size=30).map("".join)


@HYPOTHESIS
@given(st.one_of(_PROSE, st.text(max_size=60)))
@example("?\xa0\n:")  # found by `make fuzz`: a no-break space ends no line in CommonMark
def test_plain_prose_reads_as_markdown_it_reads_it(body: str) -> None:
    """The shortcut for bodies with no markup gives the paragraphs markdown-it gives, and nothing else."""
    from briefing_tui.core.formats.markdown import is_plain_prose, markdown_blocks, plain_paragraphs

    if not is_plain_prose(body):
        return
    blocks, heading = markdown_blocks(body)
    assert heading is None and all(b.kind == "paragraph" and not b.styles and not b.links for b in blocks)
    assert plain_paragraphs(body) == [b.text.strip() for b in blocks if b.text.strip()]


_DOC_PIECES = st.sampled_from([
    "<p>", "</p>", "<br>", "<li>", "<ul>", "</ul>", "<ol start=3>", "<table>", "<tr>", "<td>", "<th>", "</table>",
    "<pre>", "</pre>", "<blockquote>", "<h1>", "</h1>", "<h3>", "<a href='https://x.example/a'>", "</a>", "<b>", "</i>",
    "<q>", "</q>", "<script>", "</script>", "<!--", "-->", "<![", "<nav>", "</nav>", "<img alt='A'>", "&amp;",
    "&#8220;",
    "\n\n", "\n", "# ", "## ", "- ", "  - ", "1. ", "> ", "```\n", "    ", "| a | b |\n|---|---|\n", "---\n",
    "[t](https://x.example/", ")", "*", "**", "`", "~~", "“", "”", "\"", " said Anna Berg. ", "\x1b", "\u202e", "\t",
])
document_text = st.lists(st.one_of(_DOC_PIECES, st.text(max_size=6)), max_size=50).map("".join)
_MAIL_HEADERS = st.sampled_from(["Subject: =?utf-8?q?a=E2=80=9Cb?=\n", "From: A B <a@b.example>\n",
                                 "Date: Fri, 27 Jun 2025 23:30:00 -0500\n", "Content-Type: text/html\n",
                                 "Content-Type: text/plain; charset=latin-1\n", "X-Section: S\n",
                                 "Content-Transfer-Encoding: quoted-printable\n", "Content-Type: multipart/mixed; "
                                 "boundary=b\n\n--b\n", "\n--b--\n", "Keywords: a, b\n"])


@HYPOTHESIS
@given(text=document_text, suffix=st.sampled_from([".md", ".html"]))
def test_any_document_gives_article_or_parse_error(text: str, suffix: str) -> None:
    """Markdown and HTML pieces in any order: blocks whose offsets, notes and paragraphs hold."""
    try:
        article = parse_text(text, INFO, suffix)
    except ParseError:
        return
    check(article)


@HYPOTHESIS
@given(headers=st.lists(_MAIL_HEADERS, max_size=6).map("".join), body=document_text)
def test_any_mail_gives_article_or_parse_error(headers: str, body: str) -> None:
    try:
        article = parse_text(headers + "\n" + body, INFO, ".eml")
    except ParseError:
        return
    check(article)


@HYPOTHESIS
@given(st.one_of(nasty_text, st.lists(st.sampled_from([" ", "  ", "\n", "\t", "\x1b", "\u00a0", "\u202e", "\ud800",
                                                       "a", "é", "\u3164", "\r\n"]), max_size=30).map("".join)))
def test_clean_line_mapped_is_clean_line_with_offsets(text: str) -> None:
    """The same clean line, and offsets that keep their order and stay inside it."""
    cleaned, moved = sanitize.clean_line_mapped(text)
    assert cleaned == sanitize.clean_line(text)
    positions = [moved(i) for i in range(len(text) + 1)]
    assert positions == sorted(positions) and all(0 <= p <= len(cleaned) for p in positions)
    assert positions[-1] == len(cleaned)
    kept = [i for i, ch in enumerate(text) if ch.isalnum() and sanitize.is_clean(ch)]
    assert all(cleaned[moved(i)] == text[i] for i in kept)  # a word's letters stay where they were


@HYPOTHESIS
@given(text=document_text, width=st.integers(min_value=8, max_value=120))
def test_documents_lay_out_with_quotes_on_their_words(text: str, width: int) -> None:
    """The reader's page at any width: each quote's highlight covers exactly its words once the note marks
    are taken out, and every line is clean text."""
    from briefing_tui.tui.document import article_blocks, layout

    try:
        article = parse_text(text, INFO, ".md")
    except ParseError:
        return
    blocks = article_blocks(article)
    by_paragraph = {b.paragraph: b for b in blocks if b.paragraph is not None}
    for q in article.quotes:
        shown = by_paragraph[q.paragraph]
        start, end = shown.to_display(q.start), shown.to_display(q.end, end=True)
        marks = sorted((s, e) for s, e, kind in shown.spans if kind == "note" and start <= s < end)
        pieces, at = [], start
        for s, e in marks:
            pieces.append(shown.text[at:s])
            at = e
        pieces.append(shown.text[at:end])
        assert "".join(pieces) == article.paragraphs[q.paragraph][q.start:q.end]
    result = layout(blocks, width)
    for b, s, e in result.lines:
        if s >= 0:
            shown = result.fitted.get(b) or blocks[b]
            assert sanitize.is_clean(shown.text[s:e]) and "\n" not in shown.text[s:e]


_SPACES = st.sampled_from([" ", "  ", "\n", "\t", "\u00a0", "\u2003", "\u3000", "\x1c", "\x85", "\u2028"])


@HYPOTHESIS
@given(st.lists(st.one_of(st.text(max_size=8), _SPACES), max_size=20).map("".join))
def test_word_count_is_str_split(text: str) -> None:
    """The quick count of a clean line's words (one more than its spaces) is `str.split()`'s, for any text (each
    CJK character a word: text written without spaces between its words)."""
    import re

    from briefing_tui.core.formats.common import word_count

    def split(t: str) -> int:
        cjk = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
        return len(cjk.findall(t)) + len(cjk.sub(" ", t).split())

    assert word_count([text, sanitize.clean_line(text)]) == split(text) + split(sanitize.clean_line(text))


def test_cjk_characters_are_words() -> None:
    """A documents tryout: a 2,000-character Chinese article was `12 words`."""
    from briefing_tui.core.formats.common import word_count

    assert word_count(["宇航员在太空中喝酒", "トレンドマイクロ、公衆無線LANを", "한국어 문장", "Café au lait"]) == \
        9 + (8 + 1 + 4 + 1 + 1) + 5 + 3


@HYPOTHESIS
@given(nasty_text)
def test_the_quick_mark_positions_are_the_regex_positions(text: str) -> None:
    from briefing_tui.core.quotes.spans import _MARKS, _mark_positions

    assert _mark_positions(text) == [m.start() for m in _MARKS.finditer(text)]


@HYPOTHESIS
@given(st.one_of(st.text(alphabet=st.characters(max_codepoint=127), max_size=500), nasty_text))
def test_the_words_of_an_opening_are_the_regex_words(text: str) -> None:
    from briefing_tui.core.quotes.lexicon import _WORDS, _words_of

    assert _words_of(text[:400]) == frozenset(_WORDS.findall(text[:400].lower()))


_NEAR_BINARY = [*"ab \x7f\x85\xa0\u2019\ufffd\ufffe\uffef\ud800\U0001f600", *map(chr, range(32))]


@HYPOTHESIS
@given(st.text(alphabet=st.sampled_from(_NEAR_BINARY), max_size=80) | st.text(max_size=80))
def test_binary_characters_are_counted_as_the_regex_counts_them(text: str) -> None:
    from briefing_tui.core.reading.safe import _BINARY_CHARS, _binary_count

    assert _binary_count(text) == len(_BINARY_CHARS.findall(text))


def test_every_invisible_character_is_seen_by_the_quick_test() -> None:
    import sys

    from briefing_tui.core.reading.sanitize import _INVISIBLE, _may_hold_invisible

    invisible = [chr(c) for c in range(sys.maxunicode + 1) if _INVISIBLE.match(chr(c))]
    assert len(invisible) == 261
    assert all(_may_hold_invisible(f"“a{c}b”") for c in invisible)
    assert not _may_hold_invisible("“Plain” text, déjà vu, 東京, \U0001f600")
