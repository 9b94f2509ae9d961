"""The walk's reading of unquoted text: what each sentence teaches the article's memory (`memory.py`).

Names, bodies and their acronyms, descriptions and whom they describe, and whom each sentence is about (its
subject, a later clause's subject, a source, a possessor). Sentences of common words only are skipped at once:
most of a long article has no name in it. Only these functions and `note_speaker` change the memory.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re

from briefing_tui.core.quotes import lexicon_de, lexicon_en, lexicon_fr
from briefing_tui.core.quotes.clauses import (
    ADJECTIVE_ENDINGS_FR,
    MAX_SUBJECT,
    NATIONALITIES_FR,
    clause_subject,
    french_adjective,
    is_cue,
)
from briefing_tui.core.quotes.lexicon import Lexicon, fold
from briefing_tui.core.quotes.memory import Memory
from briefing_tui.core.quotes.names import (
    JOINERS,
    PARTICLES,
    PRONOUN_GENDER,
    is_given_name,
    is_org,
    is_title,
    name_text,
    org_words,
    person_name,
    portfolio_word,
    run_end,
    word_gender,
)
from briefing_tui.core.quotes.phrases import Mention, mention, nominal_head
from briefing_tui.core.quotes.site import of_people
from briefing_tui.core.quotes.tokens import Tok, tokenize

LEXICONS: tuple[Lexicon, ...] = (lexicon_en.LEXICON, lexicon_fr.LEXICON, lexicon_de.LEXICON)
"""The languages attribution reads, the first the default."""
_BY_CODE = {lex.code: lex for lex in LEXICONS}


def sentence_bounds(ends: list[int], n: int, pos: int) -> tuple[int, int, int]:
    """The sentence around `pos`: (start, end, the end of the sentence after it)."""
    k = bisect.bisect_right(ends, pos)
    start = ends[k - 1] if k else 0
    end = ends[k] if k < len(ends) else n
    after = ends[k + 1] if k + 1 < len(ends) else n
    return start, end, after


def note_speaker(speaker: str, mem: Memory, lex: Lexicon) -> None:
    """A quote was given to `speaker`: the next `he`, `she`, `it` or `they` may mean them."""
    if speaker in mem.people:
        mem.note_mention(speaker)
        mem.note_subject(speaker)
        return
    kind = _speaker_kind(speaker, lex.code)
    if kind == "person":
        mem.note_person(speaker)
        mem.note_subject(speaker)
    elif isinstance(kind, Mention):
        _note_about(speaker, kind, mem, lex)
    else:
        mem.note_group(speaker)


@functools.lru_cache(maxsize=4096)
def _speaker_kind(speaker: str, code: str) -> Mention | str:
    """What a speaker's words are, whatever the article: `person` (a name), a description (its Mention), or
    `group`. Cached: the same names speak in article after article, and tokenizing them was a tenth of the
    time attribution took on the generated library."""
    lex = _BY_CODE[code]
    toks = tokenize(speaker, 0, len(speaker), lex)
    if speaker[:1].isupper() and any(f" {joiner} " in speaker for joiner in JOINERS) and not is_org(toks, lex):
        return "group"  # `John Howard and Ian MacDonald`: two people, whom `they` may mean; no one name
    if speaker[:1].isupper() and " " in speaker and not is_org(toks, lex) \
            and speaker.split()[0].lower() not in lex.determiners:
        return "person"
    m = mention(toks, speaker, lex)
    return m if m is not None and m.kind == "nominal" else "group"


def learn(text: str, masked: str, start: int, end: int, ends: list[int], mem: Memory, lex: Lexicon) -> None:
    """Read the unquoted text[start:end] in order: names, bodies, descriptions, and whom each sentence is about."""
    pos = start
    while pos < end:
        s, e, _ = sentence_bounds(ends, len(masked), pos)
        stop = min(e, end)
        if pos == s:
            mem.note_sentence_start()
        if not _capital_inside(masked, pos, stop) and not _opens_description(masked, pos, lex, mem):
            pos = stop  # nothing but common words: no name to learn, no person to be about (most sentences)
            continue
        toks = tokenize(masked, pos, stop, lex)
        people = _learn_names(toks, text, mem, lex)
        if pos == s:
            _learn_subject(toks, text, mem, lex, people)
        if stop == e:  # not the words before a quote inside its sentence: `He also added that
            _learn_later_subjects(toks, mem, lex)  # Zuma did not “…”` is not yet about Zuma for its `he`
        pos = stop


_CAPITAL_INSIDE = re.compile(r"[A-ZÀ-ÖØ-Þ](?<=[\s(“\"'‘«„»-].)")
"""A capital after the first word: the only place a name can stand. The capital comes first so that the search
skips ahead to the next capital (rare) instead of trying each space (most characters)."""


def _capital_inside(text: str, pos: int = 0, endpos: int | None = None) -> bool:
    """Whether text[pos:endpos] holds a space, a bracket, a quotation mark or a hyphen, then a capital."""
    # the mark before the capital must be at `pos` or after: the look back may see text before `pos`
    return _CAPITAL_INSIDE.search(text, pos + 1, len(text) if endpos is None else endpos) is not None


_AGE = re.compile(r",\s?+\d{1,3}+,")
"""`Syakrani, 24, says …`: a name alone, then an age, opens the sentence."""
_FIRST_WORD = re.compile(r"\s*+([^\W\d_]++)")
_SENTENCE_OPENING = re.compile(r"[.!?]\s\s*+([^\W\d_]++)")
"""The first word of a text, and of a sentence after it: two patterns, so that the second starts with the
sentence's mark and the search skips ahead to it."""
_DESCRIBING = frozenset().union(*(lex.determiners | lex.possessives for lex in LEXICONS))


