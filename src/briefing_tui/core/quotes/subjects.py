"""Subjects of cues: which phrase said the words a cue introduces, read back from the cue (`X said`, `X, the
minister, said`, `X who said`, `…, calling it`), with its appositives and without its asides.

No tagger: commas mark appositives and asides, the lexicon's function words and the verbs of `clauses.py` mark
where a subject ends.
"""

from __future__ import annotations

from briefing_tui.core.quotes.clauses import (
    AND_WORDS,
    BUT_WORDS,
    DASHES,
    MAX_SUBJECT,
    REFLEXIVE,
    STOP,
    TO_WORDS,
    clause_subject,
    is_adverb,
    is_cue,
    is_verb,
    participle_opens,
)
from briefing_tui.core.quotes.lexicon import Lexicon
from briefing_tui.core.quotes.names import PARTICLES, is_title, names_one_body, org_words, person_name
from briefing_tui.core.quotes.phrases import MONTHS, WEEKDAYS, is_relative, nominal_head
from briefing_tui.core.quotes.tokens import Tok, tok

_RAISING = frozenset("reported said thought believed understood alleged known expected rumoured rumored supposed "
                     "claimed".split())
"""Participles that raise a subject over `to` (`X is reported to have said`): the cue is X's."""


def _skip_to_subject(toks: list[Tok], c: int, lex: Lexicon) -> int:
    """The index of the last word of the cue's subject: back over auxiliaries, adverbs, clitics and set asides
    (`has also said`, `went on to add`, `l'avait appelé`, `a de son côté dénoncé`)."""
    j = c - 1
    while j >= 0:
        t = toks[j]
        if not t.cap and (t.low in lex.auxiliaries or is_adverb(toks, j, lex) or t.low in lex.be or t.low in TO_WORDS
                          or t.low in lex.clitics):
            j -= 1
            continue
        if t.low in _RAISING and j > 0 and toks[j - 1].low in lex.be and toks[j + 1].low in TO_WORDS:
            j -= 2  # `Al-Majid is reported to have said`: the subject of `is`
            continue
        aside = next((a for a in lex.asides if j + 1 > len(a)  # something before it: `Elle estime` is no aside
                      and [x.low for x in toks[j + 1 - len(a):j + 1]] == list(a)
                      and (len(a) > 1 or toks[j - 1].word)), None)  # `Mélenchon lui estime`, not `…, elle pense`
        if aside is not None:
            j -= len(aside)
            continue
        if t.low in _TIMES and j > 0 and not toks[j - 1].cap and (
                toks[j - 1].low in _HOW_OFTEN or toks[j - 1].text.isdigit()):
            j -= 2  # `and several times described`: how often, not who
            continue
        break
    return j


_TIMES = frozenset(("times", "fois", "mal"))
_HOW_OFTEN = frozenset("several many two three four five six ten numerous countless multiple at some "
                       "plusieurs deux trois maintes nombreuses mehrere zwei drei".split())
"""Words before `times` that make it how often something was done (`several times`, `plusieurs fois`)."""


