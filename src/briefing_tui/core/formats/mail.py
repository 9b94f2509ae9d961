"""E-mail briefings (`.eml`) with the standard library's `email` package and `policy.default`.

Subject is the title (`Fwd:`, `Re:` and `[EXTERNAL]` dropped: `subject_title`), `Date` the date (its own calendar
day), `From` (else `List-Id`) the source, a section header (`X-Briefing-Section`, `X-Section`) the section. The body
is the first `text/plain` part, else the first `text/html` part through the HTML reader (that one too when the plain
part has no words or is a stub of it, `STUB_WORDS`). Attachments are listed by name and never opened, but a message
forwarded as an attachment (`message/rfc822`) is read after the body, under a line that names it. Every header is
cut at MAX_HEADER characters before anything parses it (the email package's parameter parsing is quadratic in a
header's length in Python 3.11); parts nested deeper than MAX_NESTING or past MAX_PARTS are not read, forwarded
messages' parts included. The message is parsed from the file's bytes, and each text part decoded in the charset it
declares (`_decoded`). Plain text is `mail_text.py`'s.
"""

from __future__ import annotations

import base64
import codecs
import datetime as dt
import quopri
import re
from collections import deque
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from email.policy import EmailPolicy
from email.utils import parsedate_to_datetime
from typing import Any

from briefing_tui.core.formats.blocks import RawBlock
from briefing_tui.core.formats.common import ParseError
from briefing_tui.core.formats.dates import DateError, make_date
from briefing_tui.core.formats.mail_text import plain_blocks
from briefing_tui.core.formats.webpage import read_page
from briefing_tui.core.reading.safe import ReadError, decode, high_bytes
from briefing_tui.core.reading.sanitize import strip_escape_sequences

SECTION_HEADERS = ("X-Briefing-Section", "X-Section")
"""Headers that name an e-mail's section, first found wins (else its folder gives it, as for any file)."""
MAX_HEADER = 998
"""The longest header line RFC 5322 allows; the email package parses some values in quadratic time."""
MAX_MARKS = 32
MAX_PARTS = 1000
MAX_NESTING = 20
STUB_WORDS = 30
"""A plain part of this many words or fewer, with an HTML alternative of three times as many words or more, is a stub
of it (`View this email in your browser: URL`) and the HTML part is read instead: `_Parts.blocks`."""
_FORWARDED = ("message/rfc822", "message/global")
"""Parts that hold a whole message: one forwarded as an attachment, read after the message's own body."""
_LABELS = {"iso8859-1": "cp1252", "ascii": "utf-8", "shift_jis": "cp932", "gb2312": "gbk", "euc_kr": "cp949"}
"""Mail labelled Latin-1 is mostly Windows-1252 (its curly quotes), and Shift_JIS, GB2312 and EUC-KR mostly their
Windows supersets (Japanese mail's circled numbers), as browsers (the WHATWG Encoding Standard) and mail readers
assume; mail labelled ASCII that is not is mostly UTF-8."""
_NOT_CHARSETS = frozenset({"punycode", "idna", "unicode-escape", "raw-unicode-escape"})
"""Text encodings Python knows that no mail is written in: domain names (decoding punycode takes quadratic time), and
Python's own escapes (`\x1b` written in a body would decode to a real ESC: the sanitizer removed it, but no mail's
text is that)."""
_REPLY_PREFIXES = re.compile(r"^(?:\s*+(?:re|fwd?|aw|wg|tr|sv|vs)\s*+(?:\[\d{1,4}\])?:)++", re.IGNORECASE)


_CAUTION_TAGS = frozenset({"external", "ext", "external email", "external sender", "caution", "warning", "spam",
                           "suspicious", "suspected spam", "possible spam", "externe", "extern", "extérieur"})
"""The labels mail systems put before a subject: `[EXTERNAL]`, `*CAUTION*`, `EXTERNAL:`."""


