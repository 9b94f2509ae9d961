"""The words attribution reads by, per language, and which language a paragraph is in.

Each language has its own module (`lexicon_en`, `lexicon_fr`, `lexicon_de`) that fills one `Lexicon`; the
rules in `passes.py` and `phrases.py` never hold a word list of their own. Words that name people and bodies
(titles, organisation heads) are also merged across languages in `SHARED`, because an English article writes
`Chancellor Angela Merkel` and a French one `le président Barack Obama`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field


def words(text: str) -> frozenset[str]:
    """A word list written one or more words a line, as the lexicon modules write them."""
    return frozenset(text.split())


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Every word list of one language. All words are lower case."""

    code: str
    """`en`, `fr` or `de`."""
    frequent: frozenset[str]
    """The language's commonest words, to tell which language a paragraph is in."""
    cues: frozenset[str]
    """Reporting verbs in every form that ties a speaker to a quote (`said`, `a déclaré`'s `déclaré`, `sagte`)."""
    passive_cues: frozenset[str]
    """Cues that, after a form of `be`, make the subject the one spoken of (`was described as`, `was called`)."""
    according: tuple[tuple[str, ...], ...]
    """Phrases that name a source: `according to`, `selon`, `d'après`, `laut`."""
    pronouns: dict[str, str | None]
    """Subject pronouns that may be a speaker, with the gender they show (`m`, `f`) or None (`they`)."""
    it_pronouns: frozenset[str]
    """Pronouns that stand for a body, not a person (`it`)."""
    determiners: frozenset[str]
    """Articles, demonstratives and quantifiers that open a noun phrase (`the`, `a`, `one`, `some`)."""
    possessives: frozenset[str]
    """Possessive determiners (`his`, `her`, `its`, `their`)."""
    auxiliaries: frozenset[str]
    """Words that may stand between a subject and its cue: auxiliaries, clitics (`has`, `a`, `se`, `hat`)."""
    be: frozenset[str]
    """Forms of `be` that make a following participle passive."""
    adverbs: frozenset[str]
    """Adverbs that may stand between a subject and its cue (`also`, `later`, `ensuite`, `auch`)."""
    relatives: frozenset[str]
    """Words that open a relative clause after a noun (`who`, `qui`, `der`)."""
    clause_openers: frozenset[str]
    """Words that open a new clause, so a subject before them is not the cue's (`and`, `while`, `que`)."""
    prepositions: frozenset[str]
    """Prepositions that end a noun phrase's head: what follows them is a complement (`of`, `from`, `de`)."""
    cut_prepositions: frozenset[str]
    """Prepositions after a speaker's name that start circumstances, not the speaker (`on`, `in`, `to`)."""
    circumstances: frozenset[str]
    """Nouns that make a phrase after a speaker a circumstance (`in a statement`, `on Monday`, `to reporters`)."""
    agent: frozenset[str]
    """The word that introduces a passive agent (`by`, `par`, `von`)."""
    naming: frozenset[str]
    """Words after which a name follows that names the noun before (`named`, `called`, `pseudonym`)."""
    titles: frozenset[str]
    """Titles, offices, roles and professions that stand before a name and are not part of it."""
    title_suffixes: tuple[str, ...]
    """Endings of compound titles (`Innenministerin`, `Pressesprecher`)."""
    org_heads: frozenset[str]
    """Nouns that make a capitalised phrase a body, not a person (`Ministry`, `Council`, `Times`)."""
    generic_orgs: frozenset[str]
    """Nouns that, with a definite article, mean the body last named (`the company`, `l'ONG`)."""
    documents: frozenset[str]
    """Nouns for what a body or a person published: their author is the speaker (`statement`, `communiqué`)."""
    person_nouns: frozenset[str]
    """Nouns for people (`official`, `spokesperson`, `résident`): a phrase with one of these is a person."""
    not_names: frozenset[str]
    """Capitalised words that never start a name: sentence openers, days, months."""
    discourse: frozenset[str]
    """Sentence openers before a subject (`However`, `Meanwhile`, `Cependant`)."""
    plural_pronouns: frozenset[str]
    """Subject pronouns for a group (`they`, `ils`)."""
    first_person: frozenset[str]
    """`I`, `we`: the writer speaking, never a quote's speaker."""
    verbs: frozenset[str]
    """Common verbs that end a subject phrase (`gave`, `fell`), besides cues and auxiliaries."""
    clitics: frozenset[str] = frozenset()
    """Pronouns bound to the verb that may stand between a subject and its cue (`l'avait appelé`, `lui a dit`)."""
    asides: tuple[tuple[str, ...], ...] = ()
    """Set phrases that may stand between an auxiliary and its cue (`a de son côté dénoncé`)."""
    inverted_cues: frozenset[str] = frozenset()
    """Verbs that say `said` only inverted after a quote (`», remarque-t-il`, `», continue-t-il`): before one,
    `remarquer` is to notice (`Les agresseurs auraient remarqué un « signe »`)."""
    voice_of: tuple[str, ...] = ()
    """The words that give the person speaking for the subject after its cue (`le Rwanda a répondu par la voix
    du lieutenant-colonel René Ngendahimana`): then that person is the speaker."""
    according_initial: tuple[str, ...] = ()
    """Words that name a source only when they open a sentence: `Pour X, …`, `Für X …`."""
    org_suffixes: tuple[str, ...] = ()
    """Endings that make a compound a body (`Bahngesellschaft`, `Innenministerium`)."""
    title_modifiers: frozenset[str] = frozenset()
    """Title words that qualify the next one (`former`, `deputy`, `state`): no description of a person alone."""
    role_changers: frozenset[str] = frozenset()
    """Words that make a title another role (`vice`, `former`): `Vice President X` is not `the president`."""
    offices: frozenset[str] = frozenset()
    """Titles of an office held by one person at a time (`president`, `ministre`): `the president` means its
    holder, not whoever the text is about."""
    family_kin: frozenset[str] = frozenset()
    """Kin who share a family name, written `Surname's father Given-name` (English)."""
    emphatics: frozenset[str] = frozenset()
    """Emphatic pronouns after a subject (`Sarkozy himself`, `lui-même`): no part of who it is."""
    modals: frozenset[str] = frozenset()
    """Participles before an infinitive that make the infinitive the cue (`», a tenu à préciser X`, `a voulu
    rassurer X`): the infinitive of a cue (French: its participle in `-é` is one) after them, past `à`, `de`,
    `bon de`."""
    named_kinds: frozenset[str] = frozenset()
    """Kinds of companies, agencies and media written before their name in lower case (`l'opérateur Sprint`):
    the name alone is the body. Not `comité`, `gouvernement`: `le comité Nobel` is named by its kind too."""
    object_pronouns: dict[str, str] = field(default_factory=dict)
    """Object pronouns and the subject pronoun they stand for (`according to him`, `selon lui`, `laut ihm`)."""
    possessive_pronouns: dict[str, str] = field(default_factory=dict)
    """Possessives whose owner is a pronoun's referent (`Their statement read`: theirs); not the French `son`,
    which does not show its owner's gender."""
    adverb_suffixes: tuple[str, ...] = ()
    """Endings of adverbs (`-ly`, `-ment`), read as adverbs only right after an auxiliary (`a clairement affirmé`,
    where no noun can stand)."""


