"""Common given names and gendered words, for two jobs in attribution (docs/quotes.md).

1. Where a person's name starts in a run of capitalised words: `Ihr Kollege Jonas Albrecht`,
   `Prosecutor Ben Achebe`, `Personalvorständin Katrin Wessel`.
2. Which earlier person a pronoun can mean: in `“…,” she said` after `Dr. Lars Berg`, not Lars.

The lists are deliberately conservative: names commonly given to both men and women in some
language (Andrea, Jean, Kim, Simone, Sasha, Nicola…) are in neither list, so they never decide.
What the text itself says (`Mr`, `Frau`, `her son`, `she` right after the name) outranks them.
"""

from __future__ import annotations

import functools

from briefing_tui.core.quotes.lexicon import Lexicon, fold
from briefing_tui.core.quotes.tokens import Tok

FEMALE_NAMES = frozenset("""
abigail ada adele ane aslı hatice monica nancy kelly karen margaret nikki selena cherie lisa denise adriana
agata agnes agnieszka aida aisha alana alessandra alexandra alice alicia alina alison amal amanda amelia amina
amira amy ana anastasia angela angelika angelina anita anja anke ann anna annabel anne annette annika antje
antonia ariane astrid audrey aurelie aurélie ayesha barbara beata beatrice beatrix béatrice bettina beatriz
birgit brenda bridget brigitte camila carina carla carmen carol caroline carolina catherine cathy cecilia
cécile celine céline charlotte chiara christina christine claire clara claudia colette constance cristina
dagmar dana daniela danielle deborah denise diana dominika doris dorothea dorothy edith elena eleanor elif
elin elisa elisabeth elise eliza elizabeth ella ellen elsa emilia emily emma erika esther eva eve ewa fatima
fatma fiona florence françoise francesca franziska frida gabriela gabriele gabrielle gemma georgia gerda
gisela giulia grace greta gudrun hanna hannah heather heidi helen helena helene hélène hilde hildegard ida
ilse ines inês ingrid irene irina iris isabel isabella isabelle ivana jacqueline jana jane janet janina jeanne
jennifer jessica joanna johanna josephine judith julia julie juliette justyna karen karin karina karolina
katarina katarzyna kate katharina katherine kathrin katja katrin kerstin lara laura laure lea léa leila leyla
lena lina linda lisa liv lorena louise lucia lucie lucy luisa lydia magdalena maja malgorzata manon mara marah
maren margaret margarethe margit maria mariana marianne marie marina marion marit marta martha martina mary
mathilde matilde maya megan melanie mélanie mia michaela michelle miriam monika monique nadia nadine nadja
natalia natalie nathalie natasha niamh nicole nina noor nora olga olivia paola patricia paula pauline petra
pia priya rachel rebecca regina renate rita rosa rose ruth sabine sabrina sandra sara sarah silke silvia sofia
sofie sophia sophie stefanie stephanie susan susanne svetlana sylvie tamara tanja tatiana teresa theresa tina
ulrike ursula valentina valérie valerie vanessa vera veronika véronique victoria virginie wanda yasmin yvonne
zainab zeynep zofia zoe zoé
hillary condoleezza betty sharon donna shirley cynthia kathleen pamela samantha debra carolyn diane joyce lauren
joan evelyn cheryl frances gloria kathryn janice judy marilyn beverly brittany alexis kayla tiffany ashley melissa
kimberly wendy tammy tracy stacy peggy sally jill joanne lori kristen erin kristin leah vicki gwen marcia rosemary meryl
kirsten chelsea naomi yolanda oprah martine ségolène christiane rachida najat simone geneviève annalena sahra svenja jo
""".split())

