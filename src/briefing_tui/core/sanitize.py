"""One policy for characters that must never reach a terminal or an output.

Applied after decoding and parsing: C0/C1 controls (except newline and tab), DEL, bidi
overrides and isolates, zero-width and other invisible format characters are removed; lone
surrogates (undecodable bytes in file names) become U+FFFD.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"

_FORBIDDEN_CHARS = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 except \t \n, DEL, C1 (8-bit CSI/OSC live here)
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidi marks, embeddings, overrides, isolates
    "\u200b-\u200d\u2060-\u2064\ufeff\u180e\u00ad"  # zero-width, word joiner, invisible operators
    "\ufff9-\ufffb"  # interlinear annotation controls
)
_FORBIDDEN = re.compile(f"[{_FORBIDDEN_CHARS}]")
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
    if (text.isprintable() and "  " not in text) or not _DIRTY_LINE.search(text):
        return text.strip()  # most text has nothing to remove: printable excludes every forbidden class
    text = _SURROGATE.sub(REPLACEMENT, text)
    text = _LINE_BREAKS.sub(" ", text)
    text = _FORBIDDEN.sub("", text)
    return _SPACES.sub(" ", text).strip()


def is_clean(text: str) -> bool:
    """True when `text` holds no forbidden character (newline and tab allowed)."""
    return not (_FORBIDDEN.search(text) or _SURROGATE.search(text) or "\r" in text)
