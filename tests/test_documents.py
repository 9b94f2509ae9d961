"""Articles as documents (docs/formats.md): Markdown blocks, saved web pages, e-mail, character references."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing_tui.core.library.scan import load_file
from briefing_tui.core.model import Article, Problem
from tests.conftest import SEEDS, write


def load(path: Path, root: Path | None = None) -> Article:
    result = load_file(str(path), str(root) if root else None)
    assert isinstance(result, Article), result
    return result


def kinds(article: Article) -> list[tuple[str, int, str]]:
    return [(b.kind, b.level, b.text) for b in article.body()]


def offsets_hold(article: Article) -> None:
    """Every quote's offsets hold its text in the paragraph shown; paragraphs are the prose blocks' texts."""
    assert article.paragraphs == tuple(b.text for b in article.body() if b.paragraph >= 0)
    assert [b.paragraph for b in article.body() if b.paragraph >= 0] == list(range(len(article.paragraphs)))
    for q in article.quotes:
        assert q.text in article.paragraphs[q.paragraph][q.start:q.end]
    for b in article.body():
        assert all(0 <= s < e <= len(b.text) for s, e, _ in b.styles), b
        assert all(0 < offset <= len(b.text) and 0 < n <= len(article.links) for offset, n in b.notes), b


# --- Markdown ----------------------------------------------------------------------------------------------

POST = """---
title: CUDA drivers
date: 2025-06-20
---
<meta name="description" content="He said “not a quote” in an attribute">
<!-- more -->

