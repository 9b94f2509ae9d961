"""The named passes of attribution, tried in order for each quote; the first that finds a speaker wins.

Each pass reads the quote's sentence (a `Site`) through the paragraph's lexicon and asks the article's
memory to resolve what it found; none of them changes the memory. `PASSES` is the order; `attribution.py`
runs them and then the passes that need the quotes before (continuation, follow-on, context).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from briefing_tui.core.quotes.authors import agent_phrase, author, object_author, phrase_after
from briefing_tui.core.quotes.clauses import (
    DASHES,
    MAX_SUBJECT,
    STOP,
    clause_subject,
    drop_parentheses,
    is_adverb,
    is_cue,
    noun_phrase,
)
from briefing_tui.core.quotes.lexicon import Lexicon
from briefing_tui.core.quotes.memory import Memory
from briefing_tui.core.quotes.phrases import Mention, mention
from briefing_tui.core.quotes.spans import Span
from briefing_tui.core.quotes.subjects import subject_of
from briefing_tui.core.quotes.tokens import MASK, Tok, tokenize

_QUOTED_AS = frozenset(("quoted", "quoting", "cited", "citing", "quotes", "cites"))
"""`Politico quoted Tim Manning, a former FEMA official, as saying “…”`: the person quoted speaks."""
QUOTED_REACH = 30
"""Words after `quoted` searched for its `as saying`."""
_LEAD = frozenset(",.!?;:—–-\"“”«»„‘’'")


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


def _can_speak(head: str, lex: Lexicon) -> bool:
    """A description can speak when it is of a person, a body or a document (`signs which read` do not)."""
    return head in lex.person_nouns or head in lex.titles or head in lex.org_heads or head in lex.generic_orgs \
        or head in lex.documents or bool(lex.title_suffixes and head.endswith(lex.title_suffixes))


def _speaker(m: Mention | None, mem: Memory, site: Site, cue: str, rule: str) -> Found | None:
    if m is None:
        return None
    who = mem.resolve(m, site.lex)
    if not who or MASK in who or who.lower() in site.lex.clitics:
        return None  # `Se disant « confiant »`: a reflexive pronoun, not a name
    if m.kind == "nominal" and (verb := _verb_at(who, site.lex)) is not None:
        head = mention(verb[0][:verb[1]], who, site.lex) if verb[1] > 0 else None  # `les autorités ont par la
        if head is None or (head.kind == "nominal" and not _can_speak(head.head, site.lex)):  # suite qualifié`:
            return None  # the subject before the verb; `the attack was launched on Wednesday by a user`: nobody
        return _speaker(head, mem, site, cue, rule)
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


# --- the cue right after the quote --------------------------------------------------------------------


def after_cue(site: Site, mem: Memory) -> Found | None:
    """`,” she said`, `,” said Mayor X`, `», a-t-il précisé`, `», indique le quotidien`, `“…?” X asked.`"""
    lex = site.lex
    strict = site.end <= site.span.end + 1  # the quote ended its sentence: a cue must be the next sentence's
    if strict:
        own = site.before
        if any(is_cue(own, k, lex) for k in range(len(own))):
            return None  # `Johnson continued, “…” The White House refers to …`: the quote has its cue
    stop = site.next_end if strict else site.end
    toks = site.window(site.span.end, stop) if strict else site.after
    i = 0
    while i < len(toks) and toks[i].text in _LEAD:
        i += 1
    closed = i > 0 or site.masked[site.span.text_end - 1:site.span.text_end] in ".!?…,]"
    toks = toks[i:]
    if not toks or toks[0].masked:
        return None
    closed = closed or (not strict and _name_then_cue(toks, lex))  # `“…” Smith told Wikinews`: comma or not
    first = toks[0]
    if lex.code == "fr" and "-" in first.text:  # `a-t-il précisé`, `explique-t-elle`, `dit-il`
        verb, _, pronoun = first.low.rpartition("-")
        verb = verb.removesuffix("-t")
        if pronoun in lex.pronouns:
            cue = verb if verb in lex.cues else (toks[1].low if len(toks) > 1 and toks[1].low in lex.cues else "")
            if cue:
                return _speaker(Mention("pronoun", pronoun, gender=lex.pronouns[pronoun]), mem, site, cue,
                                "after-cue")
    if lex.code == "de" and first.low == "so" and len(toks) > 1 and (toks[1].cap or toks[1].low in lex.determiners):
        return _speaker(mention(phrase_after(toks, 1, lex), site.text, lex), mem, site, "so", "after-cue")
    k = 0
    while k < len(toks) and (toks[k].low in lex.auxiliaries or toks[k].low in lex.adverbs
                             or toks[k].low in lex.clitics) and not toks[k].cap:
        k += 1
    if k < len(toks) and is_cue(toks, k, lex) and not toks[k].low.endswith(("ing", "ant")):
        if strict and k == 0:
            return None
        phrase = phrase_after(toks, _past_aside(toks, k + 1, lex), lex)
        if not phrase:
            return None
        m = mention(phrase, site.text, lex)
        if m is None or (not _subject_start(phrase[0], lex) and m.kind != "person"):
            return None  # `“Politics and the English Language” warned against …`: no subject after the cue
        if m.kind == "nominal" and m.head in lex.documents:
            m = author(phrase, lex, site.text) or m  # `reads an AEW press release`
        return _speaker(m, mem, site, toks[k].text, "after-cue")
    if not closed or first.low in lex.clause_openers or first.low in lex.prepositions or first.low in lex.discourse \
            or first.low in lex.first_person:  # `his “messy” war in Ukraine, asserting`: the quote ended no clause
        return None if strict else _closing_cue(toks, site, mem)
    c, limit = 0, min(len(toks), MAX_SUBJECT)
    while c + 1 < limit:
        c += 1
        t = toks[c]
        if t.text == "," and c + 1 < len(toks) and toks[c + 1].low in lex.relatives:
            close = next((n for n in range(c + 2, min(len(toks), c + 2 + MAX_SUBJECT)) if toks[n].text == ","), None)
            if close is not None:  # `“…,” one protester, who gave her name only as Sarah, told Reuters`
                c, limit = close, min(len(toks), close + MAX_SUBJECT)
                continue
        if t.text in STOP or t.masked or (t.low in lex.clause_openers and t.low not in ("and", "et", "und")):
            return None
        if is_cue(toks, c, lex):
            end = c
            while end > 0 and (toks[end - 1].low in lex.auxiliaries or toks[end - 1].low in lex.adverbs):
                end -= 1
            if strict and not _bare_cue(toks, c, lex):
                return None
            m = mention(toks[:end], site.text, lex)
            if m is not None and not _subject_start(first, lex) and m.kind != "person":
                return None  # `proposal and accused`: not a subject
            return _speaker(m, mem, site, t.text, "after-cue")
    return None if strict else _closing_cue(toks, site, mem)


_NAME_WORDS_BEFORE_CUE = 6
"""Capitalised words a name right after a quote may have before its cue."""
_PLACE = frozenset(("of", "from", "at", "de", "du", "des"))
"""Words that open where a person named right after a quote is from."""


_ASIDE = 8
"""Words at most in an aside between a cue and its subject (`a confié, à Reuters, le directeur`)."""


def _past_aside(toks: list[Tok], k: int, lex: Lexicon) -> int:
    """Where the subject starts after an inverted cue: past an aside between commas right after the cue (`a
    confié, à Reuters, le directeur de cabinet`, `said, on Monday, the chief of staff`)."""
    if k + 1 >= len(toks) or toks[k].text != ",":
        return k
    first = toks[k + 1]
    if not (first.low in lex.prepositions or first.low in lex.cut_prepositions or first.low in lex.circumstances
            or is_adverb(toks, k + 1, lex)):
        return k
    close = next((m for m in range(k + 2, min(len(toks), k + 2 + _ASIDE)) if toks[m].text == ","), None)
    if close is None or any(t.masked or t.text in STOP for t in toks[k + 1:close] if t.text != ","):
        return k
    return close + 1


def _name_then_cue(toks: list[Tok], lex: Lexicon) -> bool:
    """A name right after the quote, then its cue (`“…” Crystal C'Bearing told`, `“…” Smith told Wikinews`): the
    quote ended its clause even with no comma; not a scare quote before a noun (`the “historic” Senate vote`)."""
    k = 0
    while k < min(len(toks), _NAME_WORDS_BEFORE_CUE) and toks[k].cap and toks[k].word \
            and toks[k].low not in lex.not_names:
        k += 1
    if 0 < k < len(toks) and toks[k].low in _PLACE:  # `Crystal C'Bearing of the tribal preservation office told`
        end = min(len(toks), k + MAX_SUBJECT)
        while k < end and toks[k].word and not toks[k].masked and not is_cue(toks, k, lex) \
                and toks[k].low not in lex.clause_openers and toks[k].low not in lex.be:
            k += 1
    while k < len(toks) and not toks[k].cap and (toks[k].low in lex.auxiliaries or is_adverb(toks, k, lex)):
        k += 1
    return 0 < k < len(toks) and toks[0].cap and is_cue(toks, k, lex)


def _closing_cue(toks: list[Tok], site: Site, mem: Memory) -> Found | None:
    """An inverted cue that closes the quote's sentence after a comma (`« … » qui peut contenir 12 000 personnes,
    a indiqué un porte-parole de la police.`): its subject said the sentence's quotes."""
    lex = site.lex
    comma = next((k for k in range(len(toks) - 2, -1, -1) if toks[k].text == ","), None)
    if comma is None or any(t.masked for t in toks[comma:]):
        return None
    k = comma + 1
    while k < len(toks) and not toks[k].cap and (toks[k].low in lex.auxiliaries or is_adverb(toks, k, lex)):
        k += 1
    if k + 1 >= len(toks) or not is_cue(toks, k, lex) or toks[k].low.endswith(("ing", "ant")) \
            or not _subject_start(toks[k + 1], lex):
        return None
    phrase = phrase_after(toks, k + 1, lex)
    if not phrase or toks.index(phrase[-1]) + 1 < len(toks) - (toks[-1].text in STOP):
        return None  # the subject runs to the sentence's end
    m = mention(phrase, site.text, lex)
    if m is None or (m.kind == "nominal" and not _can_speak(m.head, lex)):
        return None
    return _speaker(m, mem, site, toks[k].text, "after-cue")


def _subject_start(t: Tok, lex: Lexicon) -> bool:
    return t.cap or t.low in lex.determiners or t.low in lex.possessives or t.low in lex.pronouns \
        or t.low in lex.it_pronouns or t.low in lex.titles or t.low in lex.person_nouns


def _bare_cue(toks: list[Tok], c: int, lex: Lexicon) -> bool:
    """After `X said`, nothing of its own was said: no quote, no `that`, only a few words (`told the press`)."""
    rest = toks[c + 1:]
    return len(rest) <= 12 and not any(t.masked or t.low in ("that", "que", "qu'", "qu’", "dass") or t.low in lex.be
                                       or t.low in lex.auxiliaries for t in rest)


# --- a cue before the quote ---------------------------------------------------------------------------


def before_cue(site: Site, mem: Memory) -> Found | None:
    """`X said: “…”`, `X warned that “…”`, `…, calling it “…”` (the subject's), passives with `by X`."""
    lex = site.lex
    toks = site.before
    if "(" in site.masked[site.start:site.span.start]:
        toks = drop_parentheses(toks)
    if "—" in site.masked[site.start:site.span.start] or "–" in site.masked[site.start:site.span.start]:
        toks = _without_asides(toks)
    opening = next((t for t in toks if t.word and t.low not in lex.discourse), None)
    if opening is not None and opening.low in lex.cues and opening.low.endswith(("ing", "ant")):
        found = _opening_participle(site, mem, opening.low)  # `Estimant que « … », il vota contre`
        if found:
            return found
    for c in range(len(toks) - 1, -1, -1):
        if not is_cue(toks, c, lex):
            continue
        cue = toks[c]
        j = c - 1
        passive = False
        while j >= 0 and not toks[j].cap and (toks[j].low in lex.auxiliaries or is_adverb(toks, j, lex)
                                              or toks[j].low in lex.be):
            reflexive = j > 0 and toks[j - 1].low in ("se", "s'", "s’", "sich")  # `s'est dit`: no passive
            passive = passive or (toks[j].low in lex.be and not reflexive)
            j -= 1
        passive = passive and not cue.low.endswith(("ing", "ant"))  # `was saying` is no passive
        if passive or (cue.low in lex.passive_cues and (c == len(toks) - 1 or toks[c + 1].low in ("as", "comme")
                                                        or toks[c + 1].low in lex.agent)  # `described by X as`
                       and _reduced_relative(toks, j, lex)):
            agent = agent_phrase(toks[c + 1:], lex) or _agent_after(site, lex)
            if agent:
                found = _speaker(mention(agent, site.text, lex), mem, site, cue.text, "passive-agent")
                if found:
                    return found
            continue
        if cue.low in _QUOTED_AS and (found := _quoted_as(toks, mem, site, cue.text, c)):
            return found
        quoted = object_author(toks[c + 1:], lex, site.text)  # `citing the Chuck Jones quote that “…”`
        if quoted is not None and (found := _speaker(quoted, mem, site, cue.text, "before-cue")):
            return found
        subject = subject_of(toks, c, lex)
        if subject is None or not subject[0]:
            continue
        region, rule = subject
        if region and c > 0 and toks[c - 1].low in lex.relatives:
            m = mention(region, site.text, lex)
            if m is not None and m.kind == "nominal" and not _can_speak(m.head, lex):
                continue  # `holding signs which read “…”`: what a sign says has no speaker
        found = _speaker_of_region(region, toks, mem, site, cue.text, rule, c)
        if found:
            return found
    return None


