"""Every parser entry point against adversarial input at size n and 8n: CPU time must grow about linearly.

`python -m bench.complexity` prints the table (entry point, shape, CPU seconds at n and 8n, ratio);
`--json` prints one JSON object per case as it finishes (tests/test_complexity.py reads that, in a
subprocess with a timeout, so a parser that hangs fails the test instead of hanging it).
A linear parser gives a ratio near 8, n log n a little more; quadratic work gives 64.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass

from briefing_tui.core.formats import frontmatter
from briefing_tui.core.formats.common import FileInfo, ParseError
from briefing_tui.core.formats.dates import leading_date
from briefing_tui.core.formats.detect import detect_format, parse_text
from briefing_tui.core.formats.html_reader import MAX_DEPTH
from briefing_tui.core.model import Listed, Quote
from briefing_tui.core.quotes import tokens
from briefing_tui.core.reading import sanitize
from briefing_tui.core.reading.safe import ReadError, decode, decode_keeping_bytes
from briefing_tui.core.search.forms import article_language
from briefing_tui.core.search.highlight import find_hits, joined, snippet_of
from briefing_tui.core.search.query import QueryError
from briefing_tui.core.search.query import parse as parse_query
from briefing_tui.core.serialize import quote_citation
from briefing_tui.core.user.config import load_settings
from briefing_tui.tui.document import wrap

N = 64 * 1024
"""The small size, in characters (the large one is 8 times this)."""
FLOOR = 0.05
"""CPU seconds at 8n under which a case passes whatever its ratio (tiny times are noise)."""
MAX_RATIO = 16.0
"""8 times the input may cost at most this many times the CPU (linear: 8; quadratic: 64)."""
RETRIES = 3
"""Rounds of measuring again (the better of two at each size) for a case that looks superlinear."""

def _distinct_names(pattern: str, size: int) -> str:
    """People who share a first name or a family name, each named once (`Anna Baaax met Anna Caaay.`): a memory
    that scans everyone bearing a name for each new one is quadratic here."""
    out: list[str] = []
    total = 0
    for n in range(size):
        key = "".join(chr(97 + (n // 26 ** k) % 26) for k in range(4))
        piece = pattern.format(key, key[::-1])
        total += len(piece)
        if total > size:
            break
        out.append(piece)
    return "".join(out)


SHAPES: dict[str, str | Callable[[int], str]] = {
    "capitals": "O ",
    "capital-words": "Obama Said ",
    "quoted-as": "Politico quoted Tim Manning as saying “so” and citing it as ",
    "partitive": "Part of ",
    "joined-names": "Ann Lee and Bob Day made ",
    "body-complements": "Council of the ",
    "joined-bodies": "Council and ",
    "short-and": "Food and ",
    "capitals-and": "Big Red Dog and ",
    "appositive-who": "Mark Hay, a marine ecologist, who said “x” ",
    "according-after": "“x” last week, according to ",
    "documents-by": "a tweet by Mike Pompeo said “x” and an order by ",
    "time-titles": "then-Secretary Vázquez of the Court and Wales ",
    "closing-cues": "« a » qui peut, a indiqué un porte-parole ",
    "name-particles": "Ursula von der Leyen ten Hag van ",
    "sentence-openers": "On Friday ",
    "spaces": " ",
    "hashes": "#",
    "stars": "*",
    "bold-a": "**a ",
    "underscores": "_a ",
    "brackets": "[",
    "link-brackets": "[a](",
    "parens": "(",
    "commas": "a , ",
    "list-items": "- a\n",
    "curly-open": "“",
    "curly-pairs": "“a” ",
    "straight-quotes": '"',
    "apostrophes": "a'",
    "guillemets": "« ",
    "said": "said ",
    "titles": "Mr. Dr. ",
    "according": "according to ",
    "lt": "<",
    "tags": "<a ",
    "dashes": "-",
    "digits": "1",
    "newlines": "\n",
    "blank-lines": "\n\n",
    "entities": "&#",
    "backticks": "`",
    "greater": "> ",
    "colons": "a: ",
    "dots": ".",
    "long-word": "a",
    "long-capital-word": "A",
    "hyphenated": "a-",
    "apostrophe-word": "Ab’",
    "marks": "!?",
    "dot-space": ". ",
    "dot-quote": ".” ",
    "dot-guillemet": ". » ",
    "dot-spaced-marks": ". » » ",
    "spaced-marks": "a » : « ",
    "comment-open": "<!--",
    "marked-section": "<![",
    "quoted-attribute": "<a b='>'=",
    "end-tags": "</a",
    "processing": "<?",
    "cells": "<td>",
    "nested-divs": "<div>",
    "list-tags": "<li><ul>",
    "line-breaks": "<br>",
    "encoded-words": "=?utf-8?q?a?= ",
    "mime-parts": "\n--b\n\n",
    "header-params": '; a="b;',
    "liquid-open": "{{ a {% ",
    "liquid-pairs": "a {{ b }} {% c %} {: d} ",
    "liquid-lines": "{% a %}\n{: b}\n",
    "escape-sequences": "\x1b[1;31m\x1b]0;t\x07",
    "unended-escape-strings": "\x1b]0;\x1bPa",
    "atx-hashes": lambda size: "# " + "#" * (size - 3) + "x",
    "word-spaces": lambda size: "a" + " " * (size - 2) + "b",
    "shared-first-names": lambda size: _distinct_names("Anna B{}x met Anna C{}y. ", size),
    "shared-surnames": lambda size: _distinct_names("B{}x Smith met C{}y Smith. ", size),
}
"""Repeated units, each a delimiter or a run a regex could backtrack over; or a whole text of a size."""


def _info(suffix: str) -> FileInfo:
    return FileInfo(f"c{suffix}", f"/lib/c{suffix}", "c", None)


def _parse(text: str, suffix: str) -> None:
    with contextlib.suppress(ParseError):
        parse_text(text, _info(suffix), suffix)


def _live_blog(body: str) -> str:
    """The text cut into many `<article>`s, deep in a page: the body weighs each and finds what holds them all."""
    entries = "".join(f"<article><p>{body[k:k + 64]}</article>" for k in range(0, len(body), 64))
    return "<html><body>" + "<div>" * (MAX_DEPTH - 16) + entries


def _parse_bytes(data: bytes, suffix: str) -> None:
    """A file's bytes, kept as an e-mail's are read (`safe.decode_keeping_bytes`): its parts decode them."""
    _parse(decode_keeping_bytes(data)[0], suffix)


def _decode(text: str) -> None:
    """UTF-8 with a stray byte, and the same text as 8-bit bytes (cp1252 or too far from ASCII for it)."""
    for data in (text.encode("utf-8", "surrogatepass") + b"\xff", text.encode("cp1252", "replace")):
        with contextlib.suppress(ReadError):
            decode(data)
        decode_keeping_bytes(data)


def _query(text: str) -> None:
    with contextlib.suppress(QueryError):
        parse_query(text[:1000])


ENTRY_POINTS: dict[str, Callable[[str, int], None]] = {
    "text file": lambda body, _n: _parse("Title\n\n" + body, ".txt"),
    "briefing file": lambda body, _n: _parse("June 27, 2025 Clash\n" + body, ".txt"),
    "markdown file": lambda body, _n: _parse("# T\n\n" + body, ".md"),
    "title line": lambda body, _n: _parse(body + "\n\nBody.", ".txt"),
    "around a quote": lambda body, _n: _parse("T\n\n“Yes,” " + body + " “No,” said Anna Berg. “Why?” " + body, ".txt"),
    "html page": lambda body, _n: _parse("<html><head><title>T</title></head><body><article><p>" + body, ".html"),
    "html articles": lambda body, _n: _parse(_live_blog(body), ".html"),
    "html attribute": lambda body, _n: _parse('<p><a title="' + body + '">x</a> <img alt="' + body + '">', ".html"),
    "html in markdown": lambda body, _n: _parse("# T\n\n<div>\n" + body + "\n</div>\n", ".md"),
    "email body": lambda body, _n: _parse("Subject: T\nContent-Type: text/plain\n\n" + body, ".eml"),
    "email html": lambda body, _n: _parse("Subject: T\nContent-Type: text/html\n\n<p>" + body, ".eml"),
    "email headers": lambda body, _n: _parse(f"Subject: {body}\nFrom: {body}\nDate: {body}\n"
                                             f"Content-Type: text/plain; {body}\n\nBody.", ".eml"),
    "email parts": lambda body, _n: _parse('Subject: T\nContent-Type: multipart/mixed; boundary="b"\n\n--b\n'
                                           + body + "\n--b--\n", ".eml"),
    "email stub and html": lambda body, _n: _parse(
        'Subject: T\nContent-Type: multipart/alternative; boundary="b"\n\n--b\nContent-Type: text/plain\n\n'
        "View this email in your browser\n--b\nContent-Type: text/html\n\n<p>" + body + "\n--b--\n", ".eml"),
    "email 8bit charsets": lambda body, _n: _parse_bytes(
        b'Subject: T\nContent-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain; charset=koi8-r\n\n'
        + body.encode("koi8-r", "replace") + b"\n--b\nContent-Type: message/rfc822\n\nSubject: P\n"
        b"Content-Type: text/plain; charset=punycode\n\n" + body.encode("cp1252", "replace") + b"\n--b--\n", ".eml"),
    "email forwarded flowed": lambda body, _n: _parse(
        'Subject: T\nContent-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: message/rfc822\n\n'
        "Subject: F\nContent-Type: text/plain; format=flowed; delsp=yes\n\n" + body + "\n--b--\n", ".eml"),
    "detect": lambda body, _n: detect_format(body, ".txt"),
    "decoding": lambda body, _n: _decode(body),
    "front matter": lambda body, _n: _front_matter_load("title: a" + body + "b"),
    "front matter tags": lambda body, _n: _front_matter_load("tags: [" + body + "]"),
    "toml front matter": lambda body, _n: _front_matter_load('title = "a' + body + 'b"', toml=True),
    "toml front matter tags": lambda body, _n: _front_matter_load("tags = [" + body + "]", toml=True),
    "toml front matter file": lambda body, _n: _parse("+++\n" + body + "\n+++\nBody.", ".md"),
    "dates": lambda body, _n: leading_date(body),
    "sanitize": lambda body, _n: (sanitize.clean(body), sanitize.clean_line(body)),
    "query": lambda body, _n: _query(body),
    "language": lambda body, _n: article_language((("lang", body),), body, (body, body)),
    "hits with word forms": lambda body, _n: find_hits(body, parse_query("sanction said o invest* a").terms, "fr"),
    "search snippet": lambda body, _n: snippet_of(joined([body, body]), parse_query("zzz OR sanction*").terms, "en"),
    "config": lambda body, _n: _config("library: a" + body + "b\ntheme: [" + body + "]\n"),
    "wrapping": lambda body, _n: wrap(body, 60),
    "citation": lambda body, _n: quote_citation(Quote(body, 0, 0, 1, body, whole=body), Listed(
        "a", body, None, body, b"", 0, source="https://x.org/%C3%89" + body.replace(" ", "%C3"))),
}
"""Entry points: each takes the shape's text and its size."""
SCALE = {"front matter": 9, "front matter tags": 9, "toml front matter": 9, "toml front matter tags": 9, "config": 9}
"""Entry points whose input is capped at 64 KB (front matter, the config file) run at a ninth of the size."""


