"""YAML front matter, read as hostile input: safe_load only, no aliases, bounded depth and size."""

from __future__ import annotations

import re
from typing import Any

import yaml

MAX_FRONT_MATTER = 64 * 1024
MAX_DEPTH = 20

_OPEN = re.compile(r"\A---[ \t]*\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


class FrontMatterError(ValueError):
    """Front matter that cannot be used; the message is one line for the user."""


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses aliases, limits nesting, and reads `no`/`yes`/`on` and dates as strings."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0
        self.duplicates: list[str] = []

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise FrontMatterError("YAML aliases are not allowed")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise FrontMatterError(f"nested deeper than {MAX_DEPTH} levels")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = key_node.value
            if key in seen:
                self.duplicates.append(str(key))
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


# YAML 1.1 reads `no`, `off`, `yes` as booleans (the Norway problem); only true/false are booleans here.
_StrictLoader.yaml_implicit_resolvers = {
    # Timestamps stay strings too: an impossible date must cost only the date, not the whole block.
    ch: [(tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def split(text: str) -> tuple[str | None, str, str | None]:
    """Split a leading `---` block from the body: (front matter or None, body, problem or None)."""
    if not _OPEN.match(text):
        return None, text, None
    start = text.index("\n") + 1
    close = _CLOSE.search(text, start)
    if close is None:
        return None, text[start:], "front matter is not closed by '---'; shown as text"
    body_start = text.find("\n", close.end())
    body = "" if body_start < 0 else text[body_start + 1:]
    return text[start:close.start()], body, None


def load(source: str) -> tuple[dict[str, Any], list[str]]:
    """Parse front matter to a mapping with string keys; return it with a list of problems.

    Raises FrontMatterError when nothing usable can be read.
    """
    if len(source) > MAX_FRONT_MATTER:
        raise FrontMatterError("front matter is larger than 64 KB")
    simple = _simple(source)
    if simple is not None:
        return simple, []
    loader = None
    try:
        loader = _StrictLoader(source)  # the reader already rejects control characters here
        data = loader.get_single_data()
    except FrontMatterError:
        raise
    except yaml.constructor.ConstructorError as exc:
        tag = getattr(exc, "problem", "") or ""
        raise FrontMatterError(f"front matter uses an unsupported YAML tag ({_one_line(tag)})") from None
    except yaml.YAMLError as exc:
        raise FrontMatterError(f"front matter is not valid YAML ({_yaml_reason(exc)})") from None
    except (RecursionError, MemoryError, ValueError, TypeError, OverflowError):
        raise FrontMatterError("front matter could not be read") from None
    finally:
        if loader is not None:
            loader.dispose()
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        raise FrontMatterError(f"front matter is a {type(data).__name__}, not a mapping")
    assert loader is not None
    problems = [f"duplicate front matter key {_one_line(k)!r}; the last one is used" for k in loader.duplicates]
    clean: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(key, str):
            clean[key.strip().lower()] = value
        else:
            problems.append(f"front matter key {_one_line(str(key))!r} is not a string; ignored")
    return clean, problems


_KEY = r"[A-Za-z_][A-Za-z0-9_-]*"
_PLAIN = r"[^\s\-?:,\[\]{}#&*!|>'\"%@`](?:[^:#\[\]{}\n\t]|:(?=\S))*?"
"""A plain scalar that cannot be anything but itself: no indicator first, no `: `, no comment, no brackets."""
_QUOTED = r"\"[^\"\\\n\t]*\"|'[^'\n\t]*'"
_ITEM = rf"(?:{_QUOTED.replace('[^', '[^,')}|[^\s\-?:,\[\]{{}}#&*!|>'\"%@`](?:[^,:#\[\]{{}}\n\t\"']|:(?=\S))*?)"
_SIMPLE_LINE = re.compile(
    rf"(?P<key>{_KEY}): +(?:(?P<quoted>{_QUOTED})|\[ *(?P<items>{_ITEM}(?: *, *{_ITEM})*)? *\]"
    rf"|(?P<plain>{_PLAIN})) *")
_SPLIT_ITEMS = re.compile(rf" *({_ITEM}) *(?:,|$)")


def _simple(source: str) -> dict[str, Any] | None:
    """The mapping of a flat front matter of plain strings, read without the YAML parser; None otherwise.

    Most front matter is `key: text` lines and `tags: [a, b]`: the pure-Python YAML parser would take a
    millisecond per file, most of a cold index's time. Anything this does not recognise, and any value
    that YAML would read as other than a string (`2025`, `null`, `true`), goes to the full loader, so
    the result is always what YAML gives (a property test holds the two to that).
    """
    data: dict[str, Any] = {}
    keys: set[str] = set()
    for line in source.split("\n"):
        if not line.strip():
            continue
        m = _SIMPLE_LINE.fullmatch(line) if line.isprintable() else None
        if m is None or m["key"] in keys or not _plain_is_str(m["key"]):
            return None
        keys.add(m["key"])
        if m["quoted"] is not None:
            value: Any = m["quoted"][1:-1]
        elif m["plain"] is not None:
            value = m["plain"]
            if not _plain_is_str(value):
                return None
        else:
            value = []
            for item in _SPLIT_ITEMS.findall(m["items"] or ""):
                if item[:1] in "\"'":
                    value.append(item[1:-1])
                elif _plain_is_str(item):
                    value.append(item)
                else:
                    return None
        data[m["key"].strip().lower()] = value
    return data


def _plain_is_str(text: str) -> bool:
    """True when YAML (as this module configures it) reads the plain scalar `text` as a string."""
    tag = _StrictLoader.resolve(_StrictLoader, yaml.ScalarNode, text, (True, False))  # type: ignore[arg-type,no-untyped-call]
    return bool(tag == "tag:yaml.org,2002:str")


def _yaml_reason(exc: yaml.YAMLError) -> str:
    problem = getattr(exc, "problem", None) or "syntax error"
    mark = getattr(exc, "problem_mark", None)
    where = f" at line {mark.line + 2}" if mark is not None else ""
    return _one_line(f"{problem}{where}")


def _one_line(text: str) -> str:
    return " ".join(str(text).split())[:80]
