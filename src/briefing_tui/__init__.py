"""briefing-tui: a terminal reader for news and intelligence briefings."""

__version__ = "0.1.0"