def _config(text: str) -> None:
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        load_settings(f.name)


def _front_matter_load(source: str, toml: bool = False) -> None:
    with contextlib.suppress(frontmatter.FrontMatterError):
        frontmatter.load_toml(source) if toml else frontmatter.load(source)


@dataclass(frozen=True)
class Case:
    """One measurement: CPU seconds at n and at 8n."""

    entry: str
    shape: str
    small: float
    large: float

    @property
    def ratio(self) -> float:
        return self.large / max(self.small, 1e-4)

    @property
    def linear(self) -> bool:
        return self.large < FLOOR or self.ratio <= MAX_RATIO


def _text(shape: str, size: int) -> str:
    unit = SHAPES[shape]
    return unit(size) if callable(unit) else unit * (size // len(unit))


def _cpu(entry: str, shape: str, size: int, runs: int = 2) -> float:
    """The least CPU time of `runs` runs (a preempted run only ever adds time)."""
    run = ENTRY_POINTS[entry]
    size //= SCALE.get(entry, 1)
    arg = _text(shape, size)
    best = float("inf")
    for _ in range(runs):
        tokens.forget()  # each run from cold: a paragraph remembered by the first run made the second look free
        start = time.process_time()
        run(arg, size)
        best = min(best, time.process_time() - start)
        if best > 1.0:
            break
    return best


def measure(entry: str, shape: str, n: int = N) -> Case:
    """Time one entry point on one shape at n and 8n.

    The small size is the better of two runs (an eighth of the work), the large one a single run: noise only
    ever adds time, and added to the large run it can only raise the ratio, so a linear answer stands. Only a
    case that looks superlinear is measured again at both sizes, up to RETRIES times, keeping the round with
    the least ratio: on a loaded machine one round can still look superlinear; quadratic work looks so every
    time.
    """
    case = Case(entry, shape, _cpu(entry, shape, n), _cpu(entry, shape, 8 * n, runs=1))
    for _ in range(RETRIES):
        if case.linear:
            break
        again = Case(entry, shape, _cpu(entry, shape, n), _cpu(entry, shape, 8 * n))
        case = min(case, again, key=lambda c: c.ratio)  # each round's own ratio: a lucky small run in one round
        # and an unlucky large run in another made a linear parser look superlinear (x17 under a load of 8)
    return case


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.complexity", description=__doc__)
    parser.add_argument("--json", action="store_true", help="one JSON object per case, as it finishes")
    parser.add_argument("--n", type=int, default=N, help=f"the small size in characters (default {N})")
    parser.add_argument("--entry", action="append", help="only this entry point (repeatable)")
    parser.add_argument("--shape", action="append", help="only this shape (repeatable)")
    args = parser.parse_args(argv)
    entries = args.entry or list(ENTRY_POINTS)
    if not args.json:
        print(f"{'entry point':<18} {'shape':<16} {'n':>9} {'8n':>9} {'ratio':>6}")
    worst = 0.0
    for entry in entries:
        for shape in args.shape or SHAPES:
            case = measure(entry, shape, args.n)
            worst = max(worst, case.ratio if case.large >= FLOOR else 0.0)
            if args.json:
                print(json.dumps({"entry": entry, "shape": shape, "small": case.small, "large": case.large,
                                  "ratio": case.ratio, "linear": case.linear}), flush=True)
            else:
                flag = "" if case.linear else "  SUPERLINEAR"
                print(f"{entry:<18} {shape:<16} {case.small:>8.3f}s {case.large:>8.3f}s {case.ratio:>6.1f}{flag}",
                      flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
