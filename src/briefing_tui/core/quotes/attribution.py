"""Rule-based speaker attribution (docs/quotes.md): a speaker only when the text supports one.

The walk reads an article in order. Unquoted text teaches the article's memory who was named, what they were
called and whom each sentence was about (`memory.py`); each quote is then given to the first of the named
passes that finds its speaker (`passes.py`): a cue after it, a cue before it, `according to`, a colon, and,
for a quote with no cue of its own, the quote it continues, the quote before it in the paragraph, or the
person the sentence before was about. Every paragraph is read with its language's words (`lexicon_*.py`).
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from briefing_tui.core import versions
from briefing_tui.core.quotes import lexicon_de, lexicon_en, lexicon_fr
from briefing_tui.core.quotes.clauses import clause_subject, is_cue
from briefing_tui.core.quotes.lexicon import Lexicon, counts, detect, fold, own_words
from briefing_tui.core.quotes.memory import Memory
from briefing_tui.core.quotes.names import PRONOUN_GENDER, is_given_name, word_gender
from briefing_tui.core.quotes.passes import PASSES, Site
from briefing_tui.core.quotes.phrases import (
    ABBREVIATIONS,
    MASK,
    PARTICLES,
    Mention,
    Tok,
    is_org,
    is_title,
    mention,
    name_text,
    nominal_head,
    person_name,
    run_end,
    tokenize,
)
from briefing_tui.core.quotes.spans import Span

RULES_VERSION = versions.RULES_VERSION
"""Bump it in `versions` when the rules change what they find: the index stores speakers."""
MAX_ATTRIBUTED = 5000
"""Quotes past this many in one article get no speaker: no real article has so many, a hostile one must not stall."""
WINDOW = 400
"""How far before and after a quote attribution reads its sentence, at most (so a long one stays linear)."""
NEIGHBOURS = 3
"""How many quotes away a quote's reading stops: a cue is never further, and text dense with quotes stays cheap."""
LEXICONS: tuple[Lexicon, ...] = (lexicon_en.LEXICON, lexicon_fr.LEXICON, lexicon_de.LEXICON)
_OWN_WORDS = own_words(LEXICONS)
RULES = (*(name for name, _ in PASSES), "pronoun", "appositive", "subject", "passive-agent", "continuation",
         "follow-on", "sentence-subject", "context")
"""Every value a quote's `rule` can take: the pass that attributed it."""


class Attribution(NamedTuple):
    """Who said a quote, the cue that ties them, and the pass that decided; all None without a speaker."""

    speaker: str | None
    cue: str | None
    rule: str | None


NOBODY = Attribution(None, None, None)
_SENTENCE_END = re.compile(r"[.!?](?<![.!?]{2})[.!?]*+[\"”’»)]*+\s+(?=[\"“‘„«»(]?[A-ZÀ-Þ\u2063])")
"""Only the first mark of a run starts a match, and nothing is given back: a run of 30,000 full stops
cost a quadratic 22 s when each of its marks started a match that scanned to the end of the run. The
pattern starts with the mark itself (the look back comes after it) so that the search skips ahead to
the next mark: starting with the look back made it try every position, four times slower."""
_WORD_BEFORE = re.compile(r"(\w+)\.$")
_QUOTE_END_MARKS = ".!?…,"