def worth_reading(text: str, mem: Memory) -> bool:
    """Whether a paragraph with no quote can teach the memory anything: a capital inside a sentence, or a
    sentence that opens with an article, a possessive or a name given before."""
    if _capital_inside(text):
        return True
    first = _FIRST_WORD.match(text)
    for m in itertools.chain((first,) if first else (), _SENTENCE_OPENING.finditer(text)):
        word = m.group(1)
        if word.lower() in _DESCRIBING or mem.full_name(word) is not None or word in mem.people \
                or (word[:1].isupper() and _AGE.match(text, m.end()) is not None):
            return True
    return False


def _opens_description(masked: str, pos: int, lex: Lexicon, mem: Memory) -> bool:
    """Whether the sentence at `pos` opens with an article or a possessive (`The official said`) or a name
    the article gave before (`Lund said …`)."""
    first = _FIRST_WORD.match(masked, pos)
    if first is None:
        return False
    word = first.group(1)
    low = word.lower()
    return low in lex.determiners or low in lex.possessives or mem.full_name(word) is not None \
        or word in mem.people or word in mem.acronyms \
        or (word[:1].isupper() and _AGE.match(masked, first.end()) is not None)


def _learn_subject(toks: list[Tok], text: str, mem: Memory, lex: Lexicon, people: list[tuple[str, int]]) -> None:
    """Whom a sentence is about: a person, a body, or a description of either (`A senior official said`)."""
    if toks and toks[0].low in lex.according_initial:
        comma = next((k for k, t in enumerate(toks[:MAX_SUBJECT]) if t.text == ","), 0)
        held = mention(toks[1:comma], text, lex) if comma > 1 else None
        if held is not None and held.kind == "person" and (who := mem.resolve(held, lex)):
            mem.note_subject(who)  # `Pour Philippe Poutou, …, l'absence de représentativité constitue le problème`:
            return  # the view is his, and `il` next is he
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
    if m is None or (m.kind == "nominal" and not (m.head in lex.person_nouns or m.head in lex.titles)):
        _acting_person(toks, mem, lex, people)  # `This was the first time Flynn made a public speech`
    if m is None or m.kind == "pronoun":
        return
    conjunct = _first_conjunct(subject, text, mem, lex)
    if conjunct is not None:
        mem.note_subject(conjunct)  # `Wong and three of his co-authors have started …`: he is Wong
        return
    if m.kind == "person" and " " not in m.text and mem.full_name(m.text) is None and m.text not in mem.people \
            and subject and subject[0] is toks[0] and not m.title:
        said = {PRONOUN_GENDER[t.low] for t in toks[len(subject):] if t.low in _GENDERED}
        verb = toks[len(subject)].low if len(toks) > len(subject) else ""
        if len(subject) == 1 and len(said) == 1 \
                and (verb in lex.be or verb in lex.auxiliaries or verb in lex.verbs or verb in lex.cues):
            mem.note_person(m.text, said.pop())  # `Schmetzer was delighted with the way his side …`: a man
            mem.note_subject(m.text)
            return
        mem.note_group(m.text)  # `Hasbro hosted a panel`, `Fitness was a big factor`: maybe a body, not a person
        return
    who = mem.resolve(m, lex)
    if who is None:
        return
    _note_about(who, m, mem, lex)
    if m.kind != "nominal" or m.head in lex.org_heads or m.head in lex.generic_orgs \
            or any(t.cap for t in subject[1:]):  # `Le parc animalier du zoo d'Amnéville`
        for k in range(len(toks) - 2):  # `X a annoncé … dans un communiqué`: later `le communiqué` is X's
            if toks[k].low in _IN and toks[k + 1].low in _INDEFINITE and toks[k + 2].low in lex.documents:
                mem.note_role(toks[k + 2].low, who)
                break
    if len(people) == 1 and people[0][0] == who and mem.people.get(who) is None:
        said = {PRONOUN_GENDER[t.low] for t in toks if t.start >= people[0][1] and t.low in _GENDERED}
        if len(said) == 1:  # `Maren Eklund, who …, died at her home`: nobody else it could be
            mem.note_person(who, said.pop())


