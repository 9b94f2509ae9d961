"""The query language of docs/query.md: our own parser, compiled to SQL over the FTS5 index.

User text never reaches MATCH unparsed: every term is a quoted FTS5 string, and errors are one
plain sentence (QueryError), never the engine's own message.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from briefing_tui.core.formats.dates import MAX_YEAR, MIN_YEAR
from briefing_tui.core.search.text import words

TEXT_FIELDS = {"title": "title", "section": "section", "tag": "tags", "tags": "tags", "speaker": "speakers"}
MAX_QUERY = 1000
MAX_TERMS = 64
"""Terms in one query, negated ones included: a bound on how much one query asks of the engine."""
MAX_DEPTH = 20
"""Parentheses and negations open at once: deeper, SQLite's parser runs out of stack."""


class QueryError(ValueError):
    """A query that cannot be parsed; the message is one sentence for the user. `fixed`, when known, is the query
    with the mistake mended (`speker:rutte`: `speaker:rutte`), for the reader's `tab`."""

    def __init__(self, message: str, fixed: str | None = None) -> None:
        super().__init__(message)
        self.fixed = fixed


REFUSED = "The search engine could not run this query; try a simpler one."
"""What the user sees when SQLite refuses a query that parsed (the engine's own message never shows)."""


@dataclass(frozen=True)
class Term:
    """Words that must match: a word, a prefix (`invest*`) or a phrase, optionally in one column."""

    words: tuple[str, ...]
    prefix: bool = False
    column: str | None = None
    stemmed: bool = False
    """A plain word (unquoted, no `*`, not a speaker's name): its other forms match too (`forms.is_form`)."""
    span: tuple[int, int] | None = field(default=None, compare=False)
    """Where a single word (or prefix) was written in the query text, for a suggestion to replace it; None
    for a phrase."""
    quoted: tuple[int, int] | None = field(default=None, compare=False)
    """Where a quoted phrase was written in the query text, its quotes included (a suggestion replaces it)."""


@dataclass(frozen=True)
class DateRange:
    """Articles dated within [start, end] (either end open)."""

    start: dt.date | None
    end: dt.date | None


@dataclass(frozen=True)
class Not:
    node: Node


@dataclass(frozen=True)
class And:
    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    nodes: tuple[Node, ...]


Node = Term | DateRange | Not | And | Or


@dataclass
class Query:
    """A parsed query: its tree, and whether text terms must occur inside quotes."""

    text: str
    root: Node | None
    in_quotes: bool = False
    terms: list[Term] = field(default_factory=list)
    """Positive text terms, for highlighting hits."""


_TOKEN = re.compile(r'\s*(?:(?P<lp>\()|(?P<rp>\))|(?P<field>[A-Za-z]+):(?P<fvalue>"[^"]*"?|[^\s()"]*)'
                    r'|(?P<phrase>"[^"]*"?)|(?P<neg>-)(?=\S)|(?P<word>[^\s()"]+))')
def words_of(text: str) -> list[str]:
    """The words of `text` as the index sees them (letters and digits; apostrophes split words too)."""
    return words(text)


_TYPING = re.compile(r"(?:^|[\s(])(?:(?P<field>[A-Za-z]+):)?(?P<word>\w++(?:[-'’]\w++)*+)$")
"""The word being typed, at the end of the text: words joined by hyphens or apostrophes are one (`jean-m`)."""


def as_you_type(text: str) -> tuple[str, str | None]:
    """The query to run while `text` is still being typed: its last word as a prefix (`speaker:gall`
    finds Gallagher), and a plain one also as the word it is (with its other forms: `resigning` finds
    `resigned` as the finished word would, and `resigningly`). A phrase still open has its last word as a prefix
    (`speaker:"le p`: `speaker:le-p*`), and brackets still open are closed (`(trump OR pel`). Returns the query
    text and that word, or `text` and None when the last word is finished (a space after it), negated, a date or
    an operator."""
    plain = text.translate(QUOTE_MARKS)  # `« nous refus`: a phrase still open (one character for one: the places
    close = ")" * _open_brackets(plain)  # found are the text's)
    if plain.count('"') % 2:
        at = plain.rfind('"')
        said = words_of(plain[at + 1:])
        if not said or not plain[-1].isalnum():
            return text, None
        return f"{text[:at]}{'-'.join(said)}*{close}", " ".join(said)  # the status line: words starting “le p”
    m = _TYPING.search(plain)
    if m is None or (m["field"] or "").lower() in {"date", "in"} or m["word"] in {"OR", "AND", "NOT"}:
        return text, None
    word = m["word"]
    grown = f"{text[:m.start('word')]}({word} OR {word}*){close}"
    if m["field"] is None and word.isalnum():  # `jean-m`: a phrase whose last word is a prefix (`jean-m*`)
        try:
            parse(grown)
            return grown, word
        except QueryError:  # at the length or term limit: the words it starts, as before
            pass
    return f"{text}*{close}", m["word"]


