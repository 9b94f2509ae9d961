"""Command-palette providers, and the palette itself for a plain console."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider, SearchIcon
from textual.content import Content
from textual.fuzzy import Matcher

from briefing_tui.core.search.text import fold
from briefing_tui.core.serialize import short_date
from briefing_tui.tui.glyphs import PALETTE_ICON

if TYPE_CHECKING:
    from briefing_tui.tui.screens.reader import ReaderScreen

MAX_HITS = 50


def highlight(matcher: Matcher, title: str) -> Content:
    """`title` as plain text, with the letters the fuzzy match found styled.

    Matcher.highlight would read the title as markup: a title holding `[@click=app.…]` would become a
    link that runs an app action when clicked, and one holding `[/]` would raise and vanish from the
    hits. The offsets are the ones it would style, from the same search over the plain string, its accents
    gone as in `OpenArticleProvider.search` (`fold` keeps the length: an offset is the title's own).
    """
    content = Content(title)
    folded = fold(title)
    score, offsets = matcher.fuzzy_search.match(matcher.query, folded)
    if not score or len(folded.lower()) != len(title):  # lower-casing changed the length: offsets would be off
        return content
    for offset in offsets:
        if offset < len(title) and not title[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class OpenArticleProvider(Provider):
    """"Open article…": fuzzy search over titles, case and accents aside (`gdansk` finds *Gdańsk*)."""

    @property
    def _reader(self) -> ReaderScreen:
        return self.screen  # type: ignore[return-value]  # the provider is the reader screen's own

    def _display(self, title: Content, date: str, section: str) -> Content:
        return Content.assemble("Open: ", title, (f"  {date} · {section}", "dim"))

    async def discover(self) -> Hits:
        for article in self._reader.session.listing[:10]:
            yield DiscoveryHit(self._display(Content(article.title), short_date(article.date), article.section),
                               partial(self._reader.open_article_id, article.id), text=article.title)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(fold(query))
        found = 0
        for article in self._reader.session.listing:
            score = matcher.match(fold(article.title))
            if score > 0:
                yield Hit(score, self._display(highlight(matcher, article.title), short_date(article.date),
                                               article.section),
                          partial(self._reader.open_article_id, article.id), text=article.title)
                found += 1
                if found >= MAX_HITS:
                    break


class PlainCommandPalette(CommandPalette):
    """The command palette with an ASCII mark for Textual's magnifier emoji, for a plain console."""

    def on_mount(self) -> None:
        self.query_one(SearchIcon).icon = PALETTE_ICON