def _aged(toks: list[Tok], end: int) -> bool:
    """Whether an age stands between commas at `end` (`Syakrani, 24,`): the name before is a person's."""
    return end + 2 < len(toks) and toks[end].text == "," and toks[end + 1].text.isdigit() and toks[end + 2].text == ","


def _first_conjunct(subject: list[Tok], text: str, mem: Memory, lex: Lexicon) -> str | None:
    """The person named first in a subject of two joined by `and` (`Miller and Smith both acknowledged`)."""
    k = next((n for n, t in enumerate(subject) if t.low in _AND and n), None)
    if k is None:
        return None
    first = mention(subject[:k], text, lex)
    if first is None or first.kind != "person":
        return None
    who = mem.resolve(first, lex)
    return who if who in mem.people else None


def _acting_person(toks: list[Tok], mem: Memory, lex: Lexicon, people: list[tuple[str, int]]) -> None:
    """In a sentence whose subject is no person, the first person named right before a verb is whom it is
    about (`This was the first time Flynn made a public speech since he was pardoned by Trump`)."""
    k = 0
    for name, end in people:  # in reading order: one walk over the tokens for all of them
        while k < len(toks) and toks[k].start < end:
            k += 1
        if k < len(toks) and _verb_like(toks[k], lex) and name in mem.people:
            mem.note_subject(name)
            return


def _verb_like(t: Tok, lex: Lexicon) -> bool:
    low = t.low
    return not t.cap and (low in lex.verbs or low in lex.cues or low in lex.auxiliaries or low in lex.be
                          or (lex.code == "en" and low.endswith("ed") and len(low) > 4))


_AND = frozenset(("and", "et", "und"))
_IN = frozenset(("dans", "in"))
_INDEFINITE = frozenset(("un", "une", "a", "an"))