def attribute(paragraphs: list[str] | tuple[str, ...], spans: list[Span]) -> list[Attribution]:
    """(speaker, cue, rule) for each span, in order."""
    if not spans:
        return []
    sample = ""
    for paragraph in paragraphs:  # the article's first 400 characters tell its language
        sample += paragraph[:400 - len(sample)] + " "
        if len(sample) >= 400:
            break
    default = detect(sample, LEXICONS, LEXICONS[0], margin=1, frequent=_OWN_WORDS)
    mixed = sum(1 for n in counts(sample, _OWN_WORDS).values() if n) > 1  # else every paragraph is in `default`
    by_para: dict[int, list[int]] = {}
    for k, span in enumerate(spans[:MAX_ATTRIBUTED]):
        by_para.setdefault(span.paragraph, []).append(k)
    mem = Memory()
    results: list[Attribution] = []
    for p in range(spans[min(len(spans), MAX_ATTRIBUTED) - 1].paragraph + 1):
        text = paragraphs[p].replace(MASK, " ")  # sanitized text has none; a caller's raw text must not fake one
        ids = by_para.get(p, [])
        if not ids and not _worth_reading(text, mem):
            continue  # no name, no description, no quote: nothing to learn (most paragraphs of long articles)
        lex = detect(text, LEXICONS, default, frequent=_OWN_WORDS) if ids and mixed else default
        masked = _mask(text, [spans[k] for k in ids])
        ends = _sentence_ends(masked)
        cursor = 0
        for n, k in enumerate(ids):
            span = spans[k]
            _learn(text, masked, cursor, span.start, ends, mem, lex)
            cursor = max(cursor, span.end)
            bounds = (spans[ids[n - NEIGHBOURS]].end if n >= NEIGHBOURS else 0,
                      spans[ids[n + NEIGHBOURS]].start if n + NEIGHBOURS < len(ids) else len(masked))
            found = _attribute_one(text, masked, ends, lex, spans, k, results, mem, bounds)
            results.append(found)
            if found.speaker is not None:
                _note_speaker(found.speaker, mem, lex)
        _split_cue(masked, lex, spans, ids, results)
        _learn(text, masked, cursor, len(masked), ends, mem, lex)
    results.extend([NOBODY] * (len(spans) - len(results)))
    for k in range(len(results) - 2, -1, -1):  # a quote run on over paragraphs: its speaker is named at its end
        if results[k].speaker is None and spans[k].continued and spans[k + 1].continuation and results[k + 1].speaker:
            results[k] = results[k + 1]._replace(rule="continuation")

    for r in results:
        assert r.speaker is None or MASK not in r.speaker, "a masked quote reached a speaker"
    return results


def _split_cue(masked: str, lex: Lexicon, spans: list[Span], ids: list[int], results: list[Attribution]) -> None:
    """A quote with no speaker shares the cue after the next quote of its sentence (`« … », la question est de
    savoir « … » affirme-t-il`): the cue is split across the quotes."""
    for n in range(len(ids) - 2, -1, -1):
        k, nxt = ids[n], ids[n + 1]
        if results[k].speaker is not None or results[nxt].rule not in ("after-cue", "pronoun"):
            continue
        between = tokenize(masked, spans[k].end, min(spans[nxt].start, spans[k].end + WINDOW), lex)
        if len(between) < 40 and not any(t.text in ".!?;" or is_cue(between, i, lex) for i, t in enumerate(between)):
            results[k] = results[nxt]._replace(rule="follow-on")


def _mask(text: str, spans: list[Span]) -> str:
    """The paragraph with every quote's words replaced by MASK (same length, so offsets hold); the last mark
    inside a quote stays, so that `“…win.” Next` still ends a sentence."""
    if not spans:
        return text
    pieces: list[str] = []
    cursor = 0
    for s in spans:
        inner = text[s.text_start:s.text_end]
        keep = 1 if inner.rstrip()[-1:] in _QUOTE_END_MARKS and inner[-1:] in _QUOTE_END_MARKS else 0
        pieces.append(text[cursor:s.text_start])
        pieces.append(MASK * (len(inner) - keep) + inner[len(inner) - keep:])
        cursor = s.text_end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _sentence_ends(masked: str) -> list[int]:
    """Where sentences end: after `.`, `!` or `?` and a space before a capital, not after `Dr.` or `W.`."""
    ends = []
    for m in _SENTENCE_END.finditer(masked):
        if masked[m.start()] == ".":
            word = _WORD_BEFORE.search(masked, max(0, m.start() - 12), m.start() + 1)
            if word and (word.group(1).lower() in ABBREVIATIONS or (len(word.group(1)) == 1
                                                                      and word.group(1).isupper())):
                continue
        ends.append(m.end())
    return ends


def _bounds(ends: list[int], n: int, pos: int) -> tuple[int, int, int]:
    """The sentence around `pos`: (start, end, the end of the sentence after it)."""
    k = bisect.bisect_right(ends, pos)
    start = ends[k - 1] if k else 0
    end = ends[k] if k < len(ends) else n
    after = ends[k + 1] if k + 1 < len(ends) else n
    return start, end, after