def _opening_participle(site: Site, mem: Memory, cue: str) -> Found | None:
    """A sentence that opens with a participle cue (`Calling it a “culture of death” the archbishop said`,
    `Estimant que « … », il vota contre`): the speaker is the subject of the clause after the quote."""
    lex = site.lex
    toks = site.after
    k = 0
    while k < len(toks) and toks[k].text in _LEAD:
        k += 1
    subject = noun_phrase(toks, k, lex)
    m = mention(subject, site.text, lex)
    if m is None or (m.kind == "nominal" and not _can_speak(m.head, lex)):
        return None
    return _speaker(m, mem, site, cue, "subject")


def _quoted_as(toks: list[Tok], mem: Memory, site: Site, cue: str, q: int) -> Found | None:
    """`X quoted Y as saying`: Y, the object of `quoted` (at `q`) up to its first comma or `as`; nothing unless
    an `as` followed by an -ing word comes within QUOTED_REACH words (`citing the move as a …` describes)."""
    reach = toks[q + 1:q + 1 + QUOTED_REACH]  # bounded: a sentence of cues costs linear time
    if not any(t.low == "as" and q + k + 2 < len(toks) and toks[q + k + 2].low.endswith("ing")
               for k, t in enumerate(reach)):
        return None
    cut = next((k for k, t in enumerate(reach) if t.text in (",", "(", "—", "–") or t.low == "as"), len(reach))
    return _speaker(mention(reach[:cut], site.text, site.lex), mem, site, cue, "quoted-as") if cut else None


