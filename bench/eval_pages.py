"""Saved web pages read against Readability's: word recall and precision of each page's body, and its title.

usage: python -m bench.eval_pages PAGES [dev|held|all]

PAGES holds Mozilla Readability's test pages (github.com/mozilla/readability, test/test-pages, Apache License 2.0),
one page as NAME.html (its source.html), NAME.expected (its expected.html) and NAME.json (its
expected-metadata.json); they are not in this repository (130 pages, 14 MB). Copy them with:

    for d in $(git -C readability ls-tree --name-only HEAD test/test-pages/); do n=$(basename $d)
      git -C readability show HEAD:$d/source.html > PAGES/$n.html
      git -C readability show HEAD:$d/expected.html > PAGES/$n.expected
      git -C readability show HEAD:$d/expected-metadata.json > PAGES/$n.json; done

`dev` is the 48 pages a tryout read (stop 45) and the rules were written against; `held` the other 82, measured
once before and once after (docs/BENCHMARKS.md). Recall: the share of the expected text's words (as a multiset, case
folded) that the body has; precision: the share of the body's words that the expected text has.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

from briefing_tui.core.formats.common import FileInfo
from briefing_tui.core.formats.detect import parse_text

DEV = frozenset((
    'aktualne', 'ars-1', 'bbc-1', 'breitbart', 'buzzfeed-1', 'citylab-1', 'cnn', 'dropbox-blog', 'ehow-1',
    'engadget', 'folha', 'gmw', 'guardian-1', 'heise', 'herald-sun-1', 'la-nacion', 'lemonde-1', 'liberation-1',
    'lwn-1', 'medium-1', 'medium-2', 'medium-3', 'mozilla-1', 'msn', 'nytimes-1', 'nytimes-2', 'nytimes-3',
    'nytimes-4', 'nytimes-5', 'pixnet', 'qq', 'quanta-1', 'rtl-1', 'salon-1', 'seattletimes-1', 'telegraph',
    'theverge', 'tmz-1', 'tumblr', 'wapo-1', 'wapo-2', 'webmd-1', 'wikipedia', 'wikipedia-2', 'yahoo-1',
    'yahoo-2', 'yahoo-3', 'yahoo-4',
))
"""The pages a tryout read and the rules were written against."""


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _words(text: str) -> Counter[str]:
    return Counter(w.casefold() for w in re.findall(r"\w+", text))


def main(pages: Path, which: str) -> None:
    rows = []
    for page in sorted(pages.glob("*.html")):
        name = page.stem
        if (which == "dev" and name not in DEV) or (which == "held" and name in DEV):
            continue
        expected = _Text()
        expected.feed((pages / f"{name}.expected").read_text(encoding="utf-8", errors="replace"))
        want = _words(" ".join(expected.parts))
        article = parse_text(page.read_text(encoding="utf-8", errors="replace"),
                             FileInfo(page.name, str(page), name, None), ".html")
        if not hasattr(article, "blocks"):
            rows.append((name, 0.0, 0.0, False))
            continue
        got = _words(" ".join(b.text for b in article.body()))
        common = sum((got & want).values())
        meta = pages / f"{name}.json"
        title = json.loads(meta.read_text(encoding="utf-8")).get("title") if meta.exists() else None
        rows.append((name, common / max(1, sum(want.values())), common / max(1, sum(got.values())),
                     article.title == title))
    for name, recall, precision, same in rows:
        print(f"{name:32} recall {recall:5.2f}  precision {precision:5.2f}  {'' if same else 'title differs'}")
    n = len(rows)
    print(f"{which}: {n} pages, mean recall {sum(r[1] for r in rows) / n:.3f}, mean precision "
          f"{sum(r[2] for r in rows) / n:.3f}; recall < 0.8: {sum(r[1] < 0.8 for r in rows)}, precision < 0.8: "
          f"{sum(r[2] < 0.8 for r in rows)}; titles as Readability's: {sum(r[3] for r in rows)}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "all")