_FOLD = {ord("’"): "'", ord("‘"): "'"}


def fold(word: str) -> str:
    """A word's key: lower case, without diacritics, apostrophes straight (`Erdoğan` and `Erdogan` meet)."""
    if word.isascii():
        return word.lower()
    return _fold_wide(word)


@functools.lru_cache(maxsize=4096)
def _fold_wide(word: str) -> str:
    """`fold` of a word with a letter beyond ASCII; remembered: the same names are folded sentence after sentence,
    and their decomposition costs ten times a lookup."""
    word = word.translate(_FOLD).casefold()
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


_WORDS = re.compile(r"[^\W\d_]++")


def own_words(lexicons: tuple[Lexicon, ...]) -> dict[str, frozenset[str]]:
    """Each language's frequent words that no other language of `lexicons` has (`a`, `in`, `die` go)."""
    return {lex.code: lex.frequent.difference(*(other.frequent for other in lexicons if other is not lex))
            for lex in lexicons}


def counts(text: str, frequent: dict[str, frozenset[str]]) -> dict[str, int]:
    """How many of each language's `frequent` words `text`'s first 400 characters hold, each word once."""
    seen = _words_of(text[:400])
    return {code: len(seen & words) for code, words in frequent.items()}


@functools.lru_cache(maxsize=64)
def _words_of(head: str) -> frozenset[str]:
    """The distinct words of `head`, lower case; remembered: attribution counts an article's opening twice."""
    if head.isascii():  # the same words: letters are a-z once lowered; the regex costs twice as much
        return frozenset(head.lower().translate(_NOT_LETTERS).split())
    return frozenset(_WORDS.findall(head.lower()))


_NOT_LETTERS = {c: " " for c in range(128) if not chr(c).isalpha()}


def detect(text: str, lexicons: tuple[Lexicon, ...], default: Lexicon, margin: int = 2,
           frequent: dict[str, frozenset[str]] | None = None) -> Lexicon:
    """The lexicon whose frequent words occur most in `text` (its first 400 characters, each word
    once), when they clearly do (`margin` more than the default's, three at least when there is a margin); else
    `default`."""
    return choose(counts(text, frequent if frequent is not None else own_words(lexicons)), lexicons, default, margin)


def choose(found: dict[str, int], lexicons: tuple[Lexicon, ...], default: Lexicon, margin: int = 2) -> Lexicon:
    """`detect` from the `counts` of a text, for a caller that needs the counts too."""
    best = max(found.values())
    if best == 0 or found[default.code] + margin > best or (margin > 1 and best < 3):
        return default
    return next(lex for lex in lexicons if found[lex.code] == best)