def _speaker_of_region(region: list[Tok], toks: list[Tok], mem: Memory, site: Site, cue: str,
                       rule: str, cue_at: int) -> Found | None:
    """The speaker a subject phrase means: a document's author (`Facebook released a statement which read`),
    a possessive resolved to its owner in the same clause (`Znak.com reported its source said`)."""
    lex = site.lex
    m = mention(region, site.text, lex)
    start = toks.index(region[0]) if region and region[0] in toks else 0
    if m is not None and m.kind == "nominal" and m.head in lex.documents:
        by = agent_phrase(toks[start + len(region):cue_at], lex)  # `The report, published by Amnesty International,`
        m = author(region, lex, site.text) or (mention(by, site.text, lex) if by else None) \
            or mention(clause_subject(toks[:start], lex), site.text, lex) or m
    elif m is not None and m.kind == "nominal" and region and region[0].low in lex.possessives and start:
        owner = mention(clause_subject(toks[:start], lex), site.text, lex)
        who = mem.resolve(owner, lex) if owner is not None and owner.kind in ("person", "org", "acronym") else None
        if who:
            rest = site.text[region[1].start:region[-1].end] if len(region) > 1 else ""
            return Found(f"{who}’s {rest}" if "’" in site.text else f"{who}'s {rest}", cue.lower(), rule)
    return _speaker(m, mem, site, cue, rule)