def subject_of(toks: list[Tok], c: int, lex: Lexicon) -> tuple[list[Tok], str] | None:
    """The subject phrase of the cue at `c`, and how it was found: `before-cue` (right before it),
    `appositive` (with commas), `subject` (the clause's subject: a participle `…, calling it`, a second verb
    `… and said`, a relative clause `a statement which read`)."""
    j = _skip_to_subject(toks, c, lex)
    if j < 0:
        return None
    t = toks[j]
    verb, _, pronoun = t.low.rpartition("-")
    if verb and pronoun in lex.pronouns and lex.code == "fr":  # `a-t-il déclaré, tout en dénonçant`: `il`
        return [tok(t.text[len(verb) + 1:], t.start + len(verb) + 1, t.end)], "before-cue"
    participle = toks[c].low.endswith(("ing", "ant")) or (j >= 0 and t.low == "en" and lex.code == "fr")
    if t.low in lex.first_person:
        return None  # `A climatologist I spoke to`: the writer
    if (t.low in lex.pronouns and not t.cap) or (t.low in lex.pronouns and (j == 0 or not toks[j - 1].word)):
        return [t], "before-cue"
    if t.low in lex.it_pronouns:
        subject = clause_subject(toks[:j], lex)  # `The ministry welcomed what it called`
        if subject and subject[0].low not in lex.it_pronouns:
            return subject, "subject"
        return [t], "before-cue"
    if (participle and (t.text == "," or t.text in DASHES or t.low in lex.prepositions)) or t.low in AND_WORDS \
            or t.low in BUT_WORDS:
        return _earlier_subject(toks, j, lex), "subject"  # `the company said in a statement, calling it`
    if (is_relative(toks, j, lex) or t.low == "that") and j > 1 and toks[j - 1].text == "," \
            and t.low in lex.relatives:
        named = _described_name(toks, j - 1, lex)  # `Mark Hay, a marine ecologist and Regents Professor at GT,
        if named:  # who said`: the name the appositive is of
            return named, "subject"
    if is_relative(toks, j, lex) or t.low == "that":
        return _subject_tokens(toks, j - 1, lex, antecedent=True), "subject"  # `Alex Greenwich who said`
    if participle and t.word and t.low not in lex.prepositions:
        region = _last_phrase(_subject_tokens(toks, j, lex), lex)
        if region and region[0].low in ("with", "avec", "mit") and len(region) > 1:
            if region[1].cap:
                return region[1:], "subject"  # `with Zinichev describing`
            if _head(region[1:], lex) in lex.person_nouns:
                return region[1:], "subject"  # `with one poster writing`
        head = _head(region, lex)
        if head in lex.documents or head in lex.person_nouns:
            return region, "subject"  # `un communiqué de presse affirmant`: the document's author speaks
        if region and region[0].cap and t.cap and toks[c].low.endswith("ing") and _names_person(region, lex):
            return region, "subject"  # `… and Ross Spano of Florida calling the process “…”`
        return _earlier_subject(toks, j + 1, lex), "subject"  # `Trump issued a statement … D.C. saying`
    region = _subject_tokens(toks, j, lex)
    start = region[0] if region else None
    if start is not None:
        k0 = toks.index(start)
        if any(is_relative(toks, k, lex) for k in range(_clause_start(toks, k0, lex), k0)) and not (
                k0 > 0 and is_relative(toks, k0 - 1, lex)):
            return clause_subject(toks[:c], lex), "subject"  # `A diplomat who attended as an observer said`
    comma = next((k for k, r in enumerate(region) if r.text == ","), None)
    if comma is not None and comma > 0 and (region[comma - 1].low in MONTHS or region[comma - 1].low in WEEKDAYS):
        return _last_phrase(region[comma + 1:], lex), "before-cue"  # `Le 7 avril, le gouvernement publie un
        # communiqué qui « … »`: when, then who
    if comma is not None:
        return region, "appositive"
    return _last_phrase(region, lex), "before-cue"


def _of_name(region: list[Tok], k: int) -> bool:
    """Whether region[k] is the `of` of a place after a name (`King Hamad of Bahrain`, `Ross Spano of Florida`): part
    of the person's phrase, not a boundary before the relative clause's antecedent."""
    return region[k].low == "of" and 0 < k < len(region) - 1 and region[k - 1].cap and region[k - 1].word \
        and region[k + 1].cap and region[k + 1].word


def _described_name(toks: list[Tok], comma: int, lex: Lexicon) -> list[Tok]:
    """The person's name before an appositive description that ends at `comma` (`led by Mark Hay, a marine
    ecologist and Regents Professor at GT,`, `de Idriss Déby, Président du Tchad,`), if the description has no
    verb of its own."""
    k = comma - 1
    while k >= 0 and toks[k].text != "," and toks[k].text not in STOP and not toks[k].masked:
        k -= 1
    if k < 1 or toks[k].text != "," or comma - k > MAX_SUBJECT:
        return []
    described = toks[k + 1:comma]
    if not described or (described[0].low not in lex.determiners and not is_title(described[0], lex)) or any(
            is_cue(described, n, lex) or is_verb(described, n, lex) for n in range(len(described))):
        return []
    end = k
    start = end
    while start > 0 and toks[start - 1].cap and toks[start - 1].word:
        start -= 1
    return toks[start:end] if end - start >= 2 and _names_person(toks[start:end], lex) else []