def _note_about(who: str, m: Mention, mem: Memory, lex: Lexicon) -> None:
    """Note whom a sentence is about: a person for `he`/`she`, a body or a group for `it`/`they`."""
    if m.kind in ("org", "acronym") or (m.kind == "nominal" and (m.head in lex.org_heads
                                                                 or m.head in lex.generic_orgs)):
        mem.note_body(who)
        mem.note_group(who, _GRAMMATICAL_GENDER.get(m.text.split()[0].lower()) if lex.code == "fr" else None)
        return
    if m.kind == "nominal":
        if m.head in lex.documents and len(who.split()) > 2 and m.head not in mem.roles:
            mem.note_role(m.head, who)  # `le documentaire d'Al Jazeera`: later `le documentaire`
        if not of_people(m.head, lex):
            return
        if plural(m, lex):
            mem.note_group(who)
            return
        head, indefinite = nominal_head(who, lex)
        if indefinite and who[:1].islower():
            mem.note_role(head, who)  # `A senior official said …`; later `the official`
    mem.note_subject(who)


def plural(m: Mention, lex: Lexicon) -> bool:
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
    read = 0  # where the last run read ends: an opener inside it (`Council and Council and …`) starts no other
    for k in range(len(toks) - 2):
        t = toks[k]
        if k < read:
            continue
        if t.low in _LATER_OPENERS or t.text == ";":
            i = k + 1
        elif k and t.low in lex.agent and toks[k - 1].low in lex.cues and not toks[k - 1].cap:
            i = k + 1  # `This move was criticized by Nassar al-Rubaie, a member of Parliament.`: he spoke last
        elif t.text == "," and (n := _inverted_cue_after(toks, k + 1, lex)):
            i = n  # `…, fait remarquer Mohamed Salem Ould Salek, le ministre`, `…, said Tom Lee.`: he spoke last
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
        if t.low in firsts and (found is None or len(found[0]) == 1) and end < len(toks) and not toks[end].cap:
            j = next((m for m in range(end, min(len(toks), end + _DESCRIPTION))  # `According to Iraqi political
                      if toks[m].cap and toks[m].word), None)  # analyst Hazem al-Nuaeimi,`: the name after
            if j is not None and all(x.word and not x.masked for x in toks[end:j]):  # its description
                i, end = j, run_end(toks, j, lex)
                found = person_name(toks[i:end], lex)
        read = end
        if found is None:
            continue
        name = name_text(found[0])
        who = mem.full_name(name) if len(found[0]) == 1 else name
        after_name = toks[end] if end < len(toks) else None
        if who is not None and who in mem.people and (t.low not in ("and", "et") or (
                after_name is not None and _verb_like(after_name, lex))):  # `and Interior Minister X wrote`;
            # not `would list Sailor Neptune and Sailor Uranus as dream roles`
            mem.note_subject(who)


def _inverted_cue_after(toks: list[Tok], k: int, lex: Lexicon) -> int:
    """Where the subject of a cue put after the words it reports starts (`, said Tom Lee.`, `, a déclaré X,`, `, fait
    remarquer X, le ministre`): the token after the cue at `k` (past auxiliaries), when a name follows it and ends
    its clause; else 0 (`Ubertaccio, in his analysis, notes Brown has …`: Brown is the subject of what is noted)."""
    end = min(len(toks) - 1, k + 3)
    while k < end and not toks[k].cap and toks[k].low in lex.auxiliaries:
        k += 1
    if lex.code == "fr" and k < end and toks[k].low == "fait" and toks[k + 1].low in _MADE_TO_SAY:
        k += 1  # `fait remarquer`, `fait savoir`
    elif k >= len(toks) - 1 or not is_cue(toks, k, lex) or toks[k].low.endswith(("ing", "ant")):
        return 0
    name = k + 1
    if not toks[name].cap:
        return 0
    after = run_end(toks, name, lex)
    return name if after >= len(toks) or toks[after].text in _CLAUSE_ENDS else 0


_MADE_TO_SAY = frozenset(("remarquer", "savoir", "valoir", "observer"))
_CLAUSE_ENDS = frozenset((",", ".", ";", ":", "(", "!", "?"))


