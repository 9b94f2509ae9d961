"""Word forms: which indexed words a plain query word also finds (`sanction` finds sanctions), by the
Snowball stemmer of the article's language, and how that language is told.

One relation, `is_form`, decides it everywhere: the index expands a word to the forms its vocabulary holds
(`Index.forms`), and highlighting, `n`/`N` and the brute-force checker in `bench/` ask `is_form` of each word.
Words are stemmed as the index holds them, folded (lower case, no diacritics): `Häuser` is stemmed as
`hauser`.
"""

from __future__ import annotations

import functools
import threading
from collections import Counter
from collections.abc import Callable, Iterable

from briefing_tui.core.search.text import words

LANGUAGES = ("en", "fr", "de")
"""The languages whose forms are known, as front matter writes them (`lang: fr`); anything else is read as
English."""
DEFAULT_LANGUAGE = "en"
_NAMES = {"english": "en", "french": "fr", "francais": "fr", "german": "de", "deutsch": "de"}
MIN_PREFIX = 3
"""Forms of a word share at least its first three letters (or all of a shorter word)."""

_STOP = {
    "en": frozenset("the and of to in is that for it with was on as are by this be at from has have".split()),
    "fr": frozenset("le la les des et est une du que qui pour dans au aux sur pas par ce cette sont avec".split()),
    "de": frozenset("der die das und ist nicht mit den von zu ein eine auf dem sich des im für auch wird".split()),
}
"""Common words of each language, in lower case: the language of an article is the one with most of them."""
_VOTES = {word: tuple(lang for lang in LANGUAGES if word in _STOP[lang])
          for common in _STOP.values() for word in common}
"""Each common word and the languages it counts for (`des` for French and German): one look-up a word."""
_SAMPLE = 1000
"""Characters of an article read to tell its language (150 words or so: common words are a third of prose)."""

_stems: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
"""Stems already worked out, per language: a word's stem never changes, and the same words come back."""
_MEMO_LIMIT = 200_000
"""Stems kept per language; past that the memo starts again (a bound on memory, not a cache policy)."""
_stemming = threading.Lock()
"""A Snowball stemmer keeps the word it works on in itself: one word at a time (the reader stems in its search
worker and on its screen thread)."""


def stem(word: str, lang: str) -> str:
    """The Snowball stem of a folded word in `lang` (memoized)."""
    memo = _stems[lang]
    found = memo.get(word)
    if found is None:
        with _stemming:
            if len(memo) >= _MEMO_LIMIT:
                memo.clear()
            found = memo[word] = _stemmer(lang)(word)
    return found


@functools.cache
def _stemmer(lang: str) -> Callable[[str], str]:
    """Snowball's stemmer for `lang`, imported when a word is first stemmed (the package imports all of its 36
    languages: about 20 ms that a command which stems nothing need not pay). The pure-Python class itself, never
    `snowballstemmer.stemmer()`, which hands over PyStemmer's instead when that is installed: the stems, and
    so what a word finds, are those of the pinned version on every machine."""
    if lang == "fr":
        from snowballstemmer.french_stemmer import FrenchStemmer as Stemmer
    elif lang == "de":
        from snowballstemmer.german_stemmer import GermanStemmer as Stemmer
    else:
        from snowballstemmer.english_stemmer import EnglishStemmer as Stemmer
    stem_word: Callable[[str], str] = Stemmer().stemWord
    return stem_word


def form_prefix(word: str) -> str:
    """The beginning that every form of `word` shares: its shortest stem less one letter (a stem may end
    differently from its word: `happy` -> `happi`), at least MIN_PREFIX letters. The index finds the
    candidate forms as a range of its sorted vocabulary, so this bounds what one word costs."""
    shortest = min(len(stem(word, lang)) for lang in LANGUAGES)
    return word[:max(MIN_PREFIX, shortest - 1)]


def form_prefixes(word: str) -> tuple[str, ...]:
    """`form_prefix` of the word and, for a word with `ss` or `ß`, of its other spelling (`strasse`, `straße`:
    German stems them alike, and Swiss writers and most keyboards write `ss`)."""
    if "ss" not in word and "ß" not in word:
        return (form_prefix(word),)
    other = word.replace("ß", "ss") if "ß" in word else word.replace("ss", "ß")
    return tuple(dict.fromkeys((form_prefix(word), form_prefix(other))))


def is_form(query_word: str, word: str, lang: str) -> bool:
    """True when `word` (folded, as indexed) is `query_word` or one of its forms in an article in `lang`:
    `word` begins with one of `form_prefixes(query_word)` and both have the same stem in that language."""
    if word == query_word:
        return True
    return word.startswith(form_prefixes(query_word)) and stem(word, lang) == stem(query_word, lang)


def forms_in(query_word: str, vocabulary: Iterable[str]) -> dict[str, list[str]]:
    """For each language, the words of `vocabulary` other than `query_word` that are its forms there."""
    found: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
    prefixes = form_prefixes(query_word)
    stems = {lang: stem(query_word, lang) for lang in LANGUAGES}
    for word in vocabulary:
        if word == query_word or not word.startswith(prefixes):
            continue
        for lang in LANGUAGES:
            if stem(word, lang) == stems[lang]:
                found[lang].append(word)
    return found


def language_tag(value: str) -> str | None:
    """A front matter `lang`/`language` value as one of LANGUAGES (`fr`, `fr-CA`, `French`), else None."""
    value = value.strip().lower()
    code = value.replace("_", "-").split("-", 1)[0]
    if code in LANGUAGES:
        return code
    return _NAMES.get("".join(words(value)))


def detect_language(text: str) -> str:
    """The language of `text` by its common words (the first _SAMPLE characters); English when none count.

    Every article is told its language on the indexing process, so this is kept cheap: the text is split at
    spaces and lower-cased, not tokenized and folded (folding goes character by character once a text holds
    one accent, a name: 0.5 ms an article, most of a minute of a cold index at 100,000 articles). A common
    word next to a comma is not counted; enough others are."""
    votes: Counter[str] = Counter()
    for found in filter(None, map(_VOTES.get, text[:_SAMPLE].lower().split())):
        votes.update(found)
    if not votes:
        return DEFAULT_LANGUAGE
    best = max(votes.values())
    return next(lang for lang in LANGUAGES if votes[lang] == best)  # ties go to the first in LANGUAGES


def article_language(metadata: Iterable[tuple[str, str]], title: str, paragraphs: Iterable[str]) -> str:
    """An article's language: its front matter's `lang` (or `language`) when it names one of LANGUAGES,
    else told from its title and first paragraphs."""
    for key, value in metadata:
        if key.lower() in ("lang", "language") and (tag := language_tag(value)):
            return tag
    sample = [title]
    size = len(title)
    for paragraph in paragraphs:
        if size >= _SAMPLE:
            break
        sample.append(paragraph)
        size += len(paragraph) + 1
    return detect_language("\n".join(sample))
