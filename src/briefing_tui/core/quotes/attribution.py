"""Rule-based speaker attribution (docs/quotes.md): a speaker only when the text supports one.

The rules look at the sentence around a quote: a cue after it (`,” she said`, `,” said X`),
a cue before it (`X said: “`, `X warned that “`), `according to X`, the subject of the sentence
when a cue joins it to the quote, and pronouns resolved to the last named subject. Names are
kept without their titles (`Secretary of State Marco Rubio` -> `Marco Rubio`), and a surname
alone resolves to the full name seen earlier in the article.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from briefing_tui.core import versions
from briefing_tui.core.quotes.names import PRONOUN_GENDER, given_name_gender, is_given_name, word_gender
from briefing_tui.core.quotes.spans import Span

CUE_WORDS = """
said says say saying told tells telling warned warns warning added adds adding asserted asserts asserting
insisted insists insisting claimed claims claiming stated states stating noted notes noting argued argues
arguing explained explains declared declares announced announces admitted admits admitting acknowledged
acknowledges suggested suggests suggesting wrote writes writing recalled recalls replied replies responded
responds continued continues concluded stressed stresses emphasized emphasised urged urges called calls
calling described describes describing echoed echoes compared compares dismissed dismisses affirmed cautioned
predicted vowed vows pledged promised complained conceded agreed countered observed remarked quipped joked
tweeted posted mused shouted asked asks maintained maintains reiterated repeated
confirmed denied denies boasted charged testified
blamed blames accused accuses criticised criticized praised welcomed welcomes
muttered mutters whispered whispers sighed laughed snapped shouts cried exclaimed grumbled yelled murmured
ruled rules branded brands labelled labeled hailed hails slammed slams revealed reveals recounted recounts
lamented laments pleaded demanded demands signalled signaled reckoned reckons
sagte sagt sagten erklärte erklärt erklärten betonte betont meinte meint warnte warnt fügte nannte nennt
kritisierte kritisiert forderte fordert sprach fragte fragt antwortete antwortet rief berichtete berichtet
ergänzte ergänzt räumte schrieb schreibt versicherte versichert mahnte mahnt bekräftigte unterstrich
beschrieb beschreibt kommentierte kommentiert bestätigte bestätigt klagte klagt schimpfte schimpft
déclaré déclare dit affirmé affirme ajouté ajoute estimé estime expliqué explique souligné souligne jugé
résumé résume assuré assure précisé précise raconté raconte confié confie indiqué indique reconnu reconnaît
lancé lance insisté insiste martelé martèle regretté regrette dénoncé dénonce prévenu prévient rappelé
rappelle commenté commente poursuivi poursuit averti avertit témoigné témoigne répondu répond conclu conclut
annoncé annonce
retorted rebutted protested objected interjected confided confessed alleged opined scoffed sniffed fumed
groaned gushed enthused marvelled marveled reasoned speculated proclaimed hinted threatened bemoaned decried
condemned denounced ridiculed mocked derided summarised summarized wondered emailed texted
kündigte kündigt verriet verrät erzählte erzählt beklagte beklagt lobte lobt bezeichnete bezeichnet entgegnete
entgegnet erwiderte erwidert widersprach widerspricht versprach verspricht appellierte resümierte präzisierte
verwies verweist erinnerte erinnert schilderte schildert drohte droht warnten forderten kritisierten
promis promet répété répète admis admet avoué avoue concédé concède lâché lâche glissé glisse tranché tranche
nuancé nuance ironisé ironise plaisanté plaisante soupiré soupire rétorqué rétorque répliqué réplique objecté
objecte protesté proteste fustigé fustige déploré déplore salué salue critiqué critique alerté alerte juré jure
confirmé confirme démenti dément détaillé détaille analysé analyse souri sourit écrit demandé demande
noté note observé observe relevé relève avancé avance défendu défend plaidé plaide accusé accuse souvient
inquiète réjouit félicite étonne emporte indigne agace interroge exclame désole amuse
estimant affirmant dénonçant jugeant soulignant expliquant assurant précisant rappelant ajoutant déclarant
regrettant constate constaté évoque évoqué qualifie qualifié décrit parle parlé tempère tempéré résument
""".split()
_CUES = "|".join(sorted(set(CUE_WORDS), key=len, reverse=True))
PRONOUNS = {"he", "she", "they", "er", "sie", "il", "elle"}
# Words that may stand before a name as its title or description, never part of it.
TITLE_WORDS = set("""
president vice prime minister secretary general state foreign defense defence finance interior chancellor
senator sen rep representative governor gov mayor king queen prince princess pope ambassador spokesman
spokeswoman spokesperson chief executive director commander admiral lt col colonel captain chairman chair
chairwoman mr mrs ms dr prof professor sir lord lady judge justice speaker leader deputy head former
acting assistant undersecretary envoy official premier sheikh emir crown gen
hungarian russian ukrainian american european british french german chinese polish italian spanish
israeli iranian turkish dutch belgian swedish finnish norwegian danish estonian latvian lithuanian
romanian czech slovak austrian swiss canadian japanese korean indian saudi syrian nato eu un us u.s.
uk u.k. white house kremlin senior top analyst coach economist researcher editor correspondent lawyer
attorney manager chairperson ceo cfo founder owner trader
hydrologist scientist historian biologist geologist epidemiologist physicist chemist meteorologist
climatologist sociologist psychologist novelist journalist columnist activist campaigner author architect engineer
councillor councilor councilman councilwoman alderman commissioner inspector superintendent sergeant
detective bishop archbishop rabbi imam dame baroness baron midfielder striker defender goalkeeper substitute
abgeordnete abgeordneter stadtrat stadträtin
kanzler kanzlerin gesandte gesandter ministerin präsident präsidentin sprecher sprecherin botschafter
ministre président présidente envoyé porte-parole
""".split())
ORG_HEADS = set("""
council institute university party ministry department office agency union association group company bank
commission committee court government authority service services board foundation alliance federation
corporation press times post news fund league club firm operator regulator watchdog airline trust
hospital school police army navy team network museum zoo orchestra processor carrier
ministerium regierung verband verein gemeinde stadt konzern unternehmen gericht
direction mairie préfecture ministère gouvernement entreprise société syndicat réseau
""".split())
NOT_NAMES = set("""
the a an this that these those however meanwhile but and yet so still despite in on at for from with by
after before during while when if although though since as it its his her their our we i you there here
speaking according asked earlier later today yesterday tomorrow last next many some most other others
monday tuesday wednesday thursday friday saturday sunday
ein eine einer der die das den dem des le la les un une du
""".split())
ROLE_NOUNS = (
    "official|officials|spokesperson|spokesman|spokeswoman|diplomat|diplomats|analyst|analysts|source|sources|"
    "minister|aide|officer|adviser|advisor|expert|experts|observer|observers|lawmaker|lawmakers|commander|"
    "statement|ministry|spokesperson|envoy|negotiator|resident|residents|witness|witnesses|critic|critics|"
    "campaigner|campaigners|activist|activists|delegate|delegates|nurse|doctor|engineer|member|members|"
    "sprecher|sprecherin|beamter|beamtin|diplomat|experte|expertin|porte-parole|responsable|diplomate"
)
_ROLE_NOUN_SET = frozenset(ROLE_NOUNS.split("|"))
_PERSON_NOMINAL_CORE = (
    rf"(?:[Aa]n?|[Tt]he|[Oo]ne|[Ee]ine?|[Dd]er|[Dd]ie|[Uu]ne?|[Ll]e|[Ll]a)\s+(?:[\w’'-]+\s+){{0,2}}?(?:{ROLE_NOUNS})"
    r"(?:\s+(?:from|of|for|at|in|with|close to|familiar with|des|der|von|du|de la|de l’)(?:\s+[\w’'-]+){1,6}?)?"
)
_PERSON_NOMINAL = re.compile(_PERSON_NOMINAL_CORE + r"(?=\s+(?-i:[a-zäöüéè]))", re.IGNORECASE)
_WHOLE_PERSON_NOMINAL = re.compile(_PERSON_NOMINAL_CORE, re.IGNORECASE)
"""A person described, not named, with what follows the noun: `A diplomat from one of the smaller delegations`."""
_NAME_TOKEN = r"(?:[A-ZÀ-ÖØ-Þ][\w\u00C0-\u024F'’.-]*)"
_NAME_RUN = re.compile(rf"{_NAME_TOKEN}(?:\s+(?:(?:de|da|van|von|der|al|bin|le|la|of)\s+)?{_NAME_TOKEN})*")
_NOMINAL = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal)\s+(?:[\w.’'-]+\s+){{0,3}}?(?:{ROLE_NOUNS})\b"
)
_A_NOMINAL = re.compile(rf"\b[Aa]n?\s+(?:[\w.’'-]+\s+){{0,3}}?(?:{ROLE_NOUNS})\b")
"""`a senior official`: the nominals `_learn` remembers, so that `the official` later means the same person."""
_CUE_SET = frozenset(CUE_WORDS)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")  # `so-called` is one word, not the cue `called`
_AFTER = re.compile(
    rf"^[\s,.!?;:—–-]*(?:(?!s[e’']\s*(?:{_CUES})\b)(?P<who>[^,.;:!?“”\"]{{1,80}}?)\s+"
    rf"(?P<cue>{_CUES}|a-t-(?:il|elle) (?:{_CUES}))\b"
    rf"|(?:s[e’']\s*)?(?P<cue2>{_CUES})\s+(?P<who2>[^.;:!?“”\"]{{1,120}}))",
    re.IGNORECASE,
)
_ACCORDING = re.compile(r"\b(?:according to|selon|laut)\s+(?P<who>[^,.;:!?“”\"«»]{1,80})", re.IGNORECASE)
# French inversion after a quote: `», a-t-il affirmé` (a pronoun) and `», a déclaré Claire Dubois`.
_FR_INVERTED = re.compile(
    rf"^[\s,.!?;:—–-]*(?:a-t-(?P<pro>il|elle)\s+(?P<cue>{_CUES})"
    rf"|(?:s[e’']\s*)?(?P<cue2>{_CUES})-(?:t-)?(?P<pro2>il|elle))\b", re.IGNORECASE)
"""`», a-t-il promis`, `», explique-t-elle`, `», dit-il`, `», s’inquiète-t-elle`: a pronoun after the verb."""
_AFTER_APPOSITIVE = re.compile(
    rf"^[\s,]*(?:[^,.;:!?“”\"]{{1,60}}),\s+(?P<who>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,3}}),\s+(?P<cue>{_CUES})\b")
_AFTER_RELATIVE = re.compile(
    rf"^[\s,]*(?P<who>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,3}}),\s+(?:who|whose|whom|der|die|qui|dont)\b"
    rf"[^“”\"„«»]{{1,160}}?,\s+(?P<cue>{_CUES})\b")
"""`,” Sean Doyle, whose family has fished here for four generations, told the meeting`."""
_LED_NAME = re.compile(rf"(?:{_NAME_TOKEN}\s+){{1,3}}(?P<desc>(?:[a-z][\w-]*\s+){{1,3}})"
                       rf"(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN})+)")
_APPOSITIVE_SUBJECT = re.compile(
    rf"(?:(?:The|A|An|Its|His|Her|Their|Der|Die|Das|Le|La|Les|Son|Sa|Ihr|Ihre|Sein|Seine)\s"
    rf"|(?:{_NAME_TOKEN}\s+)?{_NAME_TOKEN}[’']s\s)[^,.;:!?]{{1,60}},\s+(?P<desc>(?:[a-z][\w-]*\s+){{0,3}})"
    rf"(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN})*),")
"""`The quarry's operations director, Rebecca Lyle, said`, `Mr Price's mother, Julie Price,`, `The keeper, Ruth,`."""
_RELATIVE_HEAD = re.compile(r"(?P<subj>[^,]{2,80}?)(?:,?\s+(?:who|whose|qui)|,\s+(?:der|die|das))\s")
"""`A senior European diplomat who attended as an observer said`: the speaker is before `who`."""
_WHAT_PRONOUN = re.compile(r"\b(?:what|which)\s+(?:it|he|she|they)$", re.IGNORECASE)
"""`The ministry welcomed what it called a “prudent” decision`: the speaker is the sentence's subject."""
_CLAUSE = re.compile(r"\s+(?:as|while|when|after|before|because|since|who|which|whose)\s+")
"""Where a clause starts after the speaker in `said X as …`."""
_DE_SO = re.compile(r"^\s*,\s*so\s+(?P<who>[^.;:!?“”\"„«»,]{1,80})")
_FR_AFTER = re.compile(rf"^[\s,.!?;:—–-]*a\s+(?P<cue>{_CUES})\s+(?P<who>[^.;:!?“”\"«»]{{1,120}})", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?<![.!?]{2})[.!?]*+[\"”’»)]*+\s+(?=[\"“‘„«»(]?[A-ZÀ-Þ])")
"""Only the first mark of a run starts a match, and nothing is given back: a run of 30,000 full stops
cost a quadratic 22 s when each of its marks started a match that scanned to the end of the run. The
pattern starts with the mark itself (the look back comes after it) so that the search skips ahead to
the next mark: starting with the look back made it try every position, four times slower."""
_DISCOURSE = re.compile(
    r"^(?:(?:However|Meanwhile|But|And|Yet|Still|Later|Earlier|Separately|Instead|Also|Then|Now|"
    r"In a statement|In an interview|On \w+day|Speaking [^,]{0,80}|Asked [^,]{0,80}),\s*|(?:But|And|Yet|Still)\s+)"
)
_ORG_PREFIX = re.compile(r"\s(?:of|at|for|from|in)(?:\s+the)?(?:\s+[a-z][\w-]*){0,2}\s+$")
"""`of the fictional` before an organisation's name: `Jan Kowalski of the fictional University of Ostrava`."""
_POSSESSIVE_NOMINAL = re.compile(rf"(?:[Tt]he\s+)?[\w-]+[’']s\s+(?:[\w-]+\s+){{0,2}}?(?:{ROLE_NOUNS})\b")
_LOOSE_NOMINAL = re.compile(r"(?:[Aa]n?|[Tt]he|[Oo]ne)\s+[\w’'-]+(?:\s+[\w’'-]+){0,3}")
_POSSESSIVES = {"his", "her", "their", "its", "sein", "seine", "ihr", "ihre", "son", "sa", "ses", "leur"}
_NOMINAL_DETERMINERS = {"a", "an", "the", "one", "ein", "eine", "einer", "der", "die", "das", "un", "une", "le", "la",
                        "les", "l’", "l'", *_POSSESSIVES}