def _without_asides(toks: list[Tok]) -> list[Tok]:
    """Without a parenthetical between dashes (`— which the BBC noted as unusual —`)."""
    dashes = [k for k, t in enumerate(toks) if t.text in DASHES]
    if len(dashes) >= 2:
        a, b = dashes[-2], dashes[-1]
        if b < len(toks) - 1 or b == len(toks) - 1:
            return toks[:a] + toks[b + 1:] if b + 1 < len(toks) else toks[:a]
    return toks


def _reduced_relative(toks: list[Tok], j: int, lex: Lexicon) -> bool:
    """`a process called “…”`: a participle right after a noun describes the noun; nobody speaks."""
    if j < 0:
        return False
    t = toks[j]
    return t.word and not t.cap and t.low not in lex.pronouns and t.low not in lex.relatives \
        and t.low not in lex.auxiliaries and t.low not in lex.be and t.low not in lex.person_nouns \
        and t.low not in lex.generic_orgs and t.low not in lex.org_heads


def _agent_after(site: Site, lex: Lexicon) -> list[Tok] | None:
    toks = site.after
    k = 0
    while k < len(toks) and toks[k].text in _LEAD:
        k += 1
    if k < len(toks) and toks[k].low in lex.agent:
        return phrase_after(toks, k + 1, lex) or None
    return None