def _open_brackets(plain: str) -> int:
    """How many `(` outside phrases are still open at the end of `plain` (none when a `)` has none to close)."""
    depth = 0
    inside = False
    for ch in plain:
        if ch == '"':
            inside = not inside
        elif not inside and ch == "(":
            depth += 1
        elif not inside and ch == ")":
            depth -= 1
            if depth < 0:
                return 0
    return depth


def typed_query(text: str) -> tuple[Query, str | None]:
    """The query to run for `text` as it is typed, and the word being typed (`as_you_type`). Raises QueryError when
    `text` is no query, unless it is one but for a phrase or brackets still open at its end (`speaker:"le p`)."""
    typed, word = as_you_type(text)
    try:
        parse(text)
    except QueryError:
        if word is None:
            raise
        try:
            return parse(typed), word
        except QueryError:
            pass
        raise
    return parse(typed), word


def suggestion_basis(text: str, query: Query, typing: str | None) -> Query:
    """What a suggestion is made from: `query` (run for `text`), or, while `text` is being typed (`typing`, as
    `as_you_type` says), the words as typed, the last one a prefix, not `as_you_type`'s `(word OR word*)`, which a
    suggestion would otherwise hand back to the box (`impeachmnt` gave `(impeachment OR impeachment*)`); `query`
    when that does not parse."""
    if typing is None:
        return query
    try:
        return parse(text + "*")
    except QueryError:
        return query


QUOTE_MARKS = str.maketrans(dict.fromkeys("«»“”„", '"'))
"""Quotation marks as typed or pasted from an article (`« Coach »`, `„Wort“`, `“word”`): each the query's `"`,
one character for one, so that what was typed keeps its places (a hint or a suggestion points into it)."""


_READ_AS = QUOTE_MARKS | str.maketrans(dict.fromkeys("\t\n\r", " "))
"""QUOTE_MARKS, and tabs and line breaks (text pasted from a wrapped article or an e-mail) as spaces, one for one:
what `parse` reads a query's characters as, in one pass."""


def parse(text: str) -> Query:
    """Parse a query string; raise QueryError with a plain sentence when it is not valid."""
    text = text.translate(_READ_AS)
    if len(text) > MAX_QUERY:
        raise QueryError(f"The query is too long (over {MAX_QUERY} characters).")
    if any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in text):
        raise QueryError("The query contains control characters.")
    tokens = _tokenize(text)
    query = Query(text, None)
    parser = _Parser(tokens, query)
    query.root = parser.parse()
    if parser.term_count > MAX_TERMS:
        raise QueryError(f"The query has too many terms (over {MAX_TERMS}).")
    return query


Token = tuple[str, str, str, tuple[int, int]]
"""(kind, value, field value, where the value is in the query text)."""


def _tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    pos = 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            raise QueryError(f"Unexpected character {text[pos:].strip()[:1]!r} in the query.")
        pos = m.end()
        if m["lp"]:
            tokens.append(("(", "", "", (0, 0)))
        elif m["rp"]:
            tokens.append((")", "", "", (0, 0)))
        elif m["field"] is not None:
            tokens.append(("field", m["field"].lower(), m["fvalue"], m.span("fvalue")))
        elif m["phrase"] is not None:
            tokens.append(("phrase", m["phrase"], "", m.span("phrase")))
        elif m["neg"]:
            tokens.append(("-", "", "", (0, 0)))
        else:
            word = m["word"]
            tokens.append(("op", word, "", (0, 0)) if word in ("OR", "AND", "NOT") else
                          ("word", word, "", m.span("word")))
    return tokens


