"""Install a wheelhouse as an air-gapped machine would, once per Python found here, and run the program.

    python -m tools.offline_check dist/wheelhouse --pythons "3.11 3.12 3.13" [--interpreters "/opt/py/bin/python3.12"]

For each Python: a fresh venv, `pip install --no-index --find-links WHEELHOUSE --require-hashes -r
requirements.lock` with the network cut off where `unshare -n` works, then `--version`, `list`, `search`
and `show --json` on the bundled samples and the reader in tmux, quit with `q`. HOME and the XDG folders
are temporary; no pip configuration or PIP_* variable of this machine applies. A Python that is not
found is reported as skipped; the check fails if any Python fails or none could be checked.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tools.reader_in_tmux import ReaderFailure, run_reader

SEED = "000_f05413db3c7f5e1f.txt"
"""The seed briefing among the bundled samples: 'Clash Report', twelve quotes."""
SEED_TITLE = "Clash Report"


class SmokeFailure(Exception):
    """One step failed on one Python; the message says which, with the program's output."""


@dataclass(frozen=True)
class Interpreter:
    """A working CPython: its X.Y version, full version and real executable (not a pyenv shim)."""

    version: str
    full_version: str
    path: Path


_PROBE = ("import sys, venv, ensurepip; v = sys.version_info; "
          "print(f'{v[0]}.{v[1]} {v[0]}.{v[1]}.{v[2]}'); print(sys.executable)")


def probe(command: str) -> Interpreter | str:
    """The interpreter `command` runs, or why it cannot serve (a pyenv shim for an unselected version fails
    here, and so does a Python without venv/ensurepip)."""
    try:
        done = subprocess.run([command, "-c", _PROBE], capture_output=True, text=True, timeout=60, check=False)
    except OSError as error:
        return f"{command}: {error.strerror}"
    except subprocess.TimeoutExpired:
        return f"{command}: no answer in 60 s"
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["exit code " + str(done.returncode)])[-1]
        return f"{command}: {last}"
    versions, executable = done.stdout.split("\n")[:2]
    version, full_version = versions.split()
    return Interpreter(version, full_version, Path(executable))


def pyenv_versions() -> Path:
    """Where pyenv keeps its Pythons."""
    return Path(os.environ.get("PYENV_ROOT") or Path.home() / ".pyenv") / "versions"


def candidates(version: str) -> list[str]:
    """Where a Python X.Y may be: pythonX.Y on PATH, then pyenv's versions, newest patch first."""
    found = [w for w in [shutil.which(f"python{version}")] if w]
    numbered = [p for p in pyenv_versions().glob(f"{version}.*") if re.fullmatch(r"\d+\.\d+\.\d+", p.name)]
    for folder in sorted(numbered, key=lambda p: [int(n) for n in p.name.split(".")], reverse=True):
        if (folder / "bin" / f"python{version}").exists():
            found.append(str(folder / "bin" / f"python{version}"))
    return found


def find_interpreters(versions: Sequence[str], explicit: Sequence[str]) -> tuple[dict[str, Interpreter],
                                                                                    dict[str, list[str]]]:
    """The first working interpreter for each version (`explicit` ones first), and for the versions with
    none, what was tried."""
    found: dict[str, Interpreter] = {}
    tried: dict[str, list[str]] = {v: [] for v in versions}
    for command in explicit:
        result = probe(command)
        if isinstance(result, Interpreter) and result.version in tried:
            found.setdefault(result.version, result)
        elif isinstance(result, Interpreter):
            print(f"  {command} is Python {result.version}, which is not among {' '.join(versions)}: not used")
        else:
            print(f"  {result}: not used")
    for version in versions:
        for command in candidates(version):
            if version in found:
                break
            result = probe(command)
            if isinstance(result, Interpreter) and result.version == version:
                found[version] = result
            else:
                tried[version].append(result if isinstance(result, str) else f"{command} is {result.version}")
    return found, {v: tried[v] for v in versions if v not in found}