# --- according to, a colon ----------------------------------------------------------------------------


_ACCORDING_REACH = 8
"""Words after a quote in which its `according to` may come, after a circumstance (`“…” last week, according to
a Woolworths spokesperson`)."""


def according_to(site: Site, mem: Memory) -> Found | None:
    """`According to X, “…”`, `“…,” according to X`, `selon X`, `laut X`."""
    lex = site.lex
    before = site.before
    after = site.after
    k = 0
    while k < len(after) and after[k].text in _LEAD:
        k += 1
    initial = _according_initial(before, site, mem)
    if initial is not None:
        return initial
    firsts = {phrase[0] for phrase in lex.according}
    for toks, lead in ((after[k:k + _ACCORDING_REACH], True), (before, False)):
        for i in range(len(toks)):
            if toks[i].low not in firsts:
                continue
            for phrase in lex.according:
                n = len(phrase)
                if tuple(t.low for t in toks[i:i + n]) == phrase and (not lead or i == 0 or (
                        toks[i - 1].text == "," and not any(t.masked or t.text in STOP for t in toks[:i]))):
                    who = phrase_after(toks if lead is False else after[k:], i + n, lex)
                    cut = next((m for m, t in enumerate(who) if t.text == ","), len(who))
                    if cut + 1 < len(who) and who[cut + 1].cap:
                        cut = next((m for m, t in enumerate(who) if t.text == "," and m > cut), len(who))
                    m = mention(who[:cut], site.text, lex)
                    if cut == 1 and who[0].low in lex.object_pronouns:  # `according to him`, `selon lui`
                        subject = lex.object_pronouns[who[0].low]
                        m = Mention("pronoun", subject, gender=lex.pronouns.get(subject))
                    if m is not None and m.kind == "nominal" and m.head in lex.documents:
                        rest = toks[i + n:] if lead is False else after[k + i + n:]  # `a tweet on Monday by X`
                        by = agent_phrase(list(itertools.takewhile(lambda t: t.text not in STOP, rest)), lex)
                        m = author(who[:cut], lex, site.text) or (mention(by, site.text, lex) if by else None) or m
                    found = _speaker(m, mem, site, " ".join(t.text for t in toks[i:i + n]), "according-to")
                    if found:
                        return found
    return None


