"""Version numbers of what the index stores, in a module of their own: the command line reads them on every
start and must not pay for importing the parsers that they describe."""

RULES_VERSION = 3
"""Bump when the quote and speaker rules (`core/quotes/`) change what they find: the search index stores
speakers and rebuilds on a new value. 3: named passes over per-language lexicons, spans matched like brackets."""

DEFAULT_BUDGET = 5.0
"""CPU seconds one file may take to read and parse before it is skipped as a problem; a file over a
megabyte is allowed as much per megabyte (a linear parse of a large, quote-dense file takes that long)."""