def _is_det(word: str) -> bool:
    """A determiner or possessive that opens a nominal phrase; `UN` and `LA` are not `un` and `la`."""
    return word.lower() in _NOMINAL_DETERMINERS and not (len(word) > 1 and word.isupper())


_FUNCTION_WORDS = {"by", "to", "of", "in", "on", "at", "for", "with", "from", "the", "a", "an", "and", "or", "that"}
_PASSIVE = {"was", "were", "is", "are", "be", "been", "being"}
_AUXILIARIES = {"a", "hat", "ont", "avait", "has", "have", "had"}
"""Words between a subject and its cue in compound tenses (`Une usagère a résumé`)."""
TITLE_SUFFIXES = ("minister", "ministerin", "präsident", "präsidentin", "meister", "meisterin", "sprecher",
                  "sprecherin", "kanzler", "kanzlerin", "expertin", "experte", "direktor", "direktorin",
                  "botschafter", "botschafterin", "chef", "chefin", "dezernent", "dezernentin", "intendant",
                  "intendantin", "leiter", "leiterin", "vorsitzende", "vorsitzender", "schauspieler", "vorstand",
                  "vorständin", "sekretär", "sekretärin", "trainer", "trainerin", "berater", "beraterin",
                  "forscher", "forscherin", "ökonom", "ökonomin", "anwalt", "anwältin", "richter", "richterin",
                  "schauspielerin")