_GENDERED = frozenset(("he", "him", "his", "she", "her"))
_THE = frozenset(("the", "la", "le", "l'", "l’"))
_LATER_OPENERS = frozenset("while whereas but and that tandis alors mais et während aber".split())
_PLACE = frozenset(("of", "from", "to", "for"))


def _initials(name: str) -> str:
    """The first letters of a name's capitalised words (`the United Nations`: UN)."""
    return "".join(w[0] for w in name.replace("-", " ").split() if w[:1].isupper())


def _spelt_out(toks: list[Tok], text: str, i: int, end: int, acronym: str) -> str | None:
    """The body an acronym after the run toks[i:end] spells, when the run alone does not: the run with a body
    before it (`the Catholic Bishops' Conference of the Philippines (CBCP)`), or its end (`the Kurdish-led Syrian
    Democratic Forces (SDF)`)."""
    k = i - 1 if i > 0 and toks[i - 1].low in _THE else i
    if k >= 2 and toks[k - 1].low in _PLACE:
        start = k - 1
        while start > max(0, k - 1 - _ACRONYM_REACH) and toks[start - 1].word and toks[start - 1].cap:
            start -= 1
        if start < k - 1:
            first = start - 1 if start > 0 and toks[start - 1].low in _THE else start
            name = text[toks[first].start:toks[end - 1].end]
            if _initials(name) == acronym:
                return name
    for s in range(i, end - 1):  # drop descriptions before the name
        name = text[toks[s].start:toks[end - 1].end]
        if _initials(name) == acronym:
            return name
    return None


def _french_body_before(toks: list[Tok], text: str, i: int, end: int, lex: Lexicon) -> str | None:
    """The French body whose name ends with the run toks[i:end] before an acronym that spells something else (a
    name in another language): from its capitalised noun after an article (`l'Autorité des technologies de
    Communication et d'Information (BTK)`), over words only."""
    for k in range(i - 1, max(0, i - _ACRONYM_REACH) - 1, -1):
        t = toks[k]
        if not t.word or t.masked:
            return None
        if t.cap and t.low in lex.org_heads and k > 0 and toks[k - 1].low in lex.determiners:
            return text[toks[k - 1].start:toks[end - 1].end]
    return None


_ADJECTIVE_ENDINGS = (*ADJECTIVE_ENDINGS_FR, "ique", "iques", "if", "ive", "ifs", "ives", "ain", "aine", "ains",
                      "aines")
"""How French adjectives of nationality, scope and kind end (`national`, `constitutionnel`, `français`,
`islamique`, `américain`): after a body's noun, where no verb is read."""
_MAX_ADJECTIVES = 3


def _adjectives_after(toks: list[Tok], end: int, lex: Lexicon) -> int:
    """Where the adjectives right after a French body's noun end (`Conseil constitutionnel français`), with a
    name that follows them (`Tribunal international Monsanto`); `end` if there are none."""
    j = end
    while j < len(toks) and j - end < _MAX_ADJECTIVES:
        t = toks[j]
        if not t.word or t.cap or t.masked or t.low in lex.cues or t.low in lex.auxiliaries or t.low in lex.be \
                or not (t.low.endswith(_ADJECTIVE_ENDINGS) or t.low in NATIONALITIES_FR
                        or t.low.startswith(("anti-", "pro-"))):
            break
        j += 1
    if j > end and j < len(toks) and toks[j].cap and toks[j].word and not toks[j].masked:
        name_end = run_end(toks, j, lex)
        if (name_end == j + 1 and not is_given_name(toks[j].text)) or org_words(toks[j:name_end], lex):
            j = name_end  # one word or a body's name; not `la Commission européenne Jean-Claude Juncker`
    return j


_PLURAL_BODIES = frozenset(("autorités",))
"""Plural nouns of one body (`Les autorités allemandes` … `Les autorités ont affirmé`)."""
_FORCES = frozenset(("police", "gendarmerie", "armée"))
"""Forces, not single bodies: `la police` is whichever officers speak, not `la police de l'État de Victoria`."""
_OF_FR = frozenset(("de", "d'", "d’", "du", "des"))
_COMPLEMENT_WORDS = 4