def _attribute_one(text: str, masked: str, ends: list[int], lex: Lexicon, spans: list[Span], k: int,
                   results: list[Attribution], mem: Memory, bounds: tuple[int, int]) -> Attribution:
    span = spans[k]
    start, end, after = _bounds(ends, len(masked), span.start)
    if end < span.end:  # the quote holds a sentence end of its own: its sentence goes on after it
        _, end, after = _bounds(ends, len(masked), span.end - 1)
    start = max(start, span.start - WINDOW, bounds[0])  # long text, and text dense with quotes, stay linear
    end = min(end, span.end + WINDOW, bounds[1])
    site = Site(text, masked, lex, span, start, end, min(after, end + WINDOW, bounds[1]),
                tokenize(masked, start, span.start, lex), tokenize(masked, span.end, end, lex), ends)
    for _name, run in PASSES:
        found = run(site, mem)
        if found is not None:
            return Attribution(found.speaker, found.cue, found.rule)
    return _without_cue(site, spans, k, results, mem) or NOBODY


def _without_cue(site: Site, spans: list[Span], k: int, results: list[Attribution],
                 mem: Memory) -> Attribution | None:
    """A quote with no cue of its own: the quote it continues, the quote before it in its paragraph, or the
    person the sentence before it was about."""
    span = spans[k]
    prev = results[k - 1] if k > 0 else NOBODY
    prev_span = spans[k - 1] if k > 0 else None
    before = site.before
    if any(t.low in site.lex.naming for t in before[-4:] if t.word):
        return None  # `He named it “Operation Peace Spring”`, `known as the “Blue House”`: a name, not words said
    after = site.after[:2]
    if before and before[-1].cap and before[-1].word and after and after[0].cap and after[0].word:
        return None  # `Pasquale “Pat” Di Cicco`: a nickname
    if prev.speaker and prev_span is not None:
        if span.continuation and prev_span.continued:
            return prev._replace(rule="continuation")
        if prev_span.paragraph == span.paragraph - 1 and _opens_paragraph(site):
            return prev._replace(rule="continuation")
        if prev_span.paragraph == span.paragraph and not _someone_else(site, prev_span.end, prev.speaker, mem):
            return prev._replace(rule="follow-on")
    return _sentence_subject(site, mem) or _context(site, mem)


def _sentence_subject(site: Site, mem: Memory) -> Attribution | None:
    """A quote with no cue in a sentence about a named person is theirs (`Lisa Mancini has been cosplaying
    for two years, her “passion” for the hobby …`)."""
    m = mention(clause_subject(site.before, site.lex), site.text, site.lex)
    if m is None or m.kind != "person":
        return None
    who = mem.resolve(m, site.lex)
    if who is None or who not in mem.people:
        return None
    return Attribution(who, None, "sentence-subject")


def _opens_paragraph(site: Site) -> bool:
    """A quoted sentence that opens a paragraph with no cue of its own goes on with the quote before it;
    a phrase or a title that opens one (`“The Keeper's Year” is published…`) does not."""
    span, text = site.span, site.text
    if span.start != len(text) - len(text.lstrip()):
        return False
    inner = text[span.text_start:span.text_end].rstrip()
    if not (inner.endswith((".", ",", "!", "?", "…", ":", ";")) or span.continued):
        return False
    toks = [*site.window(0, span.start), *site.window(span.end, len(site.masked))]  # once a paragraph at most
    return not any(t.text == ":" or is_cue(toks, i, site.lex) for i, t in enumerate(toks))


def _someone_else(site: Site, since: int, speaker: str, mem: Memory) -> bool:
    """Whether a person other than `speaker` is named between the quote before and this one."""
    _, prev_end, _ = _bounds(site.ends, len(site.masked), since - 1)
    start = max(since, min(prev_end, site.span.start), site.span.start - WINDOW)  # names in the quote before's
    toks = site.window(start, site.span.start)  # own sentence are its attribution
    i = 0
    while i < len(toks):
        if toks[i].cap and toks[i].word:
            end = run_end(toks, i, site.lex)
            found = person_name(toks[i:end], site.lex)
            if found is not None and (len(found[0]) > 1 or mem.full_name(found[0][0].text)):
                name = mem.full_name(found[0][-1].text) or name_text(found[0])
                if fold(name) != fold(speaker) and not fold(speaker).endswith(fold(found[0][-1].text)):
                    return True
            i = end
            continue
        i += 1
    return False


