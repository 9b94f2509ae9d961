"""The wheelhouse's own files from wheels built here: the lock pip installs with --require-hashes, the
SHA256SUMS sha256sum checks, the licences and the CycloneDX SBOM; and that the Pythons we claim agree."""

from __future__ import annotations

import datetime as dt
import json
import platform
import re
import shutil
import subprocess
import sys
import tomllib
import uuid
import zipfile
from pathlib import Path

import pytest
from packaging.specifiers import SpecifierSet

from tests.conftest import ROOT, env_without_home
from tools.sbom import cyclonedx, purl
from tools.wheelfiles import (
    Target,
    Wheel,
    WheelhouseError,
    closure,
    licence_line,
    licences_text,
    lock_entries,
    lock_text,
    marker_for,
    read_wheel,
    sha256_of,
    sha256sums_text,
)

X86_311 = Target("3.11", "manylinux2014_x86_64")
ARM_311 = Target("3.11", "manylinux2014_aarch64")
X86_313 = Target("3.13", "manylinux2014_x86_64")
ARM_313 = Target("3.13", "manylinux2014_aarch64")


def make_wheel(folder: Path, name: str, version: str, tag: str = "py3-none-any", *, requires: tuple[str, ...] = (),
               headers: tuple[tuple[str, str], ...] = ()) -> Path:
    """A minimal but real wheel: METADATA, WHEEL and RECORD in its .dist-info, and one module."""
    folder.mkdir(parents=True, exist_ok=True)
    stem = re.sub(r"[-_.]+", "_", name).lower()
    info = f"{stem}-{version}.dist-info"
    metadata = "".join([f"Metadata-Version: 2.4\nName: {name}\nVersion: {version}\nSummary: {name} for tests\n",
                        *(f"{k}: {v}\n" for k, v in headers), *(f"Requires-Dist: {r}\n" for r in requires)])
    path = folder / f"{stem}-{version}-{tag}.whl"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(f"{stem}/__init__.py", f"VERSION = {version!r}\n")
        archive.writestr(f"{info}/METADATA", metadata)
        archive.writestr(f"{info}/WHEEL", f"Wheel-Version: 1.0\nGenerator: tests\nRoot-Is-Purelib: true\nTag: {tag}\n")
        archive.writestr(f"{info}/RECORD", "".join(f"{f},,\n" for f in (f"{stem}/__init__.py", f"{info}/METADATA",
                                                                       f"{info}/WHEEL", f"{info}/RECORD")))
    return path


@pytest.fixture
def house(tmp_path: Path) -> dict[str, Wheel]:
    """An app needing a pure library, a compiled one (a wheel per Python and CPU), and a backport on 3.11 only."""
    d = tmp_path / "wheels"
    wheels = [
        make_wheel(d, "app", "1.0", requires=("Lib_Pure==2.0", "fastparse[speed]==3.1",
                                              'backport==0.5; python_version < "3.12"', 'docs-tool; extra == "docs"'),
                   headers=(("License-Expression", "MIT"),)),
        make_wheel(d, "Lib_Pure", "2.0", headers=(("License", "BSD-3-Clause\n        and more text"),
                                                  ("Classifier", "License :: OSI Approved :: BSD License"))),
        make_wheel(d, "backport", "0.5", headers=(("License", "UNKNOWN"),)),
        make_wheel(d, "speedups", "1.0", requires=("lib-pure>=2",)),
        *(make_wheel(d, "fastparse", "3.1", f"{t.abi}-{t.abi}-{t.platform}",
                     requires=('speedups==1.0; extra == "speed"',)) for t in (X86_311, ARM_311, X86_313, ARM_313)),
    ]
    return {w.name: read_wheel(w) for w in wheels}


def target_wheels(house: dict[str, Wheel], target: Target) -> list[Wheel]:
    """What pip would have downloaded for the target: the pure wheels and that target's compiled one."""
    return [w for f, w in house.items() if f.endswith("-py3-none-any.whl") or f"{target.abi}-{target.platform}" in f]


def app(house: dict[str, Wheel]) -> Wheel:
    return house["app-1.0-py3-none-any.whl"]


def test_read_wheel_takes_what_metadata_says(house: dict[str, Wheel], tmp_path: Path) -> None:
    lib = house["lib_pure-2.0-py3-none-any.whl"]
    assert (lib.name, lib.version, lib.key) == ("Lib_Pure", "2.0", "lib-pure")
    assert lib.license_classifiers == ("BSD License",)
    assert lib.sha256 == sha256_of(tmp_path / "wheels" / lib.filename)
    assert app(house).requires_dist[2] == 'backport==0.5; python_version < "3.12"'