MALE_NAMES = frozenset("""
aaron abdul abdullah dave bob jim bill steve chris matt nick sam dan rob tony andy jeff greg ken
ron don mohammad muhammad bernie sadiq kyriakos recep volodymyr yevgeny boris dick joe mike adam
adrian ahmed ahmet alain alan albert alberto alejandro aleksander alexander alexandre alexei alfred ali alvaro
andreas andrei andrew andré andrzej anders angelo anton antoine antonio arjun armin arnaud arne arthur aurel
axel bastian ben benedikt benjamin bernard bernd bertrand bjorn björn boris brian bruno carl carlos carsten
charles christian christoph christophe christopher claus colin conor cristian damien daniel david dennis derek
dieter diego dimitri dirk dmitri dominik donald duncan eduardo edward emil emmanuel enrico eric erik ernst
étienne etienne fabian fabio federico felix fernando filip florian francesco francisco frank franz françois
frederik friedrich gareth georg george gerald gerhard gianni giorgio giovanni graham grégoire gregor guillaume
günter gustav hamid hans harald harry hassan heinrich helmut henri henrik henry herbert hugo ian igor ivan
jacob jacques jakob james jan javier jens jeremy jesús joachim joe johan johannes john jonas jonathan jorge
josé josef joseph juan julien jürgen kai karim karl karsten kevin klaus knut kofi konstantin kurt kwame lars
laurent leo leon léon liam lorenzo louis luc luca lucas ludwig luis lukas magnus manfred manuel marc marcel
marco marcus mario mark markus martin mateus mathias matteo matthew matthias maurice max maxime michael michel
miguel mikhail mohamed mohammed moritz nathan niels nikolai niklas nils noah norbert olaf oliver olivier omar
oscar oskar otto pablo patrick paul pavel pedro peter philip philipp philippe pierre pieter piotr rafael
rainer ralf raphael raúl reinhard richard robert roberto roger roland rolf roman rudolf rupert samuel
sebastian sébastien seamus sean sergei sergio simon stefan stefano stephan stephen steven sven thomas thorsten
tiago till tim timo tobias tom tomas tomasz torsten ulrich uwe viktor vincent vladimir walter werner wilhelm
william wolfgang xavier yann youssef yusuf
howard gordon larry gary jerry harold douglas raymond ralph eugene wayne russell bobby victor johnny ernest craig
shawn clarence jesse bradley todd earl jimmy danny bryan keith jason justin brandon ryan kyle scott timothy jeffrey
gregory kenneth joshua anthony ronald terry lawrence dylan billy bruce gabriel willie randy roy nathaniel curtis lloyd
leonard stanley norman fred allen marvin francis leroy neil stuart barry rick ricky warren clint trevor dwight mitchell
tyler ethan owen luke isaac caleb evan connor cameron hank ted teddy tommy hugh dwayne neal lyndon rudy ronnie jimmie
benny barack rahul vijay sanjay amit ravi felipe ricardo andrés gustavo hernan nicolas ramon enrique ignacio alfonso
guillermo jean édouard benoît gérard patrice rené gilles didier thierry fabien yves hervé jérôme gaston idriss horst
sigmar heiko volker günther lothar cem winfried dietmar hubertus
""".split())

FEMALE_WORDS = frozenset("""
mrs ms miss madam madame mme mlle frau fräulein dame lady queen princess duchess countess baroness empress sister
nun daughter mother wife granddaughter grandmother aunt niece widow girlfriend fiancée bride stepmother
stepdaughter spokeswoman chairwoman councilwoman congresswoman businesswoman sportswoman policewoman actress
mère fille sœur soeur femme épouse tante nièce grand-mère veuve directrice présidente fondatrice avocate
woman girl passagère passagères députée sénatrice candidate militante habitante voisine
tochter mutter schwester ehefrau witwe nichte großmutter
""".split())
MALE_WORDS = frozenset("""
mr mister sir lord herr monsieur king prince duke count baron emperor father brother son grandson grandfather
uncle nephew widower boyfriend fiancé groom stepfather stepson husband spokesman chairman councilman congressman
businessman sportsman policeman monk
père fils frère mari époux oncle neveu grand-père veuf directeur président fondateur avocat
man boy homme garçon passager député sénateur militant habitant voisin
sohn vater bruder ehemann witwer onkel neffe großvater
""".split())