def subject_title(subject: str) -> str:
    """A subject as a title: without `Re:` and `Fwd:` (`AW:`, `WG:`, `TR:` …), the labels mail systems put
    before it (`[EXTERNAL]`, `*EXTERNAL*`, `CAUTION:`), and a list's `[tag]` before a reply's `Re:`. A subject
    that is nothing but those stays as it is. Bounded: each turn removes a prefix of at most 42 characters."""
    text = subject.strip()
    for _ in range(20):
        start = text[:1]
        close = {"[": "]", "*": "*", "(": ")"}.get(start)
        if close:
            end = text.find(close, 1, 42)
            if end == -1:
                break
            tag, rest = text[1:end].strip().casefold(), text[end + 1:].lstrip()
            if not rest or (tag not in _CAUTION_TAGS and not _REPLY_PREFIXES.match(rest)):
                break
            text = rest
            continue
        word, colon, rest = text[:24].partition(":")
        if colon and word.strip().casefold() in _CAUTION_TAGS and text[len(word) + 1:].strip():
            text = text[len(word) + 1:].lstrip()
            continue
        m = _REPLY_PREFIXES.match(text)
        if not m or not text[m.end():].strip():
            break
        text = text[m.end():].lstrip()
    return text or subject


class _CappedPolicy(EmailPolicy):
    """policy.default, with every header's raw value cut at MAX_HEADER characters as it is read. In a value
    with more than MAX_MARKS parentheses or double quotes, those marks become spaces: comments nest and the
    header parser recurses once per level (`((((…` exhausts the stack while the feed parser reads the message),
    and it rescans the rest of the value for every quoted string (`""""…`: quadratic work)."""

    def header_source_parse(self, sourcelines: list[str]) -> tuple[str, str]:
        name, value = super().header_source_parse(sourcelines)
        if not value.isascii():  # raw 8-bit bytes, which the bytes parser keeps as surrogates: `_header_text`
            value = _header_text(value)
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


def _header_text(value: str) -> str:
    """A header's raw 8-bit bytes (surrogates, as the bytes parser keeps them) as text: UTF-8 (RFC 6532 allows it),
    else cp1252, as any file's bytes (`safe.decode`); the email package would make each byte U+FFFD."""
    try:
        data = value.encode("ascii", "surrogateescape")
    except UnicodeEncodeError:  # text that did not come from bytes
        return value
    try:
        return decode(data)[0]
    except ReadError:  # NUL bytes, or too far from ASCII for cp1252
        return data.decode("utf-8", errors="replace")


_POLICY = _CappedPolicy()


@dataclass
class MailInfo:
    """What a message gives an article: blocks (or plain paragraphs), and front-matter-like fields."""

    blocks: list[RawBlock]
    front: dict[str, Any] = field(default_factory=dict)
    heading: str | None = None
    """The HTML body's own title, for a message without a subject."""


def read_mail(text: str, section_headers: tuple[str, ...] = SECTION_HEADERS) -> MailInfo:
    """Read one message: its headers into fields and its body into blocks. `text` is the file's text, each byte
    that is not UTF-8 kept as a lone surrogate (`safe.decode_keeping_bytes`): the message is parsed from the bytes
    again, and each part decoded in the charset it declares (`_text`)."""
    msg = message_from_bytes(_file_bytes(text), policy=_POLICY)
    front: dict[str, Any] = {}
    subject = _header(msg, "Subject")
    if subject:
        front["title"] = subject_title(subject)
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
    parts = _Parts()
    blocks, heading = parts.blocks(msg, 0)
    if parts.attachments:
        front["attachments"] = parts.attachments[:100]
    return MailInfo(blocks, front, heading)


