"""The core's folders are layers, and a layer never reaches up (docs/architecture.md).

From the bottom: the domain objects (`model`, `versions`, `serialize`), then `reading` (safe reading,
sanitizing), `quotes` (spans, attribution), `formats` (detection, front matter, dates, each format),
`library` (scanning, loading, watching, worker processes), `search` (index, query, highlighting) and `user`
(settings, reader state, exports, help). The core imports nothing from the command line or the reader.
Imports inside functions count: a lazy import that reaches up is still a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parent.parent / "src" / "briefing_tui" / "core"
LAYERS = ["base", "reading", "quotes", "formats", "library", "search", "user"]
BASE = {"model", "versions", "serialize"}


def _layer(module: str) -> str:
    """`briefing_tui.core.search.index` -> `search`; the modules at the top of core are the base."""
    parts = module.split(".")
    if parts[:2] != ["briefing_tui", "core"] or len(parts) < 3:
        raise ValueError(module)
    return "base" if parts[2] in BASE else parts[2]


def _imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            found += [(node.lineno, f"{node.module}.{a.name}") for a in node.names
                      if node.module in ("briefing_tui.core", *(f"briefing_tui.core.{x}" for x in LAYERS))]
        elif isinstance(node, ast.ImportFrom) and node.level:
            raise AssertionError(f"{path}:{node.lineno}: relative import (the layers are checked by name)")
    return found


MODULES = sorted(p for p in CORE.rglob("*.py"))


def test_every_core_module_is_in_a_layer() -> None:
    assert len(MODULES) > 20
    for path in MODULES:
        rel = path.relative_to(CORE)
        if len(rel.parts) == 1:
            assert rel.stem in BASE | {"__init__"}, f"core/{rel} sits outside every layer"
        else:
            assert rel.parts[0] in LAYERS, f"core/{rel} is in no known layer"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(CORE)))
def test_no_layer_reaches_up(path: Path) -> None:
    rel = path.relative_to(CORE)
    own = "base" if len(rel.parts) == 1 else rel.parts[0]
    for line, module in _imports(path):
        assert not module.startswith(("briefing_tui.tui", "briefing_tui.cli", "briefing_tui.render")), (
            f"core/{rel}:{line} imports {module}: the core never depends on the interfaces")
        if module.startswith("briefing_tui.core."):
            target = _layer(module)
            assert LAYERS.index(target) <= LAYERS.index(own), (
                f"core/{rel}:{line} imports {module}: layer {own!r} must not reach up to {target!r}")


def test_the_check_can_fail(tmp_path: Path) -> None:
    """The walk sees lazy imports inside functions, the kind that would slip past a glance."""
    probe = tmp_path / "probe.py"
    probe.write_text("def f():\n    from briefing_tui.core.search import index\n", encoding="utf-8")
    assert ("briefing_tui.core.search.index" in {m for _, m in _imports(probe)})
    assert _layer("briefing_tui.core.search.index") == "search"
    assert LAYERS.index("search") > LAYERS.index("reading")
