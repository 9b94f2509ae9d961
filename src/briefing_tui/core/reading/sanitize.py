"""One policy for characters that must never reach a terminal or an output.

Applied after decoding and parsing: C0/C1 controls (except newline and tab), DEL, every Unicode
format character (category Cf: bidi overrides and isolates, zero-width characters, tag characters,
…) and the invisible characters that pass for printable (Hangul fillers, variation selectors, the
combining grapheme joiner) are removed; lone surrogates (undecodable bytes in file names) become U+FFFD.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

REPLACEMENT = "\ufffd"

POLICY_VERSION = 4
"""Raised whenever the policy removes more (or decoding, `safe.decode`, reads differently), so that text cleaned
by an older one (the index) is redone."""

_FORMAT_CHARS = (  # category Cf; tests/test_properties.py checks this against every code point
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"  # zero-width, bidi, invisible operators
    "\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f"  # Egyptian format controls (13439-1343F are Cf from Unicode 15)
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f"  # tag characters: invisible ASCII that some models read
)
_INVISIBLE_CHARS = (  # not Cf, and printable for str.isprintable(), yet nothing shows
    "\u034f"  # combining grapheme joiner
    "\u115f\u1160\u3164\uffa0"  # Hangul fillers
    "\ufe00-\ufe0f\U000e0100-\U000e01ef"  # variation selectors
)
_FORBIDDEN_CHARS = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 except \t \n, DEL, C1 (8-bit CSI/OSC live here)
    + _FORMAT_CHARS + _INVISIBLE_CHARS
)
_FORBIDDEN = re.compile(f"[{_FORBIDDEN_CHARS}]")
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_BREAKS = re.compile("[\r\n\u2028\u2029\x85\t]+")
_SPACES = re.compile(r"[ \u00a0]{2,}")
_LINE_BREAK_CHARS = "\r\n\u2028\u2029\x85\t"
_CHANGED_RUN = re.compile(
    f"[{_FORBIDDEN_CHARS}{_LINE_BREAK_CHARS} \u00a0]{{2,}}|[{_FORBIDDEN_CHARS}{_LINE_BREAK_CHARS}]")
"""What clean_line changes: a run of two or more spaces, breaks or forbidden characters, or one break or one
forbidden character. A single space between words is left alone (it is not matched at all)."""
_DIRTY_LINE = re.compile(f"[{_FORBIDDEN_CHARS}\ud800-\udfff\r\n\u2028\u2029\x85\t]|[ \u00a0]{{2}}")


_ESCAPE_SEQUENCE = re.compile(
    "\x1b\\[[0-?]*+[ -/]*+[@-~]?"  # CSI (colours, cursor moves): ESC [, parameters, intermediates, final
    "|\x9b[0-?]*+[ -/]*+[@-~]?"  # the same, 8-bit
    "|\x1b\\][^\x07\x1b\x9c\n]{0,512}+(?:\x07|\x1b\\\\|\x9c)"  # OSC (a window title), ended by BEL or ST
    "|\x1b[P^_X][^\x1b\x9c\n]{0,512}+(?:\x1b\\\\|\x9c)"  # DCS, PM, APC, SOS strings, ended by ST
    "|\x1b[()*+#%][0-~]"  # a character set chosen (ESC ( B), a line's size (ESC # 3)
    "|\x1b[0-9=>@-Z^c]"  # a one-character function (ESC 7, ESC =, ESC M, ESC c); not ESC before a letter
    # in lower case, which is more likely text with a stray ESC in it
)
"""A terminal escape sequence as a whole: not only its ESC (which `clean` removes) but what follows it, so that
`ESC ]0;pwned BEL Title ESC [31m red` reads `Title red`, not `]0;pwnedTitle [31mred`. Every run is possessive
and a string is at most 512 characters long (one never ended loses only its ESC and the next character): linear.
A stray ESC that starts no sequence is left for `clean`, which removes it alone."""


def strip_escape_sequences(text: str) -> str:
    """`text` without terminal escape sequences (their ESC or CSI and what belongs to them); unchanged when it has
    neither character (nearly every text: two `in` tests)."""
    if "\x1b" not in text and "\x9b" not in text:
        return text
    return _ESCAPE_SEQUENCE.sub("", text)


_INVISIBLE_LEADS = (b"\xcd\x8f", b"\xe1\x85", b"\xe3\x85\xa4", b"\xef\xbe\xa0", b"\xef\xb8", b"\xf3\xa0")
"""A start of the UTF-8 of each _INVISIBLE_CHARS (U+034F, U+115F-1160, U+3164, U+FFA0, U+FE00-FE0F, U+E0100-E01EF)."""


def _may_hold_invisible(text: str) -> bool:
    """False when `text` surely holds no _INVISIBLE_CHARS: none of their UTF-8 starts is in its bytes. Encoding
    and six byte searches cost a fraction of the regex scan over the text (a test checks every character)."""
    data = text.encode("utf-8", "surrogatepass")
    return any(map(data.__contains__, _INVISIBLE_LEADS))  # `map` of a method: no generator frame per text


def clean(text: str) -> str:
    """Return `text` without forbidden characters; newlines and tabs are kept."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    text = _SURROGATE.sub(REPLACEMENT, text)
    return _FORBIDDEN.sub("", text)


