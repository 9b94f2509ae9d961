"""A CycloneDX 1.5 SBOM (JSON) of a wheelhouse, from the wheels' own METADATA.

Written here rather than by `cyclonedx-bom`: that tool describes one installed environment (one Python,
one CPU), while this folder holds wheels for several; this describes every wheel in it with its SHA-256,
and adds no tool tree of its own for reviewers to vet. The output follows bom-1.5.schema.json.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

from tools.wheelfiles import Closure, LockEntry, Target, Wheel, licence_names, normalize, version_key

SPEC_VERSION = "1.5"


def purl(name: str, version: str) -> str:
    """The package URL of a PyPI release: `pkg:pypi/python-dateutil@2.9.0.post0`."""
    return f"pkg:pypi/{quote(normalize(name))}@{quote(version, safe='.-_~!')}"


def _licenses(wheel: Wheel) -> list[dict[str, Any]]:
    """CycloneDX `licenses`: one SPDX expression, or licence names; never both (the schema forbids mixing)."""
    expression, names = licence_names(wheel)
    if expression:
        return [{"expression": expression}]
    return [{"license": {"name": name}} for name in names]


def _component(entry: LockEntry, kind: str) -> dict[str, Any]:
    """A component for one project version; each of its wheels is a `distribution` reference with its hash."""
    first = entry.wheels[0]
    ref = purl(first.name, entry.version)
    component: dict[str, Any] = {"type": kind, "bom-ref": ref, "name": first.name, "version": entry.version,
                                 "purl": ref}
    if first.summary:
        component["description"] = first.summary
    if licenses := _licenses(first):
        component["licenses"] = licenses
    component["externalReferences"] = [
        {"type": "distribution", "url": w.filename, "comment": "a wheel in this folder",
         "hashes": [{"alg": "SHA-256", "content": w.sha256}]}
        for w in entry.wheels]
    if entry.marker:
        component["properties"] = [{"name": "briefing-tui:wheelhouse:marker", "value": entry.marker}]
    return component


def cyclonedx(root: Wheel, entries: Iterable[LockEntry], closures: Iterable[Closure], *,
              timestamp: dt.datetime, serial: uuid.UUID) -> dict[str, Any]:
    """The SBOM: `root` as the described application, every other locked project as a library, and the
    dependency graph the targets' requirements draw (union over targets)."""
    entries = list(entries)
    closures = list(closures)
    by_key = {e.key: e for e in entries}
    root_entry = by_key[root.key]
    targets: list[Target] = sorted({c.target for c in closures}, key=lambda t: (version_key(t.python), t.platform))
    depends: dict[str, set[str]] = {e.key: set() for e in entries}
    for c in closures:
        for dependent, dependency in c.edges:
            depends[dependent].add(dependency)

    def ref(key: str) -> str:
        return purl(by_key[key].wheels[0].name, by_key[key].version)

    return {
        "$schema": "http://cyclonedx.org/schema/bom-1.5.schema.json",
        "bomFormat": "CycloneDX",
        "specVersion": SPEC_VERSION,
        "serialNumber": serial.urn,
        "version": 1,
        "metadata": {
            "timestamp": timestamp.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "tools": {"components": [{"type": "application", "name": "tools/wheelhouse.py",
                                      "description": "briefing-tui's wheelhouse builder"}]},
            "component": _component(root_entry, "application"),
            "properties": [{"name": "briefing-tui:wheelhouse:target", "value": t.name} for t in targets],
        },
        "components": [_component(e, "library") for e in entries if e.key != root.key],
        "dependencies": [{"ref": ref(key), "dependsOn": sorted(ref(d) for d in depends[key])}
                         for key in sorted(depends)],
    }
