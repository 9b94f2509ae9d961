"""Front matter, read as hostile input: YAML (`---`: safe_load only, no aliases, bounded depth and size) or TOML
(Hugo's `+++`, read by the standard library's `tomllib`, bounded the same way)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, NamedTuple

import yaml

MAX_FRONT_MATTER = 64 * 1024
MAX_DEPTH = 20
MAX_TOML_DOTS = 1000
"""`tomllib` reads a dotted key (`a.b.c`, `Mr. Dr. Mr.`) in time that grows with the square of its parts: 16,000
took 3 s, 32,000 (64 KB) 20 s. At 1,000 dots in the whole block (a key's parts, floats, sentences) it takes 20 ms."""

_OPEN = re.compile(r"\A---[ \t]*\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_OPEN_TOML = re.compile(r"\A\+\+\+[ \t]*\n")
_CLOSE_TOML = re.compile(r"^\+\+\+[ \t]*$", re.MULTILINE)
_TOML_PLACE = re.compile(r"\(at line (\d+), column (\d+)\)\Z")
"""Where `tomllib` says it stopped, at the end of its message (no backtracking: digits, then fixed text)."""


class FrontMatterError(ValueError):
    """Front matter that cannot be used; the message is one line for the user."""


_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser (PyYAML's wheels carry it): linear in its input and about 30 times faster than the
pure-Python one. Without it (a source build of PyYAML), the same rules run in Python."""


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


_SCALAR_TAGS = frozenset(f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null"))
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"


class _Builder:
    """Builds the composed document, refusing as it goes what the rules refuse: an alias, a tag other
    than the plain types (or on the wrong kind of node), nesting deeper than MAX_DEPTH, a key that is a
    list or a mapping. Keys met twice are noted in `duplicates` (the last one wins, as YAML loaders do).

    Composing never expands an alias: it makes the aliased node appear twice in the graph, which is
    what `seen` looks for. An alias bomb is refused at its first alias, whatever it would expand to.
    One pass over the nodes, and plain values are read without PyYAML's constructor machinery (a third
    of the cost of a typical block); ints and floats use its rules (`0x1F`, `1_000`, `.inf`).
    """

    def __init__(self, loader: Any) -> None:
        self.loader = loader
        self.seen: set[int] = set()
        self.duplicates: list[str] = []
        self.complex_keys = 0
        """Keys that were a list or a mapping (`? [a, b]`), left out."""

    def build(self, node: yaml.Node, depth: int = 1) -> Any:
        if id(node) in self.seen:
            raise FrontMatterError("YAML aliases are not allowed")
        self.seen.add(id(node))
        tag = node.tag
        if isinstance(node, yaml.ScalarNode):
            if tag == "tag:yaml.org,2002:str":
                return node.value
            if tag not in _SCALAR_TAGS:
                raise FrontMatterError(f"front matter uses an unsupported YAML tag ({_one_line(tag)})")
            if tag == "tag:yaml.org,2002:null":
                return None
            if tag == "tag:yaml.org,2002:bool":
                value = node.value.lower()
                if value not in ("true", "false"):
                    raise FrontMatterError(
                        f"front matter has a value that is not true or false ({_one_line(node.value)})")
                return value == "true"
            if tag == "tag:yaml.org,2002:int":
                return self.loader.construct_yaml_int(node)
            return self.loader.construct_yaml_float(node)
        if depth > MAX_DEPTH:
            raise FrontMatterError(f"nested deeper than {MAX_DEPTH} levels")
        if isinstance(node, yaml.SequenceNode) and tag == _SEQ_TAG:
            return [self.build(child, depth + 1) for child in node.value]
        if not isinstance(node, yaml.MappingNode) or tag != _MAP_TAG:
            what = "list" if isinstance(node, yaml.SequenceNode) else "mapping"
            raise FrontMatterError(f"front matter uses an unsupported YAML tag on a {what} ({_one_line(tag)})")
        out: dict[Any, Any] = {}
        keys: set[str] = set()
        for key_node, value_node in node.value:
            key = self.build(key_node, depth + 1)
            if isinstance(key, (list, dict)):
                self.complex_keys += 1  # `? [a, b]`: that key goes, not the front matter with it
                continue
            if isinstance(key_node, yaml.ScalarNode):
                if key_node.value in keys:
                    self.duplicates.append(key_node.value)
                keys.add(key_node.value)
            out[key] = self.build(value_node, depth + 1)
        return out


class Split(NamedTuple):
    """A text's leading front matter block, apart from its body."""

    source: str | None
    """The block's text, between its fences (None: there is none, or it is not closed)."""
    body: str
    problem: str | None
    """What is wrong with the fences (a block not closed), if anything."""
    kind: str = "yaml"
    """`yaml` (`---`) or `toml` (`+++`)."""


def split(text: str) -> Split:
    """Split a leading `---` (YAML) or `+++` (TOML, as Hugo writes it) block from the body."""
    if _OPEN.match(text):
        fence, close_at, kind = "---", _CLOSE, "yaml"
    elif _OPEN_TOML.match(text):
        fence, close_at, kind = "+++", _CLOSE_TOML, "toml"
    else:
        return Split(None, text, None)
    start = text.index("\n") + 1
    close = close_at.search(text, start)
    if close is None:
        return Split(None, text[start:], f"front matter is not closed by '{fence}'; shown as text", kind)
    body_start = text.find("\n", close.end())
    body = "" if body_start < 0 else text[body_start + 1:]
    return Split(text[start:close.start()], body, None, kind)


def load_toml(source: str) -> tuple[dict[str, Any], list[str]]:
    """Parse TOML front matter (`+++`) as `load` does YAML: a mapping with string keys, lower-cased; dates and
    times as the text of their ISO form (as YAML's stay text); nesting no deeper than MAX_DEPTH.

    Raises FrontMatterError when nothing usable can be read (TOML refuses a key given twice, unlike YAML).
    """
    import tomllib  # only for a Hugo post written in TOML

    if len(source) > MAX_FRONT_MATTER:
        raise FrontMatterError("front matter is larger than 64 KB")
    if source.count(".") > MAX_TOML_DOTS:
        raise FrontMatterError(f"TOML front matter with over {MAX_TOML_DOTS:,} dots is not read")
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        reason = _TOML_PLACE.sub(lambda m: f"at line {int(m[1]) + 1}", str(exc))  # the file's line: after `+++`
        raise FrontMatterError(f"front matter is not valid TOML ({_one_line(reason)})") from None
    except (RecursionError, MemoryError, ValueError, TypeError, OverflowError):
        raise FrontMatterError("front matter could not be read") from None
    return {key.strip().lower(): _toml_value(value, 1) for key, value in data.items()}, []


def _toml_value(value: Any, depth: int) -> Any:
    """A TOML value as YAML's would be: dates as text, tables and arrays checked for depth."""
    if isinstance(value, (dt.date, dt.time)):  # datetime is a date
        return value.isoformat()
    if isinstance(value, dict | list):
        if depth >= MAX_DEPTH:
            raise FrontMatterError(f"nested deeper than {MAX_DEPTH} levels")
        if isinstance(value, dict):
            return {k: _toml_value(v, depth + 1) for k, v in value.items()}
        return [_toml_value(v, depth + 1) for v in value]
    return value


def load(source: str) -> tuple[dict[str, Any], list[str]]:
    """Parse front matter to a mapping with string keys; return it with a list of problems.

    Raises FrontMatterError when nothing usable can be read.
    """
    if len(source) > MAX_FRONT_MATTER:
        raise FrontMatterError("front matter is larger than 64 KB")
    try:
        _check_flow_depth(source)
        try:
            data, notes = _compose_and_build(_StrictLoader, source)
        except yaml.MarkedYAMLError:
            if _StrictLoader is _PythonStrictLoader:
                raise
            # libyaml refuses a few flow forms PyYAML reads (`[0:]`): the Python parser, which the old
            # code used for every block that was not flat, gets a second look, under the same checks.
            data, notes = _compose_and_build(_PythonStrictLoader, source)
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
    problems = list(notes)
    clean: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(key, str):
            clean[key.strip().lower()] = value
        else:  # as YAML writes it: `null`, `true`, not Python's `None`, `True`
            shown = "null" if key is None else str(key).lower() if isinstance(key, bool) else str(key)
            problems.append(f"front matter key {_one_line(shown)!r} is not a string; ignored")
    return clean, problems


def _compose_and_build(loader_class: type, source: str) -> tuple[Any, list[str]]:
    """(the document, what to say of its keys: the duplicates, those left out): composed by the parser, then
    checked and built (`_Builder`)."""
    loader = loader_class(source)  # the reader already rejects control characters here
    try:
        node = loader.get_single_node()
        if node is None:
            return None, []
        builder = _Builder(loader)
        data = builder.build(node)
        notes = [f"duplicate front matter key {_one_line(k)!r}; the last one is used" for k in builder.duplicates]
        notes += ["front matter key that is a list or a mapping; ignored"] * builder.complex_keys
        return data, notes
    finally:
        loader.dispose()


def _yaml_reason(exc: yaml.YAMLError) -> str:
    problem = getattr(exc, "problem", None) or "syntax error"
    mark = getattr(exc, "problem_mark", None)
    where = f" at line {mark.line + 2}" if mark is not None else ""
    return _one_line(f"{problem}{where}")


def _one_line(text: str) -> str:
    return " ".join(str(text).split())[:80]
