"""The line above the article: where the search hits are, or which quote is under the cursor and who said it."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from briefing_tui.core.model import Article, Quote
from briefing_tui.core.serialize import shown_cue


class ArticleStatus(Static):
    """Says which search hit or which quote the article's cursor is on; hidden when there is neither."""

    DEFAULT_CSS = """
    ArticleStatus {
        height: 1;
        padding: 0 1;
        background: $boost;
        color: $text-accent;
        display: none;
    }
    """

    def show_hits(self, query: str, current: int | None, total: int, quote: Quote | None = None) -> None:
        """`total` hits of `query` in the article, the cursor on hit `current` (from 0), inside `quote` if in one."""
        self.display = True
        query = " ".join(query.split())  # as typed, less the space typed after its last word
        if not total:
            self.update(Text(f"Search “{query}”: no hits in the text of this article "
                             "(it matched on its title, section, tags or speakers)"))
            return
        line = Text(f"Search “{query}”: hit {(current or 0) + 1}/{total}")
        if quote is not None:
            line.append(" in a quote")
            if quote.speaker:
                line.append(" by ")
                line.append(quote.speaker, style="bold")
            line.append("   n next · N previous · c copy it · a add · s spotlight", style="dim")
        else:
            line.append("   n next · N previous", style="dim")
        self.update(line)

    def show_quote(self, article: Article, index: int) -> None:
        """The quote cursor is on `article.quotes[index]`: its number, speaker and cue."""
        quote = article.quotes[index]
        line = Text(f"Quote {index + 1}/{len(article.quotes)}: ")
        line.append(quote.speaker or "no speaker found", style="bold" if quote.speaker else "italic")
        if cue := shown_cue(quote.cue):
            line.append(f" (cue: {cue})")
        extras = []  # what gives way first when the line is too long: the keys, then the rule
        if quote.rule:  # the attribution pass that named the speaker (docs/quotes.md)
            extras.append(Text(f" · {quote.rule}", style="dim"))
        extras.append(Text("   ] next · [ previous · c copy · a add to board · s spotlight", style="dim"))
        room = self.size.width - 2 if self.size.width else None  # the padding
        for extra in extras:
            if room is not None and line.cell_len + extra.cell_len > room:
                break  # never cut in the middle: at 80 columns the line ended in a dangling `·`
            line.append_text(extra)
        self.update(line)
        self.display = True

    def clear(self) -> None:
        self.display = False
