"""Searching: the on-disk FTS5 index, the query language compiled to it, and hit highlighting."""
