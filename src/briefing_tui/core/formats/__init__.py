"""Article formats and the registry that picks one by suffix and by sniffing the text."""

from __future__ import annotations

from briefing_tui.core.formats.common import FileInfo, ParseError
from briefing_tui.core.formats.detect import SUPPORTED_SUFFIXES, detect_format, parse_text

__all__ = ["SUPPORTED_SUFFIXES", "FileInfo", "ParseError", "detect_format", "parse_text"]