_WORD_CHAR = re.compile(r"\w")
_EN_PRONOUNS = frozenset({"he", "him", "his", "she", "her"})
_PUNCTUATION = re.compile(r"[^\w\s]+")
_TITLE_DOT = re.compile(r"\b(Dr|Mr|Mrs|Ms|Prof|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Cpt|Adm|Hon|Rev|St)\.(?=\s)")
RULES_VERSION = versions.RULES_VERSION
"""Bump it in `versions` when the rules change what they find: the index stores speakers."""
MAX_ATTRIBUTED = 5000
"""Quotes past this many in one article get no speaker: no real article has so many, a hostile one must not stall."""
WINDOW = 400
"""How far before and after a quote attribution looks, at most."""
_ADVERBS = {"even", "also", "later", "then", "again", "once", "has", "have", "had", "was", "is", "reportedly",
            "previously", "repeatedly", "bluntly", "flatly", "recently", "further", "quickly", "simply"}


@dataclass
class _Context:
    """What attribution remembers while it walks through one article in order."""

    full_names: dict[str, str] = field(default_factory=dict)  # surname -> full name
    last_subject: str | None = None
    last_named: str | None = None  # the last full name in the text, when no subject was named yet
    nominals: dict[str, str] = field(default_factory=dict)  # head noun -> nominal phrase as written
    gender: dict[str, str] = field(default_factory=dict)  # name -> 'm' / 'f', from what the text says
    mentions: list[str] = field(default_factory=list)  # names seen so far, the latest last
    persons: set[str] = field(default_factory=set)  # names seen as a speaker or a sentence's subject
    last_org: str | None = None  # the last organisation named as `the …`, for `it said`


_OPPOSITE = {"m": "f", "f": "m"}
MAX_MENTIONS = 40