class _Parser:
    def __init__(self, tokens: list[Token], query: Query) -> None:
        self.tokens = tokens
        self.pos = 0
        self.query = query
        self.depth = 0
        self.term_count = 0

    def peek(self) -> Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def parse(self) -> Node | None:
        if not self.tokens:
            return None
        node = self.or_expr(negated=False)
        if self.peek() is not None:
            kind = self.peek()[0]  # type: ignore[index]
            raise QueryError("Unbalanced ')' in the query." if kind == ")" else "The query could not be read.")
        if node is None:
            if self.query.in_quotes:
                raise QueryError("in:quotes needs words to look for.")
            raise QueryError("The query has nothing to search for.")
        if _only_negative(node):
            return And((DateRange(None, None), node))  # `-word` alone: everything except
        return node

    def or_expr(self, negated: bool) -> Node | None:
        nodes = [self.and_expr(negated)]
        while (tok := self.peek()) is not None and tok[:2] == ("op", "OR"):
            self.pos += 1
            if self.peek() is None or self.peek()[0] == ")" or self.peek()[:2] == ("op", "OR"):  # type: ignore[index]
                raise QueryError("OR needs a term on both sides.")
            nodes.append(self.and_expr(negated))
        if len(nodes) > 1 and any(n is None for n in nodes):
            raise QueryError("OR needs a term on both sides.")
        real = [n for n in nodes if n is not None]
        if not real:
            return None
        return real[0] if len(real) == 1 else Or(tuple(real))

    def and_expr(self, negated: bool) -> Node | None:
        nodes: list[Node] = []
        while (tok := self.peek()) is not None and tok[0] != ")" and tok[:2] != ("op", "OR"):
            if tok[:2] == ("op", "AND"):
                self.pos += 1
                after = self.peek()
                if not nodes or after is None or after[0] == ")" or after[:2] in (("op", "AND"), ("op", "OR")):
                    raise QueryError("AND needs a term on both sides.")  # `AND NOT x` has its term after the NOT
                continue
            node = self.unary(negated)
            if node is not None:
                nodes.append(node)
        if not nodes:
            return None
        return nodes[0] if len(nodes) == 1 else And(tuple(nodes))

    def enter(self) -> None:
        """One more parenthesis or negation open; the caller lowers `depth` again when it closes."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise QueryError("The query is nested too deeply.")

    def unary(self, negated: bool) -> Node | None:
        # A run of '-' and NOT is read in a loop, not one call per dash, and only its parity counts
        # (NOT NOT x is x): a thousand dashes make one negation at most, never a thousand nested ones.
        odd = False
        while (tok := self.peek()) is not None and (tok[0] == "-" or tok[:2] == ("op", "NOT")):
            self.pos += 1
            odd = not odd
            after = self.peek()
            if after is None or after[0] == ")" or after[:2] in (("op", "AND"), ("op", "OR")):
                raise QueryError("NOT and '-' need a term after them.")
        if not odd:
            return self.primary(negated)
        self.enter()
        inner = self.primary(not negated)
        self.depth -= 1
        if inner is None:
            return None
        return inner.node if isinstance(inner, Not) else Not(inner)  # -(-x) is x too

    def primary(self, negated: bool) -> Node | None:
        kind, value, extra, span = self.tokens[self.pos]
        self.pos += 1
        if kind == "(":
            self.enter()
            node = self.or_expr(negated)
            if self.peek() is None or self.peek()[0] != ")":  # type: ignore[index]
                raise QueryError("Unbalanced '(' in the query.")
            self.pos += 1
            self.depth -= 1
            if node is None:
                raise QueryError("Empty parentheses in the query.")
            return node
        if kind == ")":
            raise QueryError("Unbalanced ')' in the query.")
        if kind == "phrase":
            return self.term(_unquote(value), negated, phrase=True, quoted=span)
        if kind == "field":
            return self.field(value, extra, negated, span)
        return self.term(value, negated, span=span)

    def term(self, raw: str, negated: bool, column: str | None = None, phrase: bool = False,
             span: tuple[int, int] | None = None, quoted: tuple[int, int] | None = None) -> Node:
        prefix = not phrase and raw.endswith("*")
        if not phrase and "*" in raw.rstrip("*") and words_of(raw.rstrip("*")):
            # `tr*mp` was the phrase "tr mp", without a word: a `*` marks a prefix, at a word's end only
            start = next(part for part in raw.split("*") if part)
            raise QueryError(f"A '*' goes at the end of a word ({start}* finds the words that begin with {start}); "
                             "inside one it is not a wildcard.")
        words = tuple(words_of(raw.rstrip("*") if prefix else raw))
        if not words:
            if prefix:
                raise QueryError("A prefix search needs at least one letter before '*'.")
            if ".." in raw:  # `date:2019-09 .. 2019-10`
                raise QueryError(f"{raw!r} has no words to search for; a date range has no spaces: "
                                 "date:2019-09..2019-10.")
            raise QueryError(f"{raw!r} has no words to search for.")
        if prefix and len(words) > 1:
            prefix = True  # `kilroy-sil*`: a phrase whose last word is a prefix
        single = not phrase and len(words) == 1
        term = Term(words, prefix, column, stemmed=single and not prefix and column != "speakers",
                    span=span if single else None, quoted=quoted if phrase and len(words) > 1 else None)
        self.term_count += 1
        if not negated:
            self.query.terms.append(term)
        return term

    def field(self, name: str, value: str, negated: bool, span: tuple[int, int]) -> Node | None:
        if name == "in":
            if value.lower() != "quotes":
                raise QueryError(f"Unknown in:{value} (only in:quotes is supported).")
            if negated:  # it says where every word is looked for: there is nothing to leave out
                raise QueryError("in:quotes cannot be negated (it says where all the words are looked for).")
            self.query.in_quotes = True
            return None
        if name == "date":
            return parse_date_filter(value)
        column = TEXT_FIELDS.get(name)
        if column is None:
            if not value or value.startswith("//"):  # `Trump: we will`, `https://…`: a pasted text's words, no field
                start = span[0] - len(name) - 1
                raw = self.query.text[start:span[1]]
                return self.term(raw, negated, phrase=bool(value), span=(start, span[0] - 1) if not value else None)
            near = difflib.get_close_matches(name, [*TEXT_FIELDS, "date", "in"], n=1, cutoff=0.7)
            known = " (use title:, section:, tag:, speaker:, date: or in:quotes)."
            start = span[0] - len(name) - 1
            fixed = self.query.text[:start] + near[0] + self.query.text[span[0] - 1:] if near else None
            raise QueryError(f"Unknown field {name}:" + (f" (did you mean {near[0]}:?)" if near else known), fixed)
        text = _unquote(value)
        if not text.strip():
            raise QueryError(f"{name}: needs a value.")
        quoted = value.startswith('"')
        return self.term(text, negated, column=column, phrase=quoted, span=span, quoted=span if quoted else None)


def _unquote(value: str) -> str:
    if value.startswith('"'):
        if len(value) < 2 or not value.endswith('"'):
            raise QueryError('Unbalanced " in the query.')
        return value[1:-1]
    return value


def _only_negative(node: Node) -> bool:
    if isinstance(node, Not):
        return True
    if isinstance(node, And):
        return all(_only_negative(n) for n in node.nodes)
    return False


_DATE_PART = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def parse_date_filter(value: str) -> DateRange:
    """`2025`, `2025-06`, `2025-06-27`, `A..B`, `..B`, `A..` as a DateRange."""
    value = value.strip('"')
    if not value:
        raise QueryError("date: needs a value such as 2025, 2025-06, 2025-06-27 or 2025-06-01..2025-06-30.")
    if ".." in value:
        left, _, right = value.partition("..")
        if not left and not right:
            raise QueryError("date: range needs at least one end.")
        start = _date_bound(left, start=True) if left else None
        end = _date_bound(right, start=False) if right else None
        if start and end and start > end:
            raise QueryError(f"date:{value} ends before it starts.")
        return DateRange(start, end)
    return DateRange(_date_bound(value, start=True), _date_bound(value, start=False))


def _date_bound(text: str, start: bool) -> dt.date:
    m = _DATE_PART.match(text)
    if not m:
        raise QueryError(f"date:{text[:20]} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD).")
    year = int(m[1])
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise QueryError(f"date:{text[:20]} is out of range ({MIN_YEAR}–{MAX_YEAR}).")
    month = int(m[2]) if m[2] else (1 if start else 12)
    if not 1 <= month <= 12:
        raise QueryError(f"date:{text[:20]} has no month {month}.")
    if m[3]:
        day = int(m[3])
        if not 1 <= day <= calendar.monthrange(year, month)[1]:
            raise QueryError(f"date:{text[:20]} is not a calendar date.")
    else:
        day = 1 if start else calendar.monthrange(year, month)[1]
    return dt.date(year, month, day)


@dataclass(frozen=True)
class FormsIn:
    """A plain word's other forms in one language that the index holds (`Index.forms`), and how to keep them
    to the articles in that language."""

    lang: str
    words: tuple[str, ...]
    others: tuple[str, ...]
    """The other languages the index has articles in (none: every article is in `lang`)."""
    most: bool
    """Most articles are in `lang`: leaving out the others' articles costs less than naming its own."""


