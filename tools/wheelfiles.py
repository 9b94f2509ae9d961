"""Wheels in a folder: what their METADATA says, and the files that describe them (lock, sums, licences).

Pure functions over `Wheel` records; the only I/O is `read_wheel`. Used by `tools.wheelhouse` and tested
on wheels built at test time (tests/test_wheelhouse_files.py).
"""

from __future__ import annotations

import email.parser
import email.policy
import hashlib
import re
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from packaging.requirements import Requirement


class WheelhouseError(Exception):
    """Something that makes the wheelhouse wrong or unbuildable; the message says what and where."""


def normalize(name: str) -> str:
    """A project name as pip compares it (PEP 503): `Python_Dateutil` -> `python-dateutil`."""
    return re.sub(r"[-_.]+", "-", name).lower()


_LINUX_PLATFORM = re.compile(r"(?:manylinux\d+|manylinux_\d+_\d+|musllinux_\d+_\d+|linux)_([a-z0-9_]+)")


@dataclass(frozen=True, order=True)
class Target:
    """One machine the wheelhouse must install on: a CPython version and a pip platform tag."""

    python: str
    """`3.12`: a CPython minor version."""
    platform: str
    """A Linux platform tag as pip's `--platform` takes it: `manylinux2014_x86_64`."""

    def __post_init__(self) -> None:
        if not re.fullmatch(r"3\.\d{1,2}", self.python):
            raise WheelhouseError(f"{self.python!r} is not a Python version like 3.12")
        if not _LINUX_PLATFORM.fullmatch(self.platform):
            # The lock tells targets apart by platform_machine alone, which is only sound among Linux tags.
            raise WheelhouseError(f"{self.platform!r} is not a Linux platform tag like manylinux2014_x86_64")

    @property
    def abi(self) -> str:
        """The CPython ABI tag: `cp312`."""
        return "cp" + self.python.replace(".", "")

    @property
    def machine(self) -> str:
        """The CPU as `platform_machine` names it on Linux: `x86_64`, `aarch64`."""
        match = _LINUX_PLATFORM.fullmatch(self.platform)
        assert match is not None  # checked in __post_init__
        return match.group(1)

    @property
    def name(self) -> str:
        """`cp312-manylinux2014_x86_64`: how reports and folders name the target."""
        return f"{self.abi}-{self.platform}"

    def environment(self) -> dict[str, str]:
        """The environment markers of such a machine (python_full_version is taken as X.Y.0)."""
        return {
            "python_version": self.python, "python_full_version": f"{self.python}.0",
            "implementation_name": "cpython", "implementation_version": f"{self.python}.0",
            "platform_python_implementation": "CPython", "platform_machine": self.machine,
            "sys_platform": "linux", "platform_system": "Linux", "os_name": "posix",
            "platform_release": "", "platform_version": "",
        }


def version_key(python: str) -> tuple[int, ...]:
    """`3.9` sorts before `3.12`."""
    return tuple(int(part) for part in python.split("."))


@dataclass(frozen=True)
class Wheel:
    """One wheel file and what its METADATA says."""

    filename: str
    name: str
    """The project name as the wheel spells it (`PyYAML`)."""
    version: str
    sha256: str
    summary: str
    license_expression: str
    """PEP 639 `License-Expression` (SPDX), or empty."""
    license: str
    """The older free-text `License` field, or empty; some wheels put a whole licence text here."""
    license_classifiers: tuple[str, ...]
    """The last part of each `License ::` classifier: `MIT License`."""
    requires_dist: tuple[str, ...]

    @property
    def key(self) -> str:
        """The normalized project name."""
        return normalize(self.name)


def sha256_of(path: Path) -> str:
    """The file's SHA-256, hex."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_wheel(path: Path) -> Wheel:
    """Read a wheel's METADATA and hash the file."""
    with zipfile.ZipFile(path) as archive:
        found = [n for n in archive.namelist() if n.count("/") == 1 and n.endswith(".dist-info/METADATA")]
        if len(found) != 1:
            raise WheelhouseError(f"{path.name}: expected one .dist-info/METADATA, found {len(found)}")
        text = archive.read(found[0]).decode("utf-8")
    meta = email.parser.Parser(policy=email.policy.compat32).parsestr(text, headersonly=True)

    def field(name: str) -> str:
        return str(meta.get(name, "")).strip()

    classifiers = [str(c) for c in meta.get_all("Classifier", [])]
    return Wheel(
        filename=path.name, name=field("Name"), version=field("Version"), sha256=sha256_of(path),
        summary=field("Summary"), license_expression=field("License-Expression"), license=field("License"),
        license_classifiers=tuple(c.split("::")[-1].strip() for c in classifiers if c.startswith("License ::")),
        requires_dist=tuple(str(r).strip() for r in meta.get_all("Requires-Dist", [])),
    )