def _context(site: Site, mem: Memory) -> Attribution | None:
    """A full quoted sentence after a sentence about a person, in the same paragraph, is that person's."""
    span = site.span
    if site.masked[site.start:span.start].strip() or site.start == 0:
        return None
    inner = site.text[span.text_start:span.text_end].rstrip()
    ended = inner.endswith((".", "!", "?", "…")) or site.text[span.end:span.end + 1] in (".", "!", "?")
    if not ended or site.masked[span.end:site.end].strip(" .,;"):
        return None
    k = bisect.bisect_left(site.ends, site.start)
    prev_start = max(site.ends[k - 1] if k else 0, site.start - WINDOW)
    toks = site.window(prev_start, site.start)
    m = mention(clause_subject(toks, site.lex), site.text, site.lex)
    lex = site.lex
    person_like = m is not None and m.kind == "nominal" and (m.head in lex.person_nouns or m.head in lex.titles) \
        and not _plural(m, lex)  # `la porte-parole de la fédération a nuancé les chiffres. « … »`
    if m is None or not (m.kind in ("person", "pronoun") or person_like):
        return None
    who = mem.resolve(m, lex)
    if who is None or not (who in mem.people or m.kind == "pronoun" or person_like):
        return None
    return Attribution(who, None, "context")


def _note_speaker(speaker: str, mem: Memory, lex: Lexicon) -> None:
    """A quote was given to `speaker`: the next `he`, `she`, `it` or `they` may mean them."""
    if speaker in mem.people:
        mem.note_mention(speaker)
        mem.note_subject(speaker)
        return
    toks = tokenize(speaker, 0, len(speaker), lex)
    if speaker[:1].isupper() and " " in speaker and not is_org(toks, lex) \
            and speaker.split()[0].lower() not in lex.determiners:
        mem.note_person(speaker)
        mem.note_subject(speaker)
        return
    m = mention(toks, speaker, lex)
    if m is not None and m.kind == "nominal":
        _note_about(speaker, m, mem, lex)
    else:
        mem.note_group(speaker)


def _learn(text: str, masked: str, start: int, end: int, ends: list[int], mem: Memory, lex: Lexicon) -> None:
    """Read the unquoted text[start:end] in order: names, bodies, descriptions, and whom each sentence is about."""
    pos = start
    while pos < end:
        s, e, _ = _bounds(ends, len(masked), pos)
        stop = min(e, end)
        if _CAPITAL_INSIDE.search(masked, pos, stop) is None and not _opens_description(masked, pos, lex, mem):
            pos = stop  # nothing but common words: no name to learn, no person to be about (most sentences)
            continue
        toks = tokenize(masked, pos, stop, lex)
        people = _learn_names(toks, text, mem, lex)
        if pos == s:
            _learn_subject(toks, text, mem, lex, people)
        _learn_later_subjects(toks, mem, lex)
        pos = stop


_CAPITAL_INSIDE = re.compile(r"[\s(“\"'‘«„»-][A-ZÀ-ÖØ-Þ]")
"""A capital after the first word: the only place a name can stand."""
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?]\s)\s*+([^\W\d_]++)")
_DESCRIBING = frozenset().union(*(lex.determiners | lex.possessives for lex in LEXICONS))


def _worth_reading(text: str, mem: Memory) -> bool:
    """Whether a paragraph with no quote can teach the memory anything: a capital inside a sentence, or a
    sentence that opens with an article, a possessive or a name given before."""
    if _CAPITAL_INSIDE.search(text) is not None:
        return True
    for m in _SENTENCE_OPENING.finditer(text):
        word = m.group(1)
        if word.lower() in _DESCRIBING or mem.full_name(word) is not None or word in mem.people:
            return True
    return False
_FIRST_WORD = re.compile(r"\s*+([^\W\d_]++)")


def _opens_description(masked: str, pos: int, lex: Lexicon, mem: Memory) -> bool:
    """Whether the sentence at `pos` opens with an article or a possessive (`The official said`) or a name
    the article gave before (`Lund said …`)."""
    first = _FIRST_WORD.match(masked, pos)
    if first is None:
        return False
    word = first.group(1)
    low = word.lower()
    return low in lex.determiners or low in lex.possessives or mem.full_name(word) is not None \
        or word in mem.people or word in mem.acronyms