@dataclass(frozen=True)
class WordForms:
    """What the index holds of a plain word (`Index.forms`)."""

    found: tuple[FormsIn, ...]
    """Its other forms, in each language the index has articles in."""
    text_only: bool = False
    """The word and those forms are in no article's section, tags, speakers or language: a match in the text
    is a match anywhere, so FTS5 is asked without naming the text's columns (which makes it read where in
    each article every word is: twice the cost for a word in most articles)."""


Forms = Callable[[str], WordForms]
"""A plain word's other forms in each language the index has articles in (`Index.forms`)."""


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def fts_phrases(term: Term, in_quotes: bool, forms: Forms | None = None) -> list[str]:
    """The phrases `fts_term(term, …)` asks FTS5 for that bm25 scores, each as an expression of its own: the
    term's phrase in its columns and each of its other forms (the `lang` phrases that keep a form to its
    language are left out: their column weighs nothing)."""
    columns, phrase, found = _term_parts(term, in_quotes, forms)
    return [f"{columns}{phrase}"] + [f"{columns}{_quoted(word)}" for f in found for word in f.words]


def _term_parts(term: Term, in_quotes: bool, forms: Forms | None) -> tuple[str, str, list[FormsIn]]:
    """A term's columns (an FTS5 column filter and its colon, or nothing when the term can only be in the
    text), its phrase as FTS5 reads it, and its other forms found."""
    phrase = _quoted(" ".join(term.words)) + (" *" if term.prefix else "")
    column = term.column or ("quotes" if in_quotes else None)
    columns = f"{column} : " if column else "{title body quotes} : "
    if forms is None or not term.stemmed:
        return columns, phrase, []
    held = forms(term.words[0])
    if held.text_only and not column:
        columns = ""
    return columns, phrase, [f for f in held.found if f.words]


