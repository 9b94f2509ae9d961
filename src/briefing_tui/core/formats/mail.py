"""E-mail briefings (`.eml`) with the standard library's `email` package and `policy.default`.

Subject is the title (`Fwd:` and `Re:` dropped), `Date` the date (its own calendar day), `From` (else
`List-Id`) the source, a section header (`X-Briefing-Section`, `X-Section`) the section. The body is the
first `text/plain` part, else the first `text/html` part through the HTML reader. Attachments are listed by
name and never opened. Every header is cut at MAX_HEADER characters before anything parses it (the email
package's parameter parsing is quadratic in a header's length in Python 3.11); parts nested deeper than
MAX_NESTING or past MAX_PARTS are not read.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from dataclasses import dataclass, field
from email import message_from_string
from email.message import Message
from email.policy import EmailPolicy
from email.utils import parsedate_to_datetime
from typing import Any

from briefing_tui.core.formats.blocks import RawBlock
from briefing_tui.core.formats.dates import DateError, make_date
from briefing_tui.core.formats.mail_text import plain_blocks
from briefing_tui.core.formats.webpage import read_page

SECTION_HEADERS = ("X-Briefing-Section", "X-Section")
"""Headers that name an e-mail's section, first found wins (else its folder gives it, as for any file)."""
MAX_HEADER = 998
"""The longest header line RFC 5322 allows; the email package parses some values in quadratic time."""
MAX_MARKS = 32
MAX_PARTS = 1000
MAX_NESTING = 20
_REPLY_PREFIXES = re.compile(r"^(?:\s*+(?:re|fwd?|aw|wg|tr|sv|vs)\s*+(?:\[\d{1,4}\])?:)++", re.IGNORECASE)


class _CappedPolicy(EmailPolicy):
    """policy.default, with every header's raw value cut at MAX_HEADER characters as it is read. In a value
    with more than MAX_MARKS parentheses or double quotes, those marks become spaces: comments nest and the
    header parser recurses once per level (`((((…` exhausts the stack while the feed parser reads the message),
    and it rescans the rest of the value for every quoted string (`""""…`: quadratic work)."""

    def header_source_parse(self, sourcelines: list[str]) -> tuple[str, str]:
        name, value = super().header_source_parse(sourcelines)
        value = value[:MAX_HEADER]
        for mark, pair in (("(", ")"), ('"', '"')):
            if value.count(mark) > MAX_MARKS:
                value = value.replace(mark, " ").replace(pair, " ")
        return name, value

    def header_fetch_parse(self, name: str, value: str) -> Any:
        """The parsed header, from a small cache: the feed parser asks for each part's Content-Type five
        times, and parsing it is most of what reading a message costs. Parsed headers are immutable."""
        key = (name.lower(), value)
        parsed = _PARSED.get(key)
        if parsed is None:
            if len(_PARSED) >= 4096:
                _PARSED.clear()
            parsed = _PARSED[key] = super().header_fetch_parse(name, value)
        return parsed


_PARSED: dict[tuple[str, str], Any] = {}


_POLICY = _CappedPolicy()


@dataclass
class MailInfo:
    """What a message gives an article: blocks (or plain paragraphs), and front-matter-like fields."""

    blocks: list[RawBlock]
    front: dict[str, Any] = field(default_factory=dict)
    heading: str | None = None
    """The HTML body's own title, for a message without a subject."""


def read_mail(text: str, section_headers: tuple[str, ...] = SECTION_HEADERS) -> MailInfo:
    """Read one message: its headers into fields and its body into blocks."""
    msg = message_from_string(text, policy=_POLICY)
    front: dict[str, Any] = {}
    subject = _header(msg, "Subject")
    if subject:
        front["title"] = _REPLY_PREFIXES.sub("", subject).strip() or subject
    date = _date(msg)
    if date is not None:
        front["date"] = date
    sender = _header(msg, "From")
    source = _display_name(msg, "From") or _header(msg, "List-Id")
    if source:
        front["source"] = source
    for name in section_headers:
        section = _header(msg, name)
        if section:
            front["section"] = section
            break
    keywords = _header(msg, "Keywords")
    if keywords:
        front["tags"] = [k.strip() for k in keywords.split(",") if k.strip()]
    if sender:
        front["from"] = sender
    plain, page, attachments = _body_parts(msg)
    heading = None
    if plain is not None:
        blocks = plain_blocks(*plain)
    elif page is not None:
        info = read_page(page, whole=True)
        blocks, heading = info.blocks, info.title or info.heading
    else:
        blocks = []
    if attachments:
        front["attachments"] = attachments
    return MailInfo(blocks, front, heading)