def network_cut() -> list[str]:
    """`unshare -n` where it works (root or user namespaces): the install and the program then have no
    network at all, which proves the folder is enough. Else nothing; --no-index still keeps pip local."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-n", "true"], capture_output=True, check=False).returncode == 0:
        return [unshare, "-n"]
    return []


def clean_environment(home: Path) -> dict[str, str]:
    """A minimal environment: temporary HOME and XDG folders, no pip configuration, no PIP_*/BRIEFING_*."""
    env = {"PATH": os.environ.get("PATH", os.defpath), "HOME": str(home), "LANG": "C.UTF-8",
           "TERM": "xterm-256color", "PIP_CONFIG_FILE": os.devnull, "PIP_DISABLE_PIP_VERSION_CHECK": "1",
           "PIP_NO_INPUT": "1"}
    for var, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache"), ("XDG_DATA_HOME", "data"),
                     ("XDG_STATE_HOME", "state")):
        env[var] = str(home / sub)
    return env


def run(command: Sequence[str | Path], env: dict[str, str], cwd: Path, what: str) -> str:
    """Run a step; its stdout, or SmokeFailure with everything it printed."""
    done = subprocess.run([str(c) for c in command], capture_output=True, text=True, env=env, cwd=cwd,
                          timeout=600, check=False)
    if done.returncode != 0:
        raise SmokeFailure(f"{what}: exit code {done.returncode}\n$ {shlex.join(str(c) for c in command)}\n"
                           f"{done.stdout}{done.stderr}")
    return done.stdout


def locked_pins(lock: Path) -> dict[str, str]:
    """name -> version of the lock's requirements that apply everywhere (no marker)."""
    pins: dict[str, str] = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        if match := re.match(r"([a-z0-9-]+)==(\S+) \\$", line):
            pins[match.group(1)] = match.group(2)
    return pins


def check_python(python: Interpreter, wheelhouse: Path, venv: Path, cut: list[str]) -> list[str]:
    """Every step on one Python; the lines to report. Raises SmokeFailure at the first step that fails."""
    home = Path(tempfile.mkdtemp(prefix=f"briefing-offline-{python.version}-"))
    try:
        report = smoke(python, wheelhouse, venv, cut, home)
    except SmokeFailure as error:
        raise SmokeFailure(f"{error}\n(its temporary HOME is kept, to look at: {home})") from None
    shutil.rmtree(home)
    return report