def _described_end(toks: list[Tok], end: int, lex: Lexicon) -> int:
    """Where the description of a French body's noun ends (its noun ends at `end`): its adjectives
    (`internationale anti-EI`), then a complement that names a place or a domain (`d'appel de Paris`, `de la
    Justice`); `end` if there is neither."""
    j = _adjectives_after(toks, end, lex)
    if j < len(toks) and toks[j].low in _OF_FR:
        k = j + 1
        while k < len(toks) and k - j <= _COMPLEMENT_WORDS and toks[k].word and not toks[k].masked \
                and (toks[k].low in _OF_FR or toks[k].low in _THE or toks[k].cap
                     or (k == j + 1 and toks[k].low not in lex.cues and not toks[k].low.endswith("s"))):
            k += 1
        while k > j + 1 and not toks[k - 1].cap:
            k -= 1  # the complement ends with a name: `de Paris`, `de la Justice`
        if k > j + 1:
            j = k
    return j


_NAME_LINKS_FR = frozenset(("du", "des", "sans", "de"))
"""Words that join a French body's name to a noun in lower case, part of the name (`Médecins du monde`)."""
_ACRONYM_REACH = 8
"""Words looked back over for the body an acronym spells: names are short."""


def _learn_names(toks: list[Tok], text: str, mem: Memory, lex: Lexicon) -> list[tuple[str, int]]:
    """Note every person and body the tokens name; return the people, with where each mention ends."""
    people: list[tuple[str, int]] = []
    i = 0
    n = len(toks)
    while i < n:
        t = toks[i]
        if not (t.cap and t.word):
            if lex.code == "fr" and ((t.low in lex.org_heads and t.low not in _FORCES and i > 0
                                      and toks[i - 1].low in _THE)
                                     or (t.low in _PLURAL_BODIES and i > 0 and toks[i - 1].low == "les")) \
                    and (noun_end := _described_end(toks, i + 1, lex)) > i + 1:
                written = text[toks[i - 1].start:toks[noun_end - 1].end]
                mem.note_described_body(t.low, written[0].lower() + written[1:])
                i = noun_end  # `la coalition internationale anti-EI`, `la cour d'appel de Paris`
                continue
            i += 1
            continue
        if t.low in lex.not_names and t.low not in lex.determiners and i + 1 < n and toks[i + 1].cap \
                and toks[i + 1].word:
            i += 1  # `On Friday Ford Motor Company announced`: a sentence's first words are no part of a name
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
            last = named[-1].end
            if lex.code == "fr" and len(named) == 1 and end + 1 < n and toks[end].low in _NAME_LINKS_FR \
                    and toks[end + 1].word and not toks[end + 1].cap and toks[end + 1].low not in lex.determiners \
                    and toks[end + 1].low not in lex.cues and toks[end + 1].low not in lex.verbs:
                last = toks[end + 1].end  # `l'association Médecins du monde`, `l'ONG Reporters sans frontières`
                end += 2
            acronym = toks[end + 1].text if end + 2 < n and toks[end].text == "(" and toks[end + 2].text == ")" \
                and toks[end + 1].text.isupper() and len(toks[end + 1].text) > 1 else ""  # `le groupe Future Pipe
            mem.note_body(text[named[0].start:last], acronym, role)  # Industries (FPI)`
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
            if acronym and body.endswith(("'s", "’s")):
                body = body[:-2]  # `the Ministry of Manpower's (MOM) Occupational Safety …`: the ministry is MOM
            if acronym and _initials(body) != acronym:
                body = _spelt_out(toks, text, i, end, acronym) or (
                    _french_body_before(toks, text, i, end, lex) if lex.code == "fr" else None) or body
            if not acronym and lex.code == "fr" and run[-1].low in lex.org_heads \
                    and (adjectives_end := _adjectives_after(toks, end, lex)) > end:
                body += text[toks[end - 1].end:toks[adjectives_end - 1].end]  # `le Conseil constitutionnel
                end = adjectives_end  # français`, `le Tribunal international Monsanto`: adjectives after the noun
            mem.note_body(body, acronym, role)
            i = end
            continue
        if found is not None:
            name, titles = found
            title = next((x.low for x in reversed(titles) if is_title(x, lex)), "")
            context = [x for x in toks[max(0, i - 3):i] if x.word]  # `her son, Anders Eklund`, `his wife Mary`
            if not title and context and (is_title(context[-1], lex) or context[-1].low in lex.person_nouns):
                title = context[-1].low
            elif not title and len(context) >= 2 and lex.code == "fr" and is_title(context[-2], lex) \
                    and not context[-1].cap and french_adjective(context[-1].low, lex):
                title = context[-2].low  # `Le président français Emmanuel Macron`: later `le président`
            gender = None
            for word in [*titles, *context]:
                gender = gender or word_gender(word.text)
            gender = gender or _gender_described_before(toks, i)
            full = name_text(name)
            known = mem.full_name(full) if len(name) == 1 else None
            if len(name) == 2 and is_title(name[0], lex):  # `Dame Cressida` after `Cressida Dick`
                known = mem.full_name(name[1].text)
            words = [*context, *titles]
            at = max((k for k, x in enumerate(words) if x.low == title), default=-1)
            if at > 0 and words[at - 1].low in lex.role_changers:
                title = ""  # `former US Vice President Joe Biden` is not `the president`
            if known is not None:
                mem.note_mention(known)
                if title and titles and is_title(titles[-1], lex):
                    mem.note_role(title, known)  # `President Trump`, named before: `the president` is Trump
                people.append((known, run[-1].end))
            elif len(name) >= 2 or title or gender or _aged(toks, end):
                if len(name) >= 3 and before is not None and before.low in lex.prepositions and not titles:
                    given = next((g for g in range(1, len(name) - 1) if is_given_name(name[g].text)), None)
                    if given is None and len(name) == 3 and _title_of(toks, i, lex):
                        given = 1  # `L'archevêque de Rouen Dominique Lebrun`: the office's place, then the name
                    if given is not None:  # `directeur du site de Jababeka David Quentin`: a place first
                        full = name_text(name[given:])
                if not title and end + 1 < n and toks[end].text == "," and is_title(toks[end + 1], lex):
                    title = toks[end + 1].low  # `Christian Jacob, président du groupe UMP`
                described = _description_after(toks, end, lex) if not title else None
                if described is not None:  # `Abbas Akhoundi, le ministre iranien des Transports,`
                    title = described[0]
                    mem.note_role(described[1], full)
                elif (before_name := _description_before(toks, i, end, full, lex)) is not None:
                    mem.note_role(before_name, full)  # `L'archevêque de Rouen Dominique Lebrun`: later
                    # `L'archevêque de Rouen`
                elif (head := _described_between_commas(toks, i, lex)) is not None:
                    mem.note_role(head, full)  # `le candidat LR à la présidentielle française, François Fillon,`:
                    # later `Le candidat de droite à la présidentielle`
                full = mem.note_person(full, gender, title, _portfolio(words, at, lex))
                for x in [*titles, *context[-1:]]:  # `archbishop Monsenor Jorge Eduardo Scheinig`: `the
                    # archbishop` too
                    if x.low != title and x.low not in lex.title_modifiers and is_title(x, lex):
                        mem.note_role(x.low, full)
                people.append((full, run[-1].end))
        i = end
    return people


