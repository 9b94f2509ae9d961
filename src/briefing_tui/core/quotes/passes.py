"""The named passes of attribution, tried in order for each quote; the first that finds a speaker wins.

Each pass reads the quote's sentence (a `Site`, `site.py`) through the paragraph's lexicon and asks the
article's memory to resolve what it found; none of them changes the memory. Here: a cue after the quote and a
cue before it; `sources.py`: `according to` and a colon. `PASSES` is the order; `attribution.py` runs them and
then the passes that need the quotes before (continuation, follow-on, context).
"""

from __future__ import annotations

from briefing_tui.core.quotes.authors import agent_phrase, author, object_author, phrase_after
from briefing_tui.core.quotes.clauses import (
    DASHES,
    MAX_SUBJECT,
    REFLEXIVE,
    STOP,
    clause_subject,
    drop_parentheses,
    is_adverb,
    is_cue,
    noun_phrase,
)
from briefing_tui.core.quotes.lexicon import Lexicon
from briefing_tui.core.quotes.memory import Memory
from briefing_tui.core.quotes.names import JOINERS, is_given_name
from briefing_tui.core.quotes.phrases import Mention, mention
from briefing_tui.core.quotes.site import Found, Pass, Site, can_speak, past_lead, speaker
from briefing_tui.core.quotes.sources import according_at, according_to, colon
from briefing_tui.core.quotes.subjects import subject_ending, subject_of
from briefing_tui.core.quotes.tokens import Tok

__all__ = ["PASSES", "Found", "Pass", "Site"]

_QUOTED_AS = frozenset(("quoted", "quoting", "cited", "citing", "quotes", "cites"))
"""`Politico quoted Tim Manning, a former FEMA official, as saying “…”`: the person quoted speaks."""
QUOTED_REACH = 30
"""Words after `quoted` searched for its `as saying`."""


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
    i = past_lead(toks)
    closed = i > 0 or site.masked[site.span.text_end - 1:site.span.text_end] in ".!?…,]"
    toks = toks[i:]
    if not toks or toks[0].masked:
        return None
    closed = closed or (not strict and (_name_then_cue(toks, lex) or _pronoun_then_cue(toks, lex)))  # `“…” Smith
    # told Wikinews`, `"… producers" he said.`: comma or not
    first = toks[0]
    if lex.code == "fr" and "-" in first.text:  # `a-t-il précisé`, `explique-t-elle`, `dit-il`
        verb, _, pronoun = first.low.rpartition("-")
        verb = verb.removesuffix("-t")
        if pronoun in lex.pronouns:
            k = 1
            while k < min(len(toks), 4) and toks[k].low in lex.adverbs:
                k += 1  # `a-t-il aussi précisé`
            cue = verb if verb in lex.cues or verb in lex.inverted_cues else (
                toks[k].low if len(toks) > k and toks[k].low in lex.cues else "")
            if cue:
                return speaker(Mention("pronoun", pronoun, gender=lex.pronouns[pronoun]), mem, site, cue,
                                "after-cue")
    if first.low in _SUBORDINATORS and not strict:
        comma = next((m for m in range(2, min(len(toks), _ASIDE + 4)) if toks[m].text == ","), None)
        if comma is not None and comma + 1 < len(toks) \
                and not any(t.masked or t.text in STOP for t in toks[1:comma]):
            toks = toks[comma + 1:]  # `« L’apparence compte » quand on exerce une fonction publique, répond
            first = toks[0]  # encore Moscovici`: a clause of its own between the quote and its cue
    if lex.code == "fr" and first.low == "comme" and len(toks) > 3 and toks[1].low in ("l'", "l’", "le"):
        toks = toks[2:]  # `« … », comme l'a lancé un de ses porte-paroles, Olivier Goudet`: as X said it
        first = toks[0]
    if lex.code == "de" and first.low == "so" and len(toks) > 1 and (toks[1].cap or toks[1].low in lex.determiners):
        return speaker(mention(phrase_after(toks, 1, lex), site.text, lex), mem, site, "so", "after-cue")
    k = 0
    while k < len(toks) and not toks[k].cap:
        if toks[k].low in lex.auxiliaries or toks[k].low in lex.clitics or is_adverb(toks, k, lex):
            k += 1  # `», avait récemment annoncé le porte-parole`
        elif aside := _aside_at(toks, k, lex):  # `», a pour sa part commenté l'Automobile club de Monaco`
            k += aside
        else:
            break
    cue_at = _past_modal(toks, k, lex)
    infinitive, k = cue_at != k, cue_at  # `a tenu à préciser`: the infinitive is the cue
    if k < len(toks) and (infinitive or is_cue(toks, k, lex)) and not toks[k].low.endswith(("ing", "ant")):
        if strict and k == 0:
            return None
        if lex.code == "fr" and toks[k].low.endswith(_PARTICIPLE_ENDINGS) \
                and not any(t.low in lex.auxiliaries for t in toks[:k]):
            return None  # `d'« homme violent », déjà condamné plusieurs fois par la justice`: a past participle
            # with no auxiliary describes; an inverted cue is `a déclaré X`, `déclare X`
        start = _past_aside(toks, k + 1, lex)
        while start + 1 < len(toks) and toks[start].low in lex.adverbs and not toks[start].cap:
            start += 1  # `», souligne encore l'Élysée`
        phrase = phrase_after(toks, start, lex)
        if not phrase:
            return None
        m = mention(phrase, site.text, lex)
        if m is None or (not _subject_start(phrase[0], lex) and m.kind != "person"):
            return None  # `“Politics and the English Language” warned against …`: no subject after the cue
        if m.kind == "nominal" and m.head in lex.documents:
            m = author(phrase, lex, site.text) or m  # `reads an AEW press release`
        return speaker(m, mem, site, toks[k].text, "after-cue")
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
            if c + 2 < len(toks) and toks[c + 1].low in _INTRODUCERS and any(t.masked for t in toks[c + 2:c + 4]):
                return None  # `…pour « financement du terrorisme », les Roy rapportent que « … »`: the cue is the
                # next quote's
            if t.low in _QUOTED_AS and (found := _quoted_as(toks, mem, site, t.text, c)):
                return found  # `“…,” Detik.com quoted Djamal as saying`: the one quoted
            m = mention(toks[:end], site.text, lex)
            if m is not None and not _subject_start(first, lex) and m.kind != "person":
                return None  # `proposal and accused`: not a subject
            return speaker(m, mem, site, t.text, "after-cue")
    return None if strict else _closing_cue(toks, site, mem)


_PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées")
"""How a French past participle of a reporting verb ends (`déclaré`, `condamnée`), where no present tense does."""
_SUBORDINATORS = frozenset(("quand", "lorsque", "when", "wenn"))
"""Words that open a clause of time after a quote, before an inverted cue."""
_INTRODUCERS = frozenset(("que", "qu'", "qu’", "that", "dass", ":"))
"""Words after a cue that introduce the words said: a quote right after them is the cue's."""
_NAME_WORDS_BEFORE_CUE = 6
"""Capitalised words a name right after a quote may have before its cue."""
_PLACE = frozenset(("of", "from", "at", "de", "du", "des"))
"""Words that open where a person named right after a quote is from."""


_ASIDE = 8
"""Words at most in an aside between a cue and its subject (`a confié, à Reuters, le directeur`)."""


def _aside_at(toks: list[Tok], k: int, lex: Lexicon) -> int:
    """The length of a set phrase at `k` that stands aside in a clause (`pour sa part`, `de son côté`), or 0."""
    low = toks[k].low
    return next((len(a) for a in lex.asides if a[0] == low and len(a) > 1
                 and tuple(t.low for t in toks[k:k + len(a)]) == a), 0)


def _past_aside(toks: list[Tok], k: int, lex: Lexicon) -> int:
    """Where the subject starts after an inverted cue: past an aside between commas right after the cue (`a
    confié, à Reuters, le directeur de cabinet`, `said, on Monday, the chief of staff`), or a set phrase with no
    commas (`a confié pour sa part la mère`)."""
    if k + 1 < len(toks) and (aside := _aside_at(toks, k, lex)) and k + aside < len(toks):
        return k + aside
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


