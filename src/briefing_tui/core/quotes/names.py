"""Common given names and gendered words, for two jobs in attribution (docs/quotes.md).

1. Where a person's name starts in a run of capitalised words: `Ihr Kollege Jonas Albrecht`,
   `Prosecutor Ben Achebe`, `Personalvorständin Katrin Wessel`.
2. Which earlier person a pronoun can mean: in `“…,” she said` after `Dr. Lars Berg`, not Lars.

The lists are deliberately conservative: names commonly given to both men and women in some
language (Andrea, Jean, Kim, Simone, Sasha, Nicola…) are in neither list, so they never decide.
What the text itself says (`Mr`, `Frau`, `her son`, `she` right after the name) outranks them.
"""

from __future__ import annotations

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
""".split())

FEMALE_WORDS = frozenset("""
mrs ms miss madam madame mme mlle frau fräulein dame lady queen princess duchess countess baroness empress sister
nun daughter mother wife granddaughter grandmother aunt niece widow girlfriend fiancée bride stepmother
stepdaughter spokeswoman chairwoman councilwoman congresswoman businesswoman sportswoman policewoman actress
mère fille sœur soeur femme épouse tante nièce grand-mère veuve directrice présidente fondatrice avocate
tochter mutter schwester ehefrau witwe nichte großmutter
""".split())
MALE_WORDS = frozenset("""
mr mister sir lord herr monsieur king prince duke count baron emperor father brother son grandson grandfather
uncle nephew widower boyfriend fiancé groom stepfather stepson husband spokesman chairman councilman congressman
businessman sportsman policeman monk
père fils frère mari époux oncle neveu grand-père veuf directeur président fondateur avocat
sohn vater bruder ehemann witwer onkel neffe großvater
""".split())

FEMALE_SUFFIXES = ("erin", "orin", "istin", "entin", "antin", "ändin", "ärtin", "login", "ktin", "kundlerin")
"""German role nouns for a woman (`Personalvorständin`, `Insektenkundlerin`, `Ministerin`)."""

PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "er": "m", "il": "m",
                  "she": "f", "her": "f", "elle": "f", "sie": "f"}
"""`they` has no entry: it may mean anyone. `sie` is also `they`; as a speaker it is nearly always `she`."""


COMPOUND_FIRST = {"jean": "m", "pierre": "m", "marie": "f", "anne": "f"}
"""The first part of a compound given name decides its gender: `Jean-Marie` is a man, `Marie-Claire` a woman."""


def given_name_gender(name: str) -> str | None:
    """'m', 'f' or None from the first given name of `name` (`Jean-Louis Blanc` -> 'm' via `Louis`)."""
    first = name.split()[0].casefold() if name.split() else ""
    parts = first.split("-")
    if len(parts) > 1 and parts[0] in COMPOUND_FIRST:
        return COMPOUND_FIRST[parts[0]]
    for part in parts:
        if part in FEMALE_NAMES:
            return "f"
        if part in MALE_NAMES:
            return "m"
    return None


def word_gender(word: str) -> str | None:
    """'m', 'f' or None for a title or relation word (`Mr`, `son`, `Sprecherin`)."""
    low = word.casefold().strip(".,;:")
    if low in FEMALE_WORDS:
        return "f"
    if low in MALE_WORDS:
        return "m"
    if word[:1].isupper() and len(low) > 6 and low.endswith(FEMALE_SUFFIXES):
        return "f"
    return None


def is_given_name(word: str) -> bool:
    """A common given name (of either gender, or neither list's)."""
    low = word.casefold()
    return any(part in FEMALE_NAMES or part in MALE_NAMES for part in low.split("-"))