def _names_person(region: list[Tok], lex: Lexicon) -> bool:
    """Whether a phrase starts with a person's full name (`Ross Spano of Florida`)."""
    end = 0
    while end < len(region) and region[end].cap and region[end].word:
        end += 1
    found = person_name(region[:end], lex) if end >= 2 else None
    return found is not None and len(found[0]) >= 2 and not found[1] and not org_words(region[:end], lex)


def _head(region: list[Tok], lex: Lexicon) -> str:
    """The head noun of a phrase, folded."""
    words = [t for t in region if t.word]
    if not words:
        return ""
    return nominal_head(" ".join(t.text for t in words), lex)[0]


def _earlier_subject(toks: list[Tok], j: int, lex: Lexicon) -> list[Tok]:
    """The subject of the verb before: `X said …, calling it` -> X; else the clause's subject."""
    for c2 in range(j - 1, -1, -1):
        if toks[c2].text in STOP:
            break
        if is_cue(toks, c2, lex):
            if c2 > 0 and toks[c2 - 1].low in lex.documents and toks[c2].low.endswith("ed") and c2 + 1 < len(toks) \
                    and (toks[c2 + 1].low in lex.prepositions or toks[c2 + 1].low in lex.agent):
                continue  # `In a video message posted to Twitter, Warren … and said`: what the message is; not
                # `A tweet sent from X's account repeated the claim`
            if c2 > 0 and toks[c2 - 1].low in lex.be and not (c2 > 1 and toks[c2 - 2].low in REFLEXIVE):
                break  # `when the result was announced, calling it`: nobody announced; the clause's subject (not
                # `s'est excusé « … » dans un communiqué en expliquant`: he apologised)
            found = subject_of(toks, c2, lex)
            if found and found[0]:
                return found[0]
            break
    return clause_subject(toks[:j], lex)


def _clause_start(toks: list[Tok], k: int, lex: Lexicon) -> int:
    while k > 0 and not (toks[k - 1].text in STOP or (toks[k - 1].masked and not _a_name_given(toks, k - 1, lex))):
        k -= 1
    return k


_MARKS = frozenset("\"“”«»„‘’'")


def _a_name_given(toks: list[Tok], m: int, lex: Lexicon) -> bool:
    """Whether the quote masked at `m` is a name the clause gives (`Republic Act No. 3846, also known as the
    “Radio Control Law”, states`): it does not end the clause its subject is in."""
    k = m - 1
    while k >= 0 and toks[k].text in _MARKS:
        k -= 1
    if k >= 0 and toks[k].low in lex.determiners:
        if k > 0 and toks[k - 1].low in lex.prepositions:
            return True  # `Robert Bourgi, pilier des réseaux de la « Françafrique » et ami de Fillon, a reconnu`:
            # a term inside a description
        k -= 1
    if k >= 0 and toks[k].low in ("as", "comme", "als"):
        k -= 1
    return k >= 0 and toks[k].low in lex.naming


def subject_ending(toks: list[Tok], j: int, lex: Lexicon) -> list[Tok]:
    """The subject phrase that ends at `j` (`_subject_tokens`): the first of two people joined by `and`."""
    return _subject_tokens(toks, j, lex)


