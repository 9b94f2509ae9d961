"""The passes that find a quote's source named apart from a cue: `according to X`, `selon X`, `Pour X, …`, and
the subject of the clause a colon ends."""

from __future__ import annotations

import itertools

from briefing_tui.core.quotes.authors import agent_phrase, author, phrase_after
from briefing_tui.core.quotes.clauses import STOP, clause_subject
from briefing_tui.core.quotes.lexicon import Lexicon
from briefing_tui.core.quotes.memory import Memory
from briefing_tui.core.quotes.names import is_given_name
from briefing_tui.core.quotes.phrases import Mention, mention
from briefing_tui.core.quotes.site import Found, Site, can_speak, past_lead, speaker
from briefing_tui.core.quotes.tokens import Tok

_ACCORDING_REACH = 8
"""Words after a quote in which its `according to` may come, after a circumstance (`“…” last week, according to
a Woolworths spokesperson`)."""


def according_at(toks: list[Tok], i: int, lex: Lexicon) -> int:
    """How many words an `according to` (`selon`, `laut`, …) that starts at `i` has, or 0 (no two of a
    lexicon's phrases start with the same word)."""
    first = toks[i].low
    for phrase in lex.according:
        if phrase[0] == first and tuple(t.low for t in toks[i:i + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def according_to(site: Site, mem: Memory) -> Found | None:
    """`According to X, “…”`, `“…,” according to X`, `selon X`, `laut X`."""
    lex = site.lex
    before = site.before
    after = site.after
    k = past_lead(after)
    initial = _according_initial(before, site, mem)
    if initial is not None:
        return initial
    aside = _parenthesis(after[k:k + _ACCORDING_REACH * 2])  # `« … » (moins d'une heure), d'après les autorités`
    for toks, lead, skip in ((after[k:k + _ACCORDING_REACH + aside], True, aside), (before, False, 0)):
        for i in range(len(toks)):
            n = according_at(toks, i, lex)
            if n and (not lead or i == 0 or (
                    toks[i - 1].text == "," and (not any(t.masked or t.text in STOP for t in toks[skip:i])
                                                 or _joined_quotes(toks[skip:i - 1])))):
                who = phrase_after(toks if lead is False else after[k:], i + n, lex)
                cut = next((m for m, t in enumerate(who) if t.text == ","), len(who))
                if cut + 1 < len(who) and who[cut + 1].cap and (lead or not _a_name(who[:cut], site.text, lex)):
                    cut = next((m for m, t in enumerate(who) if t.text == "," and m > cut), len(who))  # `selon
                    # Jean Dupont, Ministre de la Santé,`; not `Selon l'IGF, Business France, …, « … »`: the clause
                m = mention(who[:cut], site.text, lex)
                rest = toks[i + n:] if lead is False else after[k + i + n:]
                if cut == 1 and who[0].low in lex.object_pronouns:  # `according to him`, `selon lui`
                    subject = lex.object_pronouns[who[0].low]
                    m = Mention("pronoun", subject, gender=lex.pronouns.get(subject))
                if m is not None and m.kind == "nominal" and m.head in lex.documents:
                    by = agent_phrase(list(itertools.takewhile(lambda t: t.text not in STOP, rest)), lex)
                    m = author(who[:cut], lex, site.text) or (mention(by, site.text, lex) if by else None) or m
                source = _reported_by(rest[:next((c for c, x in enumerate(rest) if x.text == ","), len(rest))], lex)
                # `selon ce qu'a confié Rodrigue`, `Selon ce qu'a confié à France Info Jacques Witkowski,`
                if source:
                    m = mention(source, site.text, lex) or m
                found = speaker(m, mem, site, " ".join(t.text for t in toks[i:i + n]), "according-to")
                if found:
                    return found
    return None


_JOINING = frozenset(("et", "and", "und", ",", "\"", "“", "”", "«", "»", "„"))


def _joined_quotes(toks: list[Tok]) -> bool:
    """Whether only `and` and another quote stand between a quote and its source (`« … » et « … », selon X`)."""
    return bool(toks) and toks[0].low in ("et", "and", "und") and any(t.masked for t in toks) \
        and all(t.masked or t.low in _JOINING for t in toks)


def _a_name(toks: list[Tok], text: str, lex: Lexicon) -> bool:
    m = mention(toks, text, lex)
    return m is not None and m.kind in ("person", "org", "acronym")


_FROM = frozenset(("from", "von"))
"""`a statement from the king`: who a document is from (French `de` is too often whose subject it is)."""
_TO = frozenset(("à", "au", "aux"))


def _said(word: str, lex: Lexicon) -> bool:
    """A cue, or its participle agreed (`confiées`, `confiés`: `confié`)."""
    return word in lex.cues or word.removesuffix("s").removesuffix("e") in lex.cues


def _reported_by(toks: list[Tok], lex: Lexicon) -> list[Tok]:
    """Who gave what an `according to` reports: `ce qu'a confié Rodrigue`, `ce qu'a confié à France Info Jacques
    Witkowski` (the name after the medium), `les informations que le procureur a confiées à l'AFP`, `les
    renseignements confiés par une source au Parisien`; else nothing."""
    if not toks or toks[0].low not in ("ce", "les", "le", "la", "l'", "l’"):
        return []
    for i in range(1, len(toks)):
        t = toks[i]
        if t.low in ("que", "qu'", "qu’"):
            rest = toks[i + 1:]
            if len(rest) >= 3 and rest[0].low in lex.auxiliaries and _said(rest[1].low, lex):  # `qu'a confié X`
                if rest[2].low not in _TO:
                    return rest[2:]
                run = [x for x in rest[3:] if x.word]
                given = next((g for g in range(1, len(run)) if run[g].cap and is_given_name(run[g].text)), None)
                return run[given:] if given else []  # `à France Info Jacques Witkowski`: the medium, then the name
            aux = next((n for n, x in enumerate(rest) if x.low in lex.auxiliaries), None)
            if aux and aux + 1 < len(rest) and _said(rest[aux + 1].low, lex):
                return rest[:aux]  # `que le procureur a confiées`
            return []
        if t.low == "par" and i >= 2 and _said(toks[i - 1].low, lex):  # `confiés par une source au Parisien`
            rest = toks[i + 1:]
            return rest[:next((n for n, x in enumerate(rest) if x.low in _TO), len(rest))]
    return []


def _parenthesis(toks: list[Tok]) -> int:
    """Where the words after a parenthesis that opens `toks` start (`(moins d'une heure)`), or 0."""
    if not toks or toks[0].text != "(":
        return 0
    close = next((k for k, t in enumerate(toks) if t.text == ")" or t.masked), None)
    return close + 1 if close is not None and toks[close].text == ")" else 0


_CLAUSE_JOINS = frozenset("que qu' qu’ tandis alors mais et while whereas but and während aber und".split())
"""Words a clause opens with, after which a source may open it as it opens a sentence (`tandis que, pour X, « … »`)."""


_LEAD = 4
"""Words at most before a comma that opens a sentence ahead of its source (`À l'inverse, pour X, « … »`)."""


def _according_initial(before: list[Tok], site: Site, mem: Memory) -> Found | None:
    """`Pour l'organisateur, Philippe Duval, la sécurité reste « … »`: a source that opens the sentence."""
    lex = site.lex
    words = [t for t in before if t.word]
    k = 0
    while k < len(words) and words[k].low in lex.discourse:
        k += 1
    lead = next((n for n, t in enumerate(before[:_LEAD + 1]) if t.text == ","), None)
    if (k >= len(words) or words[k].low not in lex.according_initial) and lead is not None \
            and lead + 1 < len(before) and before[lead + 1].low in lex.according_initial \
            and all(t.word and not t.masked for t in before[:lead]):
        k = words.index(before[lead + 1])  # `À l'inverse, pour la journaliste Martine Orange, « … »`: after a
        # sentence's opening words
    if k >= len(words) or words[k].low not in lex.according_initial:
        # or one that opens a later clause: `… a lancé Donald Tusk tandis que, pour le président de la Commission
        # européenne Jean-Claude Juncker, « … »`
        k = next((n for n in range(len(words) - 1, 0, -1) if words[n].low in lex.according_initial
                  and words[n - 1].low in _CLAUSE_JOINS), len(words))
        if k >= len(words):
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
        return speaker(mention(before[start:end], site.text, lex), mem, site, words[k].text, "according-to")
    source = _reported_by(before[start:end], lex)  # `Selon ce qu'a confié à France Info Jacques Witkowski,`
    m = mention(source or before[start:end], site.text, lex)  # `Pour lui, « … »`: the person `il` means
    if m is not None and m.kind == "pronoun" and m.text in lex.plural_pronouns:
        return None  # `Pour eux`: a group the text may not have named
    if m is None or (m.kind == "nominal" and m.head not in lex.person_nouns and m.head not in lex.titles
                     and m.head not in lex.org_heads and m.head not in lex.generic_orgs and not _proper(m)):
        return None  # `Et pour la dernière période, « … »`: a time, not a source
    return speaker(m, mem, site, words[k].text, "according-to")


def _proper(m: Mention) -> bool:
    """A name with its article (`Le Monde`, `L'Opinion`): every word after the article has a capital."""
    words = m.text.replace("'", "' ").replace("’", "’ ").split()[1:]
    return bool(words) and all(w[:1].isupper() for w in words)


def colon(site: Site, mem: Memory) -> Found | None:
    """`X was blunt: “…”`, `Un rapport de la Ligue arabe apporte la même conclusion : « … »`."""
    before = site.masked[site.start:site.span.start].rstrip()
    if not before.endswith(":"):
        return None
    toks = site.before[:-1]
    for k in range(len(toks) - 2, 0, -1):  # `issued the following statement from the king:`: its author
        if toks[k].low in site.lex.documents and toks[k + 1].low in _FROM:
            source = mention(phrase_after(toks, k + 2, site.lex), site.text, site.lex)
            found = speaker(source, mem, site, ":", "colon")
            if found and source is not None and (source.kind in ("person", "pronoun") or found.speaker in mem.bodies
                                                 or (source.kind == "nominal" and can_speak(source.head, site.lex))):
                return found  # not `the Cruise video from the Internet:`
            break
    subject = clause_subject(toks, site.lex)
    m = mention(subject, site.text, site.lex)
    if m is not None and m.kind == "nominal" and not can_speak(m.head, site.lex):
        return None  # `…the disease first recognized in Wuhan, China: “COVID-19”`
    return speaker(m, mem, site, ":", "colon")