def _file_bytes(text: str) -> bytes:
    """The bytes a file's text was decoded from (`safe.decode_keeping_bytes`); text that came from no file (a
    test's, with any lone surrogate) as UTF-8."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that stands for no byte
        return text.encode("utf-8", "surrogatepass")


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


class _Parts:
    """One file's parts as they are read: how many so far (MAX_PARTS in all, forwarded messages' parts too) and
    the attachments' names."""

    def __init__(self) -> None:
        self.seen = 0
        self.attachments: list[str] = []

    def blocks(self, msg: Message, depth: int) -> tuple[list[RawBlock], str | None]:
        """A message's blocks and its HTML body's title: its first text/plain part, else its first text/html part,
        then each message forwarded in it (a `message/rfc822` part), after a line that names it. The HTML part is
        read instead of a plain part with no words, or of one that is its alternative and a stub of it (STUB_WORDS
        words or fewer, and fewer than a third of the HTML's: Outlook's empty part, a newsletter's `View this email
        in your browser`). A longer plain part is read alone: the HTML is not parsed."""
        plain, page, alternatives, forwarded = self._walk(msg, depth)
        blocks: list[RawBlock] = []
        heading = None
        if plain is not None:
            params = _params(plain)
            flowed = str(params.get("format", "")).lower() == "flowed"
            delsp = flowed and str(params.get("delsp", "")).lower() == "yes"
            blocks = plain_blocks(_text(plain), flowed, delsp)
        words = _words(blocks)
        if page is not None and (plain is None or (words <= STUB_WORDS and (alternatives or not words))):
            info = read_page(_text(page), whole=True)  # only when the plain part may be a stub
            if plain is None or 3 * words < _words(info.blocks):
                blocks, heading = info.blocks, info.title or info.heading
        for inner, name, level, digest in forwarded:
            if self.seen >= MAX_PARTS:
                break
            blocks.append(RawBlock("paragraph", _forward_line(inner, name, digest)))
            blocks += self.blocks(inner, level)[0]  # at most MAX_NESTING calls deep: `level` grows each time
        return blocks, heading

    def _walk(self, msg: Message, depth: int) -> tuple[
            Message | None, Message | None, bool, list[tuple[Message, str, int, bool]]]:
        """(the first text/plain part, the first text/html part, whether they are alternatives (in one
        multipart/alternative, however deep), the forwarded messages with their file names, depths and whether a
        digest holds them), breadth first; attachments are noted."""
        plain: Message | None = None
        page: Message | None = None
        plain_in: Message | None = None  # the multipart/alternative that holds each, nearest first
        page_in: Message | None = None
        forwarded: list[tuple[Message, str, int, bool]] = []
        queue: deque[tuple[Message, int, Message | None, bool]] = deque([(msg, depth, None, False)])
        while queue and self.seen < MAX_PARTS:
            part, depth, within, in_digest = queue.popleft()
            self.seen += 1
            try:
                kind = part.get_content_type()
                disposition = part.get_content_disposition()
                filename = part.get_filename()
            except Exception:
                continue
            name = " ".join(str(filename or "").split())[:200]
            if kind in _FORWARDED:
                inner = _forwarded(part) if depth < MAX_NESTING else None
                if inner is not None:  # read below the body: no attachment left unopened
                    forwarded.append((inner, name, depth + 1, in_digest))
                elif name:
                    self.attachments.append(name)
            elif part.is_multipart():
                payload = part.get_payload()
                if depth < MAX_NESTING and isinstance(payload, list):
                    inside = part if kind == "multipart/alternative" else within
                    digest = kind == "multipart/digest"  # its parts are messages of a list, not forwards
                    queue.extend((p, depth + 1, inside, digest) for p in payload if isinstance(p, Message))
            elif disposition == "attachment" or filename or not kind.startswith("text/"):
                self.attachments.append(name or f"unnamed ({kind})")
            elif kind == "text/plain" and plain is None:
                plain, plain_in = part, within
            elif kind == "text/html" and page is None:
                page, page_in = part, within
        return plain, page, plain_in is not None and plain_in is page_in, forwarded