Intro with a [link](https://en.opensuse.org/SDB:NVIDIA "wiki") and *em*, **strong**, `code` and ~~gone~~.

## Prerequisites

The CUDA packages need the driver. “It just works,” said Anna Berg.

- Install the driver
  - nested step
- Reboot

  A second paragraph of the item.

3. Third
4. Fourth

> A block quote: “we will see,” said Jonas Ferro.

| Model | Quality (1-5) |
|---|---:|
| Small | 3 |

```bash
sudo zypper install cuda  # “not a quote,” said nobody
```

    indented code

![Screenshot of YaST](yast.png) and ![](bare.png)

---

<div class="note">Raw <b>HTML</b> text kept <script>var x = "“no”";</script></div>
Inline <span title="“no”">tag</span> text and <a href="https://example.org/x">an inline link</a>.
"""


def test_markdown_is_read_as_blocks(tmp_path: Path) -> None:
    a = load(write(tmp_path / "post.md", POST))
    assert kinds(a) == [
        ("paragraph", 0, "Intro with a link and em, strong, code and gone."),
        ("heading", 2, "Prerequisites"),
        ("paragraph", 0, "The CUDA packages need the driver. “It just works,” said Anna Berg."),
        ("list_item", 1, "Install the driver"),
        ("list_item", 2, "nested step"),
        ("list_item", 1, "Reboot"),
        ("list_item", 1, "A second paragraph of the item."),
        ("list_item", 1, "Third"),
        ("list_item", 1, "Fourth"),
        ("quote", 1, "A block quote: “we will see,” said Jonas Ferro."),
        ("table", 0, "Model | Quality (1-5)\nSmall | 3"),
        ("code", 0, "sudo zypper install cuda  # “not a quote,” said nobody"),
        ("code", 0, "indented code"),
        ("paragraph", 0, "[image: Screenshot of YaST] and [image]"),
        ("rule", 0, ""),
        ("paragraph", 0, "Raw HTML text kept"),
        ("paragraph", 0, "Inline tag text and an inline link."),
    ]
    assert [b.marker for b in a.body() if b.kind == "list_item"] == ["•", "•", "•", "", "3.", "4."]
    assert a.body()[10].rows == (("Model", "Quality (1-5)"), ("Small", "3"))
    intro = a.body()[0]
    styled = {a.body()[0].text[s:e]: style for s, e, style in intro.styles}
    assert styled == {"link": "link", "em": "em", "strong": "strong", "code": "code", "gone": "strike"}
    assert a.links == ("https://en.opensuse.org/SDB:NVIDIA", "https://example.org/x")
    assert intro.notes == ((intro.text.index(" and em"), 1),)
    offsets_hold(a)


def test_code_html_attributes_and_scripts_hold_no_quotes(tmp_path: Path) -> None:
    a = load(write(tmp_path / "post.md", POST))
    assert [(q.text, q.speaker) for q in a.quotes] == [("It just works,", "Anna Berg"), ("we will see,", "Jonas Ferro")]
    assert "nobody" not in " ".join(a.paragraphs) and "attribute" not in " ".join(a.paragraphs)
    assert a.summary.startswith("Intro with a link")  # not the comment, not the meta tag


def test_markdown_inside_an_html_block_is_read_as_inline_markdown(tmp_path: Path) -> None:
    """Posts moved from WordPress keep their text in `<td>`s: its links, images and emphasis work (the `&amp;amp;`
    is decoded once, by the HTML reader)."""
    a = load(write(tmp_path / "a.md", "# T\n\n<table><tr><td>![Logo](x.png) see [the page](https://example.org/p) "
                                      "and **bold** &amp;amp;</td>\n<td><b>kept</b> [as is](https://x.example)</td>"
                                      "</tr></table>\n"))
    assert kinds(a) == [("paragraph", 0, "[image: Logo] see the page and bold &amp;"), ("paragraph", 0, "kept as is")]
    assert a.links == ("https://example.org/p", "https://x.example") and (31, 35, "strong") in a.body()[0].styles
    b = load(write(tmp_path / "b.md", "<div><b>Styled</b> by HTML: [not](https://x.example) read again</div>\n"))
    assert b.paragraphs == ("Styled by HTML: [not](https://x.example) read again",) and b.links == ()


def test_markdown_heading_at_the_top_is_the_title_and_leaves_the_body(tmp_path: Path) -> None:
    a = load(write(tmp_path / "a.md", "# The Title\n\nBody text.\n\n# Another top heading\n"))
    assert a.title == "The Title"
    assert kinds(a) == [("paragraph", 0, "Body text."), ("heading", 1, "Another top heading")]


def test_plain_markdown_prose_is_paragraph_blocks(tmp_path: Path) -> None:
    a = load(write(tmp_path / "a.md", "---\ntitle: T\n---\nOne line\nwrapped.\n\nTwo.\n"))
    assert kinds(a) == [("paragraph", 0, "One line wrapped."), ("paragraph", 0, "Two.")]


# --- character references ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("a.txt", "T\n\n&#163;1.8m indecency fine &amp; more.\n", "£1.8m indecency fine & more."),
    ("b.txt", "T\n\nOnce: &amp;#163; stays &#163;.\n", "Once: &#163; stays £."),
    ("c.txt", "T\n\nAT&T and ?a=1&para=2 and &bogus; stay.\n", "AT&T and ?a=1&para=2 and &bogus; stay."),
    ("d.txt", "June 27, 2025 Q&amp;A\n&ldquo;Yes,&rdquo; said Anna Berg.\n", "“Yes,” said Anna Berg."),
    ("e.md", "# T\n\n&ldquo;Yes,&rdquo; said Anna Berg. Salt &amp; pepper, `&amp;` in code.\n",
     "“Yes,” said Anna Berg. Salt & pepper, &amp; in code."),
    ("f.html", "<p>&ldquo;Yes,&rdquo; said Anna Berg &amp;amp; co.</p>", "“Yes,” said Anna Berg &amp; co."),
    ("g.txt", "T\n\nBidi &#x202e;gone&#x202c; and NUL &#0; made safe.\n", "Bidi gone and NUL \ufffd made safe."),
])
def test_character_references_are_decoded_once_before_quotes(tmp_path: Path, name: str, text: str,
                                                             expected: str) -> None:
    a = load(write(tmp_path / name, text))
    assert a.paragraphs[0] == expected
    if "Yes" in expected:
        assert [(q.text, q.speaker) for q in a.quotes] == [("Yes,", "Anna Berg")]
    if name == "d.txt":
        assert a.title == "Q&A"


def test_a_jekyll_or_hugo_posts_templates_are_not_text(tmp_path: Path) -> None:
    """Liquid tags and output, Hugo shortcodes and kramdown attribute lists are the site generator's, not the
    reader's: dropped (their quoted arguments are no quotations); a highlight block is code; code keeps them."""
    post = ('---\ntitle: "Baltic cable cut"\ndate: 2025-03-13\n---\n\n* TOC\n{:toc}\n\n'
            "Police boarded the tanker *Eagle S* after a cable was damaged.\n{: .lead}\n\n"
            '"We are investigating this as sabotage," said Robin Lardot.\n\n'
            '{% include figure.html src="/img/eagle-s.jpg" caption="The Eagle S at anchor" %}\n'
            '{{< figure src="/img/map.png" caption="The route" >}}\n\n'
            "{% highlight bash %}\ncurl -s 'https://example.org/?q={{ x }}'\n```\n{% endhighlight %}\n\n"
            "Posted on {{ page.date | date: \"%B %-d, %Y\" }} in `{{ site.title }}`.\n\n"
            "```liquid\n{% if user %}Hello{% endif %}\n```\n")
    a = load(write(tmp_path / "2025-03-13-cable.md", post))
    assert kinds(a) == [
        ("paragraph", 0, "Police boarded the tanker Eagle S after a cable was damaged."),
        ("paragraph", 0, '"We are investigating this as sabotage," said Robin Lardot.'),
        ("code", 0, "curl -s 'https://example.org/?q={{ x }}'\n```"),
        ("paragraph", 0, "Posted on in {{ site.title }}."),
        ("code", 0, "{% if user %}Hello{% endif %}"),
    ]
    assert [(q.text, q.speaker) for q in a.quotes] == [("We are investigating this as sabotage,", "Robin Lardot")]
    plain = load(write(tmp_path / "plain.md", "A post.\n\nIt said {{ x }} and {% y %} then.\n"))
    assert plain.paragraphs == ("A post.", "It said and then.")
    framed = load(write(tmp_path / "framed.md", "A post.\n\nPosted on {{ page.date }} by {{ page.author }}.\n\n"
                                                 "Tags: {{ page.tags | join: ', ' }}\n\nPublié le {{ page.date }}\n"))
    assert framed.paragraphs == ("A post.",)  # only the words around what the site filled in: nothing left to read


# --- saved web pages -------------------------------------------------------------------------------------------


def test_the_sample_page(tmp_path: Path) -> None:
    a = load(SEEDS / "grid-link-timetable.html")
    assert (a.format, a.title, a.date.isoformat() if a.date else None, a.section, a.source, a.tags) == (
        "html", "Ministers Agree Grid Link Timetable", "2025-06-18", "Energy", "Northern Ledger (fictional)",
        ("fictional", "sample"))
    text = " ".join(a.paragraphs)
    for dropped in ("Subscribe", "Unrelated story", "Northern Ledger", "not a quote", "display"):
        assert dropped not in text
    assert kinds(a)[0] == ("paragraph", 0, "By a sample writer · 18 June 2025")  # the <h1> is the title
    assert ("heading", 2, "What happens next") in kinds(a)
    assert [b.text for b in a.body() if b.kind == "list_item"] == [
        "Seabed surveys begin in August", "Tenders close in October", "Cable laying starts in 2027"]
    table = next(b for b in a.body() if b.kind == "table")
    assert table.rows[0] == ("Phase", "Start", "Cost (m)") and len(table.rows) == 3
    assert [(q.text, q.speaker) for q in a.quotes] == [
        ("We have the money and we have the dates,", "Greta Hollmann"), ("late but welcome", "Opponents"),
        ("The cable is the easy part,", "Jonas Ferro"), ("The permits are not.", "Jonas Ferro")]
    assert dict(a.metadata)["url"] == "https://example.org/energy/grid-link-timetable"
    assert a.links == ("https://example.org/energy/link",)
    offsets_hold(a)


@pytest.mark.parametrize(("head", "body", "expected"), [
    ('<meta property="article:published_time" content="2025-06-18T23:30:00-05:00">', "", "2025-06-18"),
    ("", '<time datetime="2025-05-01">x</time><time pubdate datetime="2025-06-02">y</time>', "2025-06-02"),
    ('<script type="application/ld+json">{"@graph": [{"datePublished": "2025-06-03T10:00:00Z"}]}</script>', "",
     "2025-06-03"),
    ("", "<p>June 4, 2025 — the day began early.</p>", "2025-06-04"),
    ('<meta name="date" content="2025-13-45">', "", None),
    ('<meta name="pubdate" content="20250410">', "", "2025-04-10"),  # ISO's basic form
    # a `<time>` that says when the page changed yields to the published date, wherever that is
    ("", '<p>Last updated <time datetime="2025-07-09">9 July</time></p>'
         '<p>Published <time datetime="2025-07-01">1 July</time></p>', "2025-07-01"),
    ('<script type="application/ld+json">{"datePublished": "2025-07-02"}</script>',
     '<p>Mis à jour le <time datetime="2025-07-09">9 juillet</time></p>', "2025-07-02"),
    ("", '<time class="entry-updated" datetime="2025-07-09">x</time><time datetime="2025-07-03">y</time>',
     "2025-07-03"),
    ("", '<span>Updated:</span> <time datetime="2025-07-09">9 July</time>', "2025-07-09"),  # all there is
    ('<script type="application/ld+json">{"datePublished": "2025-07-04"}</script>',
     '<time datetime="2025-07-05">x</time>', "2025-07-04"),  # JSON-LD says published; a bare <time> does not
])
def test_page_dates(tmp_path: Path, head: str, body: str, expected: str | None) -> None:
    a = load(write(tmp_path / "p.html", f"<html><head>{head}</head><body>{body}<p>Text.</p></body></html>"))
    assert (a.date.isoformat() if a.date else None) == expected


def test_page_title_section_and_body_fallbacks(tmp_path: Path) -> None:
    page = ('<title>Talks stall - Example News</title><meta property="og:title" content="Talks stall">'
            '<div class="breadcrumb"><a href="/">Home</a> / <a href="/w">World</a> / <a href="/w/e">Europe</a></div>'
            '<div id="nav"><p>Short.</p></div>'
            '<div class="story"><p>' + "Long paragraph of the story. " * 20 + "</p><p>Second.</p></div>")
    a = load(write(tmp_path / "world" / "p.htm", page))
    assert (a.title, a.section) == ("Talks stall", "Europe")
    assert a.paragraphs[1:] == ("Second.",)  # the densest container, not the short one
    b = load(write(tmp_path / "q.html", "<h1>Only a heading</h1><p>And text.</p>"))
    assert (b.title, b.paragraphs) == ("Only a heading", ("And text.",))


def test_readers_comments_and_related_links_are_not_the_story(tmp_path: Path) -> None:
    """A page with no <article> or <main>: its readers' comments (denser than a short story), related links
    and sharing buttons are not the article; a name that also says `article` or `content` keeps its text."""
    comments = "".join(f'<div class="comment"><p class="user">reader{n}</p><p>I completely disagree with this '
                       f'analysis, the minister has been clear for months. Comment number {n}.</p></div>'
                       for n in range(12))
    page = ('<title>Cabinet survives vote - NL Daily</title><div id="topnav"><a href="/">Home</a></div>'
            '<div class="story"><h1>Cabinet survives vote</h1><p>The cabinet survived a confidence vote on '
            'Wednesday after a late-night debate in which the opposition tried and failed to unseat it.</p>'
            '<p>"We will continue to govern," said Prime Minister Dick Schoof after the vote.</p>'
            '<div class="share-buttons"><p>Share on X</p></div><div class="article-content"><p>More story.</p></div>'
            f'</div><div class="comments"><h3>12 comments</h3>{comments}</div>'
            '<section id="related-stories"><p>Other news of the day, at length, in many words.</p></section>')
    a = load(write(tmp_path / "p.html", page))
    assert a.paragraphs == ("The cabinet survived a confidence vote on Wednesday after a late-night debate in "
                            "which the opposition tried and failed to unseat it.",
                            '"We will continue to govern," said Prime Minister Dick Schoof after the vote.',
                            "More story.")
    assert [(q.text, q.speaker) for q in a.quotes] == [("We will continue to govern,", "Dick Schoof")]


@pytest.mark.parametrize(("names", "kept"), [
    ('class="article-share-buttons"', False), ('class="related-article-card"', False),
    ('id="article-related"', False), ('class="story-comments"', False),
    ('class="share-tools article-body"', True),  # a class of its own says story
    ('class="content-with-sidebar"', True), ('class="article-body"', True), ('class="entry"', True),
])
def test_sharing_and_related_boxes_named_after_the_article_are_not_the_story(tmp_path: Path, names: str,
                                                                           kept: bool) -> None:
    """A tryout's saved page kept `Share on FacebookShare on WhatsApp` and a related story's card: their names
    (`article-share-buttons`, `related-article-card`) also said `article`, which kept any box."""
    story = "The storm closed every school in the county on Monday, and the roads were shut by noon. " * 3
    page = (f"<title>Storm</title><article><h1>Storm</h1><p>{story}</p>"
            f"<div {names}><p>Extra words of this box.</p></div></article>")
    a = load(write(tmp_path / "p.html", page))
    assert ("Extra words of this box." in a.paragraphs) == kept


STORM = "Hundreds of thousands of homes are without power after the storm brought gusts of up to 100mph."
GIVAN = "All schools are closed today. ‘We cannot take the risk,’ the education minister, Paul Givan, said."


def test_a_live_blog_of_several_articles_keeps_every_entry(tmp_path: Path) -> None:
    """Several `<article>` entries of similar size are the story together: the body is the nearest element that
    holds them (with the text around them), and what a page puts around a story is still dropped inside it."""
    page = ('<title>Storm live</title><nav><a href="/">Home</a></nav><main><div class="liveblog">'
            f'<p>{STORM}</p><aside><p>Most viewed: another story.</p></aside><script>var x = 1;</script>'
            '<article id="b1"><p>9.15am</p><h2>Red warning extended</h2><p>The warning will remain until 3pm. '
            '"This is a dangerous storm," said chief meteorologist Paul Gundersen.</p></article>'
            '<div class="share-buttons"><p>Share on X</p></div>'
            f'<article id="b2"><p>8.40am</p><h2>Schools closed</h2><p>{GIVAN}</p></article>'
            '</div></main><footer><p>© The Paper</p></footer>')
    a = load(write(tmp_path / "live.html", page))
    assert a.paragraphs == (STORM, "9.15am", "Red warning extended", 'The warning will remain until 3pm. "This is '
                            'a dangerous storm," said chief meteorologist Paul Gundersen.', "8.40am",
                            "Schools closed", GIVAN)
    assert [q.speaker for q in a.quotes] == ["Paul Gundersen", "Paul Givan"]
    offsets_hold(a)


def test_a_long_first_entry_does_not_hide_the_many_short_ones(tmp_path: Path) -> None:
    """A live blog's long summary at the top and many short entries after it: together they hold far more than
    the summary, so they are all the body, though none is a quarter of its size."""
    summary = "The storm has closed roads, schools and airports across the north of the country. " * 6
    entries = "".join(f"<article><p>{n}.00pm</p><p>Update number {n}: the coastguard reports calm seas at "
                      f"last.</p></article>" for n in range(1, 21))
    page = f"<title>Storm live</title><main><article><p>{summary}</p></article>{entries}</main>"
    a = load(write(tmp_path / "live.html", page))
    assert len(a.paragraphs) == 41 and a.paragraphs[-1].startswith("Update number 20:")


@pytest.mark.parametrize("teaser", [
    '<article class="card"><h3><a href="/s{n}">Another story {n}</a></h3><p>A short summary of story {n}.</p>'
    "</article>",
    '<article class="card"><a href="/s{n}"><h3>Another story {n}</h3><p>' + "A long summary in the link. " * 12
    + "</p></a></article>",  # words in a link weigh nothing
])
def test_one_story_beside_teaser_articles_is_the_body(tmp_path: Path, teaser: str) -> None:
    story = ("The cabinet survived a confidence vote on Wednesday after a late-night debate in which the "
             "opposition tried and failed to unseat it.")
    teasers = "".join(teaser.format(n=n) for n in range(6))
    page = (f"<title>Vote</title><main><article><h1>Cabinet survives</h1><p>{story}</p><p>{story}</p><p>{story}"
            f"</p></article><div class='more'>{teasers}</div></main>")
    a = load(write(tmp_path / "p.html", page))
    assert a.paragraphs == (story, story, story)


def test_a_story_inside_a_box_named_modal_is_read(tmp_path: Path) -> None:
    """A documents tryout (Yahoo News, readability's yahoo-2): the page's only `<article>` sits in `#render-target-
    modal`, dropped as a pop-up; a sidebar teaser was the body, under the story's title. Readability keeps it."""
    story = "An unmanned Russian cargo spaceship heading to the space station broke up in the atmosphere."
    page = (f"<div id='render-target-modal' class='render-target-active'><article><p>{story}</p><p>{story}</p>"
            f"</article></div><div class='teaser'><p>Trump picks his Treasury secretary, a Wall Street veteran, on "
            f"Wednesday morning.</p></div>")
    assert load(write(tmp_path / "p.html", page)).paragraphs == (story, story)


def test_a_link_whose_text_ends_in_a_space_is_marked_before_it(tmp_path: Path) -> None:
    """A documents tryout (BBC): `<a>nuclear deal </a>after` was shown `nuclear deal [6]after`."""
    a = load(write(tmp_path / "p.html", '<p>The <a href="http://x/1">nuclear deal </a>after the talks, and '
                                        '<a href="http://x/2">a second\n </a> one.</p>'))
    (block,) = a.body()
    assert block.text == "The nuclear deal after the talks, and a second one."
    assert [block.text[:offset] for offset, _ in block.notes] == ["The nuclear deal", "The nuclear deal after the "
                                                                  "talks, and a second"]


def test_page_tags_are_split_at_commas_with_or_without_spaces(tmp_path: Path) -> None:
    """A documents tryout (the Guardian): one `article:tag` of `Oceans,New Zealand,Whales` was one tag."""
    page = ('<meta property="article:tag" content="Oceans,New Zealand,Whales">'
            '<meta property="article:tag" content="World news"><p>Text of the story.</p>')
    assert load(write(tmp_path / "p.html", page)).tags == ("Oceans", "New Zealand", "Whales", "World news")
    page = '<meta name="keywords" content="U.S. , poverty,inequality"><p>Text of the story.</p>'
    assert load(write(tmp_path / "k.html", page)).tags == ("U.S.", "poverty", "inequality")


def test_a_pages_section_from_og_article_section_or_a_crumb_that_is_no_date(tmp_path: Path) -> None:
    """A documents tryout: the BBC's `og:article:section` (US & Canada) was not read; heise's breadcrumb `News > 2015
    > KW 15` gave the section `KW 15`, a calendar week."""
    page = '<meta property="og:article:section" content="US &amp; Canada"><p>Text of the story.</p>'
    assert load(write(tmp_path / "a.html", page)).section == "US & Canada"
    crumbs = ('<nav class="breadcrumb" aria-label="breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/n">News'
              '</a></li><li><a href="/n/2015">2015</a></li><li><a href="/n/2015/15">KW 15</a></li></ol></nav>'
              '<p>Text of the story.</p>')
    assert load(write(tmp_path / "b.html", crumbs)).section == "News"


def test_a_pages_byline_meta_is_its_author(tmp_path: Path) -> None:
    """A documents tryout: the New York Times names its writer in `<meta name="byl" content="By Corey Kilgannon">`."""
    page = '<meta name="byl" content="By Corey Kilgannon"><p>Text of the story.</p>'
    assert dict(load(write(tmp_path / "a.html", page)).metadata)["author"] == "Corey Kilgannon"


def test_the_title_is_not_repeated_below_a_line_before_it(tmp_path: Path) -> None:
    """A documents tryout (heise, the BBC, Quanta): a date, a sponsor's line or a kicker before the `<h1>` left the
    title repeated at the top of the body; a heading that is og:title, not the first `<h1>`, too (webmd)."""
    page = ("<article><p>08.04.2015 12:46</p><h1>Passwords for the Mac</h1><p>The app now makes one-time codes, "
            "the maker said on Wednesday.</p></article>")
    a = load(write(tmp_path / "a.html", page))
    assert a.title == "Passwords for the Mac" and [b.text for b in a.body()][:2] == [
        "08.04.2015 12:46", "The app now makes one-time codes, the maker said on Wednesday."]
    page = ('<meta property="og:title" content="Babies who eat peanuts"><h1>Allergies Health Center</h1>'
            "<article><h2>Babies who eat peanuts</h2><p>Babies who eat peanut foods early may avoid an allergy, a "
            "study finds.</p></article>")
    assert [b.kind for b in load(write(tmp_path / "b.html", page)).body()] == ["paragraph"]


def test_an_images_alt_text_loses_the_markup_written_in_it(tmp_path: Path) -> None:
    """A documents tryout (MSN): `alt="&lt;span style=…&gt;Nintendo/Apple&lt;/span&gt;"` was shown as markup."""
    page = ('<p>The game is out. <img alt="&lt;span style=&quot;font-size:13px;&quot;&gt;Nintendo/Apple&lt;/span&gt;"'
            ' src="x.jpg"> More text follows here.</p>')
    assert load(write(tmp_path / "p.html", page)).paragraphs[0] == \
        "The game is out. [image: Nintendo/Apple] More text follows here."


def test_a_digests_messages_are_not_called_forwarded(tmp_path: Path) -> None:
    """A documents tryout: each message of a `multipart/digest` (a mailing list's) was introduced as `Forwarded
    message: …`; nobody forwarded them."""
    mail = ("From: list@example.org\nSubject: Digest, Vol 1\nDate: Tue, 3 Jun 2025 10:00:00 +0000\nMIME-Version: 1.0\n"
            "Content-Type: multipart/mixed; boundary=OUT\n\n--OUT\nContent-Type: text/plain\n\nToday's topics.\n"
            "--OUT\nContent-Type: multipart/digest; boundary=DIG\n\n--DIG\n\nFrom: ann@example.org\nSubject: Ports\n\n"
            "The ports reopen.\n--DIG\n\nFrom: bob@example.org\nSubject: Grain\n\nGrain moves again.\n"
            "--DIG--\n--OUT--\n")
    a = load(write(tmp_path / "d.eml", mail))
    assert a.paragraphs == ("Today's topics.", "Message: Ports — From ann@example.org", "The ports reopen.",
                            "Message: Grain — From bob@example.org", "Grain moves again.")


def test_a_story_split_over_boxes_is_read_whole(tmp_path: Path) -> None:
    """A documents tryout (readability's salon-1, herald-sun-1, quanta-1): a page with no `<article>` holds its lede
    in one box and the rest in another (`read-more`); the densest box alone was the body, the lede lost."""
    lede = "A high-powered government team has been doing the rounds of the media companies this month."
    rest = "The bill would require the providers to store the metadata of every customer for two years."
    teaser = "<a href='/x'>Another story entirely, with a long headline to weigh something here</a>"
    page = (f"<div class='wrap'><div class='story'><div class='intro'><p>{lede}</p><p>{lede}</p></div>"
            f"<div class='read-more'><p>{rest}</p><p>{rest}</p><p>{rest}</p><p>{rest}</p></div></div>"
            f"<div class='teasers'><p>{teaser}</p><p>{teaser}</p></div></div>")
    a = load(write(tmp_path / "p.html", page))
    assert a.paragraphs == (lede, lede, rest, rest, rest, rest)


def test_a_story_box_does_not_grow_to_take_in_tools_and_labels(tmp_path: Path) -> None:
    """A re-check tryout (readability's webmd-1): the story's box grew to the container around it, which added a
    list of tool links and a font-size widget's labels (`A`, `A`, `A`): short blocks and links are no story."""
    story = "Babies who eat peanut foods early in life may be less likely to develop an allergy, a study finds."
    labels = "".join(f"<p>{label}</p>" for label in ("Font Size", "A", "A", "A", "Print this page", "Email a friend",
                                                     "Save to your favourites", "Report a problem with this page",
                                                     "Tools and resources for you", "Most popular today"))
    page = (f"<div class='page'><ul class='tools'><li><a href='/t'>Tools</a></li></ul>{labels}"
            f"<div class='story'>{f'<p>{story}</p>' * 6}</div><p>1 | 2 | 3 | Next Page</p></div>")
    assert load(write(tmp_path / "p.html", page)).paragraphs == (story,) * 6


def test_advertising_labels_are_not_paragraphs(tmp_path: Path) -> None:
    page = ("<article><p>A judge blocked the flights.</p><div class='ad ad-container'><span>Advertisement</span>"
            "</div><div class='dfp-ad-slot'><p>ADVERTISEMENT</p></div><div id='bottom-slug'><p>\n" + " " * 44 +
            "Advertisement\n" + " " * 40 + "</p></div><div class='story-continues'>Story continues "
            "below advertisement</div><p>The advertisement ran for a week.</p><p>Advertisement.</p></article>")
    a = load(write(tmp_path / "p.html", page))
    assert a.paragraphs == ("A judge blocked the flights.", "The advertisement ran for a week.")


@pytest.mark.parametrize(("title", "expected"), [
    ("Ceasefire talks stall | World | The Daily Ledger", "Ceasefire talks stall"),  # og:title, then more
    ("Ceasefire talks stall - Europe - The Daily Ledger", "Ceasefire talks stall"),
    ("Ceasefire talks stall | The Daily Ledger", "Ceasefire talks stall"),
    ("Ceasefire talks stall: what next", "Ceasefire talks stall: what next"),  # no separator: the title
    ("The Daily Ledger", "Ceasefire talks stall"),  # a documents tryout (Quanta): the site's name alone is no title
])
def test_a_page_title_is_the_headline_without_the_sites_labels(tmp_path: Path, title: str, expected: str) -> None:
    page = (f'<title>{title}</title><meta property="og:title" content="Ceasefire talks stall">'
            '<meta property="og:site_name" content="The Daily Ledger"><p>Text.</p>')
    assert load(write(tmp_path / "p.html", page)).title == expected


def test_a_page_title_loses_the_first_part_of_a_long_site_name(tmp_path: Path) -> None:
    """A documents tryout (Aktuálně.cz): `<title>… - Aktuálně.cz`, og:site_name `Aktuálně.cz - Víte, co se právě
    děje`: the title kept the site's name."""
    page = ('<title>West Ham hrozí gigantům - Aktuálně.cz</title><meta property="og:site_name" content="Aktuálně.cz - '
            'Víte, co se právě děje"><p>Text.</p>')
    assert load(write(tmp_path / "p.html", page)).title == "West Ham hrozí gigantům"
    page = '<title>Talks stall - Aktuálně</title><meta property="og:site_name" content="Aktuálně.cz"><p>Text.</p>'
    assert load(write(tmp_path / "q.html", page)).title == "Talks stall - Aktuálně"  # not the site's name


def test_a_pages_writer_is_named_beside_its_site(tmp_path: Path) -> None:
    from briefing_tui.core.serialize import byline
    from briefing_tui.tui.document import article_blocks

    head = '<meta property="og:site_name" content="The Daily Ledger"><meta name="author" content="Maria Kowalski">'
    a = load(write(tmp_path / "p.html", f"<title>Talks</title>{head}<p>Text.</p>"))
    assert (a.source, byline(a)) == ("The Daily Ledger", "The Daily Ledger · by Maria Kowalski")
    assert "The Daily Ledger · by Maria Kowalski" in [b.text for b in article_blocks(a)]
    alone = load(write(tmp_path / "q.html", '<title>T</title><meta name="author" content="Maria Kowalski"><p>x</p>'))
    assert byline(alone) == "Maria Kowalski"  # the author is the source: named once


@pytest.mark.parametrize(("head", "expected"), [
    ('<script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": "Person", '
     '"name": "Maria Kowalski"}}</script>', "Maria Kowalski"),
    ('<script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, {"@type": "NewsArticle", "author": '
     '[{"name": "Ana Lopez"}, {"name": "Tom Berg"}, "https://example.org/staff"]}]}</script>', "Ana Lopez, Tom Berg"),
    ('<meta property="article:author" content="https://www.facebook.com/dailyledger">', None),  # an address
    ('<meta property="article:author" content="Maria Kowalski">', "Maria Kowalski"),
    ('<meta name="author" content="Desk"><script type="application/ld+json">{"author": "Ana Lopez"}</script>',
     "Desk"),  # the meta tag first
])
def test_a_pages_author_from_json_ld_or_meta_tags(tmp_path: Path, head: str, expected: str | None) -> None:
    a = load(write(tmp_path / "p.html", f"<html><head><title>T</title>{head}</head><body><p>x</p></body></html>"))
    assert dict(a.metadata).get("author") == expected


def test_a_saved_pages_companion_folder_is_skipped(tmp_path: Path) -> None:
    """`Web Page, complete` saves `NAME_files/` beside the page (images, scripts, ads as frames): none of it
    is an article or a problem, in a full scan or when that folder alone is walked (live refresh)."""
    from briefing_tui.core.library.scan import walk

    write(tmp_path / "Web" / "Talks stall - World.html", "<title>Talks stall</title><p>Text.</p>")
    for name in ("app.js", "main.css", "saved_resource.html", "iframe_api.html"):
        write(tmp_path / "Web" / "Talks stall_files" / name, "<p>x</p>")
    write(tmp_path / "Web" / "Seite-Dateien" / "frame.html", "<p>x</p>")
    write(tmp_path / "Notes" / "meeting_files" / "a.md", "# Kept\n\nNo page beside this folder.\n")
    found = sorted(e.id for e in walk(str(tmp_path)))
    assert found == ["Notes/meeting_files/a.md", "Web/Talks stall - World.html"]
    assert list(walk(str(tmp_path), None, "Web/Talks stall_files")) == []
    assert [e.id for e in walk(str(tmp_path), None, "Notes/meeting_files")] == ["Notes/meeting_files/a.md"]


def test_page_structure_rules(tmp_path: Path) -> None:
    page = """<body><p>One<br>line<br><br>Two
    <p hidden>hidden</p><p style="display: none">preheader</p><span class="sr-only">for readers</span>
    <p>He said <q>yes</q>.</p>
    <table><tr><td><p>Layout cell prose.</p></td><td><table><tr><td>Inner</td></tr></table></td></tr></table>
    <table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td></td></tr><tr><td></td><td>2</td></tr></table>
    <pre>  keep
    spacing</pre><ol start="4"><li>four<li value="9">nine<li>ten</ol>
    <![if !supportLists]><p>Word's list</p><![endif]><!-- unclosed comment"""
    a = load(write(tmp_path / "p.html", page))
    assert kinds(a) == [
        ("paragraph", 0, "One line"), ("paragraph", 0, "Two"), ("paragraph", 0, "He said “yes”."),
        ("paragraph", 0, "Layout cell prose."), ("paragraph", 0, "Inner"),
        ("table", 0, "A | B\n1 | \n | 2"), ("code", 0, "  keep\n    spacing"),
        ("list_item", 1, "four"), ("list_item", 1, "nine"), ("list_item", 1, "ten"), ("paragraph", 0, "Word's list"),
    ]
    assert [b.marker for b in a.body() if b.kind == "list_item"] == ["4.", "9.", "10."]
    assert a.quotes[0].text == "yes"


def test_a_page_with_front_matter(tmp_path: Path) -> None:
    page = "---\ntitle: From YAML\nsection: Jekyll\n---\n<title>From HTML</title><p>Hi.</p>"
    a = load(write(tmp_path / "p.html", page))
    assert (a.title, a.section, a.paragraphs) == ("From YAML", "Jekyll", ("Hi.",))


# --- e-mail ------------------------------------------------------------------------------------------------


def test_the_sample_newsletter() -> None:
    a = load(SEEDS / "morning-brief-2025-06-20.eml")
    assert (a.format, a.title, a.date.isoformat() if a.date else None, a.section, a.source, a.tags) == (
        "email", "Morning Brief — Harbour talks resume in Port Amsel", "2025-06-20", "Maritime",
        "Morning Brief (fictional)", ("fictional", "sample", "newsletter"))
    assert dict(a.metadata)["attachments"] == "landings-2024.csv"
    assert "unsubscribe" not in " ".join(a.paragraphs).lower()  # the signature goes
    assert "HTML version" not in " ".join(a.paragraphs)  # the plain part wins
    assert "port,month" not in " ".join(a.paragraphs)  # an attachment is never opened
    assert ("quote", 1, "Earlier this month: “The offer is a step backwards,” the minister had told reporters.") \
        in kinds(a)
    assert (a.quotes[0].text, a.quotes[0].speaker) == ("We are ready to listen, and we have brought new numbers,",
                                                        "Anika Brandt")
    assert "café" in a.paragraphs[-1]  # quoted-printable in UTF-8
    offsets_hold(a)


def mail(headers: str, body: str) -> str:
    return headers.strip("\n") + "\n\n" + body


def test_mail_headers(tmp_path: Path) -> None:
    a = load(write(tmp_path / "Briefs" / "a.eml", mail(
        "Subject: =?iso-8859-1?q?Re=3A_Fwd=3A_Caf=E9_talks?=\nFrom: brief@example.org\n"
        "Date: Fri, 27 Jun 2025 23:30:00 -0500\nContent-Type: text/plain; charset=iso-8859-1\n"
        "Content-Transfer-Encoding: quoted-printable",
        "Caf=E9 owners said =93fine=94.\n")), tmp_path)
    assert (a.title, a.date.isoformat() if a.date else None, a.source, a.section) == (
        "Café talks", "2025-06-27", "brief@example.org", "Briefs")
    assert a.paragraphs == ("Café owners said \x93fine\x94.".encode("latin-1").decode("cp1252"),)
    b = load(write(tmp_path / "b.eml", mail("List-Id: Morning Brief <brief.example.org>\nX-Section: Defence",
                                           "Body.\n")))
    assert (b.title, b.source, b.section, b.date) == ("b", "Morning Brief <brief.example.org>", "Defence", None)


@pytest.mark.parametrize(("subject", "title"), [
    ("[EXTERNAL] FW: Weekly briefing", "Weekly briefing"), ("*CAUTION* RE: Budget", "Budget"),
    ("EXTERNAL: Re: Fwd: Grid outage", "Grid outage"), ("[ops-list] Re: Grid outage", "Grid outage"),
    ("[Update] Grid outage", "[Update] Grid outage"), ("AW: WG: Haushalt", "Haushalt"), ("Re:", "Re:"),
    ("[EXTERNAL]", "[EXTERNAL]"), ("External review of the budget", "External review of the budget"),
])
def test_mail_subject_labels_and_reply_prefixes_are_not_the_title(tmp_path: Path, subject: str, title: str) -> None:
    a = load(write(tmp_path / "a.eml", mail(f"Subject: {subject}\nFrom: a@example.org", "Talks resumed.\n")))
    assert a.title == title


@pytest.mark.parametrize("greeting", ["Hi all,", "Good morning!", "Dear colleagues,", "Bonjour à tous,",
                                      "Liebe Kolleginnen und Kollegen,", "Hello team:"])
def test_a_greeting_is_not_the_summary(tmp_path: Path, greeting: str) -> None:
    body = f"{greeting}\n\nTalks resumed in Port Amsel on Tuesday. The mayor was there.\n\nBest,\nAna\n"
    a = load(write(tmp_path / "a.eml", mail("Subject: Brief\nFrom: a@example.org", body)))
    assert a.summary == "Talks resumed in Port Amsel on Tuesday."
    assert a.paragraphs[0] == greeting  # the body keeps it
    opening = load(write(tmp_path / "b.txt", "Brief\n\nAll eyes on Brussels: talks stalled again on Tuesday.\n"))
    assert opening.summary == "All eyes on Brussels: talks stalled again on Tuesday."


def test_mail_html_only_goes_through_the_page_reader(tmp_path: Path) -> None:
    html = ("<html><head><title>Weekly</title></head><body><table><tr><td><p style='display:none'>preheader</p>"
            "<h2>First story</h2><p>&ldquo;Yes,&rdquo; said Anna Berg.</p></td></tr></table>"
            "<img src='https://example.org/pixel.gif'></body></html>")
    a = load(write(tmp_path / "a.eml", mail("Content-Type: text/html; charset=utf-8", html)))
    assert a.title == "Weekly"
    assert kinds(a) == [("heading", 2, "First story"), ("paragraph", 0, "“Yes,” said Anna Berg.")]
    assert a.quotes[0].speaker == "Anna Berg"


STORY = ("<html><head><title>Patrol</title></head><body><h2>Patrol extended</h2><p>The patrol will be extended "
         "to October, the ministry said. &ldquo;We will not leave a vacuum in the High North,&rdquo; the defence "
         "minister, Ola Nordmann, told parliament on Monday.</p></body></html>")


def alternative(plain: str, html: str = STORY, outer: str = "multipart/alternative") -> str:
    """A message of a text/plain and a text/html part, alternatives of each other unless `outer` says otherwise."""
    return mail(f'Subject: Patrol\nContent-Type: {outer}; boundary="a"', (
        f"--a\nContent-Type: text/plain; charset=us-ascii\n\n{plain}\n"
        f"--a\nContent-Type: text/html; charset=utf-8\n\n{html}\n--a--\n"))


def test_mail_html_part_wins_over_an_empty_or_stub_plain_part(tmp_path: Path) -> None:
    """A text/plain part that is empty, only white space, or a stub of its HTML alternative (`View this email in
    your browser`) does not hide the HTML part's story: the message is read from its HTML part."""
    story = [("heading", 2, "Patrol extended"), ("paragraph", 0, (
        "The patrol will be extended to October, the ministry said. “We will not leave a vacuum in the High North,” "
        "the defence minister, Ola Nordmann, told parliament on Monday."))]
    for n, plain in enumerate(("", " \n\t\n  \n", "View this email in your browser: https://list.example/view?id=9")):
        a = load(write(tmp_path / f"{n}.eml", alternative(plain)))
        assert kinds(a) == story, plain
        assert a.quotes[0].speaker == "Ola Nordmann"
        offsets_hold(a)
    # Outlook: an empty plain part, the HTML in quoted-printable windows-1252, both in a multipart/related
    outlook = mail('Subject: RE: Patrol\nContent-Type: multipart/related; boundary="r"', (
        '--r\nContent-Type: multipart/alternative; boundary="a"\n\n'
        '--a\nContent-Type: text/plain; charset="us-ascii"\nContent-Transfer-Encoding: 7bit\n\n\n\n'
        '--a\nContent-Type: text/html; charset="windows-1252"\nContent-Transfer-Encoding: quoted-printable\n\n'
        "<html><body><p class=3DMsoNormal>The patrol will be extended. =93We will stay,=94 said Ola Nordmann.<o:p>"
        "</o:p></p></body></html>\n--a--\n\n--r\nContent-Type: image/png; name=\"image001.png\"\n"
        "Content-Disposition: inline; filename=\"image001.png\"\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n"
        "--r--\n"))
    b = load(write(tmp_path / "outlook.eml", outlook))
    assert b.paragraphs == ("The patrol will be extended. “We will stay,” said Ola Nordmann.",)
    assert dict(b.metadata)["attachments"] == "image001.png"


def test_mail_a_real_plain_part_wins_and_the_html_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The plain part stays the body when it is not a stub: short but as long as the HTML's text (a reply), in a
    message whose HTML part is no alternative of it, or long enough to be no stub, where the HTML is never read."""
    from briefing_tui.core.formats import mail as mail_format

    reply = "Agreed, see you at three.\n\nAnna"
    a = load(write(tmp_path / "a.eml", alternative(reply, "<p>Agreed, see you at three.</p><p>Anna</p>")))
    assert a.paragraphs == ("Agreed, see you at three.", "Anna")
    b = load(write(tmp_path / "b.eml", alternative("See the newsletter below.", outer="multipart/mixed")))
    assert b.paragraphs == ("See the newsletter below.",)
    pages: list[str] = []
    monkeypatch.setattr(mail_format, "read_page", lambda page, whole: pages.append(page))  # never called
    long = " ".join(["The patrol will be extended to October, the ministry said on Monday."] * 3)
    c = load(write(tmp_path / "c.eml", alternative(long, STORY * 50)))
    assert c.paragraphs == (long,) and pages == []


RUSSIAN = ('Доброе утро.\n\nПравительство объявило о новых мерах. "Мы готовы к диалогу", - заявил '
           "пресс-секретарь Дмитрий Песков.\n")


def test_mail_8bit_parts_are_read_in_the_charsets_they_declare(tmp_path: Path) -> None:
    """An 8-bit part in KOI8-R, and one in ISO-8859-7 in a message forwarded in it, are read in those charsets,
    though the file as a whole is neither UTF-8 nor Western text; the same message in base64 reads the same."""
    import base64

    headers = ("From: =?KOI8-R?B?7s/Xz9PUyQ==?= <news@ru.example>\nSubject: =?KOI8-R?B?9dTSxc7OycogwtLJxsnOxw==?=\n"
               "MIME-Version: 1.0\n")
    eight = (headers + "Content-Type: text/plain; charset=koi8-r\nContent-Transfer-Encoding: 8bit\n\n").encode()
    a = load(write(tmp_path / "koi8.eml", eight + RUSSIAN.encode("koi8-r")))
    b64 = (headers + "Content-Type: text/plain; charset=koi8-r\nContent-Transfer-Encoding: base64\n\n").encode()
    b = load(write(tmp_path / "koi8-b64.eml", b64 + base64.encodebytes(RUSSIAN.encode("koi8-r"))))
    assert a.title == b.title == "Утренний брифинг" and a.source == b.source == "Новости"
    assert a.paragraphs == b.paragraphs == tuple(RUSSIAN.strip().split("\n\n"))
    greek = "Καλημέρα. «Είμαστε έτοιμοι», δήλωσε ο υπουργός.\n"
    mixed = (b'Subject: Two charsets\nContent-Type: multipart/mixed; boundary="b"\n\n--b\n'
             b"Content-Type: text/plain; charset=koi8-r\nContent-Transfer-Encoding: 8bit\n\n" + RUSSIAN.encode("koi8-r")
             + b"--b\nContent-Type: message/rfc822\n\nSubject: Greek\nContent-Type: text/plain; charset=iso-8859-7\n"
             b"Content-Transfer-Encoding: 8bit\n\n" + greek.encode("iso-8859-7") + b"--b--\n")
    c = load(write(tmp_path / "mixed.eml", mixed))
    assert c.paragraphs == (*RUSSIAN.strip().split("\n\n"), "Forwarded message: Greek", greek.strip())
    # Shift_JIS as Japanese mail writes it (Windows' cp932: `①`), with a stray byte that becomes U+FFFD alone
    japanese = "会議は①時から。東京の本社で行います。" * 3
    d = load(write(tmp_path / "ja.eml", b"Subject: x\nContent-Type: text/plain; charset=Shift_JIS\n\n"
                                        + japanese.encode("cp932") + b"\x81\n" + japanese.encode("cp932")))
    assert d.paragraphs == (f"{japanese}\ufffd {japanese}",)


def test_mail_8bit_parts_without_a_usable_charset_fall_back_and_stay_clean(tmp_path: Path) -> None:
    """A part with no charset, an unknown one, or bytes not in it is read as any file is (UTF-8, else cp1252, else
    a problem); raw 8-bit headers are UTF-8, else cp1252; bytes that are UTF-8 are UTF-8 whatever the label says;
    escape sequences go whole, as in any file's text, 8-bit C1 ones (`CSI` in ISO-8859-5) too."""
    latin = "»Wir müssen handeln«, sagte Müller. Straße, Größe, Übung, ähnlich, öffentlich, für, über."
    for n, ctype in enumerate(("text/plain", "text/plain; charset=x-unknown", "text/plain; charset=utf-8")):
        a = load(write(tmp_path / f"{n}.eml", f"Subject: Straße\nContent-Type: {ctype}\n\n{latin}\n".encode("cp1252")))
        assert (a.title, a.paragraphs) == ("Straße", (latin,)), ctype
    utf8 = load(write(tmp_path / "utf8.eml", f"Subject: Straße\nContent-Type: text/plain; charset=iso-8859-1\n"
                                             f"Content-Transfer-Encoding: 8bit\n\n{latin}\n".encode()))
    assert (utf8.title, utf8.paragraphs) == ("Straße", (latin,))
    punycode = load(write(tmp_path / "puny.eml", (  # a name for domain names, no mail's charset (and quadratic)
        b'Subject: x\nContent-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\nOuter.\n'
        b"--b\nContent-Type: message/rfc822\n\nSubject: P\nContent-Type: text/plain; charset=punycode\n\n"
        + latin.encode("cp1252") + b"\n--b--\n")))
    assert punycode.paragraphs == ("Outer.", "Forwarded message: P", latin)
    for codec in ("unicode_escape", "raw-unicode-escape"):  # Python's escapes: `\x1b` stays the text it is
        escaped = load(write(tmp_path / f"{codec}.eml", b"Subject: x\nContent-Type: text/plain; charset=" +
                             codec.encode() + b"\n\nSee \\x1b]52;c;Zm9v\\x07 here.\n"))
        assert escaped.paragraphs == ("See \\x1b]52;c;Zm9v\\x07 here.",), codec
    undeclared = load_file(str(write(tmp_path / "ru.eml", b"Subject: x\n\n" + RUSSIAN.encode("koi8-r"))))
    assert isinstance(undeclared, Problem) and undeclared.reason.startswith("not text in UTF-8 or a Western encoding")
    hostile = (b"Subject: x\nContent-Type: text/plain; charset=iso-8859-5\nContent-Transfer-Encoding: 8bit\n\n"
               + "Титул\x1b]0;pwned\x07 \x9b31mкрасный\x9b0m \x1b[2Jтекст.\n".encode("iso-8859-5"))
    assert load(write(tmp_path / "csi.eml", hostile)).paragraphs == ("Титул красный текст.",)


def test_mail_base64_text_and_attachments(tmp_path: Path) -> None:
    import base64

    body = base64.b64encode("Grüße aus Kessel. “Ja,” sagte Greta Hollmann.".encode()).decode()
    message = mail('Subject: B64\nContent-Type: multipart/mixed; boundary="x"', (
        f"--x\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n{body}\n"
        "--x\nContent-Type: application/octet-stream\n\nsecret\n"
        "--x\nContent-Type: text/plain\nContent-Disposition: attachment; filename=\"notes.txt\"\n\nattached text\n"
        "--x--\n"))
    a = load(write(tmp_path / "a.eml", message))
    assert a.paragraphs == ("Grüße aus Kessel. “Ja,” sagte Greta Hollmann.",)
    assert dict(a.metadata)["attachments"] == "unnamed (application/octet-stream), notes.txt"


def test_mail_reply_quotes_are_block_quotes(tmp_path: Path) -> None:
    """Quoted lines right under a reply's own text (Gmail, Apple Mail) are block quotes without their `>` marks,
    as deep as they are quoted; the line that introduces them is a paragraph of its own."""
    a = load(write(tmp_path / "a.eml", mail("Subject: Re: numbers", (
        "Thanks, see below.\n"
        "On 11 Mar 2025, at 09:01, Paul Meyer <paul@example.org> wrote:\n"
        "> “The numbers are final,” said Paul Meyer.\n> They go out\n>\n> on Friday.\n"
        "> > Older text.\n> Back to one.\n"))))
    assert kinds(a) == [
        ("paragraph", 0, "Thanks, see below."),
        ("paragraph", 0, "On 11 Mar 2025, at 09:01, Paul Meyer <paul@example.org> wrote:"),
        ("quote", 1, "“The numbers are final,” said Paul Meyer. They go out"), ("quote", 1, "on Friday."),
        ("quote", 2, "Older text."), ("quote", 1, "Back to one.")]
    assert (a.quotes[0].text, a.quotes[0].speaker) == ("The numbers are final,", "Paul Meyer")
    offsets_hold(a)
    wrapped = load(write(tmp_path / "b.eml", mail("Subject: Re: numbers", (
        "Thanks, see below.\nIt was a long week.\n"
        "On Tue, 11 Mar 2025 at 09:01, Paul Meyer\n<paul@example.org> wrote:\n> Final.\n"))))
    assert kinds(wrapped)[:2] == [
        ("paragraph", 0, "Thanks, see below. It was a long week."),
        ("paragraph", 0, "On Tue, 11 Mar 2025 at 09:01, Paul Meyer <paul@example.org> wrote:")]


def test_mail_inline_forward_headers_are_lines_of_their_own(tmp_path: Path) -> None:
    """An inline forward's mark and header lines are a paragraph each, never run on into one (Gmail; Outlook's
    rule is a rule, and a wrapped `To:` line stays on its header)."""
    a = load(write(tmp_path / "a.eml", mail("Subject: Fwd: numbers", (
        "FYI.\n\n---------- Forwarded message ---------\nFrom: Paul Meyer <paul@example.org>\n"
        "Date: Tue, 11 Mar 2025 at 09:01\nSubject: numbers\nTo: Anna Berg <anna@example.org>\n\n"
        "The numbers are final.\n"))))
    assert kinds(a) == [
        ("paragraph", 0, "FYI."), ("paragraph", 0, "---------- Forwarded message ---------"),
        ("paragraph", 0, "From: Paul Meyer <paul@example.org>"), ("paragraph", 0, "Date: Tue, 11 Mar 2025 at 09:01"),
        ("paragraph", 0, "Subject: numbers"), ("paragraph", 0, "To: Anna Berg <anna@example.org>"),
        ("paragraph", 0, "The numbers are final.")]
    b = load(write(tmp_path / "b.eml", mail("Subject: RE: numbers", (
        "Agreed.\n\n________________________________\nFrom: Paul Meyer\nSent: Tuesday, 11 March 2025 09:01\n"
        "To: Anna Berg <anna@example.org>,\n Bob Day <bob@example.org>\nSubject: numbers\n\nFinal.\n"))))
    assert kinds(b) == [
        ("paragraph", 0, "Agreed."), ("rule", 0, ""), ("paragraph", 0, "From: Paul Meyer"),
        ("paragraph", 0, "Sent: Tuesday, 11 March 2025 09:01"),
        ("paragraph", 0, "To: Anna Berg <anna@example.org>, Bob Day <bob@example.org>"),
        ("paragraph", 0, "Subject: numbers"), ("paragraph", 0, "Final.")]
    offsets_hold(a)


def test_mail_format_flowed(tmp_path: Path) -> None:
    """`format=flowed` (RFC 3676): a line ending in a space goes on with the next one quoted as deep, less that
    space with `delsp=yes`; a stuffed line loses its first space (and is no quote); quoted lines flow too."""
    a = load(write(tmp_path / "a.eml", mail("Subject: Flowed\nContent-Type: text/plain; format=flowed; delsp=yes", (
        "The princi \nple holds,  \nsaid Anna Berg.\n > not a quote\n\n"
        ">“We are  \n>ready,”  \n> she said.\n>>An older  \n>>one.\n-- \nSignature.\n"))))
    assert kinds(a) == [
        ("paragraph", 0, "The principle holds, said Anna Berg. > not a quote"),
        ("quote", 1, "“We are ready,” she said."), ("quote", 2, "An older one.")]
    assert (a.quotes[0].text, a.quotes[0].speaker) == ("We are ready,", "Anna Berg")
    b = load(write(tmp_path / "b.eml", mail("Subject: Flowed\nContent-Type: text/plain; format=flowed", (
        "Soft \nbreaks \n\nkeep their \nspaces; a blank line after a soft break ends a paragraph.\n"))))
    assert b.paragraphs == ("Soft breaks", "keep their spaces; a blank line after a soft break ends a paragraph.")
    offsets_hold(a)


FORWARDED = ("From: Polish Desk <desk@example.org>\nSubject: ALERT Poland\nDate: Tue, 11 Mar 2025 09:01:00 +0100\n"
             "Content-Type: text/plain; charset=utf-8\n\n\"We will be ready by 2026,\" Tusk told parliament.\n")


def test_mail_forwarded_as_an_attachment_is_read(tmp_path: Path) -> None:
    """A `message/rfc822` part is read after the message's own text, under a line that names it, and so is not
    listed with the attachments left unopened; one encoded in base64 (RFC 2046 forbids it, mailers do it) too."""
    import base64

    encoded = base64.encodebytes(FORWARDED.replace("ALERT Poland", "Second").encode()).decode()
    a = load(write(tmp_path / "a.eml", mail('Subject: Fwd: ALERT Poland\nContent-Type: multipart/mixed; boundary="b"', (
        "--b\nContent-Type: text/plain\n\nSee the alert below.\n"
        '--b\nContent-Type: message/rfc822; name="ALERT Poland.eml"\n'
        'Content-Disposition: attachment; filename="ALERT Poland.eml"\n\n' + FORWARDED +
        "--b\nContent-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\n" + encoded + "--b--\n"))))
    assert a.paragraphs == (
        "See the alert below.",
        "Forwarded message: ALERT Poland — From Polish Desk <desk@example.org>, Tue, 11 Mar 2025 09:01:00 +0100",
        '"We will be ready by 2026," Tusk told parliament.',
        "Forwarded message: Second — From Polish Desk <desk@example.org>, Tue, 11 Mar 2025 09:01:00 +0100",
        '"We will be ready by 2026," Tusk told parliament.')
    assert [(q.paragraph, q.text, q.speaker) for q in a.quotes] == [
        (2, "We will be ready by 2026,", "Tusk"), (4, "We will be ready by 2026,", "Tusk")]
    assert "attachments" not in dict(a.metadata)
    offsets_hold(a)


def test_mail_forwards_keep_to_the_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Forwarded messages count towards MAX_PARTS and MAX_NESTING like any part: a message forwarded in a message
    forwarded in … is read 10 levels deep (each is two levels of parts), and parts past the limit are not read."""
    from briefing_tui.core.formats import mail as mail_format

    nested = "Subject: L30\n\nLevel 30.\n"
    for i in range(29, -1, -1):
        nested = (f"Subject: L{i}\nContent-Type: multipart/mixed; boundary=b{i}\n\n--b{i}\nContent-Type: text/plain\n\n"
                  f"Level {i}.\n--b{i}\nContent-Type: message/rfc822\n\n{nested}\n--b{i}--\n")
    a = load(write(tmp_path / "a.eml", nested))
    assert [p for p in a.paragraphs if p.startswith("Level")] == [f"Level {i}." for i in range(10)]
    monkeypatch.setattr(mail_format, "MAX_PARTS", 6)  # the message, its text, the forward; its message, two parts
    b = load(write(tmp_path / "b.eml", mail('Subject: B\nContent-Type: multipart/mixed; boundary="b"', (
        "--b\nContent-Type: text/plain\n\nOuter.\n--b\nContent-Type: message/rfc822\n\n"
        'Subject: Inner\nContent-Type: multipart/mixed; boundary="c"\n\n'
        "--c\nContent-Type: image/png; name=a.png\n\nx\n--c\nContent-Type: image/png; name=b.png\n\nx\n"
        "--c\nContent-Type: text/plain\n\nInner.\n--c--\n--b--\n"))))
    assert b.paragraphs == ("Outer.", "Forwarded message: Inner")
    assert dict(b.metadata)["attachments"] == "a.png, b.png"


def test_hostile_mail_headers_are_sanitized_and_bounded(tmp_path: Path) -> None:
    a = load(write(tmp_path / "a.eml", mail(
        "Subject: =?utf-8?b?" + __import__("base64").b64encode("T\x1b]0;pwned\x07 \u202eitle".encode()).decode()
        + "?=\nFrom: " + "(" * 5000 + "x\nX-Section: " + '"' * 5000 + "\nContent-Type: text/plain; " + "a=b; " * 2000,
        "Body.\n")))
    assert a.title == "T]0;pwned itle" and a.paragraphs == ("Body.",)
    empty = load_file(str(write(tmp_path / "b.eml", mail("Subject: x\nContent-Type: application/pdf", "%PDF"))))
    assert isinstance(empty, Problem) and empty.reason == "no article text"


def test_show_json_blocks(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from briefing_tui.cli import main

    assert main(["--private", "show", "--json", str(write(tmp_path / "post.md", POST))]) == 0
    blocks = json.loads(capsys.readouterr().out)["article"]["blocks"]
    assert blocks[0] == {"kind": "paragraph", "text": "Intro with a link and em, strong, code and gone.",
                         "paragraph": 0, "links": [{"text": "link", "url": "https://en.opensuse.org/SDB:NVIDIA"}]}
    assert blocks[1] == {"kind": "heading", "level": 2, "text": "Prerequisites", "paragraph": 1}
    assert blocks[3] == {"kind": "list_item", "level": 1, "text": "Install the driver", "paragraph": 3, "marker": "•"}
    assert blocks[10] == {"kind": "table", "text": "Model | Quality (1-5)\nSmall | 3",
                          "rows": [["Model", "Quality (1-5)"], ["Small", "3"]]}
    assert blocks[11]["kind"] == "code" and "paragraph" not in blocks[11]
    assert {b["kind"] for b in blocks} == {"paragraph", "heading", "list_item", "quote", "table", "code", "rule"}


def test_show_prints_the_document(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from briefing_tui.cli import main

    assert main(["--private", "show", str(write(tmp_path / "post.md", POST))]) == 0
    out = capsys.readouterr().out
    for line in ("Intro with a link[1] and em, strong, code and gone.", "• Install the driver", "  • nested step",
                 "3. Third", "│ A block quote", "  sudo zypper install cuda  # “not a quote,” said nobody",
                 "[1] https://en.opensuse.org/SDB:NVIDIA", "[2] https://example.org/x"):
        assert line in out, line
    assert "Model" in out and "Quality (1-5)" in out
    lines = out.splitlines()
    assert all(line == line.rstrip() for line in lines if line.startswith("│"))  # no padding to the width
    header = next(line for line in lines if "Quality (1-5)" in line)
    small = next(line for line in lines if line.startswith("Small"))
    assert small.rstrip().endswith("3") and len(small.rstrip()) == len(header.rstrip())  # a number, flush right
