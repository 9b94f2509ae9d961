"""Version numbers of what the index stores, in a module of their own: the command line reads them on every
start and must not pay for importing the parsers that they describe."""

RULES_VERSION = 45
"""Bump when the quote and speaker rules (`core/quotes/`) or the formats change what a parse gives the index
(paragraphs, quotes, speakers, titles, which files are articles): it rebuilds on a new value.
3: named passes over per-language lexicons, spans matched like brackets. 4: articles as documents (list
markers, code and tables leave the paragraphs; HTML and e-mail are read; character references decoded).
5: a name's first word alone, a body by its first word, `quoted X as saying`. 6: documents' authors,
descriptions resolved to the person or body the text is about, acronyms spelt out, appositive chains,
subjects for pronouns, French typography and adjectives. 7: cues that end a paragraph, descriptions with
commas, offices and documents named in full, French imperfects and clitics. 8: a quote holding whole sentences
is words said; a name in the possessive is no new speaker. 9: rules from real text (offices, kin, typos, French
cues and sources). 10: rules from two more real sets (asides, offices before names, dates and times, documents'
authors, one-letter typos in family names, bodies' complements). 11: rules from a tenth real set (French bodies'
adjectives, participle agents, votes, dates before subjects, descriptions before names). 12: rules from a twelfth
real set (adverbs inside inverted cues, the gender of descriptions that open a sentence). 13: rules from a
thirteenth real set (an acronym after a possessive, a circumstance before a subject with no comma, MSPs,
communities). 14: a surname alone that the sentence gives a gender is a person; a verb in lower case ends a
titled name; French associations are bodies, their names with the noun they end with; `Name of Place, who`;
sources that open a later clause; the acronym after a body named after its kind. 15: a name after its clause's
opening words before a description between commas is the subject; an office by another name (`le chef du
gouvernement`, `the head of state`) is its holder as named; a French title before an adjective of nationality.
16: rules from a fourteenth real set (ranks joined by hyphens, a title after a given name is a surname, more
given names, a thing under a reporting cue is no speaker, passive cues with `as`/`comme`, titled appositives).
17: a title's time in lower case (`former`) before a capitalised description and a name is no part of the speaker.
18: one speaker, one spelling in an article (`La police` opening a sentence is `la police`). 19: `the Chinese
Premier` is the office's holder; a word before a given name that ends a title's complement is no part of the
name; more given names. 20: `amidst`, `amongst` are prepositions; `X's Sudanese counterpart` is a description; short
military ranks (`Sgt.`, `Master`, `Staff`) are titles. 21: an emphatic pronoun, a preposition left at the end and
a negated auxiliary are no part of a speaker (`Sarkozy himself`, `leader on`, `Lyon didn't state`). 22: emphatic
pronouns are each language's own (an English `himself` in a French paragraph stays in a speaker's words). 23: a
body's name runs on past `and` when the words after it name a body (`the Food and Drug Administration`). 24:
`according to` at a sentence's end is the cue of the sentence's earlier quotes too. 25: a French cue in the
infinitive after a modal (`a tenu à préciser X`). 26: a title's plural names people (`the executives`: `they`).
27: a body's name runs on past `for` and `on` too (`The Centers for Disease Control and Prevention said`);
`centers` heads a body's name. 28: formats: a saved page's comments, related links and sharing boxes are not
its story, its title is og:title before the site's labels, its `_files` folder is skipped; Liquid, Hugo
shortcodes and kramdown attributes leave Markdown; an escape sequence in a file or folder name goes whole.
29: the words of code blocks and tables are in the body the index searches. 30: e-mail: `>` quoted lines are
block quotes, an inline forward's headers are lines of their own, `format=flowed` is unwrapped, a message
forwarded as an attachment is read. 31: a Markdown line left with only the words around what a template filled in
(`Posted on {{ page.date }} by {{ page.author }}.`) goes; a reply's `On … wrote:` wrapped over two lines is one
paragraph. 32: a description between commas that names a body (`Dr Tan, an ichthyologist and Lee Kong Chian Museum
officer, stated`) is of the titled name or the phrase before it; a cue after the words it reports with its subject after
it (`…, fait remarquer X, le ministre`, `…, said X.`) makes X the one a pronoun next is; a set phrase between an
inverted cue and its subject (`a confié pour sa part la mère`); a quoted term of at most four words after an article or
a preposition, in a sentence with no cue and no pronoun, is no one's words (`une « tenue de camouflage »`); a
paragraph opening with a quote that has no cue goes with the paragraph's next quote (`“…” He also pointed out,
“…”`); `appealed` is a cue; a peer's title stays with a name given alone (`Baroness Stowell`); a
source that opens the sentence after its first few words (`À l'inverse, pour X, « … »`); how often is no
subject (`and several times described`); a verb after a source's name ends it (`according to X believes that`);
`“…,” X quoted Y as saying`: Y. 33: a whole quotation's first part opens with a capital (`called it a "breach
of …," according to NBC. "The House …"` is two quotations). 34: a dated first line too long for a title is the
first paragraph (a file of one long line opening with a date was no article). 35: a paragraph of more quotes than
are attributed is read up to the first one left (make fuzz's hunt found it read on at 16 times the cost).
36: a pronoun and its cue after a quote with no comma, then the sentence's end (`"… producers" he said.`); a role
at a body, then a person's name with no comma (`officer at Fort Pitt Capital Group Charlie Smith`): the name.
37: a file's id and path escape its odd characters as `ls -b` does (`a\\x07b.md`), where they were dropped and two
files could read alike. 38: two people joined by `and` as one subject, each with a common given name, speak together
(`John Howard and Ian MacDonald announced`, `Thierry et Véronique Roy ont dénoncé`), and `they` next. 39: a
Markdown post of a table or a code block alone, and a plain-text note of one line, are articles. 40: Markdown nested
past markdown-it's limit is read as plain paragraphs, every word kept (the deeper text was dropped). 41: a front
matter key that is a list or a mapping is ignored alone (the whole front matter went with it). 42: Hugo's TOML front
matter (`+++`) is read; a saved page's several `<article>`s that are one story together (a live blog) are its body,
not the largest alone, and an ad's label (`Advertisement`) is no paragraph; a title's words that say which office it
is keep two offices apart (`the prime minister` is not `The foreign minister, Anna Berg`); an e-mail's HTML part is
read when its plain part has no words or is a stub of it (`View this email in your browser`), and its parts in the
charsets they declare, 8-bit ones too (a KOI8-R message in 8bit was a problem). 43: a saved page's published date
before the time it says it was updated, its JSON-LD authors, ISO's basic dates (`20250410`), its sharing and related
boxes named after the article (`article-share-buttons`) dropped; an e-mail's subject without `[EXTERNAL]` and list
tags, its parts in Python's escape codecs read as plain text; a greeting is no summary. 44: a saved page's story split
over boxes is read whole (the densest box grows to the container that holds the rest), a box named `modal` is
read, a `<title>` that is only the site's name gives way to og:title, an `article:tag` of several tags is split, an
indented ad label goes, a link's note mark comes before a trailing space; a CJK character is a word. 45: a saved
page's story box grows only for paragraphs, its section from og:article:section and never a date's crumb, its author
from `byl`, its title without the first part of a long site name and not repeated below a date or kicker, its images'
alt text without tags; a digest's messages are not forwards."""

DEFAULT_BUDGET = 5.0
"""CPU seconds one file may take to read and parse before it is skipped as a problem; a file over a
megabyte is allowed as much per megabyte (a linear parse of a large, quote-dense file takes that long)."""