FEMALE_SUFFIXES = ("erin", "orin", "istin", "entin", "antin", "ändin", "ärtin", "login", "ktin", "kundlerin")
"""German role nouns for a woman (`Personalvorständin`, `Insektenkundlerin`, `Ministerin`)."""

PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "er": "m", "il": "m",
                  "she": "f", "her": "f", "elle": "f", "sie": "f"}
"""`they` has no entry: it may mean anyone. `sie` is also `they`; as a speaker it is nearly always `she`."""


COMPOUND_FIRST = {"jean": "m", "pierre": "m", "marie": "f", "anne": "f"}
"""The first part of a compound given name decides its gender: `Jean-Marie` is a man, `Marie-Claire` a woman."""


_FEMALE = frozenset(fold(n) for n in FEMALE_NAMES)
_MALE = frozenset(fold(n) for n in MALE_NAMES)
"""The lists without accents: `Éric` and `Eric`, `Frédéric` and `Frederic` are one name (text and lists write
them either way)."""


@functools.lru_cache(maxsize=4096)  # a pure function of a name: a pronoun asks it of every person named lately
def given_name_gender(name: str) -> str | None:
    """'m', 'f' or None from the first given name of `name` (`Jean-Louis Blanc` -> 'm' via `Louis`)."""
    first = name.split()[0].casefold() if name.split() else ""
    parts = first.split("-")
    if len(parts) > 1 and parts[0] in COMPOUND_FIRST:
        return COMPOUND_FIRST[parts[0]]
    for part in parts:
        part = fold(part)
        if part in _FEMALE:
            return "f"
        if part in _MALE:
            return "m"
    return None


@functools.lru_cache(maxsize=4096)  # a pure function of a word: the same titles are asked sentence after sentence
def word_gender(word: str) -> str | None:
    """'m', 'f' or None for a title or relation word (`Mr`, `son`, `Sprecherin`)."""
    low = word.casefold().strip(".,;:")
    if "-" in low and low not in FEMALE_WORDS and low not in MALE_WORDS:
        low = low.partition("-")[0] or low  # `Président-candidat`; not `grand-mère`
    if low in FEMALE_WORDS:
        return "f"
    if low in MALE_WORDS:
        return "m"
    if word[:1].isupper() and len(low) > 6 and low.endswith(FEMALE_SUFFIXES):
        return "f"
    return None


def is_given_name(word: str) -> bool:
    """A common given name (of either gender, or neither list's)."""
    low = fold(word)
    if "-" not in low:  # most names: one part
        return low in _FEMALE or low in _MALE
    return any(part in _FEMALE or part in _MALE for part in low.split("-"))


# --- names in a run of capitalised words ------------------------------------------------------------

POST_NOMINALS = frozenset("qc kc mp mep obe mbe cbe kbe phd md esq msp".split())
_KEEP_TITLES = frozenset("pope king queen prince princess sheikh emir lord lady baroness baron earl viscount duke "
                          "duchess sir dame pape roi reine".split())
"""Titles that stay with a name given alone (`Pope Francis`, `King Charles`, `Baroness Stowell`: a peer's title is
part of the name)."""
PARTICLES = frozenset("de da di del della van von der den ter ten al bin bint ibn el le la du des dos das zu y abu "
                      "abou".split())
PLACE_PREPOSITIONS = frozenset(("of", "to", "for", "from"))
JOINERS = frozenset(("and", "et", "und"))
"""Words that join two people into one subject (`John Howard and Ian MacDonald announced`)."""


TIME_PREFIXES = frozenset(("then", "ex", "former", "acting", "interim", "ancien", "ancienne", "ehemaliger",
                            "ehemalige"))
"""`then-Secretary Vázquez`, `ex-President`, `ex-ministre`: a title with a prefix of time is a title."""


