"""The help that `briefing help` prints and the reader's help screen shows, as data (no UI here).

The query language is described as `core/search/query.py` reads it (docs/query.md): every form in its tables is a
query that parses, and every example finds an article in the bundled samples (tests hold both), so the
help cannot promise what the parser refuses.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from briefing_tui.core.search.query import MAX_DEPTH, MAX_QUERY, MAX_TERMS


@dataclass(frozen=True)
class Section:
    """One part of a help topic: a heading, rows of (form, meaning), then notes."""

    heading: str
    rows: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = ()


TOPICS = {
    "query": 'the query language: words, "phrases", OR and NOT, fields, dates, order, examples',
    "keys": "the reader's keys",
}
"""`briefing help TOPIC`: each topic and what it covers."""

TOPIC_LIST = Section("Help topics (briefing help TOPIC)", tuple(TOPICS.items()), (
    "A command's arguments and options: briefing COMMAND --help (or briefing help COMMAND); the commands: "
    "briefing --help.",))

QUERY = (
    Section("The query language", notes=(
        "One language for briefing search QUERY, briefing quotes -q QUERY, the reader's search (/) and its "
        'quote finder ("). On the command line a query is one argument: quote it, as in '
        'briefing search "ID cards" PATH.',)),
    Section("Words", (
        ("putin ceasefire", "articles with all the words: whole words, capitals and accents ignored "
                            "(orban finds Orbán)"),
        ("sanction", "also the word's other forms in the article's language (sanctions, sanctioned); "
                     "articles with the word as typed come first, ranked by it as typed"),
        ('"sanction"', "only the word as typed: quotes make a word exact"),
        ('"exact phrase"', "the words in this order, as typed (never across two paragraphs or quotations); "
                           "« », “ ” and „ “ quote as \" does"),
        ("Kilroy-Silk", "a hyphenated word is a phrase of its parts, as typed"),
        ("invest*", "words that start with invest"),
    ), ("Forms are those of English, French and German (Snowball stemmers): a form has the word's stem in "
        "the article's language and begins with the same letters (at least three). The language is the "
        "front matter's lang: (en, fr, de), else the one whose common words the article uses most; "
        "English when none.",
        "A word that finds nothing (or next to nothing) gets a suggestion: the nearest word the library "
        "holds that begins with the same two letters, one edit away (two for words of five letters or "
        "more), the most common first; for speaker:, the nearest word of a speaker's name; for a name "
        "typed without its space or apostrophe, its two words (obrien: \"o brien\"). The command "
        "line prints it on stderr (did you mean: QUERY); in the reader, tab takes it.")),
    Section("Combining", (
        ("nato OR eu", "either word"),
        ("nato AND eu", "both words, the same as nato eu"),
        ("-trump", "without the word; NOT trump is the same"),
        ("(cable OR harbour) -trump", "parentheses group"),
    ), ("OR, AND and NOT are operators in capitals only: or, and, not are words. Negations cancel in pairs: "
        "NOT -x is x.",)),
    Section("Fields", (
        ("title:summit", "the word (and its forms) in the title"),
        ("section:europe", "the word in the section"),
        ("tag:fictional", "the word in the tags (tags: works too)"),
        ("speaker:rutte", "articles quoting someone of that name (as typed: no other forms)"),
        ('section:"Ukraine - Russia War"', "a quoted value is a phrase"),
        ("speaker:gall*", "a value ending in * is a prefix"),
        ("-section:europe", "not in that section (any field but in:quotes can be negated)"),
        ("in:quotes nato", "the query's other words only inside quotations"),
    ), ("A value runs to the next space or parenthesis: quote it to include spaces.",)),
    Section("Dates", (
        ("date:2025", "dated in 2025"),
        ("date:2025-06", "in June 2025"),
        ("date:2025-06-27", "on 27 June 2025"),
        ("date:2025-06-01..2025-06-30", "from one day to another, both included"),
        ("date:..2025-06", "up to the end of June 2025"),
        ("date:2025-06..", "from 1 June 2025 on"),
    ), ("An undated article never matches a date: filter.",)),
    Section("Order", notes=(
        "Search results come by relevance (a hit in the title weighs most), the newest first among equals; "
        "briefing search --sort date puts the newest first. A query of dates, negations and the fields section:, "
        "tag: and speaker: only (date:2025-06, -trump, section:energy) lists its articles newest first.",)),
    Section("Quotes", notes=(
        "In the quote finder and briefing quotes -q, a query picks quotes: words match the quote's own words, "
        "its speaker's name or its article's title (valls nucleaire: what Valls said on nuclear power), speaker: "
        "the quote's speaker only, and section:, tag:, title: and date: its article; the quotes that say a word "
        "of the query come first. "
        "While you type in the reader's search or the quote finder, the last word counts as a prefix, and "
        "a plain one as the finished word too (with its forms).",)),
    Section("Examples", (
        ("speaker:rutte date:2025-06", "articles of June 2025 that quote Rutte"),
        ('in:quotes "continue to doubt"', "a phrase inside a quotation"),
        ("tag:fictional section:europe", "a tag and a section"),
        ("title:report OR speaker:trump", "a title with report, or a quotation of Trump"),
        ("date:2025-06-20.. -tag:sample", "dated from 20 June 2025, without the sample tag"),
    )),
    Section("Limits", notes=(
        f"A query holds at most {MAX_QUERY:,} characters and {MAX_TERMS} terms, with at most {MAX_DEPTH} "
        "parentheses and negations open at once. A query that cannot be read gives one sentence saying why "
        "(the command line exits with code 2).",)),
)
"""The `query` topic."""

_FORM_COLUMN = 32
"""Forms wider than this put their meaning on the next line."""


def plain_text(sections: Sequence[Section], width: int = 80) -> str:
    """The sections as plain text lines of at most `width` columns: headings, rows in two columns, notes."""
    forms = [form for section in sections for form, _ in section.rows]
    column = min(max(map(len, forms), default=0), _FORM_COLUMN) + 4  # two spaces before, two after
    lines: list[str] = []
    for section in sections:
        if lines:
            lines.append("")
        lines.append(section.heading)
        for form, meaning in section.rows:
            wrapped = _wrap(meaning, width - column) or [""]
            if len(form) + 4 > column:
                lines.append(f"  {form}")
                lines.append(" " * column + wrapped[0])
            else:
                lines.append(f"  {form}".ljust(column) + wrapped[0])
            lines += [" " * column + line for line in wrapped[1:]]
        for note in section.notes:
            lines += ["  " + line for line in _wrap(note, width - 2)]
    return "\n".join(lines) + "\n"


def _wrap(text: str, width: int) -> list[str]:
    """Lines of `text`, broken at spaces only: a query such as date:2025-06-01..2025-06-30 stays whole."""
    return textwrap.wrap(text, width, break_on_hyphens=False, break_long_words=False)