def test_each_target_gets_its_own_closure_with_markers_and_extras(house: dict[str, Wheel]) -> None:
    on_311 = closure(app(house), target_wheels(house, X86_311), X86_311)
    on_313 = closure(app(house), target_wheels(house, ARM_313), ARM_313)
    assert [w.key for w in on_311.wheels] == ["app", "backport", "fastparse", "lib-pure", "speedups"]
    assert [w.key for w in on_313.wheels] == ["app", "fastparse", "lib-pure", "speedups"]  # no backport on 3.13
    assert "cp313-cp313-manylinux2014_aarch64" in next(w.filename for w in on_313.wheels if w.key == "fastparse")
    assert ("fastparse", "speedups") in on_313.edges  # through the [speed] extra the app asks for
    assert on_311.missing == on_313.missing == ()


def test_a_dependency_missing_for_a_target_is_reported(house: dict[str, Wheel]) -> None:
    without_backport = [w for w in target_wheels(house, X86_311) if w.key != "backport"]
    assert closure(app(house), without_backport, X86_311).missing == ('backport==0.5; python_version < "3.12" '
                                                                      "(for app 1.0)",)
    assert closure(app(house), without_backport, X86_313).missing == ()  # 3.13 never needed it


def test_the_lock_pins_every_project_with_all_its_wheels_hashes(house: dict[str, Wheel]) -> None:
    targets = [X86_311, ARM_311, X86_313, ARM_313]
    closures = [closure(app(house), target_wheels(house, t), t) for t in targets]
    entries = lock_entries(closures)
    text = lock_text(entries, targets)
    requirements = [line for line in text.splitlines() if not line.startswith(("#", " "))]
    assert requirements == ["app==1.0 \\", 'backport==0.5 ; python_version == "3.11" \\', "fastparse==3.1 \\",
                            "lib-pure==2.0 \\", "speedups==1.0 \\"]
    fastparse = text.split("fastparse==3.1 \\\n")[1].split("lib-pure")[0]
    hashes = sorted(w.sha256 for w in house.values() if w.key == "fastparse")
    *lines, last = [f"    --hash=sha256:{h}" for h in hashes]
    assert fastparse == "".join(f"{line} \\\n" for line in lines) + f"{last}\n"


def test_pip_installs_the_lock_with_required_hashes_and_refuses_a_changed_wheel(tmp_path: Path,
                                                                                isolated_home: Path) -> None:
    here = Target(f"{sys.version_info[0]}.{sys.version_info[1]}", f"manylinux2014_{platform.machine()}")
    elsewhere = Target("3.99", here.platform)
    d = tmp_path / "house"
    root = read_wheel(make_wheel(d, "app", "1.0", requires=("lib==2.0", 'backport==0.5; python_version == "3.99"')))
    wheels = [root, read_wheel(make_wheel(d, "lib", "2.0")), read_wheel(make_wheel(d, "backport", "0.5"))]
    closures = [closure(root, wheels, t) for t in (here, elsewhere)]
    (d / "requirements.lock").write_text(lock_text(lock_entries(closures), [here, elsewhere]), encoding="utf-8")
    env = env_without_home(isolated_home) | {"PIP_CONFIG_FILE": "/dev/null", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    command = [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet", "--report", "-",
               "--no-index", "--find-links", str(d), "--require-hashes", "-r", str(d / "requirements.lock")]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    installed = sorted((i["metadata"]["name"], i["metadata"]["version"]) for i in json.loads(done.stdout)["install"])
    assert installed == [("app", "1.0"), ("lib", "2.0")]  # the 3.99-only backport is not for this Python
    make_wheel(d, "lib", "2.0", headers=(("Summary", "tampered"),))  # same name, other bytes
    refused = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert refused.returncode != 0 and "DO NOT MATCH THE HASHES" in refused.stderr


def test_a_marker_names_the_targets_it_covers() -> None:
    every = {X86_311, ARM_311, X86_313, ARM_313}
    assert marker_for(every, every) == ""
    assert marker_for({X86_311, ARM_311}, every) == 'python_version == "3.11"'
    assert marker_for({ARM_311, X86_313}, every) == ('(python_version == "3.11" and platform_machine == "aarch64") or '
                                                     '(python_version == "3.13" and platform_machine == "x86_64")')
    musl = Target("3.11", "musllinux_1_2_x86_64")
    with pytest.raises(WheelhouseError, match="cannot tell them apart"):
        marker_for({X86_311}, {X86_311, musl})


def test_targets_are_checked() -> None:
    assert (X86_311.abi, X86_311.machine, X86_311.name) == ("cp311", "x86_64", "cp311-manylinux2014_x86_64")
    assert Target("3.12", "manylinux_2_28_aarch64").machine == "aarch64"
    with pytest.raises(WheelhouseError):
        Target("3.12", "win_amd64")
    with pytest.raises(WheelhouseError):
        Target("cp312", "manylinux2014_x86_64")


@pytest.mark.skipif(shutil.which("sha256sum") is None, reason="no sha256sum here")
def test_sha256sums_is_what_sha256sum_checks(tmp_path: Path, house: dict[str, Wheel]) -> None:
    d = tmp_path / "wheels"
    (d / "SHA256SUMS").write_text(sha256sums_text({f: sha256_of(d / f) for f in house}), encoding="utf-8")
    assert subprocess.run(["sha256sum", "-c", "--quiet", "SHA256SUMS"], cwd=d, check=False).returncode == 0
    (d / "app-1.0-py3-none-any.whl").write_bytes(b"changed on the way")
    done = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=d, capture_output=True, text=True, check=False)
    assert done.returncode == 1 and "app-1.0-py3-none-any.whl: FAILED" in done.stdout