def is_title(tok: Tok, lex: Lexicon) -> bool:
    low = tok.low.rstrip(".")
    if low in lex.titles or (len(low) > 6 and low.endswith(lex.title_suffixes)):
        return True
    if "-" not in low:
        return False
    prefix, _, rest = low.partition("-")
    if prefix in TIME_PREFIXES and (rest in lex.titles or (len(rest) > 6 and rest.endswith(lex.title_suffixes))):
        return True
    parts = low.split("-")  # `Major-General`, `Lieutenant-Colonel`, `Vice-Admiral`: a rank of titles joined
    return all(part in lex.titles for part in parts)


_WHEN_OR_HOW = frozenset(("former", "acting", "senior", "top", "then", "late", "newly", "elected", "incoming",
                          "outgoing", "interim", "emeritus", "new", "mr", "mrs", "ms", "dr", "sir", "lord", "lady"))
"""Words before a title that say when or how someone holds it, or how to address them: not which office it is."""


def portfolio_word(low: str, lex: Lexicon) -> bool:
    """A word before a title that says which office it is (`foreign`, `prime`, `finance`, `deputy`)."""
    return (low in lex.titles or low in lex.title_modifiers) and low not in _WHEN_OR_HOW


_NUMBER_WORDS = frozenset(("no.", "no", "nr.", "n°", "number", "nummer", "numéro"))


def run_end(toks: list[Tok], i: int, lex: Lexicon) -> int:
    """The end of the run of capitalised words starting at `i`: particles (`bin`, `de`, `of`) and initials
    inside it, a parenthesis after it excluded."""
    j = i
    n = len(toks)
    body: bool | None = None  # whether the run so far names a body: decided once, at its first `of` or `and`
    while j < n:
        t = toks[j]
        if t.word and t.cap:
            j += 1
            continue
        if j > i and t.text.isdigit() and toks[j - 1].low in _NUMBER_WORDS:
            j += 1  # `Republic Act No. 3846`: a law's number is part of its name
            break
        if t.word and t.low in PARTICLES and j > i and j + 2 < n and toks[j + 1].low in PARTICLES \
                and toks[j + 2].word and toks[j + 2].cap and not t.cap:
            j += 2  # `Ursula von der Leyen`, `Charles de la Fontaine`: two particles
            continue
        if t.low in ("of", "de") and j > i and j + 2 < n and toks[j + 1].low in ("the", "la", "l'", "l’") \
                and toks[j + 2].word and toks[j + 2].cap:
            if body is None:
                body = org_words(toks[i:j], lex)
            if body:
                j += 2  # `the Supreme Council of the Armed Forces`: a body's complement with its article
                continue
        if t.word and (t.low in PARTICLES or t.low in ("of", "for", "on", "and", "&")) and j + 1 < n \
                and toks[j + 1].word and toks[j + 1].cap and j > i:
            if t.low in PARTICLES and t.low not in ("of", "for") and is_given_name(toks[j + 1].text) \
                    and j + 2 < n and toks[j + 2].cap and toks[j + 2].word:
                break  # `les costumes Arnys de François Fillon`: a given name and a name after `de` are a
                # person's, not the end of a name (`Charles de Gaulle`, `Ursula von der Leyen`)
            if t.low in ("on", "and", "&", "for"):
                if body is None:
                    body = org_words(toks[i:j], lex) or (t.low in ("and", "&") and names_one_body(toks, i, j, lex))
                if not body or toks[j + 1].low in lex.not_names:
                    break  # `Woolworths and Coles` are two; `Commission on International Religious Freedom` is
                    # one; `the Puerto Rico Senate on Sunday` is the Senate
            j += 1
            continue
        break
    return j


def names_one_body(toks: list[Tok], start: int, k: int, lex: Lexicon) -> bool:
    """Whether the capitalised words from `start` to the `and` at `k` and those after it name one body: those
    before name a body (`the Foreign Office and Ministry of Defence`), or they are one or two words and those
    after it do (`the Food and Drug Administration`, `the Foreign and Commonwealth Office`; not `Pfizer and
    BioNTech`)."""
    if org_words(toks[start:k], lex):
        return True
    if k - start > 2:
        return False
    end = k + 1
    while end < min(len(toks), k + 1 + _AFTER_AND) and toks[end].word and toks[end].cap:
        end += 1
    return org_words(toks[k + 1:end], lex)


