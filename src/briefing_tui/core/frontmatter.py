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


_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser (PyYAML's wheels carry it): linear in its input and about 30 times faster than the
pure-Python one. Without it (a source build of PyYAML), the same rules run in Python."""
_ALLOWED_TAGS = frozenset(f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "seq", "map"))


class _StrictLoader(_Base):  # type: ignore[misc]
    """Reads `no`/`yes`/`on` and dates as strings: only true/false are booleans (see the resolvers below)."""


# YAML 1.1 reads `no`, `off`, `yes` as booleans (the Norway problem); only true/false are booleans here.
_StrictLoader.yaml_implicit_resolvers = {
    # Timestamps stay strings too: an impossible date must cost only the date, not the whole block.
    ch: [(tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


class _PythonStrictLoader(yaml.SafeLoader):
    """The same rules on PyYAML's Python parser: the second look at what libyaml refuses."""


_PythonStrictLoader.yaml_implicit_resolvers = _StrictLoader.yaml_implicit_resolvers


_NOT_BRACKETS = re.compile(r"[^\[\]{}]++")


def _check_flow_depth(source: str) -> None:
    """Refuse `[[[[…` nested deeper than MAX_DEPTH before composing it (composing a deep nest costs more
    than linear time). Counting every bracket is enough for the usual front matter; only when that count
    goes deep are the parser's events read, so that brackets inside quoted text do not count."""
    depth = deepest = 0
    for ch in _NOT_BRACKETS.sub("", source):
        depth = depth + 1 if ch in "[{" else max(0, depth - 1)
        deepest = max(deepest, depth)
    if deepest <= MAX_DEPTH:
        return
    depth = 0
    for event in yaml.parse(source, Loader=_StrictLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise FrontMatterError(f"nested deeper than {MAX_DEPTH} levels")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _check_nodes(root: yaml.Node) -> list[str]:
    """Refuse aliases, tags other than the plain types, and deep nesting, in the composed document before
    anything is built from it; return the duplicate keys (the last one wins, as YAML loaders do).

    Composing never expands an alias: it makes the aliased node appear twice in the graph, which is
    what this looks for. An alias bomb is refused at its first alias, whatever it would expand to.
    """
    duplicates: list[str] = []
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            raise FrontMatterError("YAML aliases are not allowed")
        seen.add(id(node))
        if node.tag not in _ALLOWED_TAGS:
            raise FrontMatterError(f"front matter uses an unsupported YAML tag ({_one_line(node.tag)})")
        if isinstance(node, yaml.ScalarNode):
            continue
        if depth > MAX_DEPTH:
            raise FrontMatterError(f"nested deeper than {MAX_DEPTH} levels")
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
            continue
        keys: set[str] = set()
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                if key.value in keys:
                    duplicates.append(key.value)
                keys.add(key.value)
            stack.extend(((key, depth + 1), (value, depth + 1)))
    return duplicates


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
    try:
        _check_flow_depth(source)
        try:
            data, duplicates = _compose_and_build(_StrictLoader, source)
        except yaml.MarkedYAMLError:
            if _StrictLoader is _PythonStrictLoader:
                raise
            # libyaml refuses a few flow forms PyYAML reads (`[0:]`): the Python parser, which the old
            # code used for every block that was not flat, gets a second look, under the same checks.
            data, duplicates = _compose_and_build(_PythonStrictLoader, source)
    except FrontMatterError:
        raise
    except yaml.constructor.ConstructorError as exc:
        raise FrontMatterError(f"front matter uses an unsupported YAML tag ({_one_line(exc.problem or '')})") from None
    except yaml.YAMLError as exc:
        raise FrontMatterError(f"front matter is not valid YAML ({_yaml_reason(exc)})") from None
    except (RecursionError, MemoryError, ValueError, TypeError, OverflowError):
        raise FrontMatterError("front matter could not be read") from None
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        raise FrontMatterError(f"front matter is a {type(data).__name__}, not a mapping")
    problems = [f"duplicate front matter key {_one_line(k)!r}; the last one is used" for k in duplicates]
    clean: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(key, str):
            clean[key.strip().lower()] = value
        else:
            problems.append(f"front matter key {_one_line(str(key))!r} is not a string; ignored")
    return clean, problems


def _compose_and_build(loader_class: type, source: str) -> tuple[Any, list[str]]:
    """(the document, its duplicate keys): composed, checked (`_check_nodes`), then built."""
    loader = loader_class(source)  # the reader already rejects control characters here
    try:
        node = loader.get_single_node()
        if node is None:
            return None, []
        duplicates = _check_nodes(node)
        return loader.construct_document(node), duplicates  # SafeConstructor, on a checked document
    finally:
        loader.dispose()


def _yaml_reason(exc: yaml.YAMLError) -> str:
    problem = getattr(exc, "problem", None) or "syntax error"
    mark = getattr(exc, "problem_mark", None)
    where = f" at line {mark.line + 2}" if mark is not None else ""
    return _one_line(f"{problem}{where}")


def _one_line(text: str) -> str:
    return " ".join(str(text).split())[:80]