def _header(msg: Message, name: str) -> str | None:
    """A header decoded (encoded words, charsets) as one line, or None."""
    try:
        value = msg.get(name)
    except Exception:
        return None
    text = " ".join(str(value).split()) if value is not None else ""
    return text[:500] or None


def _display_name(msg: Message, name: str) -> str | None:
    """The name in an address header (`Morning Brief <news@example.com>` gives `Morning Brief`), else
    the address."""
    try:
        value = msg.get(name)
        addresses = getattr(value, "addresses", ())
        if addresses:
            first = addresses[0]
            text = " ".join((first.display_name or first.addr_spec or "").split())
            return text[:500] or None
    except Exception:
        return None
    return None


def _date(msg: Message) -> dt.date | None:
    raw = None  # the raw value: parsedate_to_datetime reads it, the header class need not
    for key, value in msg.raw_items():
        if key.lower() == "date":
            raw = value
            break
    if not raw:
        return None
    try:
        when = parsedate_to_datetime(" ".join(raw.split())[:200])
        return make_date(when.year, when.month, when.day)  # its own calendar day, as in front matter
    except (TypeError, ValueError, IndexError, OverflowError, DateError):
        return None


def _body_parts(msg: Message) -> tuple[tuple[str, bool, bool] | None, str | None, list[str]]:
    """(the first text/plain body with its `format=flowed` and `delsp=yes`, the first text/html body, the
    attachments' names), breadth first."""
    plain: tuple[str, bool, bool] | None = None
    page = None
    attachments: list[str] = []
    queue: list[tuple[Message, int]] = [(msg, 0)]
    seen = 0
    while queue and seen < MAX_PARTS:
        part, depth = queue.pop(0)
        seen += 1
        try:
            kind = part.get_content_type()
            disposition = part.get_content_disposition()
            filename = part.get_filename()
            params = getattr(part.get("Content-Type"), "params", None) or {}
        except Exception:
            continue
        if part.is_multipart() or (kind == "message/rfc822" and disposition != "attachment"):
            if depth < MAX_NESTING:
                payload = part.get_payload()
                if isinstance(payload, list):
                    queue.extend((p, depth + 1) for p in payload if isinstance(p, Message))
            continue
        if disposition == "attachment" or filename or not kind.startswith("text/"):
            name = " ".join(str(filename or "").split())[:200] or f"unnamed ({kind})"
            attachments.append(name)
        elif kind == "text/plain" and plain is None:
            flowed = str(params.get("format", "")).lower() == "flowed"
            plain = _text(part), flowed, flowed and str(params.get("delsp", "")).lower() == "yes"
        elif kind == "text/html" and page is None:
            page = _text(part)
    return plain, page, attachments[:100]


def _text(part: Message) -> str:
    """A text part's content: base64 and quoted-printable decoded with the part's charset; a part in 8bit
    or 7bit is already text (the file was decoded as a whole)."""
    payload = part.get_payload()
    encoding = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
    if encoding not in ("base64", "quoted-printable"):
        return payload if isinstance(payload, str) else ""
    data = part.get_payload(decode=True)
    if not isinstance(data, bytes):
        return ""
    try:
        name = codecs.lookup(part.get_content_charset() or "utf-8").name
        # Mail labelled Latin-1 is mostly Windows-1252 (its curly quotes), as browsers and mail readers assume;
        # mail labelled ASCII that is not is mostly UTF-8.
        name = {"iso8859-1": "cp1252", "ascii": "utf-8"}.get(name, name)
        return data.decode(name, errors="replace")
    except (LookupError, ValueError, TypeError):
        return data.decode("utf-8", errors="replace")