_AFTER_AND = 4
"""Capitalised words looked at after an `and` for the head of a body's name (`Drug Administration`)."""


def org_word(t: Tok, lex: Lexicon) -> bool:
    low = t.low.rstrip(".")  # `Hasbro Inc.`
    return low in lex.org_heads or bool(lex.org_suffixes and low.endswith(lex.org_suffixes))


_HEAD_ENDS = frozenset(("of", "for", "on", "de", "du", "des"))


def org_words(toks: list[Tok], lex: Lexicon) -> bool:
    """Whether the run's head (its last word, or the word before its first `of`) is an organisation noun, or (German)
    one of its compounds ends like one (`Bahngesellschaft Oberlauf Mobil`)."""
    words = [t for t in toks if t.word]
    if not words:
        return False
    suffixes = lex.org_suffixes
    if suffixes:
        for t in words:
            if t.low.endswith(suffixes):
                return True
    head = words[-1]
    for k in range(1, len(words)):
        if words[k].low in _HEAD_ENDS:
            head = words[k - 1]
            break
    return org_word(head, lex)


def is_org(toks: list[Tok], lex: Lexicon) -> bool:
    """A run that names a body: its head is an organisation noun (`the World Health Organization`, not
    `Senate Minority Whip Dick Durbin`), or it is one word in capitals (`WHO`, `UCL`)."""
    if org_words(toks, lex):
        return True
    if len(toks) > 2 and any(t.low in _PLURAL_ARTICLES for t in toks[1:-1]):
        return True  # `Europe Écologie Les Verts`, `Reporters des Droits`: no person's name has these inside
    return len(toks) == 1 and len(toks[0].text) >= 2 and toks[0].text.replace(".", "").replace("-", "").isupper() \
        and not toks[0].text.endswith(("'", "’"))  # `C'est`, `L'Union`: an elided word, no acronym


AGED = ("-year-old", "-year-olds", "-jährige", "-jähriger")
"""Endings of an age, which describes a person: `the 45-year-old told reporters`, `25-year-old Netta`."""
_PLURAL_ARTICLES = frozenset(("les", "des", "the"))
"""Articles that never stand inside a person's name (`Le Pen`, `La Fontaine`, `Van der Bellen` do)."""
_DEMONYM = ("ish", "ian", "an", "ese", "ic", "i", "ch")
"""Endings of the adjectives of a place (`Irish`, `Indonesian`, `Congolese`): such a word before a title and a
given name is a description, where another word may be a name's first part (`Jo Anne Van Tilburg`)."""


def is_demonym(word: str) -> bool:
    """A capitalised adjective of a place (`Chinese`, `French`, `Israeli`), by its ending."""
    return len(word) > 3 and word[:1].isupper() and word.lower().endswith(_DEMONYM)


