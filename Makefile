# Two commands for a new user: `make run` and `make test`. Everything installs into .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint typecheck pytest clean install fuzz wheelhouse offline-check eval bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(STAMP)

install: $(STAMP)

## Open the reader on the bundled sample library.
run: $(STAMP)
	$(BIN)/briefing $(ARGS)

## Lint, type-check and run the whole test suite.
test: $(TEST_STAMP) lint typecheck pytest

lint: $(TEST_STAMP)
	$(BIN)/ruff check src tests bench tools

typecheck: $(TEST_STAMP)
	$(BIN)/mypy

# The suite starts many interpreters (a worker per core, the CLI's and the parsers' subprocesses): each one
# compiling every module from source cost about 10% of the run where PYTHONDONTWRITEBYTECODE is set, so the
# tests keep their bytecode under .venv (never beside the sources) whatever the environment says.
pytest: $(TEST_STAMP)
	PYTHONDONTWRITEBYTECODE= PYTHONPYCACHEPREFIX=$(CURDIR)/$(VENV)/pycache $(BIN)/python -m pytest

## Speed figures for generated libraries (BENCH_SIZES="1000 10000 100000" for the full run).
BENCH_SIZES ?= 1000 10000
bench: $(STAMP)
	$(BIN)/python -m bench.run $(BENCH_SIZES)

## Quote detection and speaker attribution against the annotated gold sets in eval/.
eval: $(STAMP)
	$(BIN)/python -m bench.eval_quotes

## Longer fuzzing of the parsers (hypothesis, many more examples than make test).
fuzz: $(TEST_STAMP)
	BRIEFING_FUZZ_EXAMPLES=20000 BRIEFING_COMPLEXITY_N=16384 $(BIN)/python -m pytest -q tests/test_properties.py tests/test_fuzz_query.py tests/test_complexity.py

## The air-gapped install (see the README): one folder of wheels for every target Python and CPU.
## Targets: PYTHONS="3.12" PLATFORMS="manylinux2014_aarch64" narrow them (pip platform tags).
PYTHONS ?= 3.11 3.12 3.13
PLATFORMS ?= manylinux2014_x86_64 manylinux2014_aarch64
# Build-only tools (pip, packaging) live in their own venv: nothing of them reaches the runtime.
TOOLS_VENV := build/tools-venv
TOOLS_STAMP := $(TOOLS_VENV)/.installed

$(TOOLS_STAMP): tools/build-requirements.txt
	rm -rf $(TOOLS_VENV)
	$(PYTHON) -m venv $(TOOLS_VENV)
	$(TOOLS_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r tools/build-requirements.txt
	touch $@

## dist/wheelhouse/: the wheels, SHA256SUMS, requirements.lock (hashes), sbom.cdx.json, LICENSES.txt.
wheelhouse: $(TOOLS_STAMP)
	$(TOOLS_VENV)/bin/python -m tools.wheelhouse --out dist/wheelhouse --pythons "$(PYTHONS)" --platforms "$(PLATFORMS)"

## Install dist/wheelhouse with --no-index --require-hashes into a fresh venv for each of PYTHONS found on
## this machine (or INTERPRETERS="/path/python3.12 ..."), then run the program there; absent ones are skipped.
offline-check: wheelhouse
	$(TOOLS_VENV)/bin/python -m tools.offline_check dist/wheelhouse --pythons "$(PYTHONS)" --interpreters "$(INTERPRETERS)"

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
