"""Formats: detecting a file's format and reading it into an article (`detect`, `common`), with the
front matter and date rules they share. Importing the package loads nothing: `dates` is used by the query
parser, which must stay light."""