def _subject_tokens(toks: list[Tok], j: int, lex: Lexicon, antecedent: bool = False) -> list[Tok]:
    """The subject phrase that ends at `j` (a comma there closes an aside or an appositive): back to a clause
    boundary, taking in appositives (`Colin Sutherland, Lord Carloway, the Lord President of the court`),
    leaving out asides (`Coles, in its March 8 media release,`, `Trump, responding to …,`)."""
    start = _clause_start(toks, j + 1, lex)
    segments: list[list[Tok]] = [[]]
    for t in toks[start:j + 1]:
        if t.text == ",":
            segments.append([])
        else:
            segments[-1].append(t)
    relative = next((k for k in range(1, len(segments)) if segments[k] and segments[k][0].low in lex.relatives), None)
    if relative is not None and not segments[-1] and relative < len(segments) - 2:
        segments = [*segments[:relative], []]  # `Netta, who performed Toy featuring A, B, and C, said`: the relative
        # clause runs to the comma before the cue, its list's commas included
    closed = not segments[-1]
    if closed:  # a comma before the cue closes an aside or an appositive
        segments.pop()
        while len(segments) > 1 and (not segments[-1] or (_is_aside(segments[-1], lex)
                                                           and segments[-1][0].low not in lex.clause_openers)):
            segments.pop()  # `Thomas Gray, 24, who`: the age; `ALDI, in a Facebook post, called it`: the aside
    if not segments:
        return []
    nearest = segments.pop()
    while len(nearest) > 1 and not nearest[-1].cap and (nearest[-1].low in lex.auxiliaries
                                                        or nearest[-1].low in lex.be):
        nearest = nearest[:-1]  # `l’Ordre avait, dans un communiqué, déclaré`: the auxiliary before the aside
    cut = _cut_at_boundary(nearest, lex)
    if cut and segments and segments[-1] and segments[-1][0].cap and nearest[0].low in lex.possessives \
            and nearest[cut - 1].low in AND_WORDS and _is_appositive(segments[-1], lex):
        cut = 0  # `Maya Rockeymoore Cummings, his wife and the current chairwoman of …, said`: one appositive
    elif cut and segments and _is_subject_phrase(name := _past_openers(segments[-1], lex), lex) \
            and _is_description(nearest, lex):
        # `Simon Hughes, Member of Parliament for North Southwark and Bermondsey, said`, `As Ben Rozitis, a
        # planetary scientist and a co-author of the study, told`: one description, of the name before it
        return [*name, tok(",", name[-1].end, name[-1].end), *nearest]
    region = nearest_region = nearest[cut:]
    if antecedent:
        last = max((k for k, t in enumerate(region) if ((t.low in lex.prepositions and t.low not in PARTICLES)
                                                       and not _of_name(region, k))
                    or is_verb(region, k, lex) or is_cue(region, k, lex)), default=-1)
        return region[last + 1:]  # `drafted by Alex Greenwich who said`, `des représailles de l'organisation, qui`
    if cut and region and _starts_phrase(region[0], lex):
        return region  # `… while ALDI called it`: the boundary ends the search
    if cut:
        named = _trailing_name(region, lex)
        if named:
            return named  # `As lead scientist Colette Heald told`: a description the lexicon lacks, then a name
        region = []  # `…, Director General of the Institut that monitored the trial, said`: a clause inside
    while segments:
        segment = segments.pop()
        if not segment:
            continue
        if closed and region and region is nearest_region and (_is_aside(segment, lex)
                                                               or not _is_appositive(segment, lex)) \
                and _is_description(region, lex) and not _names_person(region, lex) \
                and (name := _name_ending(segment, lex)):
            # `while Bambang Widaryatmo, head of East Kalimantan's police, promised`, `Later John Smith, head of
            # …, said`: the name before the description between commas, after the words that open its clause
            return [*name, tok(",", name[-1].end, name[-1].end), *region]
        if _is_aside(segment, lex):
            continue
        if not _is_appositive(segment, lex):
            if segments and _is_description(segment, lex) and _is_name(segments[-1], lex) \
                    and not _names_person(region, lex):
                name = segments.pop()  # `Cynthia Thompson, curator … at the University of Arkansas, Fayetteville,
                comma = tok(",", segment[-1].end, segment[-1].end)  # said`: the person the description is of
                return [*name, tok(",", name[-1].end, name[-1].end), *segment, comma, *region]
            cut = _cut_at_boundary(segment, lex)  # `Tout comme Nadine Morano, ex-députée UMP, l'avait appelé`
            if 0 < cut < len(segment) and _is_appositive(segment[cut:], lex) and segment[cut].cap:
                region = [*segment[cut:], tok(",", segment[-1].end, segment[-1].end), *region]
            break
        region = [*segment, tok(",", segment[-1].end, segment[-1].end), *region] if region else segment
        if len(region) > MAX_SUBJECT:
            break
    return region