def _title_of(toks: list[Tok], i: int, lex: Lexicon) -> bool:
    """Whether a title (and an adjective or two) and a preposition (and articles) stand right before `i`
    (`L'archevêque de`, `le ministre iranien des`)."""
    k = i - 1
    while k > 0 and (toks[k].low in lex.prepositions or toks[k].low in _THE) and not toks[k].cap:
        k -= 1
    if k == i - 1:
        return False
    for j in range(k, max(k - 3, -1), -1):  # past an adjective or two: `le ministre iranien des Transports`
        if is_title(toks[j], lex):
            return True
        if toks[j].cap or not toks[j].word:
            return False
    return False


def _description_before(toks: list[Tok], i: int, end: int, full: str, lex: Lexicon) -> str | None:
    """An office with a complement that names its place or domain, written right before a full name with an
    article (`L'archevêque de Rouen Dominique Lebrun`, `le ministre iranien des Transports Abbas Akhoundi`): its
    words without the article, or None."""
    count = len(full.split())
    start = end - count  # the name ends the run
    if start < i or count < 2 or " ".join(t.text for t in toks[start:end]) != full:
        return None
    k = start - 1
    while k >= 0 and start - k <= _DESCRIPTION and toks[k].word and toks[k].low not in _THE:
        k -= 1
    if k < 0 or k + 2 >= start or toks[k].low not in _THE or not is_title(toks[k + 1], lex) \
            or not any(toks[m].low in lex.prepositions for m in range(k + 2, start)):
        return None
    return " ".join(t.text for t in toks[k + 1:start])


