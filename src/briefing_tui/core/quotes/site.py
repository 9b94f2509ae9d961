"""What the passes of attribution share: a quote in its sentence (`Site`), what a pass finds (`Found`), and how
a phrase a pass found becomes a speaker through the article's memory (`speaker`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from briefing_tui.core.quotes.clauses import is_cue
from briefing_tui.core.quotes.lexicon import Lexicon
from briefing_tui.core.quotes.memory import Memory
from briefing_tui.core.quotes.phrases import MONTHS, WEEKDAYS, Mention, mention
from briefing_tui.core.quotes.spans import Span
from briefing_tui.core.quotes.tokens import MASK, Tok, tokenize

LEAD = frozenset(",.!?;:—–-\"“”«»„‘’'")
"""Marks between a quote and the words after it."""


def past_lead(toks: list[Tok]) -> int:
    """Where the words after a quote start: past the marks that close it (`LEAD`)."""
    k = 0
    while k < len(toks) and toks[k].text in LEAD:
        k += 1
    return k


@dataclass(frozen=True, slots=True)
class Found:
    """Who said a quote, the word that ties them to it, and the pass that decided."""

    speaker: str
    cue: str
    rule: str


class Site(NamedTuple):
    """A quote in its paragraph: the text, the same text with every quote's words masked, and its sentence.

    A named tuple: one is made per quote, several times faster than a frozen dataclass of ten fields.
    """

    text: str
    masked: str
    lex: Lexicon
    span: Span
    start: int
    """Where the quote's sentence starts."""
    end: int
    """Where the quote's sentence ends."""
    next_end: int
    """Where the sentence after it ends (a cue may follow a quote that ends its own sentence: `“…?” X asked.`)."""
    before: list[Tok]
    """The masked tokens of its sentence before it."""
    after: list[Tok]
    """The masked tokens of its sentence after it."""
    ends: list[int]
    """Where the paragraph's sentences end."""

    def window(self, start: int, end: int) -> list[Tok]:
        """The masked tokens of [start, end)."""
        return tokenize(self.masked, start, end, self.lex)


Pass = Callable[[Site, Memory], Found | None]


def can_speak(head: str, lex: Lexicon) -> bool:
    """A description can speak when it is of a person, a body or a document (`signs which read` do not)."""
    return of_people(head, lex) or head in lex.org_heads or head in lex.generic_orgs \
        or head in lex.documents or bool(lex.title_suffixes and head.endswith(lex.title_suffixes))


def of_people(head: str, lex: Lexicon) -> bool:
    """A noun of a person or of people: a person's noun or a title, or (English, French) a title's plural
    (`the executives`, `les ministres`)."""
    return head in lex.person_nouns or head in lex.titles or (
        lex.code in ("en", "fr") and head.endswith("s") and not head.endswith("ss") and head[:-1] in lex.titles)


def no_one(who: str, lex: Lexicon) -> bool:
    """Whether a resolved phrase can name no speaker: masked words, a pronoun alone (`Se disant « confiant »`: a
    reflexive pronoun), an elided word (`C'est`), a possessive alone (`d'après son « évaluation »`)."""
    return MASK in who or who.lower() in lex.clitics or who.endswith(("'", "’")) or who.lower() in lex.possessives


TIME_NOUNS = frozenset("""lendemain veille jour jours matin matinée soir soirée nuit semaine semaines mois année
    années an ans heure heures minute minutes day days morning evening night week weeks month months year years hour
    hours tag tage woche wochen monat jahr jahre stunde stunden""".split()) | WEEKDAYS
"""Heads of a time, never a speaker's."""


def speaker(m: Mention | None, mem: Memory, site: Site, cue: str, rule: str) -> Found | None:
    """The speaker a mention means (resolved by the memory), or None: never a masked word, a pronoun alone, or a
    clause read as a phrase."""
    if m is None:
        return None
    who = mem.resolve(m, site.lex)
    if not who or no_one(who, site.lex):
        return None
    if m.kind == "nominal" and (verb := _verb_at(who, site.lex)) is not None:
        head = mention(verb[0][:verb[1]], who, site.lex) if verb[1] > 0 else None  # `les autorités ont par la
        if head is None or (head.kind == "nominal" and not can_speak(head.head, site.lex)):  # suite qualifié`:
            return None  # the subject before the verb; `the attack was launched on Wednesday by a user`: nobody
        return speaker(head, mem, site, cue, rule)
    if m.kind == "nominal" and (m.head in TIME_NOUNS or (m.head.isdigit() and m.text.rpartition(" ")[2].lower()
                                                         in MONTHS)):
        return None  # `le lendemain, …`, `the next day`, `Le 7 avril`: when, not who
    if m.kind == "pronoun":
        rule = "pronoun"
    return Found(who, cue.lower(), rule)


def _verb_at(who: str, lex: Lexicon) -> tuple[list[Tok], int] | None:
    """A description's tokens and where a verb of its own is in them (`les autorités ont par la suite`,
    `l'association cite l'exemple`): a clause that a subject was read too far into; None when it has none."""
    toks = tokenize(who, 0, len(who), lex)
    at = next((k for k, t in enumerate(toks) if k and (t.low in lex.be or (t.low in lex.auxiliaries and t.low != "a")
                                                      or is_cue(toks, k, lex))), None)
    return None if at is None else (toks, at)