def _name_ending(segment: list[Tok], lex: Lexicon) -> list[Tok]:
    """The person's name that a segment ends with, after the words that open its clause (`Later John Smith`,
    `while Bambang Widaryatmo`), or []."""
    rest = _past_openers(segment, lex)
    if rest is not segment and _is_name(rest, lex):
        return rest
    return _trailing_name(segment, lex)


def _trailing_name(region: list[Tok], lex: Lexicon) -> list[Tok]:
    """The person's full name that ends a region after lower-case words (`lead scientist Colette Heald`)."""
    k = len(region)
    while k > 0 and region[k - 1].cap and region[k - 1].word:
        k -= 1
    if k == 0 or len(region) - k < 2 or not all(t.word and not t.cap for t in region[:k]):
        return []
    name = region[k:]
    return name if _is_name(name, lex) and not any(t.text.endswith(("'", "’", "'s", "’s")) for t in name) else []


def _is_description(segment: list[Tok], lex: Lexicon) -> bool:
    """A description with no verb of its own (`curator and director of exhibits at the University`, `Member of
    Parliament for North Southwark and Bermondsey`): lower-case, or opened by an office or a person's noun."""
    first = segment[0]
    return len(segment) <= 12 and first.word and (not first.cap or first.low in lex.person_nouns
                                                   or first.low in lex.titles) and not any(
        is_cue(segment, k, lex) or is_verb(segment, k, lex) or t.masked
        or (t.low in lex.clause_openers and t.low not in AND_WORDS and not _inside_name(segment, k, lex))
        for k, t in enumerate(segment))  # with no verb, `and` joins descriptions (`a scientist and a co-author`)


def _past_openers(segment: list[Tok], lex: Lexicon) -> list[Tok]:
    """The segment without the words that open its clause (`As Ben Rozitis` is the name `Ben Rozitis`)."""
    k = 0
    while k < len(segment) - 1 and (segment[k].low in lex.clause_openers or segment[k].low in lex.discourse):
        k += 1
    return segment[k:]


def _is_subject_phrase(segment: list[Tok], lex: Lexicon) -> bool:
    """A segment that can be the subject a description between commas is of: a person's full name, with titles
    or not (`Dr Tan Heok Hui`), or a phrase opened by an article or a possessive with no verb (`The official`)."""
    if not segment:
        return False
    if all(t.cap and t.word for t in segment):
        found = person_name(segment, lex)
        return found is not None and len(found[0]) >= 2 and not org_words(found[0], lex)
    return segment[0].low in lex.determiners and len(segment) <= 6 and segment[0].low not in lex.prepositions \
        and all(t.word for t in segment) and _is_appositive(segment, lex)


def _is_name(segment: list[Tok], lex: Lexicon) -> bool:
    """A segment that is a person's full name and nothing else (`Cynthia Thompson`)."""
    return all(t.cap and t.word for t in segment) and _names_person(segment, lex)


def _cut_at_boundary(segment: list[Tok], lex: Lexicon) -> int:
    """Where the subject starts in the segment right before a cue: after its last clause boundary or verb."""
    agent = next((k for k in range(len(segment) - 1, -1, -1) if segment[k].low in lex.agent), -1)
    for k in range(len(segment) - 1, -1, -1):
        t = segment[k]
        if t.masked or t.text in STOP or t.text in DASHES or is_relative(segment, k, lex) \
                or (t.low in lex.clause_openers and not _inside_name(segment, k, lex)) \
                or (k < len(segment) - 1 and (is_cue(segment, k, lex) or is_verb(segment, k, lex)) and k > agent
                    and not (k and segment[k - 1].low in lex.documents)):
            return k + 1  # a verb before a passive's agent is a participle: `A message sent … by X said`; so is
            # one right after a document (`A tweet sent from Biden's account … repeated`)
    return 0


def _starts_phrase(t: Tok, lex: Lexicon) -> bool:
    return t.cap or t.low in lex.determiners or t.low in lex.possessives or t.low in lex.pronouns \
        or is_title(t, lex) or t.low in lex.person_nouns or t.text[0].isdigit()