def _description_start(toks: list[Tok], i: int) -> int | None:
    """Where a description set before a name and its comma at `i - 1` starts (after a comma, or as the sentence
    does), or None."""
    if i < 3 or toks[i - 1].text != ",":
        return None
    k = i - 2
    while k > 0 and i - 1 - k < _DESCRIPTION and toks[k - 1].word:
        k -= 1
    return None if k > 0 and toks[k - 1].word else k  # None: longer than a description


def _portfolio(words: list[Tok], at: int, lex: Lexicon) -> frozenset[str]:
    """The words right before a title (`words[at]`) that say which one it is: `foreign` of `The foreign minister,
    Anna Berg`, `prime` of `Prime Minister X`; not `former` or `acting`, which say when."""
    found: set[str] = set()
    k = at - 1
    while k >= 0 and (is_title(words[k], lex) or words[k].low in lex.title_modifiers):
        if portfolio_word(words[k].low, lex):
            found.add(fold(words[k].low))
        k -= 1
    return frozenset(found)


def _described_between_commas(toks: list[Tok], i: int, lex: Lexicon) -> str | None:
    """The title that heads a description with an article right before a name and its comma (`, le candidat LR à
    la présidentielle française, François Fillon`), or None."""
    k = _description_start(toks, i)
    if k is None or k + 2 >= i or toks[k].low not in _THE or not is_title(toks[k + 1], lex):
        return None
    return toks[k + 1].low


def _gender_described_before(toks: list[Tok], i: int) -> str | None:
    """The gender a description set before a name and its comma gives (`Une des passagères ayant filmé la scène,
    Audra D. Bridges`), or None."""
    k = _description_start(toks, i)
    return next((g for t in toks[k:i - 1] if (g := word_gender(t.text)) is not None), None) if k is not None \
        else None


_DESCRIPTION = 8
"""Words at most in a description set after a name between commas (`, le ministre iranien des Transports,`)."""


def _description_after(toks: list[Tok], comma: int, lex: Lexicon) -> tuple[str, str] | None:
    """The office a name was given between commas after it, with an article (`Haïder al-Abadi, le Premier
    ministre irakien,`): its head and its words without the article, or None."""
    n = len(toks)
    k = comma + 1
    if k >= n or toks[k].low not in lex.determiners:
        return None  # `, the president,` or `, le Premier ministre,`
    first = k + 1
    close = next((m for m in range(first, min(n, first + _DESCRIPTION + 1)) if toks[m].text in ",.;:"), None)
    if close is None or close == first or toks[close].text != ",":
        return None
    words = toks[first:close]
    head = next((m for m, t in enumerate(words) if is_title(t, lex) and not (
        t.low in lex.title_modifiers and m + 1 < len(words) and is_title(words[m + 1], lex))), None)
    if head is None or any(not t.word or t.masked for t in words) \
            or (words[0].cap and words[0].low not in lex.titles):
        return None  # not `, the Guardian,`
    return words[head].low, " ".join(t.text for t in words)