def _params(part: Message) -> dict[str, Any]:
    """A part's Content-Type parameters (`format`, `delsp`), none when the header cannot be read."""
    try:
        return dict(getattr(part.get("Content-Type"), "params", None) or {})
    except Exception:
        return {}


def _words(blocks: list[RawBlock]) -> int:
    """How many words blocks hold, their tables' cells too."""
    return sum(len(b.text.split()) + sum(len(cell.split()) for row in b.rows for cell in row) for b in blocks)


def _forwarded(part: Message) -> Message | None:
    """The message inside a `message/rfc822` part. RFC 2046 allows such a part no transfer encoding, but some
    mailers give it one: the parser then took the encoded message for a body, and it is decoded and read."""
    payload = part.get_payload()
    if not (isinstance(payload, list) and payload and isinstance(payload[0], Message)):
        return None
    inner = payload[0]
    encoding = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
    if encoding not in ("base64", "quoted-printable") or inner.keys():
        return inner
    body = inner.get_payload(decode=True)  # its bytes as they are: a part without headers has no charset to decode
    if isinstance(body, bytes):
        try:
            data = base64.b64decode(body) if encoding == "base64" else quopri.decodestring(body)
            inner = message_from_bytes(data, policy=_POLICY)
        except ValueError:  # binascii.Error: base64 that is not
            return None
        except RecursionError:  # nested too deeply for the parser: the message around it is still read
            return None
    return inner


def _forward_line(msg: Message, name: str, digest: bool = False) -> str:
    """The line above a forwarded message: `Forwarded message: SUBJECT — From FROM, DATE` (`Message: …` for one of
    a digest's, which nobody forwarded)."""
    subject = _header(msg, "Subject") or name
    label = "Message" if digest else "Forwarded message"
    line = f"{label}: {subject}" if subject else label
    sender, date = _header(msg, "From"), _header(msg, "Date")
    details = ", ".join(d for d in (f"From {sender}" if sender else "", date or "") if d)
    return f"{line} — {details}" if details else line


def _text(part: Message) -> str:
    """A text part's content, base64 and quoted-printable undone, in the charset it declares (`_decoded`). A part
    in 8bit or 7bit is the file's own text: its escape sequences go whole, as any file's do (docs/files.md); one
    written encoded loses its ESC and BEL alone, later, as any control character."""
    data = part.get_payload(decode=True)
    if not isinstance(data, bytes):
        return ""
    try:
        charset = part.get_content_charset()
        encoding = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
    except Exception:  # a header the email package cannot read: as a part that declares nothing
        charset, encoding = None, ""
    text = _decoded(data, charset)
    return text if encoding in ("base64", "quoted-printable") else strip_escape_sequences(text)


def _decoded(data: bytes, charset: str | None) -> str:
    """A part's bytes as text: UTF-8 when they are UTF-8 beyond ASCII, whatever the part declares (UTF-8 labelled
    Latin-1 is the commonest mislabel, and Cyrillic, Greek or CJK text in another charset is never UTF-8); else in
    the charset it declares, when at most one in ten of the bytes above ASCII is not in it (those are U+FFFD); else,
    with no charset, one Python does not know as a text encoding, or bytes not in it, as any file's bytes are
    (`safe.decode`: UTF-8, else cp1252, else a ParseError with its reason)."""
    if not data.isascii():
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    if charset:
        try:
            name = codecs.lookup(charset).name
            if name not in _NOT_CHARSETS:
                text = data.decode(_LABELS.get(name, name), errors="replace")  # LookupError: no text encoding
                bad = text.count("\ufffd")
                if not bad or bad * 10 <= high_bytes(data):
                    return text  # in that charset, but for a stray byte or two: those are U+FFFD
        except (LookupError, ValueError, TypeError):  # unknown, or rot13; ValueError: a NUL in the name
            pass
    try:
        return decode(data)[0]
    except ReadError as exc:
        raise ParseError(str(exc)) from None