def _learn_subject(toks: list[Tok], text: str, mem: Memory, lex: Lexicon, people: list[tuple[str, int]]) -> None:
    """Whom a sentence is about: a person, a body, or a description of either (`A senior official said`)."""
    subject = clause_subject(toks, lex)
    owner = next((k for k, t in enumerate(subject) if t.text.endswith(("'s", "’s")) and t.cap), None)
    if owner is not None:  # `Actor Brendan Fraser's appearance at the convention was …`: he is what it is about
        start = owner
        while start > 0 and subject[start - 1].cap and subject[start - 1].word:
            start -= 1
        possessor = mention(subject[start:owner + 1], text, lex)
        if possessor is not None and possessor.kind == "person" and " " in possessor.text:
            mem.note_subject(mem.resolve(possessor, lex))
    m = mention(subject, text, lex)
    if m is None or m.kind == "pronoun":
        return
    if m.kind == "person" and " " not in m.text and mem.full_name(m.text) is None and m.text not in mem.people \
            and subject and subject[0] is toks[0] and not m.title:
        mem.note_group(m.text)  # `Hasbro hosted a panel`, `Fitness was a big factor`: maybe a body, not a person
        return
    who = mem.resolve(m, lex)
    if who is None:
        return
    _note_about(who, m, mem, lex)
    if len(people) == 1 and people[0][0] == who and mem.people.get(who) is None:
        said = {PRONOUN_GENDER[t.low] for t in toks if t.start >= people[0][1] and t.low in _GENDERED}
        if len(said) == 1:  # `Maren Eklund, who …, died at her home`: nobody else it could be
            mem.note_person(who, said.pop())


def _note_about(who: str, m: Mention, mem: Memory, lex: Lexicon) -> None:
    """Note whom a sentence is about: a person for `he`/`she`, a body or a group for `it`/`they`."""
    if m.kind in ("org", "acronym") or (m.kind == "nominal" and (m.head in lex.org_heads
                                                                 or m.head in lex.generic_orgs)):
        mem.note_body(who)
        mem.note_group(who, _GRAMMATICAL_GENDER.get(m.text.split()[0].lower()) if lex.code == "fr" else None)
        return
    if m.kind == "nominal":
        if not (m.head in lex.person_nouns or m.head in lex.titles):
            return
        if _plural(m, lex):
            mem.note_group(who)
            return
        head, indefinite = nominal_head(who, lex)
        if indefinite and who[:1].islower():
            mem.note_role(head, who)  # `A senior official said …`; later `the official`
    mem.note_subject(who)


def _plural(m: Mention, lex: Lexicon) -> bool:
    first = m.text.split()[0].lower()
    if first in _SINGULAR:
        return False  # `One of the victims`
    return first in _PLURAL_DETERMINERS or (m.head.endswith("s") and not m.head.endswith("ss")
                                             and lex.code in ("en", "fr") and m.head not in ("fils",))


_SINGULAR = frozenset("a an one each every un une chaque ein eine einer jeder jede".split())
_GRAMMATICAL_GENDER = {"le": "m", "la": "f", "un": "m", "une": "f", "ce": "m", "cet": "m", "cette": "f"}
_PLURAL_DETERMINERS = frozenset("les des some many several two three four both all most few ces plusieurs "
                                "certains certaines quelques nombreux nombreuses".split())


def _learn_later_subjects(toks: list[Tok], mem: Memory, lex: Lexicon) -> None:
    """A person named at the head of a later clause is whom the sentence ends up about (`Duda said … while
    Interior Minister Joachim Brudziński wrote …`), and so is a source (`according to Kidston`)."""
    firsts = {p[0] for p in lex.according}
    for k in range(len(toks) - 2):
        t = toks[k]
        if t.low in _LATER_OPENERS or t.text == ";":
            i = k + 1
        elif t.low in firsts and (n := next((len(p) for p in lex.according
                                             if [x.low for x in toks[k:k + len(p)]] == list(p)), 0)):
            i = k + n
        else:
            continue
        if i < len(toks) and toks[i].low in lex.prepositions:  # `that in December, Crown Prince …`
            comma = next((m for m in range(i, min(len(toks), i + 6)) if toks[m].text == ","), None)
            i = comma + 1 if comma is not None else i
        if i >= len(toks) or not toks[i].cap:
            continue
        end = run_end(toks, i, lex)
        found = person_name(toks[i:end], lex)
        if found is None:
            continue
        name = name_text(found[0])
        who = mem.full_name(name) if len(found[0]) == 1 else name
        after_name = toks[end] if end < len(toks) else None
        if who is not None and who in mem.people and (t.low not in ("and", "et") or (
                after_name is not None and after_name.word and not after_name.cap)):
            mem.note_subject(who)


_GENDERED = frozenset(("he", "him", "his", "she", "her"))
_THE = frozenset(("the", "la", "le", "l'", "l’"))
_LATER_OPENERS = frozenset("while whereas but and that tandis alors mais et während aber".split())
_PLACE = frozenset(("of", "from", "to", "for"))