def _mention(name: str | None, ctx: _Context) -> None:
    """Note that a person was just named (a full name, or a given name introduced as `her son, Liam`)."""
    if not name or not name[0].isupper():
        return
    if name in ctx.mentions:
        ctx.mentions.remove(name)
    ctx.mentions.append(name)
    del ctx.mentions[:-MAX_MENTIONS]


def _gender_of(name: str, ctx: _Context) -> str | None:
    """What the text said about this person, else what the given name suggests, else None."""
    if name in ctx.gender:
        return ctx.gender[name]
    if name[:1].isupper():
        return given_name_gender(name)
    for word in name.split():  # `a council spokeswoman`
        if (g := word_gender(word)) is not None:
            return g
    return None


def _referent(pronoun: str, ctx: _Context, fallback: str | None = None) -> str | None:
    """Who `he` / `she` / `er` / `elle` means: the last subject, unless that person is known to be
    of the other gender; then the latest person named who is not (None when nobody fits)."""
    candidate = ctx.last_subject or fallback
    want = PRONOUN_GENDER.get(pronoun.lower())
    if want is None or (candidate is not None and _gender_of(candidate, ctx) != _OPPOSITE[want]):
        return candidate
    for name in reversed(ctx.mentions):  # a person: known to be a man or a woman, or seen speaking
        gender = _gender_of(name, ctx)
        if gender == want or (gender is None and name in ctx.persons):
            return name
    return None


def attribute(paragraphs: list[str] | tuple[str, ...], spans: list[Span]) -> list[tuple[str | None, str | None]]:
    """Return (speaker, cue) for each span, in order."""
    ctx = _Context()
    results: list[tuple[str | None, str | None]] = []
    by_para: dict[int, list[int]] = {}
    for k, span in enumerate(spans):
        by_para.setdefault(span.paragraph, []).append(k)
    prev: tuple[str | None, str | None] = (None, None)
    for p, text in enumerate(paragraphs):
        if len(results) >= MAX_ATTRIBUTED:
            break
        quote_ids = by_para.get(p, [])
        masked = _mask_quotes(text, [spans[k] for k in quote_ids])
        ends = [m.end() for m in _SENTENCE_END.finditer(masked)] if quote_ids else []
        cursor = 0
        for k in quote_ids:
            if k >= MAX_ATTRIBUTED:
                break
            span = spans[k]
            _learn(masked[cursor:span.start], ctx)
            cursor = span.start
            result = _attribute_one(masked, ends, span, ctx)
            if result[0] is None and (span.continuation or _opens_paragraph_after_quote(spans, k, paragraphs)):
                result = (prev[0], prev[1]) if prev[0] else result
            if result[0] is None:
                result = _same_sentence_speaker(masked, span, spans, k, results)
            results.append(result)
            if result[0]:
                prev = result
                ctx.persons.add(result[0])
                _mention(result[0], ctx)
                if result[0][0].isupper() and " " in result[0]:
                    ctx.last_subject = result[0]
        _learn(masked[cursor:], ctx)
    results.extend([(None, None)] * (len(spans) - len(results)))
    for k in range(len(results) - 2, -1, -1):  # a quote run on over paragraphs: its speaker is named at its end
        if results[k][0] is None and spans[k].continued and spans[k + 1].continuation and results[k + 1][0]:
            results[k] = results[k + 1]
    return results


def _opens_paragraph_after_quote(spans: list[Span], k: int, paragraphs: list[str] | tuple[str, ...]) -> bool:
    """A paragraph that opens with a quoted sentence, right after a paragraph with a quote, goes on with
    that speaker; a phrase or a title that opens one (`“The Keeper's Year” is published…`) does not."""
    span = spans[k]
    text = paragraphs[span.paragraph]
    if not (k > 0 and spans[k - 1].paragraph == span.paragraph - 1 and span.start == len(text) - len(text.lstrip())):
        return False
    inner = text[span.text_start:span.text_end].rstrip()
    if not (inner.endswith((".", ",", "!", "?", "…", ":", ";")) or span.continued):
        return False
    outside = text[:span.start] + text[span.end:]  # a paragraph with its own cue names its own speaker
    return not _find_cues(outside) and ":" not in outside


def _mask_quotes(text: str, spans: list[Span]) -> str:
    """The paragraph with quoted words blanked out, so names inside quotes are not subjects."""
    pieces: list[str] = []
    cursor = 0
    for s in spans:
        pieces.append(text[cursor:s.text_start])
        pieces.append(_WORD_CHAR.sub("x", text[s.text_start:s.text_end]))
        cursor = s.text_end
    pieces.append(text[cursor:])
    # `Dr. Omar Haddad`: a title's full stop ends no sentence and cuts no name (same length, offsets hold).
    return _TITLE_DOT.sub(lambda m: m.group(1) + " ", "".join(pieces))