@dataclass(frozen=True)
class Closure:
    """What one target installs: the root wheel and every wheel its requirements reach there."""

    target: Target
    wheels: tuple[Wheel, ...]
    edges: frozenset[tuple[str, str]]
    """(dependent, dependency) pairs of normalized names."""
    missing: tuple[str, ...]
    """Requirements that no wheel for this target satisfies, with who needs them."""


def closure(root: Wheel, available: Iterable[Wheel], target: Target) -> Closure:
    """Walk `root`'s requirements over `available` with the target's markers and extras.

    pip evaluates markers for the Python it runs on, not for `--python-version`; this walk is how the
    wheelhouse knows each target gets exactly what it needs, whichever Python ran pip.
    """
    by_key: dict[str, Wheel] = {}
    for wheel in available:
        other = by_key.setdefault(wheel.key, wheel)
        if other.version != wheel.version:
            raise WheelhouseError(f"{target.name}: two versions of {wheel.name}: {other.filename}, {wheel.filename}")
    environment = target.environment()
    reached: dict[str, Wheel] = {root.key: root}
    edges: set[tuple[str, str]] = set()
    missing: list[str] = []
    seen: set[tuple[str, frozenset[str]]] = {(root.key, frozenset())}
    queue: list[tuple[Wheel, frozenset[str]]] = [(root, frozenset())]
    while queue:
        wheel, extras = queue.pop()
        for spec in wheel.requires_dist:
            requirement = Requirement(spec)
            marker = requirement.marker
            if marker is not None and not any(marker.evaluate({**environment, "extra": extra})
                                              for extra in ("", *sorted(extras))):
                continue
            dependency = by_key.get(normalize(requirement.name))
            if dependency is None or not requirement.specifier.contains(dependency.version, prereleases=True):
                missing.append(f"{spec} (for {wheel.name} {wheel.version})")
                continue
            reached[dependency.key] = dependency
            edges.add((wheel.key, dependency.key))
            state = (dependency.key, frozenset(requirement.extras))
            if state not in seen:
                seen.add(state)
                queue.append((dependency, frozenset(requirement.extras)))
    return Closure(target, tuple(sorted(reached.values(), key=lambda w: w.key)), frozenset(edges), tuple(missing))


def marker_for(chosen: set[Target], every: set[Target]) -> str:
    """An environment marker true on the `chosen` targets and false on the rest of `every` ('' for all)."""
    if chosen == every:
        return ""
    chosen_pairs = {(t.python, t.machine) for t in chosen}
    if any((t.python, t.machine) in chosen_pairs for t in every - chosen):
        raise WheelhouseError("two targets with the same Python and CPU need different wheels; "
                              "a marker cannot tell them apart: build them as separate wheelhouses")
    every_pairs = {(t.python, t.machine) for t in every}
    clauses: list[str] = []
    for python in sorted({p for p, _ in chosen_pairs}, key=version_key):
        machines = sorted(m for p, m in chosen_pairs if p == python)
        if set(machines) == {m for p, m in every_pairs if p == python}:
            clauses.append(f'python_version == "{python}"')
        else:
            clauses.extend(f'(python_version == "{python}" and platform_machine == "{m}")' for m in machines)
    return " or ".join(clauses)


@dataclass(frozen=True)
class LockEntry:
    """One `name==version` of the lock: its wheels (one per target kind) and where it applies."""

    key: str
    version: str
    wheels: tuple[Wheel, ...]
    marker: str


