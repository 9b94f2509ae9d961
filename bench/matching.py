"""Evaluate a parsed query against one document in Python: the brute-force reference that the index is
checked against (tests, `bench.verify_search`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from briefing_tui.core.model import Article, Quote
from briefing_tui.core.search.forms import DEFAULT_LANGUAGE, article_language
from briefing_tui.core.search.highlight import part_words, term_at
from briefing_tui.core.search.query import And, DateRange, Node, Not, Or, Query, Term
from briefing_tui.core.search.text import words

ANY_TEXT = ("title", "body", "quotes")


@dataclass(frozen=True)
class Document:
    """Searchable fields as word lists, the way the index tokenizes them, a date and a language (whose
    forms of a plain word match)."""

    fields: dict[str, tuple[str, ...]]
    date: dt.date | None
    lang: str = DEFAULT_LANGUAGE

    @classmethod
    def of(cls, date: dt.date | None, lang: str = DEFAULT_LANGUAGE, **texts: str) -> Document:
        return cls({name: tuple(words(text)) for name, text in texts.items()}, date, lang)


def _has(found: tuple[str, ...], term: Term, lang: str) -> bool:
    return any(term_at(found, i, term, lang) for i in range(len(found) - len(term.words) + 1))


def matches(query: Query, doc: Document) -> bool:
    """True when `doc` satisfies the query."""
    return query.root is None or _eval(query.root, doc, query.in_quotes)


def _eval(node: Node, doc: Document, in_quotes: bool) -> bool:
    if isinstance(node, Term):
        columns = (node.column,) if node.column else (("quotes",) if in_quotes else ANY_TEXT)
        return any(_has(doc.fields.get(c, ()), node, doc.lang) for c in columns)
    if isinstance(node, DateRange):
        if node.start is None and node.end is None:
            return True
        if doc.date is None:
            return False
        return (node.start is None or doc.date >= node.start) and (node.end is None or doc.date <= node.end)
    if isinstance(node, Not):
        return not _eval(node.node, doc, in_quotes)
    if isinstance(node, And):
        return all(_eval(n, doc, in_quotes) for n in node.nodes)
    assert isinstance(node, Or)
    return any(_eval(n, doc, in_quotes) for n in node.nodes)


def article_document(article: Article) -> Document:
    """An article as a document, with the fields the index stores for it: paragraphs, quotations, tags and
    speakers each a part of their field, with a boundary no phrase crosses."""
    speakers = sorted({q.speaker for q in article.quotes if q.speaker})
    return Document({"title": tuple(words(article.title)), "body": part_words(article.searched()),
                     "quotes": part_words(q.text for q in article.quotes), "section": tuple(words(article.section)),
                     "tags": part_words(article.tags), "speakers": part_words(speakers)}, article.date,
                    _language(article))


def _language(article: Article) -> str:
    return article_language(article.metadata, article.title, article.paragraphs)


def quote_document(quote: Quote, article: Article) -> Document:
    """A quote as a document: its words are the body and the quote text; the article gives the rest."""
    return Document({"title": tuple(words(article.title)), "body": (), "quotes": tuple(words(quote.text)),
                     "section": tuple(words(article.section)), "tags": part_words(article.tags),
                     "speakers": tuple(words(quote.speaker or ""))}, article.date, _language(article))


def quote_matches(query: Query, quote: Quote, article: Article) -> bool:
    """True when a quote satisfies the query (`speaker:`, `section:`, `date:`, words in the quote)."""
    return matches(query, quote_document(quote, article))
