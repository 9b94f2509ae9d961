"""One policy for characters that must never reach a terminal or an output.

Applied after decoding and parsing: C0/C1 controls (except newline and tab), DEL, every Unicode
format character (category Cf: bidi overrides and isolates, zero-width characters, tag characters,
…) and the invisible characters that pass for printable (Hangul fillers, variation selectors, the
combining grapheme joiner) are removed; lone surrogates (undecodable bytes in file names) become U+FFFD.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"

POLICY_VERSION = 2
"""Raised whenever the policy removes more, so that text cleaned by an older one (the index) is redone."""

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
_DIRTY_LINE = re.compile(f"[{_FORBIDDEN_CHARS}\ud800-\udfff\r\n\u2028\u2029\x85\t]|[ \u00a0]{{2}}")


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
    if (text.isprintable() and "  " not in text and (text.isascii() or not _INVISIBLE.search(text))) \
            or not _DIRTY_LINE.search(text):
        return text.strip()
    text = _SURROGATE.sub(REPLACEMENT, text)
    text = _LINE_BREAKS.sub(" ", text)
    text = _FORBIDDEN.sub("", text)
    return _SPACES.sub(" ", text).strip()


def is_clean(text: str) -> bool:
    """True when `text` holds no forbidden character (newline and tab allowed)."""
    return not (_FORBIDDEN.search(text) or _SURROGATE.search(text) or "\r" in text)
