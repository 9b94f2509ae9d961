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


def _yaml_reason(exc: yaml.YAMLError) -> str:
    problem = getattr(exc, "problem", None) or "syntax error"
    mark = getattr(exc, "problem_mark", None)
    where = f" at line {mark.line + 2}" if mark is not None else ""
    return _one_line(f"{problem}{where}")


def _one_line(text: str) -> str:
    return " ".join(str(text).split())[:80]