def smoke(python: Interpreter, wheelhouse: Path, venv: Path, cut: list[str], home: Path) -> list[str]:
    """The steps of `check_python`, with HOME and the XDG folders in `home`."""
    env = clean_environment(home)
    report: list[str] = []
    started = time.monotonic()
    run([python.path, "-m", "venv", venv], env, home, "python -m venv")
    bin_ = venv / "bin"
    pip_version = run([bin_ / "python", "-m", "pip", "--version"], env, home, "pip --version").split()[1]
    report.append(f"venv with its own pip {pip_version}: {time.monotonic() - started:.1f} s")

    started = time.monotonic()
    lock = wheelhouse / "requirements.lock"
    run([*cut, bin_ / "python", "-m", "pip", "install", "--quiet", "--no-index", "--find-links", wheelhouse,
         "--require-hashes", "-r", lock], env, home, "pip install --no-index --require-hashes")
    listed = json.loads(run([bin_ / "python", "-m", "pip", "list", "--format=json"], env, home, "pip list"))
    installed = {re.sub(r"[-_.]+", "-", p["name"]).lower(): p["version"] for p in listed}
    for tool in ("pip", "setuptools"):  # the venv's own, not ours
        installed.pop(tool, None)
    pins = locked_pins(lock)
    if any(installed.get(name) != version for name, version in pins.items()):
        raise SmokeFailure(f"installed {installed}, but the lock pins {pins}")
    report.append(f"pip install --no-index --require-hashes: {len(installed)} packages, exactly the lock's pins: "
                  f"{time.monotonic() - started:.1f} s")

    briefing: list[str | Path] = [*cut, bin_ / "briefing"]
    version = run([*briefing, "--version"], env, home, "briefing --version").strip()
    if version != f"briefing-tui {pins['briefing-tui']}":
        raise SmokeFailure(f"briefing --version said {version!r}")
    report.append(f"briefing --version: {version}")

    articles = json.loads(run([*briefing, "list", "--json"], env, home, "briefing list --json"))["articles"]
    seed = next((a for a in articles if a["id"] == SEED), None)
    if seed is None or not Path(seed["path"]).resolve().is_relative_to(venv.resolve()):
        raise SmokeFailure(f"briefing list: no {SEED} from the installed package among {len(articles)} articles")
    report.append(f"briefing list (the bundled samples, from the installed wheel): {len(articles)} articles")

    found = json.loads(run([*briefing, "search", "--json", "rutte"], env, home, "briefing search"))["results"]
    if [r["title"] for r in found] != [SEED_TITLE]:
        raise SmokeFailure(f"briefing search rutte: {[r['title'] for r in found]}, not [{SEED_TITLE!r}]")
    report.append(f"briefing search rutte: 1 result, {SEED_TITLE} (an index in the temporary XDG cache)")

    article = json.loads(run([*briefing, "show", "--json", seed["path"]], env, home, "briefing show"))["article"]
    if article["title"] != SEED_TITLE or not article["quotes"]:
        raise SmokeFailure(f"briefing show --json: title {article['title']!r}, {len(article['quotes'])} quotes")
    report.append(f"briefing show --json (the seed): {article['title']}, {len(article['quotes'])} quotes")

    started = time.monotonic()
    try:
        run_reader([*cut, bin_ / "briefing", "--private"], env, home, expect=SEED_TITLE,
                   server=f"briefing-offline-{os.getpid()}-{python.version}")
    except ReaderFailure as error:
        raise SmokeFailure(f"the reader in tmux: {error}") from None
    report.append(f"the reader in tmux: {SEED_TITLE} on screen, q quit it with exit code 0: "
                  f"{time.monotonic() - started:.1f} s")
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.offline_check",
                                     description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("wheelhouse", type=Path)
    parser.add_argument("--pythons", required=True, help="Python versions to check, space-separated: 3.11 3.12")
    parser.add_argument("--interpreters", default="", help="interpreters to use before searching PATH and pyenv")
    parser.add_argument("--work", type=Path, default=Path("build/offline-check"), help="where the venvs go")
    args = parser.parse_args(argv)
    wheelhouse = args.wheelhouse.resolve()
    if not (wheelhouse / "requirements.lock").is_file():
        print(f"offline-check: {wheelhouse} has no requirements.lock; run make wheelhouse", file=sys.stderr)
        return 1
    if shutil.which("tmux") is None:
        print("offline-check: tmux is not installed; it runs the reader", file=sys.stderr)
        return 1
    versions = args.pythons.split()
    started = time.monotonic()
    cut = network_cut()
    print(f"offline-check: {args.wheelhouse}, Pythons {' '.join(versions)}; network "
          + ("cut off (unshare -n)" if cut else "not cut off (unshare -n is not permitted here)"))
    found, absent = find_interpreters(versions, args.interpreters.split())
    shutil.rmtree(args.work, ignore_errors=True)
    results: dict[str, str] = {}
    for version in versions:
        if version in absent:
            tried = "; tried " + "; ".join(absent[version]) if absent[version] else ""
            print(f"Python {version}: SKIPPED, not found here (looked for python{version} on PATH and in "
                  f"{pyenv_versions()}/{version}.*{tried})")
            results[version] = "SKIPPED"
            continue
        python = found[version]
        print(f"Python {version} ({python.path}, {python.full_version}):", flush=True)
        try:
            for line in check_python(python, wheelhouse, (args.work / f"venv-{version}").resolve(), cut):
                print(f"  ok  {line}", flush=True)
            results[version] = "ok"
        except SmokeFailure as error:
            print(f"  FAILED  {error}", flush=True)
            results[version] = "FAILED"
    summary = ", ".join(f"{v} {r}" for v, r in results.items())
    failed = "FAILED" in results.values() or "ok" not in results.values()
    print(f"offline-check: {summary} ({time.monotonic() - started:.0f} s)"
          + (": FAILED" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