def _forms_everywhere(found: list[FormsIn]) -> list[str]:
    """The forms that are forms in every language the index has articles in (`sanctions` in English and in
    French): they need no `lang` to keep them to their articles, and a form named once per language made FTS5
    walk its rows once per language (a common word's forms cost twice a common word)."""
    held = {found[0].lang, *found[0].others}
    if {f.lang for f in found} != held:
        return []
    rest = [set(f.words) for f in found[1:]]
    return [word for word in found[0].words if all(word in other for other in rest)]


def fts_term(term: Term, in_quotes: bool, forms: Forms | None = None) -> str:
    """A term as an FTS5 expression: always quoted strings, never user syntax.

    A plain word with other forms in the index becomes the word, or a form of it in an article of the
    form's language: `lang : "fr" AND … : ("forme" OR …)`, or, for the language of most articles, the forms
    `NOT lang : (…)` the others (FTS5 then walks the few other articles' rows, not the many of its own),
    or the forms alone when every article is in that language.
    """
    columns, phrase, found = _term_parts(term, in_quotes, forms)
    if not found:
        return f"{columns}{phrase}"
    everywhere = _forms_everywhere(found)
    if everywhere:  # the word and those forms, one list with no language to keep them to
        phrase = f"({' OR '.join([phrase, *map(_quoted, everywhere)])})"
        found = [f for f in (replace(f, words=tuple(w for w in f.words if w not in everywhere)) for f in found)
                 if f.words]
        if not found:  # FTS5 walks each word's rows once
            return f"{columns}{phrase}"
    branches = [f"({columns}{phrase})"]
    for f in found:
        these = f"{columns}({' OR '.join(map(_quoted, f.words))})"
        if not f.others:
            branches.append(f"({these})")
        elif f.most:
            branches.append(f"({these} NOT lang : ({' OR '.join(map(_quoted, f.others))}))")
        else:
            branches.append(f"(lang : {_quoted(f.lang)} AND {these})")
    return "(" + " OR ".join(branches) + ")"