def clean_line(text: str) -> str:
    """Return `text` as one clean line: line breaks and tabs become single spaces."""
    # Most text has nothing to remove: str.isprintable() excludes every forbidden character except the
    # invisible ones, and those occur only in text that is not ASCII.
    if (text.isprintable() and "  " not in text and (text.isascii() or not _may_hold_invisible(text)
                                                     or not _INVISIBLE.search(text))) \
            or not _DIRTY_LINE.search(text):
        return text.strip()
    text = _SURROGATE.sub(REPLACEMENT, text)
    text = _LINE_BREAKS.sub(" ", text)
    text = _FORBIDDEN.sub("", text)
    return _SPACES.sub(" ", text).strip()


_NAMED_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_NAMED_BACK = {escaped[1]: ch for ch, escaped in _NAMED_ESCAPES.items()}


def escape_name(name: str) -> str:
    """A file's name or path as one safe line that names that file alone, as `ls -b` writes it: a backslash is
    `\\\\`, a tab or a line break `\\t` `\\n` `\\r`, a byte that is not UTF-8 `\\xff`, and every other character
    that `clean_line` removes, or that does not print, by its code (`\\x1b` for an escape sequence's ESC, `\\u202e`
    for a bidi override). Nothing is dropped, so two names never read alike (`a\\x07b.md` and `ab.md` are two
    files) and the name can be read back (`unescape_name`). Unchanged when it has none of these (nearly every
    name: two tests)."""
    if name.isprintable() and "\\" not in name and (name.isascii() or not _INVISIBLE.search(name)):
        return name
    out: list[str] = []
    for ch in name:
        code = ord(ch)
        if ch in _NAMED_ESCAPES:
            out.append(_NAMED_ESCAPES[ch])
        elif 0xDC80 <= code <= 0xDCFF:  # a byte that os.fsdecode could not decode (surrogateescape): `\\x80`-`\\xff`
            out.append(f"\\x{code - 0xDC00:02x}")
        elif ch == " " or (ch.isprintable() and not _INVISIBLE.match(ch)):
            out.append(ch)
        elif code < 0x80:
            out.append(f"\\x{code:02x}")
        else:  # a character, never a byte: `\\u0085`, not `\\x85`
            out.append(f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
    return "".join(out)


_NAME_ESCAPE = re.compile(r"\\(?:x([0-9a-f]{2})|u([0-9a-f]{4})|U([0-9a-f]{8})|([\\tnr]))")


def unescape_name(text: str) -> str:
    """The name that `escape_name` wrote as `text` (a byte that is not UTF-8 back as os.fsdecode gives it)."""
    if "\\" not in text:
        return text

    def back(m: re.Match[str]) -> str:
        if m[1]:
            code = int(m[1], 16)
            return chr(0xDC00 + code) if code >= 0x80 else chr(code)
        if m[2] or m[3]:
            return chr(int(m[2] or m[3], 16))
        return _NAMED_BACK[m[4]]

    return _NAME_ESCAPE.sub(back, text)


def is_clean(text: str) -> bool:
    """True when `text` holds no forbidden character (newline and tab allowed)."""
    return not (_FORBIDDEN.search(text) or _SURROGATE.search(text) or "\r" in text)


def clean_line_mapped(text: str) -> tuple[str, Callable[[int], int]]:
    """`clean_line(text)` and a function that takes an offset into `text` to the same place in the result,
    so that styles found on the raw text (emphasis, links) still cover the same words once it is clean."""
    cleaned = clean_line(text)
    if cleaned == text:
        return text, _same
    text = _SURROGATE.sub(REPLACEMENT, text)  # one for one: offsets do not move
    starts: list[int] = []  # each changed run: where it starts and ends in `text`, where it starts in `out`
    ends: list[int] = []
    at: list[int] = []
    pieces: list[str] = []
    pos = out = 0
    for m in _CHANGED_RUN.finditer(text):
        pieces.append(text[pos:m.start()])
        out += m.start() - pos
        run = _FORBIDDEN.sub("", _LINE_BREAKS.sub(" ", m.group()))
        replacement = " " if len(run) > 1 else run
        starts.append(m.start())
        ends.append(m.end())
        at.append(out)
        pieces.append(replacement)
        out += len(replacement)
        pos = m.end()
    pieces.append(text[pos:])
    joined = "".join(pieces)
    lead = len(joined) - len(joined.lstrip())
    result = joined.strip()
    if result != cleaned:  # never seen (a property test holds the two together): the text wins over styles
        return cleaned, lambda offset: min(offset, len(cleaned))

    def mapped(offset: int) -> int:
        k = bisect.bisect_right(starts, offset) - 1
        if k < 0:
            moved = offset
        elif offset < ends[k]:  # inside a run: its start, or past the one space it became
            moved = at[k] + min(offset - starts[k], len(pieces[2 * k + 1]))
        else:
            moved = at[k] + len(pieces[2 * k + 1]) + offset - ends[k]
        return max(0, min(len(result), moved - lead))

    return result, mapped


def _same(offset: int) -> int:
    return offset
