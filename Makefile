# renda: two commands do everything on a fresh machine (Python 3.11 and make present):
#   make run    create .venv, install, run the release flow on raw/, write a release
#   make test   the same set-up, then the whole test suite
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt 2>/dev/null | sha256sum | cut -c1-12)
RAW ?= raw
CURATED ?= curated

export PREFECT_SERVER_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1
export GX_ANALYTICS_ENABLED := false

.PHONY: run test eval eval-fixtures eval-holdout bench bench-real typecheck clean setup

setup: $(STAMP)

# Re-installs only when pyproject.toml or constraints.txt change.
$(STAMP): pyproject.toml constraints.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check --upgrade pip
	$(PY) -m pip install -q --disable-pip-version-check -c constraints.txt -e '.[test]'
	@rm -f $(VENV)/.installed-*
	@touch $@

run: $(STAMP)
	$(VENV)/bin/renda run --raw $(RAW) --curated $(CURATED)

test: $(STAMP)
	$(PY) -m pytest -q

# The library is typed strictly (pyproject.toml [tool.mypy]).
typecheck: $(STAMP)
	$(PY) -m mypy

# The measure: the release flow over all of ../shared/corpus, scored by the reference scorer
# (../shared/eval/score.py): every part's figures; every miss of all parts but web/check.
eval: $(STAMP)
	$(VENV)/bin/renda eval --corpus ../shared/corpus --gold ../shared/eval/gold --work build/eval \
		--json build/eval/result.json

# Regression checks on fixtures written here (not a measure of accuracy).
eval-fixtures: $(STAMP)
	$(VENV)/bin/renda eval-fixtures --corpus ../shared/corpus --gold tests/gold --work build/eval-fixtures

# Throughput, reruns and memory at N = 1,000 and 10,000 (writes benchmarks/RESULTS.md).
bench: $(STAMP)
	$(PY) benchmarks/bench.py --sizes 1000 10000

# Library throughput on the real corpus alone (MB/s on one core; part of make bench).
bench-real: $(STAMP)
	$(PY) benchmarks/real_corpus.py

# The blind holdout set: never used to tune rules; reports how the rules generalise.
eval-holdout: $(STAMP)
	$(VENV)/bin/renda eval-fixtures --corpus /nonexistent --gold tests/holdout --work build/eval-holdout

clean:
	rm -rf $(VENV) $(CURATED)/releases $(CURATED)/LATEST .pytest_cache