def test_licences_say_what_each_wheel_states_and_where(house: dict[str, Wheel]) -> None:
    assert licence_line(app(house)) == "MIT (License-Expression)"
    assert licence_line(house["lib_pure-2.0-py3-none-any.whl"]) == "BSD-3-Clause … (License); BSD License (classifiers)"
    assert licence_line(house["backport-0.5-py3-none-any.whl"]) == "not stated in METADATA"
    text = licences_text(house.values())
    assert len([line for line in text.splitlines() if line.endswith(".whl") or ".whl " in line]) == len(house)


def test_the_sbom_is_cyclonedx_1_5_with_every_wheel_and_its_hash(house: dict[str, Wheel]) -> None:
    targets = [X86_311, ARM_313]
    closures = [closure(app(house), target_wheels(house, t), t) for t in targets]
    bom = cyclonedx(app(house), lock_entries(closures), closures,
                    timestamp=dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC), serial=uuid.UUID(int=7))
    assert (bom["bomFormat"], bom["specVersion"], bom["version"]) == ("CycloneDX", "1.5", 1)
    assert bom["serialNumber"] == "urn:uuid:00000000-0000-0000-0000-000000000007"
    assert bom["metadata"]["timestamp"] == "2026-01-02T03:04:05Z"
    root = bom["metadata"]["component"]
    assert (root["type"], root["purl"]) == ("application", "pkg:pypi/app@1.0")
    assert root["licenses"] == [{"expression": "MIT"}]
    components = {c["bom-ref"]: c for c in [root, *bom["components"]]}
    assert sorted(components) == ["pkg:pypi/app@1.0", "pkg:pypi/backport@0.5", "pkg:pypi/fastparse@3.1",
                                  "pkg:pypi/lib-pure@2.0", "pkg:pypi/speedups@1.0"]
    files = {r["url"]: r["hashes"] for c in components.values() for r in c["externalReferences"]}
    assert {f: [{"alg": "SHA-256", "content": w.sha256}] for f, w in house.items()
            if f in files} == files
    assert len(files) == 6  # app, lib-pure, backport, speedups, and fastparse for the two targets only
    assert components["pkg:pypi/lib-pure@2.0"]["licenses"] == [{"license": {"name": "BSD-3-Clause …"}},
                                                               {"license": {"name": "BSD License"}}]
    assert "licenses" not in components["pkg:pypi/backport@0.5"]
    assert components["pkg:pypi/backport@0.5"]["properties"] == [  # 3.11 is only built for x86_64 here
        {"name": "briefing-tui:wheelhouse:marker", "value": 'python_version == "3.11"'}]
    graph = {d["ref"]: d["dependsOn"] for d in bom["dependencies"]}
    assert set(graph) == set(components) and all(set(deps) <= set(components) for deps in graph.values())
    assert graph["pkg:pypi/fastparse@3.1"] == ["pkg:pypi/speedups@1.0"]
    assert purl("Python_Dateutil", "2.9.0.post0") == "pkg:pypi/python-dateutil@2.9.0.post0"


def test_the_tested_pythons_agree_everywhere() -> None:
    """make wheelhouse / offline-check's default PYTHONS, requires-python and the classifiers name the same set."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    match = re.search(r"^PYTHONS \?= (.+)$", makefile, re.MULTILINE)
    assert match is not None
    pythons = match.group(1).split()
    prefix = "Programming Language :: Python :: 3."
    classified = [c.removeprefix("Programming Language :: Python :: ") for c in project["classifiers"]
                  if c.startswith(prefix) and c != "Programming Language :: Python :: 3 :: Only"]
    allowed = [f"3.{minor}" for minor in range(6, 20) if f"3.{minor}.0" in SpecifierSet(project["requires-python"])]
    assert pythons == classified == allowed