def _sentence_bounds(masked: str, ends: list[int], start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end), at most WINDOW characters either side (so long text stays linear)."""
    k = bisect.bisect_right(ends, start)
    s = ends[k - 1] if k else 0
    k = bisect.bisect_right(ends, end)
    e = ends[k] if k < len(ends) else len(masked)
    return max(s, start - WINDOW), min(e, end + WINDOW)


def _attribute_one(masked: str, ends: list[int], span: Span, ctx: _Context) -> tuple[str | None, str | None]:
    s, e = _sentence_bounds(masked, ends, span.start, max(span.start, span.text_end - 1))
    before = masked[s:span.start]
    after = masked[span.end:max(e, span.end)]
    # 1. A cue right after the quote: `,” he said` / `,” said Mark Rutte` / `,” the official said`.
    fr = _FR_INVERTED.match(after)
    if fr and (speaker := _referent(fr["pro"] or fr["pro2"], ctx, fallback=ctx.last_named)):
        return speaker, (fr["cue"] or fr["cue2"]).lower()
    rel = _AFTER_RELATIVE.match(after)
    if rel and (speaker := _name(rel["who"], ctx, allow_single=True)):
        return speaker, rel["cue"].lower()
    ap = _AFTER_APPOSITIVE.match(after)
    if ap and (speaker := _name(ap["who"], ctx, allow_single=False)):
        return speaker, ap["cue"].lower()
    so = _DE_SO.match(after)
    if so and (so["who"][:1].isupper() or so["who"].split()[0] in _NOMINAL_DETERMINERS) \
            and (speaker := _resolve(so["who"], ctx, after_quote=True)):  # `so Berger`, `so der Sprecher`
        return speaker, "so"
    fr2 = _FR_AFTER.match(after)
    if fr2 and (speaker := _resolve(fr2["who"], ctx, after_quote=True)):  # `le vainqueur, Lucas Fontaine,`
        return speaker, fr2["cue"].lower()
    m = _AFTER.match(after)
    if m:
        cue = (m["cue"] or m["cue2"]).lower()
        if m["who"] is not None:
            speaker = _resolve(m["who"], ctx, after_quote=True, whole=True)
        else:
            who = m["who2"]
            if _is_det(who.split()[0]) and "," in who:
                for part in who.split(",")[1:]:  # `sagte die Kanzlerin …, Greta Hollmann, vor dem Haus`
                    run = _NAME_RUN.fullmatch(part.strip())
                    if run and len(_from_given_name(_strip_titles(run.group().split()))) >= 2:
                        who = part
                        break
            speaker = _resolve(who, ctx, after_quote=True)
        if speaker:
            return speaker, cue
    # 2. `according to X`, after or before.
    for part in (after, before):
        m2 = _ACCORDING.search(part)
        if m2 and (speaker := _resolve(m2["who"], ctx)):
            return speaker, "according to"
    # 3. A cue before the quote, with its subject just before it: `Trump admitted it was “…”`.
    cues = _find_cues(before)
    for cue_m in reversed(cues):
        head = before[:cue_m.start()].rstrip()
        words = head.split()
        if words and words[-1].lower() in _PASSIVE and cue_m.group().lower().endswith("ed"):
            continue  # `when the result was announced`: nobody speaks
        while words and (words[-1].lower() in _ADVERBS or words[-1].lower() in _AUXILIARIES):
            words.pop()
        head = " ".join(words)
        rel = _RELATIVE_HEAD.match(head) if head == before[:cue_m.start()].strip() else None
        if rel and (speaker := _subject_at_end(rel["subj"], ctx)):
            return speaker, cue_m.group().lower()  # `A senior diplomat who attended as an observer said`
        if head.endswith((",", ";")) or _WHAT_PRONOUN.search(head):  # `…, asserting that “…”`
            speaker = _sentence_subject(before, ctx)  # the participle belongs to the subject
            if speaker is None and _WHAT_PRONOUN.search(head) and (phrase := _leading_phrase(before)):
                speaker = _nominal(phrase, ctx)  # `The weather service issued a warning, which it calls “…”`
        else:
            speaker = _subject_at_end(head, ctx)
            if speaker is None and (phrase := _nominal_at_end(head)):
                speaker = _nominal(phrase, ctx)
        if speaker:
            return speaker, cue_m.group().lower()
    # 4. The subject of the sentence, when a cue or a colon joins it to the quote.
    subject = _sentence_subject(before, ctx)
    if subject:
        if cues:
            return subject, cues[-1].group().lower()
        if before.rstrip().endswith(":"):
            return subject, ":"
    # 5. A colon or cue with no subject at the start: the first full name before the quote
    #    (`Le … Luc Marchand a résumé : «`).
    if cues or before.rstrip().endswith(":"):
        for run in _NAME_RUN.finditer(before):
            tokens = _strip_titles(run.group().split())
            if len(tokens) >= 2 and (name := _name(run.group(), ctx, allow_single=False)):
                return name, cues[-1].group().lower() if cues else ":"
    return None, None


def _find_cues(text: str) -> list[re.Match[str]]:
    """Cue words in `text`, in order (a set lookup per word: far faster than one big alternation)."""
    return [m for m in _WORD.finditer(text) if m.group().lower() in _CUE_SET]


def _same_sentence_speaker(masked: str, span: Span, spans: list[Span], k: int,
                           results: list[tuple[str | None, str | None]]) -> tuple[str | None, str | None]:
    """A second quote in the sentence of an attributed one shares its speaker (`“daddy” … “underlings”`)."""
    if k == 0 or not results or spans[k - 1].paragraph != span.paragraph:
        return None, None
    between = masked[spans[k - 1].end:span.start]
    names = [r for r in _NAME_RUN.finditer(between) if len(_strip_titles(r.group().split())) >= 2]
    if results[-1][0] and not names:
        return results[-1]  # the same speaker goes on, in this sentence or the next
    return None, None


def _subject_at_end(head: str, ctx: _Context) -> str | None:
    """The name, pronoun or nominal phrase that ends `head` (the words before a cue verb)."""
    if not head:
        return None
    last = head.split()[-1]
    if last.lower() in PRONOUNS:
        return _referent(last, ctx)
    if last.lower() == "it" and len(head.split()) == 1:
        return ctx.last_org
    words = head.split()
    if _is_det(words[0]) and len(words) <= 6 and "," not in head:
        return _nominal(head, ctx)  # `Ein Sprecher des Netzbetreibers sagte`, `The port operator said`
    if "," not in head and _WHOLE_PERSON_NOMINAL.fullmatch(head):
        return _nominal(head, ctx)
    nominals = list(_NOMINAL.finditer(head))
    if nominals and nominals[-1].end() == len(head):
        return _nominal(nominals[-1].group(), ctx)
    runs = list(_NAME_RUN.finditer(head))
    if runs and runs[-1].end() == len(head):
        run = runs[-1]
        org = _ORG_PREFIX.search(head, 0, run.start())
        if org and org.end() == run.start():  # `Philippe Dickinson of the Atlantic Council warned`
            return _subject_at_end(head[:org.start()].rstrip(), ctx)
        sentence_initial = run.start() == 0
        alone = (run.group() == head and " " not in head  # `Skyvale said …`: the word is the whole subject
                 and head.lower() not in _ROLE_NOUN_SET)  # but `Critics have called it …` names nobody
        return _name(run.group(), ctx, allow_single=not sentence_initial or alone or _known(run.group(), ctx))
    return None


def _sentence_subject(before: str, ctx: _Context) -> str | None:
    """The person a sentence starts with, after discourse markers (`However, …`)."""
    text = before.lstrip()
    for _ in range(3):
        m = _DISCOURSE.match(text)
        if not m:
            break
        text = text[m.end():]
    first = text.split(" ", 1)[0].strip(",") if text else ""
    if first.lower() in PRONOUNS:
        return _referent(first, ctx)
    ap = _APPOSITIVE_SUBJECT.match(text)
    if ap and _describes(ap["desc"]):
        tokens = _from_given_name(_strip_titles(ap["name"].split()))
        if len(tokens) >= 2 and (name := _name(ap["name"], ctx, allow_single=False)):
            return name
        if len(tokens) == 1 and is_given_name(tokens[0]):  # `The keeper, Ruth,`
            ctx.persons.add(tokens[0])
            _mention(tokens[0], ctx)
            return tokens[0]
    phrase = _nominal_subject(text)
    if phrase is not None:
        rest = text[len(phrase):]
        appositive = _NAME_RUN.match(rest.lstrip(", "))
        if rest.startswith(",") and appositive:  # `The navy's spokesperson, Captain Ilse Moreau,`
            name = _name(appositive.group(), ctx, allow_single=False)
            if name:
                return name
        inner = list(_NAME_RUN.finditer(phrase))
        if (inner and inner[-1].end() == len(phrase) and len(_strip_titles(inner[-1].group().split())) >= 2
                and not _ORG_PREFIX.search(phrase, 0, inner[-1].start())):  # not `a nurse at Nordhavn General`
            name = _name(inner[-1].group(), ctx, allow_single=False)  # `Die Schauspielerin Nora Lind,`
            if name:
                return name
        if phrase.split()[0].lower() not in _POSSESSIVES:
            return _nominal(phrase, ctx)
    m2 = _NOMINAL.match(text) or _POSSESSIVE_NOMINAL.match(text)
    if m2:
        return _nominal(m2.group(), ctx)
    run = _NAME_RUN.match(text)
    if run:
        rest = text[run.end():run.end() + 2]
        if rest.startswith(("’s", "'s")):
            return None
        name = _name(run.group(), ctx, allow_single=_known(run.group(), ctx))
        if name:
            return name
    head = " ".join(text.split()[:6])
    for later in _NAME_RUN.finditer(head):  # `Union representative Tomasz Nowak was …`
        if later.start() > 0 and len(_strip_titles(later.group().split())) >= 2:
            if not all(w[:1].islower() or _is_demonym(w) or w == run_word
                       for run_word in [run.group() if run else ""] for w in head[:later.start()].split()):
                break
            return _name(later.group(), ctx, allow_single=False)
    return None


def _nominal_subject(text: str) -> str | None:
    """A determiner phrase of up to six words that starts `text` and ends at a comma or before a cue.

    `A coalition backbencher, speaking privately,` / `Ein Sprecher des Netzbetreibers sagte` /
    `Une usagère a résumé`: the phrase is a speaker only when such a boundary closes it.
    """
    words = text.split()
    if not words or not _is_det(words[0]):
        return None
    for n in range(2, min(7, len(words)) + 1):
        last = words[n - 1]
        if last.endswith(","):
            return " ".join(words[:n])[:-1]
        if n < len(words):
            nxt = words[n].lower().strip(",:")
            if nxt in _CUE_SET or (nxt in _AUXILIARIES and n + 1 < len(words)
                                   and words[n + 1].lower().strip(",:") in _CUE_SET):
                return " ".join(words[:n])
        if any(ch in last for ch in ".;:!?"):
            return None
    return None


def _leading_phrase(text: str) -> str | None:
    """The determiner phrase a sentence opens with, up to its verb (`The national weather service` had …)."""
    words = text.split()
    if not words or words[0].lower() not in {"the", "a", "an"}:
        return None
    for n in range(2, min(6, len(words))):
        if words[n].lower() in _AUXILIARIES | {"is", "was", "were", "are", "will", "would", "can", "could"}:
            return " ".join(words[:n])
    return None


def _nominal_at_end(head: str) -> str | None:
    """The determiner phrase that ends `head` (after its last comma), as in `…, but a senior industry figure`."""
    tail = head.rsplit(",", 1)[-1].split()
    for i in range(len(tail) - 2, -1, -1):  # the determiner nearest the cue: `a move one trader` -> `one trader`
        word = tail[i]
        if _is_det(word) and 1 <= len(tail) - i - 1 <= 5:
            if tail[-1].lower() in _FUNCTION_WORDS:
                return None
            return " ".join(tail[i:])
    return None


def _resolve(who: str, ctx: _Context, after_quote: bool = False, whole: bool = False) -> str | None:
    """The speaker named in a cue phrase: a pronoun, a name (first one wins) or a nominal phrase.

    With `whole`, the phrase must be nothing but the speaker (`he`, `Mark Rutte`, `the official`).
    """
    who = who.strip(" ,—–-")
    if not who:
        return None
    words = who.split()
    if words[0].lower() in PRONOUNS and (len(words) <= 2 or words[1][:1].islower()):
        return _referent(words[0], ctx)  # `sagte er vor dem Gerichtssaal`
    if words[0].lower() == "it" and len(words) <= 2:
        return ctx.last_org  # `,’ it said in a statement`
    if not whole:
        led = _LED_NAME.match(who)  # `said City striker Jonas Lind`, `said Harbour Bank analyst Pia Moe`
        if led and _describes(led["desc"]) and (name := _name(led["name"], ctx, allow_single=False)):
            return name
        start = _NAME_RUN.match(who)  # `said Mayor Ingrid Solberg as the results came in`
        if start and (name := _name(start.group(), ctx, allow_single=True)):
            return name
        if "," in who:
            appositive = _NAME_RUN.match(who.split(",", 1)[1].strip())
            if appositive and len(_strip_titles(appositive.group().split())) >= 2:
                name = _name(appositive.group(), ctx, allow_single=False)  # `Achterberg's manager, Yusuf Demir`
                if name:
                    return name
        if "," in who and not _is_det(who.split()[0]):
            who = who.split(",")[0]  # `said Carla Benedetti, who runs a brokerage`
        who = _CLAUSE.split(who, 1)[0]  # `muttered one man in the foyer as he reached for his coat`
        if (name := _described_name(who.split(",")[0], ctx)) is not None:
            return name  # `selon le politologue Étienne Roux`, `according to the economist Ana Ruiz`
        if _LOOSE_NOMINAL.fullmatch(who) or (_is_det(who.split()[0])
                                             and len(who.split()) <= 6):
            return _nominal(who, ctx)  # `according to a source close to the negotiations`
        for run in _NAME_RUN.finditer(who):  # `die Energieexpertin Sabine Roth vom Institut …`
            if len(_strip_titles(run.group().split())) >= 2 and (name := _name(run.group(), ctx, allow_single=False)):
                return name
    if len(who.split()) > 8:
        return None
    if whole and len(who.split()) <= 6:
        runs = list(_NAME_RUN.finditer(who))
        if runs and runs[-1].end() == len(who) and runs[-1].start() > 0:
            lead = who[:runs[-1].start()].split()
            if all(w[:1].islower() or w in (r.group() for r in runs) or _is_demonym(w) for w in lead):
                name = _name(runs[-1].group(), ctx, allow_single=False)  # `mine manager Beatrix Olsen told`
                if name:
                    return name
    for run in _NAME_RUN.finditer(who):
        if whole and (run.start() > 0 or run.end() < len(who)):
            break
        name = _name(run.group(), ctx, allow_single=run.start() > 0 or after_quote or _known(run.group(), ctx))
        if name:
            return name
    m = _NOMINAL.match(who)
    if m:
        return _nominal(m.group(), ctx)
    if after_quote and _LOOSE_NOMINAL.fullmatch(who):  # `,” a harbour pilot told the paper`
        return _nominal(who, ctx)
    return None


def _described_name(phrase: str, ctx: _Context) -> str | None:
    """The full name that ends a determiner phrase of lower-case description words, else None."""
    words = phrase.split()
    if not words or not _is_det(words[0]) or len(words) > 7:
        return None
    runs = list(_NAME_RUN.finditer(phrase))
    if not runs or runs[-1].end() != len(phrase.rstrip()) or len(_strip_titles(runs[-1].group().split())) < 2:
        return None
    lead = phrase[:runs[-1].start()].split()[1:]
    if lead and lead[-1].lower() in _FUNCTION_WORDS:
        return None  # `a spokesperson for Halland Energy`: the name is what the person speaks for
    tokens = runs[-1].group().split()
    if tokens[-1].lower() in ORG_HEADS:
        return None  # `according to the fictional Atlantic Council`: an organisation, kept as a nominal
    titled = len(_from_given_name(_strip_titles(tokens))) < len(tokens)  # `der Abgeordnete Lukas Hoffmann`
    if (lead or titled) and all(w[:1].islower() or _is_demonym(w) for w in lead):
        return _name(runs[-1].group(), ctx, allow_single=False)
    return None


def _is_demonym(word: str) -> bool:
    return word.lower() in TITLE_WORDS or word.lower().endswith(("ian", "ese", "ish"))


def _nominal(phrase: str, ctx: _Context) -> str:
    phrase = " ".join(phrase.split())
    head = phrase.split()[-1].lower()
    article = phrase.split()[0].lower()
    if article == "the" and head in ctx.nominals:
        return ctx.nominals[head]
    value = phrase[0].lower() + phrase[1:] if article in _NOMINAL_DETERMINERS else phrase
    if article in {"a", "an", "ein", "eine", "un", "une"} or (
            article == "the" and head in ORG_HEADS and any(w[:1].isupper() for w in phrase.split()[1:])):
        ctx.nominals[head] = value  # `the Environment Agency`, then `the agency`
    if head in ORG_HEADS and article in _NOMINAL_DETERMINERS:
        ctx.last_org = value  # what `it said` means
    return value


_PARTICLES = frozenset({"of", "de", "van", "von", "der", "al", "bin", "le", "la"})


def _strip_titles(tokens: list[str]) -> list[str]:
    """Drop what stands before a name: a possessive owner, titles, demonyms (`Fisheries Minister`)."""
    for i in range(len(tokens) - 2, -1, -1):  # `Veldor's Fisheries Minister Anika Brandt`
        low = tokens[i].lower().strip(".,")
        if tokens[i].endswith(("’s", "'s")) or low in TITLE_WORDS or low.endswith(TITLE_SUFFIXES):
            tokens = tokens[i + 1:]
            break
    first = 0  # one slice at the end: slicing per word made a run of capitals (`O O O …`) quadratic
    while len(tokens) - first > 1 and (tokens[first].lower().strip(".") in TITLE_WORDS
                                       or tokens[first].lower() in TITLE_WORDS or tokens[first].isupper()):
        first += 1
    while first < len(tokens) and tokens[first].lower() in _PARTICLES:
        first += 1
    tokens = tokens[first:]
    # A description ending in a title word (`NATO Secretary General`) is not a name.
    return tokens


def _name(run: str, ctx: _Context, allow_single: bool) -> str | None:
    tokens = _tokens(run)
    # `Secretary of State Marco Rubio`: cut at the last `of` followed by a title word.
    for i, t in enumerate(tokens):
        if t == "of" and i + 1 < len(tokens) and tokens[i + 1].lower() in TITLE_WORDS:
            tokens = tokens[i + 1:]
            break
    tokens = _from_given_name(_strip_titles(tokens))
    if not tokens or tokens[0].lower() in NOT_NAMES or tokens[0].lower() in TITLE_WORDS:
        return None
    if tokens[-1].endswith(("’s", "'s")):
        return None
    if "of" in tokens:  # `Philippe Dickinson of the Atlantic Council`
        tokens = tokens[:tokens.index("of")]
    name = " ".join(tokens)
    if len(tokens) == 1:
        full = ctx.full_names.get(tokens[0])
        if full:
            return full
        return name if allow_single else None
    ctx.full_names.setdefault(tokens[-1], name)  # the first person of that surname is the article's
    return name


def _relation(sentence: str, run: re.Match[str], ctx: _Context) -> None:
    """`her father, Seamus,` / `ihr Sohn Jonas`: a person named by a given name alone, and their gender."""
    name = run.group().rstrip(".,")
    words = sentence[max(0, run.start() - 40):run.start()].split()[-3:]
    if len(words) < 2 or name.lower() in NOT_NAMES or not name[:1].isupper():
        return
    gender = word_gender(words[-1])
    if gender is None:
        return
    if words[-2].lower() in _POSSESSIVES or (len(words) == 3 and words[-3].lower() in _POSSESSIVES):
        ctx.gender.setdefault(name, gender)  # `his late brother, Paul`: words[-3] owns it
        _mention(name, ctx)


def _describes(words: str) -> bool:
    """Only title and role words (or none): `striker`, `finance chief`, `defence lawyer`."""
    return all(w.lower() in TITLE_WORDS or w.lower() in _ROLE_NOUN_SET for w in words.split())


def _from_given_name(tokens: list[str]) -> list[str]:
    """`Ihr Kollege Jonas Albrecht`, `Prosecutor Ben Achebe`: a name starts at its given name,
    when no word before that one is a given name too (`Mary Ann Evans` stays whole)."""
    if len(tokens) >= 3 and not is_given_name(tokens[0]):
        for i in range(1, len(tokens) - 1):
            if is_given_name(tokens[i]):
                return tokens[i:]  # no word before it is a given name: the loop stopped at the first
    return tokens


def _tokens(run: str) -> list[str]:
    """A name run's words without trailing punctuation (`… Noah Adeyemi.` ends a sentence), initials
    kept whole (`Donald J. Trump`)."""
    return [t if len(t) == 2 and t[1] == "." and t[0].isupper() else t.rstrip(".,") for t in run.split()]


def _known(run: str, ctx: _Context) -> bool:
    tokens = run.split()
    return len(tokens) > 1 or tokens[0] in ctx.full_names


def _learn(text: str, ctx: _Context) -> None:
    """Remember full names, who was named last, what the text says of their gender and the latest
    named subject, from unquoted text in reading order."""
    start = 0
    for m in [*_SENTENCE_END.finditer(text), None]:
        end = m.start() + 1 if m else len(text)
        sentence = text[start:end]
        if m:
            start = m.end()
        subject = _sentence_subject(sentence, ctx)
        people: list[tuple[str, int]] = []  # (name, where its mention ends)
        for run in _NAME_RUN.finditer(sentence):
            word = run.group()
            if " " not in word and word.rstrip(".,") not in ctx.full_names:
                _relation(sentence, run, ctx)  # `her father, Seamus,`: a person named once, by a given name
                continue  # else one word is a name only as a surname seen before (most are a sentence's first)
            raw = _tokens(word)
            if raw and raw[-1].endswith(("’s", "'s")) and len(raw[-1]) > 3:
                raw[-1] = raw[-1][:-2]  # `Fiona Gallagher's bakery` names Fiona Gallagher
            tokens = _from_given_name(_strip_titles(raw))
            person: str | None = None
            if len(tokens) >= 2 and tokens[0].lower() not in NOT_NAMES:
                if "of" in tokens:
                    tokens = tokens[:tokens.index("of")]
                if len(tokens) >= 2:
                    ctx.full_names.setdefault(tokens[-1], " ".join(tokens))
                    ctx.last_named = ctx.full_names[tokens[-1]]
                    person = " ".join(tokens)  # `her son, Anders Eklund`: not the Maren Eklund named first
            elif len(tokens) == 1 and tokens[0] in ctx.full_names:  # `Mr Farouk admitted`
                person = ctx.full_names[tokens[0]]
            if person is None:
                continue
            _mention(person, ctx)
            people.append((person, run.end()))
            before = sentence[:run.start()].split()[-1:]  # `her son, Anders Eklund`
            for title in raw[:len(raw) - len(tokens)] + before:  # `Mr`, `Frau`, `Sprecherin`
                if (g := word_gender(title)) is not None:
                    ctx.gender[person] = g
        if len(people) == 1 and subject == people[0][0] and subject not in ctx.gender:
            words = _PUNCTUATION.sub(" ", sentence[people[0][1]:].lower()).split()
            said = {PRONOUN_GENDER[w] for w in _EN_PRONOUNS.intersection(words)}
            if len(said) == 1:  # `Maren Eklund, who …, died at her home`: nobody else it could be
                ctx.gender[subject] = said.pop()
        if subject and subject[0].isupper():
            ctx.last_subject = subject
            ctx.persons.add(subject)
        elif subject is None and (described := _PERSON_NOMINAL.match(sentence.lstrip())):
            ctx.last_subject = _nominal(described.group(), ctx)  # `Ein Sprecher des Wetterdienstes erwartet …`
        opening = sentence.lstrip()
        rel = _RELATIVE_HEAD.match(opening) if opening[:1] in "AOEU" else None
        if rel and rel["subj"].split()[0] in {"A", "An", "One", "Ein", "Eine", "Un", "Une"} and \
                len(rel["subj"].split()) <= 5:
            _nominal(rel["subj"], ctx)  # `A government scientist who asked not to be named said`
        for nm in _A_NOMINAL.finditer(sentence):
            _nominal(nm.group(), ctx)