def _learn_names(toks: list[Tok], text: str, mem: Memory, lex: Lexicon) -> list[tuple[str, int]]:
    """Note every person and body the tokens name; return the people, with where each mention ends."""
    people: list[tuple[str, int]] = []
    i = 0
    n = len(toks)
    while i < n:
        t = toks[i]
        if not (t.cap and t.word):
            i += 1
            continue
        end = run_end(toks, i, lex)
        run = toks[i:end]
        before = toks[i - 1] if i > 0 else None
        nxt = toks[end] if end < n else None
        if len(run) == 1 and run[0].text.isupper() and nxt is not None and nxt.text == "(":
            close = next((m for m in range(end + 1, min(n, end + 10)) if toks[m].text == ")"), None)
            if close is not None and all(x.cap or not x.word or x.low in PARTICLES for x in toks[end + 1:close]):
                mem.note_body(text[toks[end + 1].start:toks[close - 1].end], run[0].text)  # `AEW (All Elite …)`
                i = close + 1
                continue
        k = i - 1
        while k >= 0 and toks[k].low in _THE:
            k -= 1
        if k >= 1 and toks[k].low in _PLACE and is_title(toks[k - 1], lex):
            placed = person_name(toks[k - 1:end], lex)  # `Vice President of the United States Joe Biden`
            if placed is not None and len(placed[0]) >= 2:
                mem.note_person(name_text(placed[0]), None, toks[k - 1].low)
                people.append((name_text(placed[0]), run[-1].end))
                i = end
                continue
        lead = 1 if run[0].low in lex.determiners and len(run) > 2 else 0
        generic = run[lead].low in lex.generic_orgs and len(run) > lead + 1  # `L'ONG Human Rights Watch`
        if generic or (before is not None and before.low in lex.generic_orgs and not before.cap):  # `the company X`
            named = run[lead + 1:] if generic else run
            role = run[lead].low if generic else before.low if before is not None else ""
            mem.note_body(text[named[0].start:named[-1].end], "", role)
            i = end
            continue
        found = person_name(run, lex)
        titled = found is not None and bool(found[1]) and len(found[0]) >= 2  # `the Turkish President Recep …`
        acronym_after = nxt is not None and nxt.text == "(" and end + 2 < n and toks[end + 2].text == ")" \
            and toks[end + 1].text.isupper() and len(toks[end + 1].text) > 1  # people get no acronym
        if not titled and (is_org(run, lex) or acronym_after or (len(run) > 1 and (
                run[0].low in lex.determiners or (before is not None and before.low in _THE)))):
            body = text[(before.start if before is not None and before.low in lex.determiners else run[0].start):
                        run[-1].end]
            acronym = toks[end + 1].text if nxt is not None and nxt.text == "(" and end + 2 < n \
                and toks[end + 2].text == ")" and toks[end + 1].text.isupper() else ""
            role = before.low if before is not None and not before.cap and (
                before.low in lex.org_heads or before.low in lex.generic_orgs) else ""
            if not role and i >= 2 and toks[i - 2].low in lex.org_heads and before is not None and before.word \
                    and not before.cap:
                role = toks[i - 2].low  # `Le quotidien français Le Figaro`
            mem.note_body(body, acronym, role)
            i = end
            continue
        if found is not None:
            name, titles = found
            title = next((x.low for x in reversed(titles) if is_title(x, lex)), "")
            context = [x for x in toks[max(0, i - 3):i] if x.word]  # `her son, Anders Eklund`, `his wife Mary`
            if not title and context and (is_title(context[-1], lex) or context[-1].low in lex.person_nouns):
                title = context[-1].low
            gender = None
            for word in [*titles, *context]:
                gender = gender or word_gender(word.text)
            full = name_text(name)
            known = mem.full_name(full) if len(name) == 1 else None
            if known is not None:
                mem.note_mention(known)
                people.append((known, run[-1].end))
            elif len(name) >= 2 or title or gender:
                if len(name) >= 3 and before is not None and before.low in lex.prepositions and not titles:
                    given = next((g for g in range(1, len(name) - 1) if is_given_name(name[g].text)), None)
                    if given is not None:  # `directeur du site de Jababeka David Quentin`: a place first
                        full = name_text(name[given:])
                if not title and end + 1 < n and toks[end].text == "," and is_title(toks[end + 1], lex):
                    title = toks[end + 1].low  # `Christian Jacob, président du groupe UMP`
                mem.note_person(full, gender, title)
                people.append((full, run[-1].end))
        i = end
    return people
