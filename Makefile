# newsfuse: `make demo` and `make test` are the whole quick start.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DEMO_DB ?= newsfuse.db

.PHONY: help setup setup-dev demo test lint format bench-datelines bench-cluster clean

help:
	@echo "make demo   - install into $(VENV), ingest examples/ into $(DEMO_DB), show what was stored"
	@echo "make test   - install with the dev extras into $(VENV) and run the whole test suite"
	@echo "make lint   - ruff check and format check"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Re-install whenever pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@ $(VENV)/.installed

setup: $(VENV)/.installed
setup-dev: $(VENV)/.installed-dev

demo: setup
	$(BIN)/newsfuse ingest examples/ --db $(DEMO_DB)
	@echo
	$(BIN)/newsfuse articles --db $(DEMO_DB)
	$(BIN)/newsfuse duplicates --db $(DEMO_DB)
	$(BIN)/newsfuse rejects --db $(DEMO_DB)
	$(BIN)/newsfuse actors --db $(DEMO_DB) --limit 10
	$(BIN)/newsfuse stories --db $(DEMO_DB)
	$(BIN)/newsfuse story frontier-wire --db $(DEMO_DB)
	@echo
	@echo "Stored in $(DEMO_DB). Try: $(BIN)/newsfuse article frontier-wire --db $(DEMO_DB)"

test: setup-dev
	$(BIN)/ruff check newsfuse tests benchmarks
	$(BIN)/python -m pytest

lint: setup-dev
	$(BIN)/ruff check newsfuse tests benchmarks
	$(BIN)/ruff format --check newsfuse tests benchmarks

format: setup-dev
	$(BIN)/ruff format newsfuse tests benchmarks
	$(BIN)/ruff check --fix newsfuse tests benchmarks

bench-datelines: setup
	$(BIN)/newsfuse eval datelines ../shared/corpus/reuters21578

bench-cluster: setup
	$(BIN)/python benchmarks/cluster_scaling.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .ruff_cache