_ALSO = frozenset(("also", "better", "aussi", "auch"))


def _is_aside(segment: list[Tok], lex: Lexicon) -> bool:
    """A part between commas that is not the subject: a circumstance, a participle, a relative clause, an age (not
    an age before a name: `25-year-old Netta`)."""
    first = segment[0]
    naming = segment[1] if first.low in _ALSO and len(segment) > 1 else first
    if naming.low in lex.naming and not naming.cap:
        return True  # `, known as the Hammer,`, `, also known as the “Radio Control Law”,`: another name
    if first.low in lex.determiners and 1 < len(segment) <= 4 \
            and all(t.low in lex.circumstances for t in segment[1:]):
        return True  # `, ce jeudi matin,`: a time
    if first.low in lex.determiners and len(segment) > 1 \
            and not any(tuple(t.low for t in segment[:len(a)]) == a for a in lex.asides):
        return False  # `De nombreux habitants,`: a French article that is also a preposition
    return first.low in lex.prepositions or first.low in lex.cut_prepositions or first.low in lex.clause_openers \
        or first.low in lex.adverbs \
        or first.low in lex.discourse or first.low in lex.circumstances \
        or (first.text[0].isdigit() and not any(t.cap for t in segment[1:])) \
        or is_relative(segment, 0, lex) or first.low in lex.relatives or participle_opens(segment, 0, lex) \
        or (first.low.endswith(("ing", "ant")) and not first.cap) \
        or (len(segment) == 1 and not first.cap and first.word)


def _is_appositive(segment: list[Tok], lex: Lexicon) -> bool:
    """A name or a description beside the subject, with no verb of its own."""
    first = segment[0]
    if not (first.cap or first.low in lex.determiners or first.low in lex.possessives or is_title(first, lex)
            or first.low in lex.person_nouns) or len(segment) > 10:
        return False
    return not any(is_cue(segment, k, lex) or is_verb(segment, k, lex) or t.low in lex.clause_openers
                   for k, t in enumerate(segment) if k)


def _last_phrase(region: list[Tok], lex: Lexicon) -> list[Tok]:
    """The last noun phrase of a region: `a move one trader` -> `one trader` (a determiner after a noun starts
    a new phrase; after a preposition it starts a complement: `The head of the police's investigators`)."""
    if any(t.text == "," for t in region):
        return region
    for k in range(len(region) - 1, 0, -1):
        t, before = region[k], region[k - 1]
        if (t.low in lex.determiners and t.low not in ("that",) and t.low not in lex.prepositions) \
                and before.word and not before.cap and before.low not in lex.prepositions \
                and before.low not in lex.determiners and before.low not in lex.possessives \
                and before.low not in PARTICLES:
            return region[k:]
    return region


def _inside_name(toks: list[Tok], k: int, lex: Lexicon) -> bool:
    """`and` inside a description (`trade and industry commissioner`, `of American University and contributor
    to Slate`) or a body's name (`The High Court of England and Wales`), not between two clauses or two
    subjects."""
    if not (toks[k].low in AND_WORDS and 0 < k < len(toks) - 1 and toks[k + 1].word):
        return False
    if toks[k + 1].cap:
        start = k
        while start > max(0, k - _NAME_REACH) and toks[start - 1].word and (
                toks[start - 1].cap or toks[start - 1].low in PARTICLES or toks[start - 1].low == "of"
                or (toks[start - 1].low in _NAME_LINKS and start > 1 and toks[start - 2].cap)):
            start -= 1  # `The Centers for Disease Control and Prevention`, `the Committee on Trade and Industry`
        return start < k and toks[k - 1].cap and names_one_body(toks, start, k, lex)
    return toks[k + 1].low not in ("the", "a", "an", "le", "la", "les", "der", "die", "das")


_NAME_LINKS = frozenset(("for", "on"))
"""Words inside a body's name between capitalised words, besides `of` and the particles."""
_NAME_REACH = 8
"""Words looked back over for the body an `and` may be inside: names are short."""