def _pronoun_then_cue(toks: list[Tok], lex: Lexicon) -> bool:
    """A pronoun right after the quote, then its cue, then the sentence's end (`"… producers" he said.`, `…
    normal,'" he said.`): a cue with no comma before it; not `the "sorry" he said was not enough`."""
    if not toks or toks[0].cap or toks[0].low not in lex.pronouns:
        return False
    k = 1
    while k < len(toks) and not toks[k].cap and (toks[k].low in lex.auxiliaries or is_adverb(toks, k, lex)):
        k += 1
    return k < len(toks) and is_cue(toks, k, lex) and (k + 1 == len(toks) or toks[k + 1].text in ".,;!?")


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
    if m is None or (m.kind == "nominal" and not can_speak(m.head, lex)):
        return None
    return speaker(m, mem, site, toks[k].text, "after-cue")


def _subject_start(t: Tok, lex: Lexicon) -> bool:
    return t.cap or t.low in lex.determiners or t.low in lex.possessives or t.low in lex.pronouns \
        or t.low in lex.it_pronouns or t.low in lex.titles or t.low in lex.person_nouns


_THAT = frozenset(("that", "que", "qu'", "qu’", "dass"))
"""The words that open a reported clause."""


def _bare_cue(toks: list[Tok], c: int, lex: Lexicon) -> bool:
    """After `X said`, nothing of its own was said: no quote, no `that`, only a few words (`told the press`)."""
    rest = toks[c + 1:]
    return len(rest) <= 12 and not any(t.masked or t.low in _THAT or t.low in lex.be
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
    sourced = _according_clause(toks, lex)
    for c in range(len(toks) - 1, -1, -1):
        if not is_cue(toks, c, lex) and not (toks[c].low in lex.passive_cues and c + 1 < len(toks)
                                             and (toks[c + 1].low in lex.agent or toks[c + 1].low in ("as", "comme"))):
            continue  # a cue, or a description by someone (`qualifié par les enquêteurs d'« … »`, `classé comme
            # « … » par les Nations unies`: its agent after the quote)
        cue = toks[c]
        if sourced >= c + 2:
            return None  # `revealed the discovery, and according to its author, it is “…”`: the source is named
        j = c - 1
        passive = False
        while j >= 0 and not toks[j].cap and (toks[j].low in lex.auxiliaries or is_adverb(toks, j, lex)
                                              or toks[j].low in lex.be):
            reflexive = j > 0 and toks[j - 1].low in REFLEXIVE  # `s'est dit`: no passive
            passive = passive or (toks[j].low in lex.be and not reflexive)
            j -= 1
        passive = passive and not cue.low.endswith(("ing", "ant"))  # `was saying` is no passive
        if passive and cue.low in _ACTIVE_ONLY:
            continue  # `the issue should be decided by Congress`: settled, not said
        if passive or (cue.low in lex.passive_cues and (c == len(toks) - 1 or toks[c + 1].low in ("as", "comme")
                                                        or toks[c + 1].low in lex.agent)  # `described by X as`
                       and _reduced_relative(toks, j, lex)):
            agent = agent_phrase(toks[c + 1:], lex) or _agent_after(site, lex)
            if agent:
                found = speaker(mention(agent, site.text, lex), mem, site, cue.text, "passive-agent")
                if found:
                    return found
            continue
        if cue.low in _QUOTED_AS and (found := _quoted_as(toks, mem, site, cue.text, c)):
            return found
        quoted = object_author(toks[c + 1:], lex, site.text)  # `citing the Chuck Jones quote that “…”`
        if quoted is not None and (found := speaker(quoted, mem, site, cue.text, "before-cue")):
            return found
        subject = subject_of(toks, c, lex)
        if subject is None or not subject[0]:
            continue
        region, rule = subject
        voice = _voice(toks, c, lex)
        if voice and (found := speaker(mention(voice, site.text, lex), mem, site, cue.text, rule)):
            return found
        if region and c > 0 and toks[c - 1].low in lex.relatives:
            m = mention(region, site.text, lex)
            if m is not None and m.kind == "nominal" and not can_speak(m.head, lex) \
                    and not any(t.cap and t.low in lex.org_heads for t in region):
                complement = _speaking_complement(region, site, lex) if c > 1 and toks[c - 2].text == "," else None
                if complement is None:
                    continue  # `holding signs which read “…”`: what a sign says has no speaker; `la Commission
                    # européenne de Bruxelles qui regrette`: a body (French puts the adjective after its noun)
                region = complement  # `des représailles de l'organisation islamique, qui affirme « … »`
        if region and _a_thing(mention(region, site.text, lex), region, lex):
            if rule == "subject" and toks[c].low.endswith(("ing", "ant")):
                continue  # `a déclaré sa candidature en affirmant`, `L'attaque a été revendiquée … ajoutant`: a
                # participle's subject is someone, not a thing the clause was about
            if _reported_by_cue(region, toks, c, lex):
                continue  # `Rice said the bombings underlined “…”`: Rice's words, not the bombings'
        found = _speaker_of_region(region, toks, mem, site, cue.text, rule, c)
        if found:
            return found
    return None


def _past_modal(toks: list[Tok], k: int, lex: Lexicon) -> int:
    """Where the cue is after a modal (`a tenu à préciser`, `a cru bon de rappeler`): the infinitive of a cue
    (French: `préciser`, as `précisé` is a cue); else `k`."""
    if k >= len(toks) or toks[k].low not in lex.modals:
        return k
    j = k + 1
    while j < min(len(toks), k + 4) and toks[j].low in _MODAL_LINKS:
        j += 1
    if j < len(toks) and not toks[j].cap and toks[j].low.endswith("er") and toks[j].low[:-2] + "é" in lex.cues:
        return j
    return k


_MODAL_LINKS = frozenset(("à", "de", "d'", "d’", "bon"))


def _a_thing(m: Mention | None, region: list[Tok], lex: Lexicon) -> bool:
    """Whether the subject phrase `region` (its mention `m`) names a thing that cannot speak (`the bombings`), not
    people (`Trois adjoints …`) or a document's author, maybe (`a link to the FNA article page …`)."""
    return m is not None and m.kind == "nominal" and not can_speak(m.head, lex) and not can_speak(m.head[:-1], lex) \
        and not any(t.cap for t in region[1:])


def _reported_by_cue(region: list[Tok], toks: list[Tok], c: int, lex: Lexicon) -> bool:
    """Whether the subject `region` of the cue at `c` opens a clause reported by the cue right before it
    (`Condoleezza Rice said the bombings underlined “…”`, `said that the report showed`): that cue's subject is
    then the speaker, when the subject is a thing."""
    k = next((k for k in range(c) if toks[k] is region[0]), 0) - 1  # the word before the subject: the cue that
    if k >= 1 and toks[k].low in _THAT:  # reports the clause, or its `that`
        k -= 1
    return k >= 0 and is_cue(toks, k, lex)


def _speaking_complement(region: list[Tok], site: Site, lex: Lexicon) -> list[Tok] | None:
    """The complement that ends a phrase whose head cannot speak, when it names someone who can: what a relative
    clause after a comma is about (`des représailles de l'organisation islamique, qui affirme`)."""
    for k in range(len(region) - 1, 0, -1):
        if (region[k].low in lex.determiners or (region[k].cap and region[k].word)) \
                and region[k - 1].low in lex.prepositions:  # `le cas de Cyprien, qui commente`: a name, bare
            m = mention(region[k:], site.text, lex)
            if m is not None and (m.kind in ("person", "org", "acronym")
                                  or (m.kind == "nominal" and can_speak(m.head, lex))):
                return region[k:]
            return None
    return None


_ACTIVE_ONLY = frozenset(("decided", "decides", "décidé", "décide"))
"""Cues only in the active voice: `the court decided, “…”` reports a ruling; `was decided by` says nothing."""


def _voice(toks: list[Tok], c: int, lex: Lexicon) -> list[Tok]:
    """The person who spoke for the subject, named after its cue at `c` (`a répondu par la voix du
    lieutenant-colonel René Ngendahimana, porte-parole de l'armée`), up to a comma; else nothing."""
    n = len(lex.voice_of)
    for i in range(c + 1, min(len(toks) - n, c + 4)):  # the words come right after the cue, or an adverb or two
        if n and tuple(t.low for t in toks[i:i + n]) == lex.voice_of:
            k = i + n + 1  # past `de`, `du`, `d'`, `des` (there: the range stops n words before the end)
            if toks[k - 1].low in lex.prepositions:
                end = next((j for j in range(k, len(toks)) if not toks[j].word), len(toks))
                return toks[k:end]
    return []


def _according_clause(toks: list[Tok], lex: Lexicon) -> int:
    """Where the last `according to` that opens a clause of its own starts (after `and`, `but` or a
    semicolon), or -1: a cue at least two words before it (past its object) is not its quote's."""
    return next((i for i in range(len(toks) - 1, 0, -1)
                 if toks[i - 1].low in _CLAUSE_LINKS and according_at(toks, i, lex)), -1)


_CLAUSE_LINKS = frozenset({"and", "but", ";", "et", "mais", "und", "aber"})


def _opening_participle(site: Site, mem: Memory, cue: str) -> Found | None:
    """A sentence that opens with a participle cue (`Calling it a “culture of death” the archbishop said`,
    `Estimant que « … », il vota contre`): the speaker is the subject of the clause after the quote."""
    lex = site.lex
    toks = site.after
    k = past_lead(toks)
    subject = noun_phrase(toks, k, lex)
    m = mention(subject, site.text, lex)
    if m is None or (m.kind == "nominal" and not can_speak(m.head, lex)):
        return None
    return speaker(m, mem, site, cue, "subject")


def _quoted_as(toks: list[Tok], mem: Memory, site: Site, cue: str, q: int) -> Found | None:
    """`X quoted Y as saying`: Y, the object of `quoted` (at `q`) up to its first comma or `as`; nothing unless
    an `as` followed by an -ing word comes within QUOTED_REACH words (`citing the move as a …` describes)."""
    reach = toks[q + 1:q + 1 + QUOTED_REACH]  # bounded: a sentence of cues costs linear time
    if not any(t.low == "as" and q + k + 2 < len(toks) and toks[q + k + 2].low.endswith("ing")
               for k, t in enumerate(reach)):
        return None
    cut = next((k for k, t in enumerate(reach) if t.text in (",", "(", "—", "–") or t.low == "as"), len(reach))
    return speaker(mention(reach[:cut], site.text, site.lex), mem, site, cue, "quoted-as") if cut else None


def _speaker_of_region(region: list[Tok], toks: list[Tok], mem: Memory, site: Site, cue: str,
                       rule: str, cue_at: int) -> Found | None:
    """The speaker a subject phrase means: a document's author (`Facebook released a statement which read`),
    a possessive resolved to its owner in the same clause (`Znak.com reported its source said`)."""
    lex = site.lex
    if len(region) > 2 and region[0].low in lex.prepositions and region[0].low not in _PARTITIVE \
            and region[1].low in lex.determiners:
        region = region[1:]  # `Parmi les commentaires rapportés par l'AFP, on y dénonce`: whose words, not where
    start = toks.index(region[0]) if region and region[0] in toks else 0
    joins = [k for k, t in enumerate(region) if t.low in JOINERS]
    if len(joins) == 1 and (both := _joint(region[:joins[0]], region[joins[0]], region[joins[0] + 1:], site, mem)):
        return Found(both, cue.lower(), rule)  # `John Howard and Ian MacDonald announced`
    if not joins and start >= 2 and toks[start - 1].low in JOINERS and toks[start - 2].word \
            and (both := _joint(subject_ending(toks, start - 2, lex), toks[start - 1], region, site, mem)):
        return Found(both, cue.lower(), rule)  # the same, the subject found after the `and`
    m = mention(region, site.text, lex)
    if m is not None and m.kind == "nominal" and m.head in lex.documents:
        by = agent_phrase(toks[start + len(region):cue_at], lex)  # `The report, published by Amnesty International,`
        document = m
        m = author(region, lex, site.text) or (mention(by, site.text, lex) if by else None) \
            or mention(clause_subject(toks[:start], lex), site.text, lex) or m
        lead = next((t for t in region if t.word), None)
        if m is document and lead is not None and lead.low in lex.prepositions and lead.low not in _PARTITIVE:
            return None  # `« … » dans un communiqué en expliquant`: where the words were, not who wrote them
    elif m is not None and m.kind == "nominal" and region and region[0].low in lex.possessives and start:
        owner = mention(clause_subject(toks[:start], lex), site.text, lex)
        who = mem.resolve(owner, lex) if owner is not None and owner.kind in ("person", "org", "acronym") else None
        if who:
            rest = site.text[region[1].start:region[-1].end] if len(region) > 1 else ""
            return Found(f"{who}’s {rest}" if "’" in site.text else f"{who}'s {rest}", cue.lower(), rule)
    return speaker(m, mem, site, cue, rule)


def _joint(left: list[Tok], joiner: Tok, right: list[Tok], site: Site, mem: Memory) -> str | None:
    """Two people joined as one subject, each named in full (`Australian Prime Minister John Howard and federal
    industry minister Ian MacDonald announced`), or two given names sharing a family name (`Thierry et Véronique
    Roy`): both are the speaker, as the text joins them; None for anything else (`Pfizer and BioNTech`, `Smith
    and his lawyer`, `the minister and Ian MacDonald`)."""
    lex = site.lex
    while right and not right[-1].cap:
        right = right[:-1]  # `… Ian MacDonald today announced`
    if len(left) > 1 and left[0].low in lex.determiners and left[1].cap:
        left = left[1:]  # `The UAW President Ron Gettelfinger and …`
    if not left or not right or any(not t.word or t.masked for t in (*left, *right)):
        return None
    second = mention(right, site.text, lex)
    if second is None or second.kind != "person" or len(second.text.split()) < 2:
        return None
    if len(left) == 1 and is_given_name(left[0].text) and len(right) == 2 and right[0].cap \
            and is_given_name(right[0].text):  # `Thierry et Véronique Roy`
        return site.text[left[0].start:right[-1].end]
    first = mention(left, site.text, lex)
    if first is None or first.kind != "person" or len(first.text.split()) < 2:
        return None
    one, other = mem.resolve(first, lex), mem.resolve(second, lex)
    if not one or not other or one == other or not all(is_given_name(who.split()[0]) for who in (one, other)):
        return None  # `Longtime Imus in the Morning writer and performer Rob Bartlett`, `Deputy Advisor for Homeland
        # Security and Counterterrorism John O. Brennan`: a title's words, not a second person
    return f"{one} {joiner.text} {other}"


_PARTITIVE = frozenset(("de", "du", "des", "d'", "d’", "of"))
"""Prepositions that open a subject too (`Des manifestants ont dénoncé`, `Of those polled, most said`)."""


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
    if t.text == "," and j + 2 < len(toks) and toks[j + 2].low in lex.agent:
        return True  # `un détenu en fuite, qualifié par les enquêteurs d'« homme violent »`: a participle
        # clause, its agent named
    return t.word and not t.cap and t.low not in lex.pronouns and t.low not in lex.relatives \
        and not (t.low in lex.clitics and j > 0 and toks[j - 1].text == ",") \
        and t.low not in lex.auxiliaries and t.low not in lex.be and t.low not in lex.person_nouns \
        and t.low not in lex.generic_orgs and t.low not in lex.org_heads


def _agent_after(site: Site, lex: Lexicon) -> list[Tok] | None:
    toks = site.after
    k = past_lead(toks)
    if k < len(toks) and toks[k].low in lex.agent:
        return phrase_after(toks, k + 1, lex) or None
    return None


PASSES: tuple[tuple[str, Pass], ...] = (
    ("after-cue", after_cue),
    ("before-cue", before_cue),
    ("according-to", according_to),
    ("colon", colon),
)
"""The passes that read a quote's own sentence, in the order they are tried."""