def _according_initial(before: list[Tok], site: Site, mem: Memory) -> Found | None:
    """`Pour l'organisateur, Philippe Duval, la sécurité reste « … »`: a source that opens the sentence."""
    lex = site.lex
    words = [t for t in before if t.word]
    k = 0
    while k < len(words) and words[k].low in lex.discourse:
        k += 1
    if k >= len(words) or words[k].low not in lex.according_initial:
        return None
    start = before.index(words[k]) + 1
    commas = [n for n in range(start, len(before)) if before[n].text == ","]
    if not commas:
        return None
    end = commas[0]
    named = end + 1 + (end + 1 < len(before) and before[end + 1].low in ("l'", "l’", "la", "le"))
    if len(commas) > 1 and named < len(before) and before[named].cap:
        end = commas[1]  # `Pour l'organisateur, Philippe Duval,`
    elif len(commas) == 1 and named < len(before) and before[named].cap and before[-1].text == ":" \
            and len(before) - end < 8:
        start, end = end + 1, len(before) - 1  # `Pour la principale association …, l'April : « … »`
        return _speaker(mention(before[start:end], site.text, lex), mem, site, words[k].text, "according-to")
    m = mention(before[start:end], site.text, lex)
    if m is None or (m.kind == "nominal" and m.head not in lex.person_nouns and m.head not in lex.titles
                     and m.head not in lex.org_heads and m.head not in lex.generic_orgs and not _proper(m)):
        return None  # `Et pour la dernière période, « … »`: a time, not a source
    return _speaker(m, mem, site, words[k].text, "according-to")


def _proper(m: Mention) -> bool:
    """A name with its article (`Le Monde`, `L'Opinion`): every word after the article has a capital."""
    words = m.text.replace("'", "' ").replace("’", "’ ").split()[1:]
    return bool(words) and all(w[:1].isupper() for w in words)


def colon(site: Site, mem: Memory) -> Found | None:
    """`X was blunt: “…”`, `Un rapport de la Ligue arabe apporte la même conclusion : « … »`."""
    before = site.masked[site.start:site.span.start].rstrip()
    if not before.endswith(":"):
        return None
    subject = clause_subject(site.before[:-1], site.lex)
    m = mention(subject, site.text, site.lex)
    if m is not None and m.kind == "nominal" and not _can_speak(m.head, site.lex):
        return None  # `…the disease first recognized in Wuhan, China: “COVID-19”`
    return _speaker(m, mem, site, ":", "colon")


PASSES: tuple[tuple[str, Pass], ...] = (
    ("after-cue", after_cue),
    ("before-cue", before_cue),
    ("according-to", according_to),
    ("colon", colon),
)
"""The passes that read a quote's own sentence, in the order they are tried."""