def lock_entries(closures: Iterable[Closure]) -> list[LockEntry]:
    """Every (project, version) that some target installs, with all its wheels, sorted by name."""
    closures = list(closures)
    every = {c.target for c in closures}
    targets: dict[tuple[str, str], set[Target]] = {}
    wheels: dict[tuple[str, str], dict[str, Wheel]] = {}
    by_filename: dict[str, Wheel] = {}
    for c in closures:
        for wheel in c.wheels:
            known = by_filename.setdefault(wheel.filename, wheel)
            if known.sha256 != wheel.sha256:
                raise WheelhouseError(f"{wheel.filename} was downloaded twice with different contents")
            entry = (wheel.key, wheel.version)
            targets.setdefault(entry, set()).add(c.target)
            wheels.setdefault(entry, {})[wheel.filename] = wheel
    return [LockEntry(key, version, tuple(wheels[key, version][f] for f in sorted(wheels[key, version])),
                      marker_for(targets[key, version], every))
            for key, version in sorted(targets)]


def lock_text(entries: Iterable[LockEntry], targets: Iterable[Target]) -> str:
    """requirements.lock: every requirement pinned with ==, with the hash of each of its wheels."""
    lines = [
        "# Every wheel in this folder, pinned, with its SHA-256. Written by tools/wheelhouse.py; do not edit.",
        "# Install: pip install --no-index --find-links . --require-hashes -r requirements.lock",
        "# Targets: " + " ".join(t.name for t in sorted(targets, key=lambda t: (version_key(t.python), t.platform))),
    ]
    for entry in entries:
        requirement = f"{entry.key}=={entry.version}" + (f" ; {entry.marker}" if entry.marker else "")
        hashes = sorted({w.sha256 for w in entry.wheels})
        lines.append(requirement + " \\")
        lines.extend(f"    --hash=sha256:{h}" + (" \\" if i < len(hashes) - 1 else "") for i, h in enumerate(hashes))
    return "\n".join(lines) + "\n"


def sha256sums_text(digests: Mapping[str, str]) -> str:
    """SHA256SUMS in the format `sha256sum -c` reads: `HEX  NAME`, sorted by name."""
    for name in digests:
        if "\n" in name or "\\" in name or "/" in name:
            raise WheelhouseError(f"{name!r}: a file name sha256sum would have to escape")
    return "".join(f"{digests[name]}  {name}\n" for name in sorted(digests))


def _first_line(text: str, limit: int = 80) -> str:
    """The first line of a free-text field, marked with … when cut (some wheels hold a whole licence text)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines or lines[0].upper() == "UNKNOWN":
        return ""
    first = lines[0]
    if len(first) > limit:
        return first[:limit].rstrip() + "…"
    return first + (" …" if len(lines) > 1 else "")


def licence_names(wheel: Wheel) -> tuple[str, tuple[str, ...]]:
    """(SPDX expression, free-text names): the expression when METADATA has one, else the License field's
    first line and the licence classifiers, as the wheel states them (nothing is guessed)."""
    if wheel.license_expression:
        return wheel.license_expression, ()
    names = [_first_line(wheel.license), *wheel.license_classifiers]
    return "", tuple(dict.fromkeys(n for n in names if n))


def licence_line(wheel: Wheel) -> str:
    """How LICENSES.txt states one wheel's licence, naming the METADATA field it came from."""
    if wheel.license_expression:
        return f"{wheel.license_expression} (License-Expression)"
    parts = []
    if first := _first_line(wheel.license):
        parts.append(f"{first} (License)")
    if wheel.license_classifiers:
        parts.append(f"{', '.join(wheel.license_classifiers)} (classifiers)")
    return "; ".join(parts) or "not stated in METADATA"


def licences_text(wheels: Iterable[Wheel]) -> str:
    """LICENSES.txt: one line per wheel file, its project, version and stated licence."""
    rows = sorted(((w.filename, f"{w.name} {w.version}", licence_line(w)) for w in wheels), key=lambda r: r[0])
    header = ("wheel", "project", "licence (from the wheel's METADATA)")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(2)]
    lines = ["Licences of every wheel in this folder, as each wheel's METADATA states them:",
             "License-Expression (SPDX) when present, else the License field and the License :: classifiers.", ""]
    lines.extend(f"{a.ljust(widths[0])}  {b.ljust(widths[1])}  {c}" for a, b, c in [header, *rows])
    return "\n".join(lines) + "\n"
