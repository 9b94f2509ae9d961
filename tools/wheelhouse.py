"""Build dist/wheelhouse: our wheel and every dependency's for each target Python and CPU, with
SHA256SUMS, requirements.lock (hashes), a CycloneDX SBOM and LICENSES.txt.

    python -m tools.wheelhouse --pythons "3.11 3.12 3.13" --platforms "manylinux2014_x86_64 manylinux2014_aarch64"

`make wheelhouse` runs it in a build-only venv (tools/build-requirements.txt); nothing here is a
runtime dependency. It needs the package registry; the folder it writes needs nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tools.sbom import SPEC_VERSION, cyclonedx
from tools.wheelfiles import (
    Closure,
    Target,
    Wheel,
    WheelhouseError,
    closure,
    licences_text,
    lock_entries,
    lock_text,
    read_wheel,
    sha256_of,
    sha256sums_text,
)

LOCK = "requirements.lock"
SUMS = "SHA256SUMS"
SBOM = "sbom.cdx.json"
LICENCES = "LICENSES.txt"


def pip(*args: str) -> None:
    """Run this interpreter's pip; its output is shown only when it fails (it is long and mostly noise)."""
    command = [sys.executable, "-m", "pip", "--disable-pip-version-check", *args]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        said = (done.stdout + done.stderr).strip().splitlines()[-30:]  # the error is at the end
        raise WheelhouseError(f"pip {' '.join(args)} failed:\n" + "\n".join(said))


def build_own_wheel(project: Path, into: Path) -> Path:
    """Our pure wheel, built from the project without its dependencies."""
    pip("wheel", "--quiet", "--no-deps", "--wheel-dir", str(into), str(project))
    wheels = sorted(into.glob("*.whl"))
    if len(wheels) != 1:
        raise WheelhouseError(f"expected one wheel from {project}, found {[w.name for w in wheels]}")
    return wheels[0]


def download_for(target: Target, own_wheel: Path, into: Path) -> None:
    """Every wheel that `own_wheel` needs on `target`, resolved by pip for that target (binary wheels only;
    pip refuses a Python outside our requires-python here, with its own message)."""
    pip("download", "--quiet", "--only-binary=:all:", "--python-version", target.python, "--implementation", "cp",
        "--abi", target.abi, "--platform", target.platform, "--dest", str(into), str(own_wheel))


def resolve(targets: Sequence[Target], work: Path, project: Path) -> tuple[Wheel, list[Closure], dict[str, Path]]:
    """Build our wheel, download per target, and check each target's closure. Returns the root wheel, the
    closures, and where each wheel file lies."""
    own_wheel = build_own_wheel(project, work / "own")
    # Targets download side by side: the time is mostly waiting on the registry, not the CPU.
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda t: download_for(t, own_wheel, work / t.name), targets))
    root = read_wheel(own_wheel)
    closures: list[Closure] = []
    files: dict[str, Path] = {}
    problems: list[str] = []
    for target in targets:
        paths = sorted((work / target.name).glob("*.whl"))
        result = closure(root, [read_wheel(p) for p in paths], target)
        problems.extend(f"{target.name}: no wheel for {m}" for m in result.missing)
        closures.append(result)
        files.update((p.name, p) for p in paths)
    if problems:
        raise WheelhouseError("the downloaded wheels do not cover every target:\n  " + "\n  ".join(problems))
    return root, closures, files


def write_wheelhouse(out: Path, root: Wheel, closures: list[Closure], files: dict[str, Path]) -> str:
    """Copy the wheels the targets need into `out` and write the lock, SBOM, licences and SHA256SUMS last.
    Returns the SHA-256 of SHA256SUMS."""
    entries = lock_entries(closures)
    wheels = [w for e in entries for w in e.wheels]
    out.mkdir(parents=True)
    for wheel in wheels:
        shutil.copyfile(files[wheel.filename], out / wheel.filename)
    targets = [c.target for c in closures]
    (out / LOCK).write_text(lock_text(entries, targets), encoding="utf-8")
    (out / LICENCES).write_text(licences_text(wheels), encoding="utf-8")
    bom = cyclonedx(root, entries, closures, timestamp=dt.datetime.now(dt.UTC), serial=uuid.uuid4())
    (out / SBOM).write_text(json.dumps(bom, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    digests = {p.name: sha256_of(p) for p in sorted(out.iterdir())}
    (out / SUMS).write_text(sha256sums_text(digests), encoding="utf-8")
    return sha256_of(out / SUMS)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.wheelhouse", description=(__doc__ or "").split("\n\n")[0])
    # No defaults here: the Makefile's PYTHONS and PLATFORMS are the one list (a test holds it to pyproject).
    parser.add_argument("--pythons", required=True, help="CPython versions, space-separated: 3.11 3.12")
    parser.add_argument("--platforms", required=True, help="pip platform tags, space-separated: manylinux2014_x86_64")
    parser.add_argument("--out", type=Path, default=Path("dist/wheelhouse"))
    parser.add_argument("--work", type=Path, default=Path("build/wheelhouse-work"),
                        help="scratch folder for the per-target downloads")
    parser.add_argument("--project", type=Path, default=Path("."))
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        targets = [Target(p, f) for p in args.pythons.split() for f in args.platforms.split()]
        if not targets:
            raise WheelhouseError("no targets: give at least one Python and one platform")
        for folder in (args.out, args.work):
            shutil.rmtree(folder, ignore_errors=True)
        root, closures, files = resolve(targets, args.work, args.project)
        sums_digest = write_wheelhouse(args.out, root, closures, files)
    except WheelhouseError as error:
        print(f"wheelhouse: {error}", file=sys.stderr)
        return 1
    wheel_count = len(list(args.out.glob("*.whl")))
    print(f"{args.out}: {wheel_count} wheels for {len(targets)} target{'s' if len(targets) > 1 else ''} "
          f"(Python {' '.join(args.pythons.split())} × {' '.join(args.platforms.split())}), "
          f"{time.monotonic() - started:.0f} s")
    print(f"  {LOCK} (--require-hashes), {SUMS}, {SBOM} (CycloneDX {SPEC_VERSION}), {LICENCES}")
    print(f"  sha256 of {SUMS}: {sums_digest}")
    print("  (note it down and compare it on the far side: `sha256sum SHA256SUMS`)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