def person_name(toks: list[Tok], lex: Lexicon) -> tuple[list[Tok], list[Tok]] | None:
    """(name, titles) of a run of capitalised words, or None when the run is no person's name.

    Titles, ranks and places before the name go (`Santa Barbara County Sheriff Bill Brown`, `First Minister of
    Scotland Nicola Sturgeon`, `Senator from Vermont Bernie Sanders`); a title stays only before a lone given
    name (`Pope Francis`); post-nominals go (`Kama Melly QC`), and so does a place after (`Rouhani of Iran`)."""
    toks = [t for t in toks if t.word]
    of = None
    for k in range(1, len(toks)):
        if toks[k].low == "of":
            of = k
            break
    if of is not None:
        last_title = max((k for k in range(of) if is_title(toks[k], lex)), default=-1)
        if of - last_title - 1 >= 2:
            toks = toks[:of]  # `President Abdel Fattah el-Sisi of Egypt`: a place after the name
    while toks and toks[-1].low.rstrip(".") in POST_NOMINALS and len(toks) > 1:
        toks = toks[:-1]
    while len(toks) > 1 and "-" in toks[0].text and toks[0].text.rsplit("-", 1)[1][:1].islower():
        toks = toks[1:]  # `Oscar-nominated Owen`, `Kurdish-led …`: an adjective, not a name
    if not toks:
        return None
    cut = -1
    for k in range(len(toks) - 2, -1, -1):
        t = toks[k]
        if k and is_given_name(toks[k - 1].text) and not is_title(toks[k - 1], lex):
            continue  # `Ana Pastor García`, `John Major`: a word after a given name belongs to the name
        if is_title(t, lex) or t.text.endswith(("'s", "’s")) or t.low in PLACE_PREPOSITIONS or org_word(t, lex) \
                or t.low in lex.person_nouns:  # `Indonesian Pilot Iriyanto`
            cut = k  # `House of Commons Speaker John Bercow`, `Santa Barbara County Sheriff Bill Brown`
            break
    titles = toks[:cut + 1]
    name = toks[cut + 1:]
    if titles and titles[-1].low in PLACE_PREPOSITIONS:  # `Senator from Vermont Bernie Sanders`: a place, then
        name = _after_place([t for t in name if t.low not in ("the", "la", "le")])  # the name
    if len(name) >= 3 and not is_given_name(name[0].text) and is_given_name(name[1].text) and lex.code != "de" \
            and name[0].low not in PARTICLES:
        titles, name = [*titles, name[0]], name[1:]  # `Unison Dave Prentis`, `… Committee Represenative Adam
        # Schiff`, `… Homeland Security and Counterterrorism John O. Brennan`, `le Suisse Pablo Victor Dana`: a
        # body, a place, a nationality or a misspelt title before a given name
    if len(name) >= 3 and not is_given_name(name[0].text) and name[0].low not in PARTICLES \
            and (lex.code == "de" or (not titles and is_demonym(name[0].text))):
        given = next((k for k in range(1, len(name) - 1) if is_given_name(name[k].text)), None)
        if given is not None and not any(t.low in PARTICLES for t in name[:given]):  # `Insektenkundlerin Miriam
            titles, name = [*titles, *name[:given]], name[given:]  # Vogt`, `Irish Taoiseach Leo Varadkar`: words
            # before a given name that no list knows are a description
    complement = bool(name) and name[0].low in ("de", "du", "des", "d'", "d’") and bool(titles) \
        and is_title(titles[-1], lex)
    while name and name[0].low in PARTICLES and len(name) > 1 and not name[0].cap:
        name = name[1:]
    if complement and len(name) >= 3 and not is_given_name(name[0].text):
        name = _after_place(name)  # `Ministre de la Défense Antoni Macierewicz`: the office's domain, then the name
    if not name or org_words(name, lex) or name[0].low in lex.not_names \
            or (is_title(name[-1], lex) and not (len(name) >= 2 and is_given_name(name[-2].text))):
        return None  # a title after a given name is a surname (`Howard Dean`, `John Major`)
    if len(name) == 1 and titles and titles[-1].low.rstrip(".") in _KEEP_TITLES:
        return titles[-1:] + name, titles
    return name, titles


def _after_place(name: list[Tok]) -> list[Tok]:
    """The person after a place (`London Sadiq Khan`, `the United States Joe Biden`): the last two words,
    three when the middle one is an initial (`Emily W. Murphy`)."""
    if len(name) <= 2:
        return name[-1:] if len(name) == 2 and not is_given_name(name[0].text) and name[0].text.isupper() else name
    keep = 3 if len(name[-2].text) <= 2 or name[-2].low in PARTICLES else 2
    return name[-keep:]


def name_text(name: list[Tok]) -> str:
    """A name's words joined, without a possessive (`Erdogan's` names Erdogan)."""
    words = [t.text for t in name]
    last = words[-1]
    if last.endswith(("'s", "’s")) and len(last) > 3:
        words[-1] = last[:-2]
    elif last.endswith(("s'", "s’")) and len(last) > 3:
        words[-1] = last[:-1]
    return " ".join(words)
